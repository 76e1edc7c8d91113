// A newcomer's first minute: /start (from the Start button or a deep link), and the buttons under
// the welcome. Real grammY against the fake Bot API.
import { afterEach, describe, expect, it } from 'vitest';
import { makeAnalysis, seedStory } from '../../commands/helpers/fixtures.js';
import { buttonPress, buttonsOf, textMessage } from '../../helpers/fake-telegram.js';
import { GROUP, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h.stop());

const PRIVATE = { id: 31, type: 'private' as const };
const texts = () => h.fake.sent().map((c) => String(c.body.text));

async function ask(text: string, chat: typeof PRIVATE | typeof GROUP = PRIVATE): Promise<string> {
  const before = h.fake.sent().length;
  h.fake.push(textMessage(text, chat, { fromId: 7 }));
  await h.fake.until(() => h.fake.sent().length > before);
  return texts()[before]!;
}

describe('Telegram: the welcome', () => {
  it('GIVEN /start THEN three lines say what the bot does, with buttons for the three commands a newcomer wants', async () => {
    h = await startHarness();
    const welcome = await ask('/start');
    expect(welcome.split('\n')).toHaveLength(3);
    expect(welcome).toContain('short briefings');
    expect(welcome).toContain('/latest balkans');
    expect(welcome).not.toContain('There is no command');
    expect(welcome).not.toContain('newsdesk commands');
    expect(buttonsOf(h.fake.sent()[0]!)).toEqual([['Regions'], ['How to subscribe'], ['All commands']]);
  });

  it('GIVEN the welcome’s buttons pressed THEN each answers as its command would, and the buttons stay', async () => {
    h = await startHarness();
    await ask('/start');
    const welcome = h.fake.sent()[0]!;
    const press = async (label: string): Promise<string> => {
      const before = h.fake.sent().length;
      h.fake.push(buttonPress(welcome, label));
      await h.fake.until(() => h.fake.sent().length > before);
      return texts()[before]!;
    };
    expect(await press('Regions')).toContain('balkans: The Balkans');
    expect(await press('How to subscribe')).toContain(
      'Example: <code>/subscribe balkans daily@08:00 Europe/Belgrade</code>',
    );
    expect(await press('All commands')).toContain('newsdesk commands');
    // Each press was acknowledged (the client stops its spinner), and the answers reply to the welcome.
    expect(h.fake.calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(3);
    expect(h.fake.sent()[1]!.body.reply_parameters).toMatchObject({ message_id: welcome.body.message_id });
    expect(h.fake.calls.some((c) => c.method === 'editMessageReplyMarkup')).toBe(false);
  });

  it('GIVEN a deep link’s /start balkans THEN the Balkans’ latest stories open; an unknown payload gets the welcome', async () => {
    h = await startHarness();
    await seedStory(h.store, makeAnalysis({ title: 'Dunavac port reopens' }));
    expect(await ask('/start balkans')).toContain('Dunavac port reopens');
    expect(await ask('/start middle-east')).toContain('No stories for The Middle East yet');
    const unknown = await ask('/start zz-not-a-region');
    expect(unknown).toContain('short briefings');
    expect(unknown).not.toContain('There is no command');
  });

  it('GIVEN /start@ourbot with a payload in a group (a startgroup link) THEN the region opens there', async () => {
    h = await startHarness();
    await seedStory(h.store, makeAnalysis({ title: 'Dunavac port reopens' }));
    expect(await ask('/start@newsdesk_test_bot balkans', GROUP)).toContain('Dunavac port reopens');
  });

  it('GIVEN a member pressing a button again and again THEN presses count as commands: a handful answered, one private notice, then silence', async () => {
    h = await startHarness();
    await ask('/start@newsdesk_test_bot', GROUP);
    const welcome = h.fake.sent()[0]!;
    const acks = () => h.fake.calls.filter((c) => c.method === 'answerCallbackQuery');
    for (let i = 0; i < 10; i++) h.fake.push(buttonPress(welcome, 'Regions', 7));
    await h.fake.until(() => acks().length === 10);
    await h.fake.until(() => texts().filter((t) => t.includes('balkans: The Balkans')).length === 4);
    await new Promise((r) => setTimeout(r, 300));
    // The /start and four presses made the member's five; the sixth press was told, privately.
    expect(texts().filter((t) => t.includes('balkans: The Balkans'))).toHaveLength(4);
    const notices = acks().filter((c) => String(c.body.text ?? '').includes('a lot of commands'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body.show_alert).toBe(true);
    expect(texts().some((t) => t.includes('a lot of commands'))).toBe(false);
    // Another member is not held back by it.
    h.fake.push(buttonPress(welcome, 'Regions', 8));
    await h.fake.until(() => texts().filter((t) => t.includes('balkans: The Balkans')).length === 5);
  });

  it('GIVEN a bare /start in a group THEN it is left to the other bots; addressed to us or in reply to us THEN welcomed', async () => {
    h = await startHarness();
    h.fake.push(textMessage('/start', GROUP, { fromId: 7 }));
    expect(await ask('/start@newsdesk_test_bot', GROUP)).toContain('short briefings');
    h.fake.push(textMessage('/start', GROUP, { fromId: 9, replyToBot: true }));
    await h.fake.until(() => h.fake.sent().length === 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(texts()).toHaveLength(2);
    expect(texts()[1]).toContain('short briefings');
  });
});
