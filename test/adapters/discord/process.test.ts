// The real process, as an operator starts it: `npm start` with DISCORD_TOKEN and DISCORD_API_URL
// pointing at a fake Discord on 127.0.0.1, answering /latest balkans from a story stored with
// `newsdesk ingest`.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { FakeDiscord } from '../../helpers/fake-discord.js';
import { guilds, TEXT } from './harness.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const STORY = join(ROOT, 'test/fixtures/stories/nato-skopje.txt');
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAwMQ.process.discord-secret-token';

let child: ChildProcess | undefined;
let fake: FakeDiscord | undefined;
let dir = '';
afterEach(async () => {
  // npm starts node in a process group of its own: stop the whole group.
  if (child?.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(TELEGRAM_|DISCORD_|DATABASE_URL|NEWSDESK_)/.test(k)),
  );
  return { ...clean, NEWSDESK_DATA_DIR: dir, LOG_LEVEL: 'info', ...extra };
}

describe('npm start with DISCORD_TOKEN against a fake Discord', () => {
  it('GIVEN a stored story THEN the process logs in, registers the commands and answers /latest balkans with its briefing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-discord-'));
    await promisify(execFile)('node', ['bin/newsdesk.js', 'ingest', STORY], { cwd: ROOT, env: env({}) });
    fake = await new FakeDiscord(guilds()).start();
    const logs: string[] = [];
    child = spawn('npm', ['start'], {
      cwd: ROOT,
      env: env({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl }),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (c: Buffer) => logs.push(c.toString()));
    child.stderr?.on('data', (c: Buffer) => logs.push(c.toString()));

    await fake.until(() => fake!.commandSets.size > 0 && logs.join('').includes('discord ready'), 30_000);
    const [registered] = [...fake.commandSets.values()];
    expect(registered!.map((c: { name: string }) => c.name)).toEqual(COMMANDS.map((c) => c.name));

    const id = fake.interact('command', TEXT, {
      name: 'latest',
      options: [{ name: 'region', type: 3, value: 'balkans' }],
    });
    await fake.until(() => fake!.answers(id).length > 0, 15_000);
    expect(fake.callbacks.get(id)?.[0]?.type).toBe(5);
    const [embed] = fake.answers(id)[0]!.body.embeds;
    expect(embed.title).toBe('NATO chief pledges to keep troops in Kosovo as Balkan tensions rise');
    expect(embed.description).toContain(
      'NATO Secretary General Jens Stoltenberg told leaders of the Western Balkans on Tuesday',
    );
    expect(embed.fields[0].name).toBe('Jens Stoltenberg, NATO Secretary General');
    expect(embed.fields[0].value).toContain('We will not let the Western Balkans slide back into conflict');
    expect(logs.join('')).not.toContain(TOKEN);
  }, 60_000);
});
