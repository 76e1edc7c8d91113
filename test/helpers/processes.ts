// Real newsdesk processes for end-to-end tests: `npm start` as an operator runs it, in a process group
// of its own so that a test can stop or kill it (and whatever it started) at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The test's environment without any newsdesk, chat or database setting, plus `extra`. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(TELEGRAM_|DISCORD_|DATABASE_URL|NEWSDESK_|DIGEST_)/.test(k),
    ),
  );
  return { ...clean, ...extra };
}

export interface RunningBot {
  readonly child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  logs(): string;
  /**
   * Resolves with npm's exit code (or signal) once every process writing to its output has exited:
   * npm itself may die of a signal sent to the group while the bot still finishes its stop.
   */
  readonly exited: Promise<number | NodeJS.Signals>;
  /** Resolves when its output contains `text`; rejects after `timeoutMs` or if it exits first. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /** Sends `signal` to its whole process group. */
  signal(signal: NodeJS.Signals): void;
}

/** Starts `npm start` (or another npm script) with `env`. */
export function startBot(env: NodeJS.ProcessEnv, script = 'start'): RunningBot {
  const child = spawn('npm', [script], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  child.stdout?.on('data', (c: Buffer) => chunks.push(c.toString()));
  child.stderr?.on('data', (c: Buffer) => chunks.push(c.toString()));
  let done = false;
  const exited = new Promise<number | NodeJS.Signals>((resolveExit) =>
    child.once('close', (code, signal) => {
      done = true;
      resolveExit(code ?? signal ?? 0);
    }),
  );
  const logs = (): string => chunks.join('');
  return {
    child,
    logs,
    exited,
    async waitFor(text, timeoutMs = 30_000) {
      const start = Date.now();
      while (!logs().includes(text)) {
        if (done) throw new Error(`the process exited before "${text}":\n${logs().slice(-3000)}`);
        if (Date.now() - start > timeoutMs)
          throw new Error(`no "${text}" after ${timeoutMs} ms:\n${logs().slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    signal(signal) {
      if (child.pid === undefined || done) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    },
  };
}
