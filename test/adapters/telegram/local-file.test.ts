import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runIngest } from '../../../src/cli/ingest.js';
import { createFetchContext } from '../../../src/sources/fetch/index.js';
import { extractPage } from '../../../src/sources/poll/index.js';
import { textMessage } from '../../helpers/fake-telegram.js';
import { GROUP, startHarness, type Harness } from './harness.js';

const STORY = `Belgrade and Pristina reopen a border crossing

Serbia and Kosovo reopened the Jarinje border crossing on Tuesday after a week of talks mediated by the European Union, officials in Belgrade said.

Trucks queued for several kilometres on both sides as customs officers resumed work, and the first convoy crossed shortly after noon.
`;

let h: Harness;
let dir = '';
afterEach(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Telegram: a story stored from a local file', () => {
  it('GIVEN an article ingested from a file on the server THEN /latest shows it without a link, a preview or its path', async () => {
    h = await startHarness();
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-secret-dir-'));
    const file = join(dir, 'jarinje.txt');
    writeFileSync(file, STORY);
    const fetch = createFetchContext({ allowlist: [] });
    try {
      await runIngest(file, {
        store: h.store,
        fetch,
        extract: extractPage,
        out: { write: () => 0 },
        now: new Date(),
      });
    } finally {
      await fetch.close();
    }
    h.fake.push(textMessage('/latest balkans', GROUP));
    await h.fake.until(() => h.fake.sent().length === 1);
    const { body } = h.fake.sent()[0]!;
    expect(String(body.text)).toContain('<b>Belgrade and Pristina reopen a border crossing</b>');
    expect(JSON.stringify(body)).not.toMatch(/local-file|\.invalid|newsdesk-secret-dir|jarinje\.txt/);
    expect(body.link_preview_options).toEqual({ is_disabled: true });
  });
});
