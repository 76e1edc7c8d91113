// The container's install, replayed without Docker (these machines cannot run it): the files the
// Dockerfile copies, `npm ci --omit=dev` into a temporary folder, then the bot started from there
// with no development dependency: the terminal chat answers /latest balkans and /healthz answers.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, get } from '../helpers/ops.js';
import { cleanEnv, ROOT } from '../helpers/processes.js';

const app = mkdtempSync(join(tmpdir(), 'newsdesk-prod-'));
afterAll(() => rmSync(app, { recursive: true, force: true }));

/** What the Dockerfile's final stage copies from the build context (`COPY src dest`, not --from). */
function dockerfileCopies(): string[] {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  return [...final.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
}

describe('a production install', () => {
  it('GIVEN the Dockerfile files installed with npm ci --omit=dev THEN the bot runs: /latest balkans in the terminal, /healthz', async () => {
    const copies = dockerfileCopies();
    expect(copies).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', 'bin', 'src', 'commands']),
    );
    for (const path of copies) cpSync(join(ROOT, path), join(app, path), { recursive: true });
    execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: app,
      stdio: 'ignore',
      timeout: 540_000,
    });
    // Nothing of the development side came along.
    for (const dev of ['vitest', 'typescript', 'eslint', 'pino-pretty', '@faker-js'])
      expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);

    const port = await freePort();
    const child = spawn('node', ['bin/newsdesk.js', 'start'], {
      cwd: app,
      env: cleanEnv({
        NEWSDESK_DATA_DIR: join(app, 'data'),
        HTTP_PORT: String(port),
        NODE_ENV: 'production',
      }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    try {
      const start = Date.now();
      while (!out.includes('http endpoints listening')) {
        if (Date.now() - start > 30_000) throw new Error(`no start:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await get(port, '/healthz')).toEqual({ status: 200, body: 'ok\n' });
      child.stdin.end('/latest balkans\n');
      expect(await exited).toBe(0);
      expect(out).toMatch(/\[Sample\][^\n]*\n/);
      expect(out).toMatch(/Balkans|Kosovo|Serbia|Bosnia/);
    } finally {
      child.kill('SIGKILL');
    }
  }, 600_000);
});
