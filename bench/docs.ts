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
 * The warm-up, the same rule for every contender: passes in windows of `window` CPU seconds until
 * the cheapest window's cost an article has stopped falling (no window `gain` cheaper than the best
 * before it for `settled` windows in a row), after at least `minSeconds` and at most `maxSeconds`.
 * The benchmark is meant to time the steady state of a bot that has been running for a while, and
 * how long the JIT takes to get there depends on the machine: in windows of 0.2 CPU seconds,
 * ts-textrank settles within about 0.4 s everywhere, but the whole analysis, whose many functions
 * are optimised one after another, settled within about 1 s on one machine and only after 2 to
 * 2.5 s on another, where a fixed 2 s warm-up timed the end of its tiering as analysis. The best
 * window rather than the last: on a shared machine other load makes windows slower, never faster,
 * so a slow window says nothing about whether the JIT is done.
 */
export const WARM_UP = { minSeconds: 2, maxSeconds: 8, window: 0.25, settled: 4, gain: 0.02 } as const;

/** Warms `fn` up on the docs by the `WARM_UP` rule; returns the CPU seconds it took. */
export function warmUp(docs: readonly Doc[], fn: (d: Doc) => unknown): number {
  let spent = 0;
  let best = Infinity;
  let sinceBest = 0;
  while (spent < WARM_UP.maxSeconds) {
    const t = timedTurn(docs, fn, WARM_UP.window);
    spent += t.seconds;
    const cost = t.seconds / t.articles;
    sinceBest = cost < best * (1 - WARM_UP.gain) ? 0 : sinceBest + 1;
    best = Math.min(best, cost);
    if (spent >= WARM_UP.minSeconds && sinceBest >= WARM_UP.settled) break;
  }
  return spent;
}

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
