// `newsdesk backup FILE`: a copy through SQLite's online backup API that is a whole store: started on
// the copy, the chat answers as on the original; taken while another connection writes, it is intact.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../helpers/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string>, input = '') {
  return spawnSync('node', ['bin/newsdesk.js', ...args], {
    cwd: ROOT,
    env: cleanEnv({ LOG_LEVEL: 'warn', ...env }),
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('newsdesk backup', () => {
  it('GIVEN a store in use THEN the backup is consistent and the chat answers the same from it', () => {
    const data = join(dir, 'data');
    const ask = '/subscribe balkans daily\n/latest balkans\n/subscriptions\n';
    const before = run(['start'], { NEWSDESK_DATA_DIR: data }, ask).stdout;
    expect(before).toContain('[Sample]');

    // Another connection holds a write open and keeps its changes in the WAL while the backup runs.
    const writer = new Database(join(data, 'newsdesk.sqlite'));
    writer.pragma('wal_autocheckpoint = 0');
    writer
      .prepare("INSERT OR REPLACE INTO store_meta (key, value) VALUES ('backup-test', 'in the wal')")
      .run();
    const copy = join(dir, 'copy.sqlite');
    const backed = run(['backup', copy], { NEWSDESK_DATA_DIR: data });
    writer.close();
    expect(backed.stderr).toBe('');
    expect(backed.stdout).toMatch(/^Backed up .* \(\d+ pages\)\.\n$/);

    const restored = new Database(copy, { readonly: true });
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(restored.prepare("SELECT value FROM store_meta WHERE key = 'backup-test'").pluck().get()).toBe(
      'in the wal',
    );
    restored.close();
    const elsewhere = join(dir, 'restored');
    mkdirSync(elsewhere);
    renameSync(copy, join(elsewhere, 'newsdesk.sqlite'));
    const after = execFileSync('node', ['bin/newsdesk.js', 'start'], {
      cwd: ROOT,
      env: cleanEnv({ LOG_LEVEL: 'warn', NEWSDESK_DATA_DIR: elsewhere }),
      input: '/latest balkans\n/subscriptions\n',
      encoding: 'utf8',
    });
    expect(before).toContain(after.trim().split('\n')[0]!);
    expect(after).toContain('Balkans');

    // A file that exists is never overwritten.
    const again = run(['backup', join(elsewhere, 'newsdesk.sqlite')], { NEWSDESK_DATA_DIR: data });
    expect([again.status, again.stderr]).toEqual([2, expect.stringContaining('exists already')]);
  }, 60_000);
});
