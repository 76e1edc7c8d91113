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
