import { afterEach, describe, expect, it } from 'vitest';
import { DestinationLostError } from '../../../src/platform.js';
import { makeAnalysis, seedStory } from '../../commands/helpers/fixtures.js';
import { textMessage } from '../../helpers/fake-telegram.js';
import { GROUP, startHarness, TOKEN, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h.stop());

async function seedMany(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const lede = `Story ${i} lede: ${'the harbour council debated the long budget again '.repeat(16)}`.trim();
    await seedStory(h.store, makeAnalysis({ title: `Headline ${i}`, lede }), i + 1);
  }
}

describe('Telegram delivery: limits, flood control, hostile text', () => {
  it('GIVEN a reply longer than one message THEN it is split at story boundaries, each part within 4096 and in order', async () => {
    h = await startHarness();
    await seedMany(10);
    h.fake.push(textMessage('/latest balkans 10', GROUP));
    await h.fake.until(
      () =>
        h.fake.sent().length >= 3 && h.fake.sent().some((c) => String(c.body.text).includes('Headline 9')),
    );
    const texts = h.fake.sent().map((c) => String(c.body.text));
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(4096);
      expect(t.startsWith('<b><a href=')).toBe(true);
      expect(t.endsWith('…')).toBe(false);
    }
    const order = texts.join('\n').match(/Headline \d+/g);
    expect(order).toEqual(Array.from({ length: 10 }, (_, i) => `Headline ${i}`));
  });

  it('GIVEN a 429 with retry_after THEN the message is retried after the wait and nothing is lost', async () => {
    h = await startHarness();
    await seedMany(10);
    h.fake.failNext('sendMessage', 1, 429, 'Too Many Requests: retry after 1', { retry_after: 1 });
    h.fake.push(textMessage('/latest balkans 10', GROUP));
    await h.fake.until(() => h.fake.sent().some((c) => String(c.body.text).includes('Headline 9')));
    const attempts = h.fake.calls.filter((c) => c.method === 'sendMessage');
    expect(attempts.length).toBe(h.fake.sent().length + 1);
    // The retry came only after the second Telegram asked for.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(h.fake.sent()[0]!.body.text).toBe(attempts[0]!.body.text);
    expect(
      h.fake
        .sent()
        .map((c) => String(c.body.text))
        .join('')
        .match(/Headline \d+/g),
    ).toHaveLength(10);
  });

  it('GIVEN feed text with <, & and <script> THEN it arrives escaped and Telegram accepts it', async () => {
    h = await startHarness();
    await seedStory(
      h.store,
      makeAnalysis({
        title: 'Fares < costs & <script>alert(1)</script> for @everyone',
        lede: 'Tickets rose 5% <b>overnight</b> & riders "complained" to @city_transport.',
      }),
    );
    h.fake.push(textMessage('/latest balkans', GROUP));
    await h.fake.until(() => h.fake.sent().length === 1);
    const text = String(h.fake.sent()[0]!.body.text);
    expect(text).toContain(
      'Fares &lt; costs &amp; &lt;script&gt;alert(1)&lt;/script&gt; for @\u2060everyone',
    );
    expect(text).toContain(
      '&lt;b&gt;overnight&lt;/b&gt; &amp; riders &quot;complained&quot; to @\u2060city_transport.',
    );
    expect(h.fake.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });

  it('GIVEN several replies queued for one chat at once THEN all arrive, in order (spacing: see send-queue tests)', async () => {
    h = await startHarness({
      limits: { perChatIntervalMs: 200, groupPerMinute: 1000, globalPerSecond: 1000 },
    });
    for (let i = 0; i < 4; i++)
      void h.adapter.deliver(
        { platform: 'telegram', chatId: String(GROUP.id), threadId: null },
        { blocks: [{ kind: 'text', text: `m${i}` }] },
      );
    await h.fake.until(() => h.fake.sent().length === 4);
    const sent = h.fake.sent();
    expect(sent.map((c) => String(c.body.text))).toEqual(['m0', 'm1', 'm2', 'm3']);
  });

  it('GIVEN a chat that blocked the bot THEN delivery says the destination is lost, and later sends still go', async () => {
    h = await startHarness();
    const to = { platform: 'telegram' as const, chatId: '55', threadId: null };
    h.fake.failNext('sendMessage', 1, 403, 'Forbidden: bot was blocked by the user');
    const lost = await h.adapter.deliver(to, { blocks: [{ kind: 'text', text: 'first' }] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(lost).toBeInstanceOf(DestinationLostError);
    expect((lost as DestinationLostError).reason).toContain('bot was blocked');
    expect(String(lost)).not.toContain(TOKEN);
    await h.adapter.deliver(to, { blocks: [{ kind: 'text', text: 'second' }] });
    expect(h.fake.sent().map((c) => String(c.body.text))).toEqual(['second']);
  });

  it('GIVEN a command reply that fails THEN it is logged with context, without the token', async () => {
    h = await startHarness();
    h.fake.failNext('sendMessage', 1, 400, 'Bad Request: something odd');
    h.fake.push(textMessage('/regions', GROUP));
    await h.fake.until(() => h.logs().includes('telegram reply failed'));
    expect(h.logs()).toContain('something odd');
    expect(h.logs()).not.toContain(TOKEN);
  });
});

describe('Telegram webhook mode', () => {
  it('GIVEN webhook mode THEN updates without the secret are refused and with it are answered', async () => {
    h = await startHarness({ webhook: { port: 0, host: '127.0.0.1', secretToken: 'hook-secret' } });
    const url = `http://127.0.0.1:${h.adapter.webhookAddress()!.port}/`;
    const update = JSON.stringify({
      update_id: 1,
      ...textMessage('/regions', { id: 5, type: 'private' }, { fromId: 5 }),
    });
    const headers = { 'content-type': 'application/json' };
    expect((await fetch(url, { method: 'POST', headers, body: update })).status).toBe(401);
    const ok = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'X-Telegram-Bot-Api-Secret-Token': 'hook-secret' },
      body: update,
    });
    expect(ok.status).toBe(200);
    await h.fake.until(() => h.fake.sent().length === 1);
    expect(String(h.fake.sent()[0]!.body.text)).toContain('balkans: The Balkans');
    expect(h.fake.calls.some((c) => c.method === 'getUpdates')).toBe(false);
  });
});
