// `npm run bench`: times the analysis against an npm summarizer on the same inputs, in one run,
// and prints the ratio. Timings on a shared machine are noisy; the ratio is what we track.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ContenderReady, ContenderRequest } from './contender-process.js';
import { CONTENDERS, makeContender } from './contenders.js';
import { loadDocs, onePass, warmUp, type ContenderName, type Doc, type Timing } from './docs.js';
import { runBacklogBench } from './backlog.js';
import { runFanoutBench } from './fanout.js';
import { runIngestBench } from './ingest.js';

const add = (into: Timing, t: Timing): void => {
  into.seconds += t.seconds;
  into.articles += t.articles;
  into.bytes += t.bytes;
};
const zero = (): Timing => ({ seconds: 0, articles: 0, bytes: 0 });

/** What a timing method returns, by contender (in `CONTENDERS` order). */
interface Timed {
  readonly timings: Timing[];
  /** The CPU seconds each contender's warm-up took, averaged over its processes. */
  readonly warmUps: number[];
}

/** A contender in a child process: `turn()` runs one timed turn there and resolves with its timing. */
interface Remote {
  readonly turn: () => Promise<Timing>;
  readonly child: ChildProcess;
  /** The CPU seconds its warm-up took. */
  readonly warmUpSeconds: number;
}

async function startRemote(name: ContenderName, file: string | undefined): Promise<Remote> {
  const child = fork(join(import.meta.dirname, 'contender-process.ts'), [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null): void =>
        reject(new Error(`bench contender ${name} exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        resolve(m);
      });
    });
  const ready = next();
  child.send({ start: name, file } satisfies ContenderRequest);
  const { warmUpSeconds } = (await ready) as ContenderReady;
  return {
    child,
    warmUpSeconds,
    turn: () => {
      const answer = next();
      child.send({ turn: { minSeconds: TURN_SECONDS } } satisfies ContenderRequest);
      return answer as Promise<Timing>;
    },
  };
}

/** CPU time of one turn: whole passes over the articles until it is spent. */
const TURN_SECONDS = 0.05;

/**
 * How many processes run each contender. Two processes of the same code settle at steady costs
 * that differ by up to 15% (the JIT's choices and where code and data land differ from run to
 * run), more than most changes measured with it; pooling several processes' timings gives the
 * contender's typical cost rather than one draw.
 */
const PROCESSES_PER_CONTENDER = 3;

/**
 * Each contender runs in processes of its own (`PROCESSES_PER_CONTENDER`, or `--processes N`),
 * and the parent gives each process a turn in rotation (who goes first rotates too) until each
 * contender has spent `minSeconds` of CPU time, its processes' turns pooled. A turn is a batch of
 * articles (`TURN_SECONDS` of passes), as a poll of many feeds brings in, so the figure is the
 * throughput of analysing a batch rather than the cost of waking up. Process CPU time rather than
 * wall-clock time, and taking turns, keep other load on a shared machine from favouring any side;
 * separate heaps keep one side's garbage from being collected on the other's time.
 */
async function timeIsolated(file: string | undefined, minSeconds: number, processes: number): Promise<Timed> {
  const remotes: { contender: number; remote: Remote }[] = [];
  try {
    for (let copy = 0; copy < processes; copy++)
      for (const [contender, name] of CONTENDERS.entries())
        remotes.push({ contender, remote: await startRemote(name, file) });
    const timings = CONTENDERS.map(zero);
    for (let round = 0; timings.some((t) => t.seconds < minSeconds); round++) {
      for (let k = 0; k < remotes.length; k++) {
        const { contender, remote } = remotes[(round + k) % remotes.length]!;
        if (timings[contender]!.seconds >= minSeconds) continue;
        add(timings[contender]!, await remote.turn());
      }
    }
    const warmUps = CONTENDERS.map((_, contender) => {
      const own = remotes.filter((r) => r.contender === contender);
      return own.reduce((sum, r) => sum + r.remote.warmUpSeconds, 0) / own.length;
    });
    return { timings, warmUps };
  } finally {
    for (const r of remotes) r.remote.child.disconnect();
  }
}

/**
 * The older method, kept for comparison (`--shared-heap`): all contenders in this one process,
 * one pass each in turn, so each runs with the caches and heap the one before it left.
 */
function timeSharedHeap(docs: readonly Doc[], minSeconds: number): Timed {
  const fns = CONTENDERS.map(makeContender);
  const timings = fns.map(zero);
  const warmUps = fns.map((fn) => warmUp(docs, fn));
  for (let round = 0; timings.some((t) => t.seconds < minSeconds); round++) {
    for (let k = 0; k < fns.length; k++) {
      const i = (round + k) % fns.length;
      add(timings[i]!, onePass(docs, fns[i]!));
    }
  }
  return { timings, warmUps };
}

function report(name: string, t: Timing): string {
  const perSecond = t.articles / t.seconds;
  const mbPerSecond = t.bytes / t.seconds / 1e6;
  return `${name.padEnd(28)} ${perSecond.toFixed(1).padStart(10)} articles/s ${mbPerSecond.toFixed(2).padStart(8)} MB/s  (${((t.seconds / t.articles) * 1e6).toFixed(0)} µs CPU an article)`;
}

export async function runBench(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      file: { type: 'string' },
      seconds: { type: 'string' },
      feeds: { type: 'string' },
      'store-articles': { type: 'string' },
      'shared-heap': { type: 'boolean' },
      processes: { type: 'string' },
      only: { type: 'string' },
      'telegram-chats': { type: 'string' },
      'discord-channels': { type: 'string' },
      scale: { type: 'string' },
      first: { type: 'string' },
      second: { type: 'string' },
      rate: { type: 'string' },
      'database-url': { type: 'string' },
    },
  });
  // The backlog run takes minutes, so it runs only when asked for.
  const parts = ['analysis', 'ingest', 'fanout', 'backlog'];
  const only = values.only;
  if (only !== undefined && !parts.includes(only))
    throw new Error(`--only takes one of ${parts.join(', ')}, not "${only}"`);
  const wanted = (part: string): boolean => (only === undefined && part !== 'backlog') || only === part;
  const whole = (name: string, fallback: number): number => {
    const raw = values[name as 'scale'];
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number, 1 or more`);
    return n;
  };
  const fanout = {
    telegramChats: whole('telegram-chats', 10_000),
    discordChannels: whole('discord-channels', 2_000),
    scale: whole('scale', 5),
  };
  if (wanted('analysis')) await runAnalysisBench(values);
  let code = 0;
  if (wanted('ingest'))
    code = await runIngestBench({
      feeds: whole('feeds', 200),
      storeArticles: values['store-articles'] === '0' ? 0 : whole('store-articles', 100_000),
    });
  if (wanted('fanout')) await runFanoutBench(fanout);
  if (wanted('backlog'))
    await runBacklogBench({
      first: whole('first', 100_000),
      second: whole('second', 1_000),
      rate: whole('rate', 1_000),
      ...(values['database-url'] ? { databaseUrl: values['database-url'] } : {}),
    });
  return code;
}

async function runAnalysisBench(values: {
  readonly file?: string;
  readonly seconds?: string;
  readonly 'shared-heap'?: boolean;
  readonly processes?: string;
}): Promise<void> {
  const docs = loadDocs(values.file);
  if (docs.length === 0) throw new Error('no articles to benchmark');
  const minSeconds = values.seconds ? Number(values.seconds) : 3;
  const shared = values['shared-heap'] === true;
  const processes = values.processes ? Number(values.processes) : PROCESSES_PER_CONTENDER;
  if (!Number.isInteger(processes) || processes < 1)
    throw new Error('--processes takes a whole number, 1 or more');
  console.log(
    `analysis benchmark: ${docs.length} articles, at least ${minSeconds} CPU seconds each, passes taken in turns, ` +
      (shared
        ? 'all in one process'
        : `each contender in ${processes} process${processes === 1 ? '' : 'es'} of its own`),
  );
  const { timings, warmUps } = shared
    ? timeSharedHeap(docs, minSeconds)
    : await timeIsolated(values.file, minSeconds, processes);
  const [text, whole, theirs] = timings as [Timing, Timing, Timing];
  const speed = (t: Timing): number => t.articles / t.seconds;
  console.log(report('newsdesk text analysis', text) + '  clean, sentences, lede, summary');
  console.log(report('newsdesk whole analysis', whole) + '  + quotes, countries, regions');
  console.log(report('ts-textrank summarize', theirs));
  console.log(
    `ratio: the whole analysis is ${(speed(whole) / speed(theirs)).toFixed(1)}x the speed of ts-textrank ` +
      `(the text analysis alone ${(speed(text) / speed(theirs)).toFixed(1)}x) on the same inputs`,
  );
  const warmed = CONTENDERS.map((name, i) => `${name} ${(warmUps[i] ?? 0).toFixed(1)} s`).join(', ');
  console.log(`warm-up until the cost stopped falling (CPU seconds, mean per process): ${warmed}`);
}
