// Moving to PostgreSQL as an operator does it: a store filled through the terminal chat (samples,
// a subscription, a topic, settings, a digest), `newsdesk migrate-store`, then the same commands
// answer the same on both stores.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../helpers/processes.js';
import { postgresDatabase, sqliteDatabase, TEST_DATABASE_URL } from '../helpers/stores.js';

/** The terminal chat, fed `lines`, on the store `env` names: what it printed. */
function chat(env: Record<string, string>, lines: string[]): string {
  return execFileSync('node', ['bin/newsdesk.js', 'start'], {
    cwd: ROOT,
    env: cleanEnv({ LOG_LEVEL: 'warn', ...env }),
    input: lines.join('\n') + '\n',
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** `newsdesk feeds ...` on the store `env` names: what it printed. */
function feeds(env: Record<string, string>, args: string[]): string {
  return execFileSync('node', ['bin/newsdesk.js', 'feeds', ...args], {
    cwd: ROOT,
    env: cleanEnv({ LOG_LEVEL: 'warn', ...env }),
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function migrate(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('node', ['bin/newsdesk.js', 'migrate-store'], {
    cwd: ROOT,
    env: cleanEnv({ LOG_LEVEL: 'warn', ...env }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.skipIf(!TEST_DATABASE_URL)('newsdesk migrate-store', () => {
  it('GIVEN a filled SQLite store THEN migrate-store copies it into PostgreSQL and the chat answers the same on both', async () => {
    const sqlite = sqliteDatabase();
    const postgres = postgresDatabase();
    try {
      // The operator's empty database (here a schema of its own in the test database).
      await (await postgres.open()).close();
      chat(sqlite.env, [
        '/subscribe balkans daily',
        '/topics add elections include elect*, vote',
        '/settings timezone Europe/Sarajevo',
        '/digest now',
      ]);
      feeds(sqlite.env, [
        'add',
        'https://news.example/balkans.xml',
        '--region',
        'balkans',
        '--title',
        'Balkan Wire',
      ]);
      const copied = migrate({ ...sqlite.env, ...postgres.env });
      expect(copied.stderr).toBe('');
      expect(copied.status).toBe(0);
      expect(copied.stdout).toMatch(/^articles\s+[1-9]\d*$/m);
      expect(copied.stdout).toMatch(/^subscriptions\s+1$/m);
      expect(copied.stdout).toMatch(/^feeds\s+[1-9]\d*$/m);
      expect(feeds(postgres.env, ['list'])).toBe(feeds(sqlite.env, ['list']));
      expect(copied.stdout).toMatch(/^digest_slots\s+[1-9]\d*$/m);

      const ask = ['/latest balkans', '/subscriptions', '/topics list', '/settings', '/sources'];
      const before = chat(sqlite.env, ask);
      const after = chat(postgres.env, ask);
      expect(before).toContain('[Sample]');
      expect(before).toContain('elections');
      expect(before).toContain('Europe/Sarajevo');
      expect(after).toBe(before);

      // New rows continue after the copied ids, and a second migration into a filled store is refused.
      const added = chat(postgres.env, ['/subscribe sahel daily', '/subscriptions']);
      expect(added).not.toMatch(/went wrong/i);
      expect(added.match(/Sahel/g)?.length).toBeGreaterThanOrEqual(2);
      console.log(copied.stdout);
      const again = migrate({ ...sqlite.env, ...postgres.env });
      expect(again.status).toBe(1);
      expect(again.stderr).toBe(
        'newsdesk: the PostgreSQL database already holds feeds, articles or subscriptions; migrate into an empty one\n',
      );
    } finally {
      await sqlite.destroy();
      await postgres.destroy();
    }
  }, 120_000);
});
