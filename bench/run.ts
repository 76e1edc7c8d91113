// `npm run bench`: times the analysis against an npm summarizer on the same inputs, in one run,
// and prints the ratio. Timings on a shared machine are noisy; the ratio is what we track.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AbsoluteSummarizerConfig,
  DefaultTextParser,
  NullLogger,
  SorensenDiceSimilarity,
  Summarizer,
} from 'ts-textrank';
import { analyzeArticle, analyzeText } from '../src/core/analyze.js';
import { runIngestBench } from './ingest.js';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'articles');

interface Doc {
  readonly id: string;
  readonly text: string;
}

function loadDocs(file: string | undefined): Doc[] {
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

interface Timing {
  /** CPU seconds (user + system) spent in the timed calls. */
  seconds: number;
  articles: number;
  bytes: number;
}

const cpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** One pass of `fn` over the docs, timed in CPU seconds and added to `into`. */
function pass(docs: readonly Doc[], fn: (d: Doc) => unknown, into: Timing): void {
  const t0 = cpuSeconds();
  for (const d of docs) fn(d);
  into.seconds += cpuSeconds() - t0;
  into.articles += docs.length;
  into.bytes += docs.reduce((a, d) => a + Buffer.byteLength(d.text), 0);
}

/**
 * Times every function over the same docs, one pass of each in turn, after one warm-up pass each.
 * Process CPU time rather than wall-clock time, and interleaving, keep other load on a shared
 * machine from favouring any side: all are single-threaded and synchronous.
 */
function timeInterleaved(
  docs: readonly Doc[],
  minSeconds: number,
  fns: readonly ((d: Doc) => unknown)[],
): Timing[] {
  const timings = fns.map((): Timing => ({ seconds: 0, articles: 0, bytes: 0 }));
  for (const fn of fns) for (const d of docs) fn(d);
  do {
    fns.forEach((fn, i) => pass(docs, fn, timings[i]!));
  } while (timings.some((t) => t.seconds < minSeconds));
  return timings;
}

function report(name: string, t: Timing): string {
  const perSecond = t.articles / t.seconds;
  const mbPerSecond = t.bytes / t.seconds / 1e6;
  return `${name.padEnd(28)} ${perSecond.toFixed(1).padStart(10)} articles/s ${mbPerSecond.toFixed(2).padStart(8)} MB/s  (${((t.seconds / t.articles) * 1e6).toFixed(0)} µs CPU an article)`;
}

export async function runBench(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { file: { type: 'string' }, seconds: { type: 'string' }, feeds: { type: 'string' } },
  });
  const docs = loadDocs(values.file);
  if (docs.length === 0) throw new Error('no articles to benchmark');
  const minSeconds = values.seconds ? Number(values.seconds) : 3;
  const textrank = new Summarizer(
    new AbsoluteSummarizerConfig(
      3,
      new SorensenDiceSimilarity(),
      new DefaultTextParser(),
      0.85,
      Summarizer.SORT_OCCURENCE,
    ),
    new NullLogger(),
  );
  console.log(
    `analysis benchmark: ${docs.length} articles, at least ${minSeconds} CPU seconds each, passes interleaved`,
  );
  const [text, whole, theirs] = timeInterleaved(docs, minSeconds, [
    (d) => analyzeText({ text: d.text }),
    (d) => analyzeArticle({ text: d.text }),
    (d) => textrank.summarize(d.text, 'en'),
  ]) as [Timing, Timing, Timing];
  const speed = (t: Timing): number => t.articles / t.seconds;
  console.log(report('newsdesk text analysis', text) + '  clean, sentences, lede, summary');
  console.log(report('newsdesk whole analysis', whole) + '  + quotes, countries, regions');
  console.log(report('ts-textrank summarize', theirs));
  console.log(
    `ratio: the whole analysis is ${(speed(whole) / speed(theirs)).toFixed(1)}x the speed of ts-textrank ` +
      `(the text analysis alone ${(speed(text) / speed(theirs)).toFixed(1)}x) on the same inputs`,
  );
  return runIngestBench(values.feeds ? Number(values.feeds) : undefined);
}
