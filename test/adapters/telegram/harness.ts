import { PassThrough } from 'node:stream';
import { createLogger } from '../../../src/log.js';
import {
  createTelegramAdapter,
  type TelegramAdapter,
  type TelegramOptions,
} from '../../../src/adapters/telegram/index.js';
import { createTestStore } from '../../commands/helpers/test-store.js';
import type { Store } from '../../../src/store/types.js';
import { NOW, wordMatch } from '../../commands/helpers/fixtures.js';
import { BOT_INFO, FakeTelegram } from '../../helpers/fake-telegram.js';

export const TOKEN = '123456:TEST-secret-token-value';
export const GROUP = { id: -100555, type: 'supergroup' as const };
export const FORUM = { id: -100777, type: 'supergroup' as const, is_forum: true };

export interface Harness {
  fake: FakeTelegram;
  store: Store;
  adapter: TelegramAdapter;
  logs: () => string;
  stop: () => Promise<void>;
}

/** A real grammY bot, polling a fake Bot API through the runner, with fast send limits for tests. */
export async function startHarness(over: Partial<TelegramOptions> = {}): Promise<Harness> {
  const fake = await new FakeTelegram().start();
  const store = await createTestStore();
  const sink = new PassThrough();
  const chunks: string[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c.toString()));
  const adapter = createTelegramAdapter({
    token: TOKEN,
    store,
    services: { matchTopic: wordMatch },
    log: createLogger('debug', [TOKEN], sink),
    apiRoot: fake.apiRoot,
    botInfo: BOT_INFO,
    limits: { perChatIntervalMs: 30, groupPerMinute: 1000, globalPerSecond: 1000 },
    now: () => NOW,
    ...over,
  });
  await adapter.start();
  return {
    fake,
    store,
    adapter,
    logs: () => chunks.join(''),
    async stop() {
      await adapter.stop();
      await fake.close();
    },
  };
}
