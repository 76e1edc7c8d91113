import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { createLogger } from '../../../src/log.js';
import { wordMatch } from '../../commands/helpers/fixtures.js';
import { createTestStore } from '../../commands/helpers/test-store.js';
import { APP_ID, FakeDiscord } from '../../helpers/fake-discord.js';
import { GUILD, guilds, TOKEN } from './harness.js';

// (id >> 22) % 2: GUILD is on shard 1 of 2, this one on shard 0.
const OTHER_GUILD = '2000000000004194304';

let adapter: DiscordAdapter | undefined;
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
  adapter = undefined;
});

async function start(shards: { shardCount?: number; shardIds?: number[] }): Promise<void> {
  fake = await new FakeDiscord([
    ...guilds(),
    { id: OTHER_GUILD, name: 'Sahel Desk', channels: [{ id: '3100000000000000001', name: 'news', type: 0 }] },
  ]).start(2);
  adapter = createDiscordAdapter({
    token: TOKEN,
    store: await createTestStore(),
    services: { matchTopic: wordMatch },
    log: createLogger('silent', [], new PassThrough()),
    apiUrl: fake.apiUrl,
    ...shards,
  });
  await adapter.start();
}

describe('Discord sharding', () => {
  it('GIVEN no shard settings THEN one process runs every shard Discord recommends', async () => {
    await start({});
    expect(fake!.identifies.map((d: { shard: number[] }) => d.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect([...adapter!.client.guilds.cache.keys()].sort()).toEqual([GUILD, OTHER_GUILD]);
  });

  it('GIVEN DISCORD_SHARD_COUNT=2 and DISCORD_SHARD_IDS=1 THEN this process runs shard 1 only, and only its guilds', async () => {
    await start({ shardCount: 2, shardIds: [1] });
    expect(fake!.identifies.map((d: { shard: number[] }) => d.shard)).toEqual([[1, 2]]);
    expect([...adapter!.client.guilds.cache.keys()]).toEqual([GUILD]);
  });
});

describe('npm run register-commands', () => {
  const run = (env: Record<string, string>) =>
    promisify(execFile)('node', ['bin/newsdesk.js', 'register-commands'], {
      cwd: resolve(import.meta.dirname, '../../..'),
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_'))),
        ...env,
      },
    });

  it('GIVEN DISCORD_GUILD_ID THEN one bulk overwrite of the whole set goes to that guild', async () => {
    fake = await new FakeDiscord(guilds()).start();
    const { stdout } = await run({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: GUILD,
    });
    expect(stdout).toContain(`Registered ${COMMANDS.length} commands in guild ${GUILD}`);
    const puts = fake.callsTo('PUT', /commands$/);
    expect(puts.map((p) => p.path)).toEqual([`/applications/${APP_ID}/guilds/${GUILD}/commands`]);
    expect(puts[0]!.body.map((c: { name: string }) => c.name)).toEqual(COMMANDS.map((c) => c.name));
  });

  it('GIVEN no token THEN it says what it needs and exits 2', async () => {
    const failed = await run({}).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('needs DISCORD_TOKEN');
  });
});
