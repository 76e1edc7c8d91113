// The process as a service manager or a person at a terminal meets it: `npm start` passes SIGTERM on
// to the bot (no Node process left behind), and logs are JSON unless stderr is a terminal.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeTelegram, textMessage } from '../helpers/fake-telegram.js';
import { freePort } from '../helpers/ops.js';
import { cleanEnv, ROOT, startBot } from '../helpers/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the process under a service manager and at a terminal', () => {
  it('GIVEN npm start running the bot WHEN only npm gets SIGTERM THEN the bot stops cleanly and no Node process is left', async () => {
    const telegram = await new FakeTelegram().start();
    const env = cleanEnv({
      NEWSDESK_DATA_DIR: join(dir, 'npm'),
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: '123456:NPM-signal-secret',
      TELEGRAM_API_ROOT: telegram.apiRoot,
    });
    // Not in a group of its own: the signal goes to npm alone, as `kill <pid>` or a supervisor sends it.
    const npm = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let logs = '';
    npm.stdout.on('data', (c: Buffer) => (logs += c.toString()));
    npm.stderr.on('data', (c: Buffer) => (logs += c.toString()));
    try {
      await until(() => logs.includes('telegram polling'), 30_000, 'polling');
      const botPid = Number(/"pid":(\d+)/.exec(logs)?.[1]);
      expect(botPid).not.toBe(npm.pid);
      npm.kill('SIGTERM');
      await until(() => !alive(botPid), 10_000, 'the bot to exit');
      expect(logs).toContain('"msg":"stopped"');
    } finally {
      npm.kill('SIGKILL');
      await telegram.close();
    }
  }, 60_000);

  it('GIVEN npm start WHEN its process group gets SIGINT (Ctrl-C) THEN one clean stop; a second signal a while later exits at once', async () => {
    const telegram = await new FakeTelegram(undefined, 5_000).start();
    const env = cleanEnv({
      NEWSDESK_DATA_DIR: join(dir, 'group'),
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: '123456:GROUP-signal-secret',
      TELEGRAM_API_ROOT: telegram.apiRoot,
    });
    const bot = startBot(env);
    try {
      await bot.waitFor('telegram polling');
      // The group gets it, and npm passes it on: the bot sees it twice at once, and stops cleanly.
      bot.signal('SIGINT');
      await bot.exited;
      expect(bot.logs()).toContain('"msg":"stopped"');

      // A reply Telegram holds for 5 s keeps the clean stop busy; a second Ctrl-C after 1.5 s ends it now.
      const again = startBot(env);
      await again.waitFor('telegram polling');
      telegram.push(textMessage('/help', { id: 78, type: 'private' }));
      await telegram.until(() => telegram.calls.some((c) => c.method === 'sendMessage'));
      const first = Date.now();
      again.signal('SIGINT');
      await new Promise((r) => setTimeout(r, 1_500));
      const asked = Date.now();
      again.signal('SIGINT');
      await again.exited;
      expect(Date.now() - asked).toBeLessThan(1_000);
      // A clean stop would have waited for the reply Telegram holds for 5 s.
      expect(Date.now() - first).toBeLessThan(3_500);
    } finally {
      bot.signal('SIGKILL');
      await telegram.close();
    }
  }, 60_000);

  it('GIVEN stderr is a terminal and pino-pretty installed THEN logs read as text; GIVEN a pipe THEN JSON lines', async () => {
    const port = await freePort();
    const env = cleanEnv({ NEWSDESK_DATA_DIR: join(dir, 'tty'), LOG_LEVEL: 'info', HTTP_PORT: String(port) });
    const run = async (command: string, args: string[]): Promise<string> => {
      const child = spawn(command, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      await until(() => out.includes('http endpoints listening'), 30_000, 'the first log line');
      child.kill('SIGKILL');
      return out;
    };
    // script(1) gives the bot a terminal; the terminal chat itself waits on it for commands.
    const pretty = await run('script', ['-qec', 'node bin/newsdesk.js start', '/dev/null']);
    expect(pretty).toMatch(/INFO.*http endpoints listening/);
    expect(pretty).not.toContain('{"level":');
    const json = await run('node', ['bin/newsdesk.js', 'start']);
    expect(json).toContain('"msg":"http endpoints listening"');
  }, 60_000);
});
