import { PassThrough } from 'node:stream';
import {
  createDiscordAdapter,
  type DiscordAdapter,
  type DiscordOptions,
} from '../../../src/adapters/discord/index.js';
import { createLogger } from '../../../src/log.js';
import type { Store } from '../../../src/store/types.js';
import { NOW, wordMatch } from '../../commands/helpers/fixtures.js';
import { createTestStore } from '../../commands/helpers/test-store.js';
import { FakeDiscord, PERMS, type FakeGuild } from '../../helpers/fake-discord.js';

export const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAwMQ.fake.discord-secret-token';
// Snowflakes; the guild is on shard 1 of 2 ((id >> 22) % 2), for the sharding test.
export const GUILD = '2000000000000000000';
export const TEXT = '3000000000000000001';
export const NEWS = '3000000000000000002';
export const FORUM = '3000000000000000003';
export const THREAD = '3000000000000000004';
export const NO_EMBEDS = '3000000000000000005';
export const VOICE = '3000000000000000006';

export function guilds(): FakeGuild[] {
  return [
    {
      id: GUILD,
      name: 'Balkan Watchers',
      systemChannelId: TEXT,
      channels: [
        { id: TEXT, name: 'general', type: 0 },
        { id: NEWS, name: 'announcements', type: 5 },
        { id: FORUM, name: 'digests', type: 15 },
        { id: THREAD, name: 'morning-thread', type: 11, parentId: TEXT },
        { id: NO_EMBEDS, name: 'plain', type: 0, deny: PERMS.EmbedLinks },
        { id: VOICE, name: 'Lounge', type: 2 },
      ],
    },
  ];
}

export interface Harness {
  fake: FakeDiscord;
  store: Store;
  adapter: DiscordAdapter;
  logs: () => string;
  stop: () => Promise<void>;
}

/** A real discord.js client logged in to a fake Discord, with fast send limits for tests. */
export async function startDiscordHarness(over: Partial<DiscordOptions> = {}, shards = 1): Promise<Harness> {
  const fake = await new FakeDiscord(guilds()).start(shards);
  const store = await createTestStore();
  const sink = new PassThrough();
  const chunks: string[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c.toString()));
  const adapter = createDiscordAdapter({
    token: TOKEN,
    store,
    services: { matchTopic: wordMatch },
    log: createLogger('debug', [TOKEN], sink),
    apiUrl: fake.apiUrl,
    limits: { perChatIntervalMs: 0, groupPerMinute: 1000, globalPerSecond: 1000 },
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
