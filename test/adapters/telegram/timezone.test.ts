// A moderator changes the chat's time zone: the bot asks whether the existing subscriptions move,
// with buttons, and does what was chosen, down to when the next digest arrives. Real grammY against
// the fake Bot API; digests through the real scheduler and the adapter.
import { afterEach, describe, expect, it } from 'vitest';
import { runDueDigests, type DigestDeps } from '../../../src/scheduler/digest-scheduler.js';
import { makeAnalysis, NOW, seedStory, wordMatch } from '../../commands/helpers/fixtures.js';
import { buttonPress, buttonsOf, textMessage, type ApiCall } from '../../helpers/fake-telegram.js';
import { GROUP, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h.stop());

const MOD = 7;
const MEMBER = 8;
const CHAT = { platform: 'telegram' as const, chatId: String(GROUP.id) };

async function ask(text: string, fromId = MOD): Promise<ApiCall> {
  const before = h.fake.sent().length;
  h.fake.push(textMessage(text, GROUP, { fromId }));
  await h.fake.until(() => h.fake.sent().length > before);
  return h.fake.sent()[before]!;
}

async function press(message: ApiCall, label: string, fromId: number): Promise<void> {
  const answered = () => h.fake.calls.filter((c) => c.method === 'answerCallbackQuery').length;
  const before = answered();
  h.fake.push(buttonPress(message, label, fromId));
  await h.fake.until(() => answered() > before);
}

function digestDeps(): DigestDeps {
  return {
    store: h.store,
    services: { matchTopic: wordMatch },
    platforms: new Map([['telegram', h.adapter]]),
    onError: (e) => {
      throw e;
    },
  };
}

async function setup(): Promise<void> {
  h = await startHarness();
  h.fake.setMember(GROUP.id, MOD, 'administrator');
  await seedStory(h.store, makeAnalysis({ title: 'Dunavac port reopens' }));
  expect(String((await ask('/subscribe balkans daily@08:00')).body.text)).toContain('daily at 08:00 (UTC)');
}

describe('Telegram: /settings timezone and the existing subscriptions', () => {
  it('GIVEN a UTC subscription and a new zone THEN the bot asks; a member’s press is refused privately; the moderator’s Move moves it and the next digest comes at 08:00 Belgrade time', async () => {
    await setup();
    // The scheduler's first pass reads the schedule: next due 08:00 UTC tomorrow.
    expect(await runDueDigests(digestDeps(), NOW)).toBe(0);
    const [sub] = await h.store.subscriptions.forChat(CHAT);
    expect(sub!.nextDueAt).toEqual(new Date('2026-03-11T08:00:00Z'));

    const question = await ask('/settings timezone Europe/Belgrade');
    expect(String(question.body.text)).toContain('also has its subscription on UTC');
    expect(buttonsOf(question)).toEqual([['Move to Europe/Belgrade', 'Keep as they are']]);
    expect((await h.store.chats.settings(CHAT)).timezone).toBe('Europe/Belgrade');
    expect((await h.store.subscriptions.get(sub!.id))!.timezone).toBe('UTC');

    const sentBefore = h.fake.sent().length;
    await press(question, 'Move to Europe/Belgrade', MEMBER);
    const refusal = h.fake.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)!;
    expect(refusal.body).toMatchObject({ show_alert: true });
    expect(String(refusal.body.text)).toContain('moderators');
    expect(h.fake.sent()).toHaveLength(sentBefore);
    expect((await h.store.subscriptions.get(sub!.id))!.timezone).toBe('UTC');

    await press(question, 'Move to Europe/Belgrade', MOD);
    await h.fake.until(() => h.fake.sent().length > sentBefore);
    const answer = String(h.fake.sent().at(-1)!.body.text);
    expect(answer).toContain('Moved to Europe/Belgrade');
    expect(answer).toContain(
      `#${sub!.id} The Balkans, daily at 08:00 Europe/Belgrade, next Wed 11 Mar, 08:00`,
    );
    // The question's buttons go once it is answered.
    const edit = h.fake.calls.find((c) => c.method === 'editMessageReplyMarkup')!;
    expect(edit.body).toMatchObject({
      message_id: question.body.message_id,
      reply_markup: { inline_keyboard: [] },
    });
    const moved = (await h.store.subscriptions.get(sub!.id))!;
    expect(moved).toMatchObject({ timezone: 'Europe/Belgrade', nextDueAt: new Date('2026-03-11T07:00:00Z') });

    // 08:00 in Belgrade is 07:00 UTC in March: the digest comes then, not at 08:00 UTC.
    const digests = () => h.fake.sent().filter((c) => String(c.body.text).includes('Dunavac port reopens'));
    expect(await runDueDigests(digestDeps(), new Date('2026-03-11T06:59:00Z'))).toBe(0);
    expect(await runDueDigests(digestDeps(), new Date('2026-03-11T07:00:20Z'))).toBe(1);
    expect(digests()).toHaveLength(1);
    expect(await runDueDigests(digestDeps(), new Date('2026-03-11T08:00:20Z'))).toBe(0);
  });

  it('GIVEN Keep pressed THEN the subscriptions stay on their zone and /subscriptions shows each schedule in its own zone', async () => {
    await setup();
    const question = await ask('/settings timezone Asia/Tokyo');
    await press(question, 'Keep as they are', MOD);
    await h.fake.until(() => String(h.fake.sent().at(-1)!.body.text).includes('keep their own zones'));
    expect((await h.store.subscriptions.forChat(CHAT)).map((s) => s.timezone)).toEqual(['UTC']);
    expect(h.fake.calls.some((c) => c.method === 'editMessageReplyMarkup')).toBe(true);
    // A new subscription takes the chat's new zone; each is shown in its own.
    expect(String((await ask('/subscribe sahel weekdays@07:30')).body.text)).toContain('(Asia/Tokyo)');
    const list = String((await ask('/subscriptions', MEMBER)).body.text);
    expect(list).toContain('The Balkans, daily at 08:00 UTC, next Wed 11 Mar, 08:00');
    expect(list).toContain('The Sahel, weekdays at 07:30 Asia/Tokyo, next Wed 11 Mar, 07:30');
  });

  it('GIVEN the answer typed with the zone (or no other zone in use) THEN no question: it is done at once', async () => {
    await setup();
    const moved = String((await ask('/settings timezone Europe/Belgrade move yes')).body.text);
    expect(moved).toContain('Moved to Europe/Belgrade');
    expect((await h.store.subscriptions.forChat(CHAT)).map((s) => s.timezone)).toEqual(['Europe/Belgrade']);
    const again = await ask('/settings timezone Europe/Belgrade');
    expect(String(again.body.text)).toBe('Saved. Time zone Europe/Belgrade, 5 stories a digest.');
    expect(buttonsOf(again)).toEqual([]);
    expect(String((await ask('/settings size 3 move yes')).body.text)).toContain(
      '&quot;move&quot; goes with a time zone',
    );
  });
});
