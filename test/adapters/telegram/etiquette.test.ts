// How the bot behaves in a group it shares with people and other bots: real grammY against the
// fake Bot API.
import { afterEach, describe, expect, it } from 'vitest';
import { makeAnalysis, seedStory } from '../../commands/helpers/fixtures.js';
import { edited, textMessage } from '../../helpers/fake-telegram.js';
import { GROUP, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h.stop());

const PRIVATE = { id: 31, type: 'private' as const };
// These tests send more commands from one member than flood control allows (see flood.test.ts).
const ROOMY = { member: { burst: 50, windowMs: 60_000 }, chat: { burst: 50, windowMs: 60_000 } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sentTexts = () => h.fake.sent().map((c) => String(c.body.text));

/**
 * Pushes messages from one member, then a `/regions` from the same member as a marker: a member's
 * updates are handled in order, so once the marker is answered every earlier one was handled too.
 */
async function answersTo(messages: string[], chat: typeof GROUP | typeof PRIVATE = GROUP): Promise<string[]> {
  const before = h.fake.sent().length;
  for (const text of messages) h.fake.push(textMessage(text, chat, { fromId: 7 }));
  h.fake.push(textMessage('/regions', chat, { fromId: 7 }));
  await h.fake.until(() =>
    sentTexts()
      .slice(before)
      .some((t) => t.includes('balkans: The Balkans')),
  );
  await sleep(100);
  return sentTexts()
    .slice(before)
    .filter((t) => !t.includes('balkans: The Balkans'));
}

describe('Telegram: quiet toward what is not ours', () => {
  it('GIVEN another bot’s command, a path at the start of a sentence, or an unknown command in a group THEN no answer at all', async () => {
    h = await startHarness({ flood: ROOMY });
    const answers = await answersTo([
      '/ban @spammer',
      '/usr/local is full again',
      '/ban@some_other_bot @spammer',
      '/warn',
      '/ is this thing on?',
    ]);
    expect(answers).toEqual([]);
  });

  it('GIVEN an unknown command addressed to the bot, or in reply to it THEN it is answered', async () => {
    h = await startHarness({ flood: ROOMY });
    expect(await answersTo(['/ban@newsdesk_test_bot @spammer'])).toEqual([
      expect.stringContaining('There is no command &quot;ban&quot;'),
    ]);
    const before = h.fake.sent().length;
    h.fake.push(textMessage('/lastest balkans', GROUP, { fromId: 9, replyToBot: true }));
    await h.fake.until(() => h.fake.sent().length === before + 1);
    expect(sentTexts().at(-1)).toContain('There is no command &quot;lastest&quot;');
  });

  it('GIVEN an unknown command in a private chat THEN it is answered; plain text is not', async () => {
    h = await startHarness({ flood: ROOMY });
    expect(await answersTo(['/ban', 'hello there', '/usr/local is full again'], PRIVATE)).toEqual([
      expect.stringContaining('There is no command &quot;ban&quot;'),
    ]);
  });
});

describe('Telegram: input hygiene', () => {
  it('GIVEN look-alike letters, invisible characters, a NUL or full-width forms THEN the command works as if typed plainly', async () => {
    h = await startHarness({ flood: ROOMY });
    await seedStory(h.store, makeAnalysis({ title: 'Dunavac port reopens' }));
    const typed = [
      '/lateѕt balkans', // a Cyrillic s
      '/lаtest balkans', // a Cyrillic a
      '/latest balkans\u200b', // a trailing zero-width space
      '/latest balkans\u0000',
      '/lat\u00adest bal\u2060kans',
      '／ｌａｔｅｓｔ　ｂａｌｋａｎｓ',
      '/LATEST Balkans',
    ];
    const answers = await answersTo(typed);
    expect(answers).toHaveLength(typed.length);
    for (const a of answers) expect(a).toContain('Dunavac port reopens');
  });

  it('GIVEN a right-to-left override in an argument THEN the answer never echoes it', async () => {
    h = await startHarness({ flood: ROOMY });
    const [answer] = await answersTo(['/latest \u202eevil\u202c region']);
    expect(answer).toContain('Unknown region or topic &quot;evil region&quot;');
    expect(answer).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
  });

  it('GIVEN a command edited after sending THEN the edited one is answered as a new command', async () => {
    h = await startHarness({ flood: ROOMY });
    await seedStory(h.store, makeAnalysis({ title: 'Dunavac port reopens' }));
    const typo = textMessage('/latest balkns', GROUP, { fromId: 7 });
    h.fake.push(typo);
    await h.fake.until(() => h.fake.sent().length === 1);
    expect(sentTexts()[0]).toContain('Did you mean balkans');
    const fixed = edited(typo);
    (fixed.edited_message as Record<string, unknown>).text = '/latest balkans';
    h.fake.push(fixed);
    await h.fake.until(() => h.fake.sent().length === 2);
    expect(sentTexts()[1]).toContain('Dunavac port reopens');
  });
});

describe('Telegram: text that survives copying', () => {
  it('GIVEN /help subscribe THEN its example is a code entity holding exactly the working command, and pasting it back subscribes', async () => {
    h = await startHarness({ flood: ROOMY });
    const [answer] = await answersTo(['/help subscribe'], PRIVATE);
    const example = /Example: <code>([^<]*)<\/code>/.exec(answer ?? '')?.[1];
    expect(example).toBe('/subscribe balkans daily@08:00 Europe/Belgrade');
    expect(answer).not.toContain('\u2060');
    // What a tap copies, pasted back as a command, works.
    const [pasted] = await answersTo([example!], PRIVATE);
    expect(pasted).toContain('now gets The Balkans daily at 08:00 (Europe/Belgrade)');
  });
});
