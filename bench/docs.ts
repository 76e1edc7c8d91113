// What the analysis benchmark's parent and contender processes share: the articles and one timed pass.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'articles');

export interface Doc {
  readonly id: string;
  readonly text: string;
}

/** The three things timed: our text half, our whole analysis, and the npm summarizer. */
export type ContenderName = 'text' | 'whole' | 'textrank';

export interface Timing {
  /** CPU seconds (user + system) spent in the timed calls. */
  seconds: number;
  articles: number;
  bytes: number;
}

/** The articles of a JSONL file (`{"text": ...}` a line), or the project's sample fixtures. */
export function loadDocs(file: string | undefined): Doc[] {
  if (file) {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l, i) => {
        const o = JSON.parse(l) as { id?: unknown; text?: unknown };
        if (typeof o.text !== 'string') throw new Error(`${file}: line ${i + 1} has no "text"`);
        return { id: typeof o.id === 'string' ? o.id : String(i + 1), text: o.text };
      });
  }
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f, text: readFileSync(join(FIXTURES, f), 'utf8') }));
}

const cpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** One pass of `fn` over the docs, timed in this process's CPU seconds. */
export function onePass(docs: readonly Doc[], fn: (d: Doc) => unknown): Timing {
  const t0 = cpuSeconds();
  for (const d of docs) fn(d);
  return {
    seconds: cpuSeconds() - t0,
    articles: docs.length,
    bytes: docs.reduce((a, d) => a + Buffer.byteLength(d.text), 0),
  };
}

/**
 * Long enough for the JIT to settle, as it has in a bot that has been running for a while; the
 * same for every contender. Measured in windows of 0.2 CPU seconds on the sample articles,
 * ts-textrank reaches its steady cost within about 0.4 s; the whole analysis, whose many
 * functions tier up one after another, within about 1 s (its windows: 8,470, 1,704, 816, 393,
 * 211, then 130-140 µs an article). A 0.5 s warm-up timed a second of that tiering as analysis.
 */
export const WARM_UP_SECONDS = 2;

/** Whole passes over the docs until `minSeconds` of CPU time are spent: a batch, as a poll brings in. */
export function timedTurn(docs: readonly Doc[], fn: (d: Doc) => unknown, minSeconds: number): Timing {
  const total: Timing = { seconds: 0, articles: 0, bytes: 0 };
  while (total.seconds < minSeconds) {
    const t = onePass(docs, fn);
    total.seconds += t.seconds;
    total.articles += t.articles;
    total.bytes += t.bytes;
  }
  return total;
}
