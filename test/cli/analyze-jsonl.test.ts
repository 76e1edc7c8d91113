import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runJsonl } from '../../src/cli/analyze.js';

async function run(input: string): Promise<{ out: unknown[]; err: string; bad: number }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const outChunks: string[] = [];
  const errChunks: string[] = [];
  stdout.on('data', (c: Buffer) => outChunks.push(c.toString()));
  stderr.on('data', (c: Buffer) => errChunks.push(c.toString()));
  stdin.end(input);
  const bad = await runJsonl(stdin, stdout, stderr);
  const out = outChunks
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as unknown);
  return { out, err: errChunks.join(''), bad };
}

describe('analyze --jsonl', () => {
  it('GIVEN good and bad lines THEN every line is answered in order and the bad ones are named on stderr', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: 'The council met on Monday. It approved the budget.' }),
      'this is not json',
      JSON.stringify({ id: 'c' }),
      JSON.stringify({ id: 'd', text: '   ' }),
      JSON.stringify({ id: 'e', text: 'Rain fell in the capital. Roads flooded.' }),
    ];
    const { out, err, bad } = await run(lines.join('\n') + '\n');
    expect(out).toHaveLength(5);
    expect(bad).toBe(3);
    expect(out.map((o) => (o as { id: unknown }).id)).toEqual(['a', null, 'c', 'd', 'e']);
    expect(err).toMatch(/line 2: not JSON/);
    expect(err).toMatch(/line 3 \(id c\): text: missing/);
    expect(err).toMatch(/line 4 \(id d\): text: text is empty/);
    const first = out[0] as { lede: string; quotes: unknown[]; countries: unknown[]; regions: unknown[] };
    expect(first.lede).toBe('The council met on Monday.');
    expect(first.quotes).toEqual([]);
  });
});

describe('analyze --jsonl alignment (decision 0002)', () => {
  it('GIVEN blank lines, CRLF endings and a raw CR inside a line THEN every line gets exactly one answer, in order', async () => {
    const good = (id: string) => JSON.stringify({ id, text: 'The ferry ran late. Passengers waited.' });
    const input = [
      good('a'),
      '',
      '   ',
      `${good('b')}\r`,
      `{"id":"c",\r"text":"Snow fell. Roads closed."}`,
      good('d'),
    ].join('\n');
    const { out, bad } = await run(input);
    expect(out.map((o) => (o as { id: unknown }).id)).toEqual(['a', null, null, 'b', 'c', 'd']);
    expect(out[1]).toMatchObject({ line: 2, error: 'empty line' });
    expect(bad).toBe(2);
  });
});

describe('newsdesk analyze --jsonl (the process)', () => {
  it('GIVEN 10,000 lines with blank lines and CRs THEN it writes 10,000 answers', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => {
      if (i % 97 === 0) return '';
      const line = JSON.stringify({ id: `n${i}`, text: `Line ${i} of the test. It ends here.` });
      if (i % 89 === 0) return line.replace(',', ',\r');
      return i % 2 ? `${line}\r` : line;
    });
    const child = spawn('node', ['bin/newsdesk.js', 'analyze', '--jsonl'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdin.end(lines.join('\n'));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const answers = Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean);
    expect(answers).toHaveLength(10_000);
    expect(code).toBe(1);
    const ids = answers.map((a) => (JSON.parse(a) as { id: string | null }).id);
    expect(ids[1]).toBe('n1');
    expect(ids[97]).toBeNull();
    expect(ids[89]).toBe('n89');
    expect(ids[9_999]).toBe('n9999');
  });
});
