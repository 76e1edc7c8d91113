// Flood control as a busy group meets it: real grammY against the fake Bot API, with Telegram's real
// send limits (1 message a second per chat, 20 a minute per group) and the default flood policy.
import { afterEach, describe, expect, it } from 'vitest';
import { TELEGRAM_LIMITS } from '../../../src/adapters/telegram/index.js';
import { makeAnalysis, seedStory } from '../../commands/helpers/fixtures.js';
import { textMessage, type ApiCall } from '../../helpers/fake-telegram.js';
import { GROUP, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h.stop());

const ALICE = 7;
const BOB = 8;
const group = { platform: 'telegram' as const, chatId: String(GROUP.id), threadId: null };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const texts = (calls: ApiCall[]) => calls.map((c) => String(c.body.text));
const isNotice = (c: ApiCall) => String(c.body.text).includes('a lot of commands');

describe('Telegram flood control in a busy group', () => {
  it('GIVEN 200 /latest from one member THEN a handful of replies and one notice; another member’s /help during the burst is answered within 2 s; a digest due during the burst goes on time', async () => {
    h = await startHarness({ limits: TELEGRAM_LIMITS });
    await seedStory(h.store, makeAnalysis({ title: 'Dunavac port reopens' }));
    const latest = () => h.fake.push(textMessage('/latest balkans', GROUP, { fromId: ALICE }));
    for (let i = 0; i < 100; i++) latest();
    // The burst is under way: the member's first answer is out, the rest wait their turns.
    await h.fake.until(() => h.fake.sent().length === 1);
    const helpAsked = Date.now();
    h.fake.push(textMessage('/help', GROUP, { fromId: BOB }));
    for (let i = 0; i < 100; i++) latest();
    // A digest falls due a moment later, while the member's answers are still going out.
    await sleep(200);
    const digestDue = Date.now();
    await h.adapter.deliver(group, { blocks: [{ kind: 'text', text: 'The Balkans: 1 story' }] });
    const digestSent = h.fake.sent().find((c) => c.body.text === 'The Balkans: 1 story')!.at;
    const helpAnswered = h.fake.sent().find((c) => String(c.body.text).includes('newsdesk commands'))!.at;

    await h.fake.until(() => h.fake.sent().some(isNotice), 15_000);
    // Past the last turn the queue could still have had: nothing more comes.
    await sleep(2_500);
    const sent = h.fake.sent();
    const answers = sent.filter((c) => String(c.body.text).includes('Dunavac port reopens'));
    const notices = sent.filter(isNotice);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.length).toBeLessThanOrEqual(5);
    expect(notices).toHaveLength(1);
    expect(sent).toHaveLength(answers.length + notices.length + 2);
    // The notice answers the command that went over, so the group sees whom it is for.
    expect(notices[0]!.body.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    expect(helpAnswered - helpAsked).toBeLessThan(2_000);
    // On time: at most the turn the newcomer's answer took, and its own (Telegram allows one a second).
    expect(digestSent - digestDue).toBeLessThan(2_500);
    // Neither waited for the member's answers to run out.
    expect(answers.filter((c) => c.at > digestSent).length).toBeGreaterThanOrEqual(2);
    // Telegram's limits still held: one message a second in the group.
    const times = sent.map((c) => c.at).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(950);
  });

  it('GIVEN a long digest going out THEN a member’s /help is answered at the next turn, not after the digest', async () => {
    h = await startHarness({ limits: TELEGRAM_LIMITS });
    const parts = Array.from({ length: 6 }, (_, i) => `Digest part ${i} ${'x'.repeat(3500)}`);
    const digest = h.adapter.deliver(group, {
      blocks: parts.map((text) => ({ kind: 'text' as const, text })),
    });
    await h.fake.until(() => h.fake.sent().length === 1);
    const asked = Date.now();
    h.fake.push(textMessage('/help', GROUP, { fromId: BOB }));
    await h.fake.until(() => texts(h.fake.sent()).some((t) => t.includes('newsdesk commands')));
    const answered = h.fake.sent().find((c) => String(c.body.text).includes('newsdesk commands'))!.at;
    expect(answered - asked).toBeLessThan(2_000);
    await digest;
    const order = texts(h.fake.sent()).map((t) => (t.startsWith('Digest part') ? t.slice(0, 13) : 'help'));
    expect(order.indexOf('help')).toBeLessThan(3);
    expect(order.filter((t) => t !== 'help')).toEqual(parts.map((p) => p.slice(0, 13)));
  });

  it('GIVEN a member told to wait THEN after the window they are answered again, and others never waited', async () => {
    h = await startHarness({
      flood: { member: { burst: 2, windowMs: 1_500 }, chat: { burst: 20, windowMs: 60_000 } },
    });
    for (let i = 0; i < 10; i++) h.fake.push(textMessage('/regions', GROUP, { fromId: ALICE }));
    h.fake.push(textMessage('/regions', GROUP, { fromId: BOB }));
    await h.fake.until(() => h.fake.sent().length === 4);
    await sleep(300);
    expect(h.fake.sent().filter(isNotice)).toHaveLength(1);
    expect(h.fake.sent().filter((c) => String(c.body.text).includes('balkans: The Balkans'))).toHaveLength(3);
    await sleep(1_500);
    h.fake.push(textMessage('/regions', GROUP, { fromId: ALICE }));
    await h.fake.until(() => h.fake.sent().length === 5);
    expect(String(h.fake.sent()[4]!.body.text)).toContain('balkans: The Balkans');
  });
});
