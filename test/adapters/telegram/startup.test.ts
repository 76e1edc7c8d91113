// The Telegram adapter's start and polling when things go wrong: the start-up retries are bounded,
// and polling taken by another process (409) comes back once it is free.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../../src/adapters/telegram/index.js';
import { createLogger } from '../../../src/log.js';
import { PlatformStartError } from '../../../src/platform.js';
import { wordMatch } from '../../commands/helpers/fixtures.js';
import { createTestStore } from '../../commands/helpers/test-store.js';
import { textMessage } from '../../helpers/fake-telegram.js';
import { freePort } from '../../helpers/ops.js';
import { startHarness, type Harness } from './harness.js';

const TOKEN = '123456:STARTUP-unit-secret';
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('Telegram start-up and polling trouble', () => {
  it('GIVEN an API that never answers THEN the start gives up after its tries with one line saying where', async () => {
    const sink = new PassThrough();
    const logs: string[] = [];
    sink.on('data', (c: Buffer) => logs.push(c.toString()));
    const apiRoot = `http://127.0.0.1:${await freePort()}`;
    const adapter = createTelegramAdapter({
      token: TOKEN,
      store: await createTestStore(),
      services: { matchTopic: wordMatch },
      log: createLogger('info', [TOKEN], sink),
      apiRoot,
      startRetryMs: [10, 10],
    });
    const failed = await adapter.start().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(PlatformStartError);
    expect((failed as Error).message).toBe(
      `could not reach Telegram at ${apiRoot} (ECONNREFUSED) after 3 tries; check the network, or TELEGRAM_API_ROOT`,
    );
    expect(logs.join('').match(/trying again/g)).toHaveLength(2);
    expect(logs.join('')).not.toContain(TOKEN);
  });

  it('GIVEN another process took the updates (409) THEN polling comes back after the wait and commands are answered', async () => {
    h = await startHarness({ conflictRetryMs: 200 });
    h.fake.failNext('getUpdates', 2, 409, 'Conflict: terminated by other getUpdates request');
    await h.fake.until(() => h!.logs().includes('409 Conflict'));
    expect(h.adapter.connected?.()).toBe(false);
    h.fake.push(textMessage('/help', { id: 91, type: 'private' }));
    await h.fake.until(() => h!.fake.sent().some((c) => c.body.chat_id === 91), 10_000);
    expect(h.adapter.connected?.()).toBe(true);
  });

  it('GIVEN webhook mode without a host THEN the webhook listens on loopback only', async () => {
    const port = await freePort();
    h = await startHarness({ webhook: { port, secretToken: 'hook-secret-1' } });
    expect(h.adapter.webhookAddress()?.address).toBe('127.0.0.1');
    expect(h.adapter.connected?.()).toBe(true);
  });
});
