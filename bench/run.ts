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
import { analyzeArticle } from '../src/core/analyze.js';
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
  readonly seconds: number;
  readonly articles: number;
  readonly bytes: number;
}

/** Runs `fn` over the docs repeatedly for at least `minSeconds`, after one warm-up pass. */
function time(docs: readonly Doc[], minSeconds: number, fn: (d: Doc) => unknown): Timing {
  for (const d of docs) fn(d);
  const bytesPerPass = docs.reduce((a, d) => a + Buffer.byteLength(d.text), 0);
  let passes = 0;
  const t0 = process.hrtime.bigint();
  let elapsed: number;
  do {
    for (const d of docs) fn(d);
    passes++;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  } while (elapsed < minSeconds);
  return { seconds: elapsed, articles: passes * docs.length, bytes: passes * bytesPerPass };
}

function report(name: string, t: Timing): string {
  const perSecond = t.articles / t.seconds;
  const mbPerSecond = t.bytes / t.seconds / 1e6;
  return `${name.padEnd(28)} ${perSecond.toFixed(1).padStart(10)} articles/s ${mbPerSecond.toFixed(2).padStart(8)} MB/s`;
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
  console.log(`analysis benchmark: ${docs.length} articles, at least ${minSeconds}s each`);
  const ours = time(docs, minSeconds, (d) => analyzeArticle({ text: d.text }));
  const theirs = time(docs, minSeconds, (d) => textrank.summarize(d.text, 'en'));
  console.log(report('newsdesk analyze (all)', ours));
  console.log(report('ts-textrank summarize', theirs));
  const ratio = ours.articles / ours.seconds / (theirs.articles / theirs.seconds);
  console.log(`ratio: newsdesk is ${ratio.toFixed(1)}x the speed of ts-textrank on the same inputs`);
  return runIngestBench(values.feeds ? Number(values.feeds) : undefined);
}
