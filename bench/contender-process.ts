// One contender of the analysis benchmark in a process of its own (forked by bench/run.ts). It
// loads the articles, warms up (`warmUp`: passes until the cost stops falling, not timed), then
// answers each "turn" message with the CPU time of as many passes over every article as fill the
// turn. A process of its own means a heap of its own: the collector work a contender causes is
// billed to it, not to whichever contender happens to run next.
import { makeContender } from './contenders.js';
import { loadDocs, timedTurn, warmUp, type ContenderName, type Doc } from './docs.js';

/** What the parent sends: first which contender and which articles, then one message a turn. */
export type ContenderRequest =
  { start: ContenderName; file: string | undefined } | { turn: { minSeconds: number } };

/** The answer to `start`: warmed up, after this many CPU seconds. */
export interface ContenderReady {
  warmUpSeconds: number;
}

let run: ((d: Doc) => unknown) | undefined;
let docs: Doc[] = [];
const send = (message: unknown): void => void process.send?.(message);

process.on('message', (request: ContenderRequest) => {
  if ('start' in request) {
    docs = loadDocs(request.file);
    run = makeContender(request.start);
    send({ warmUpSeconds: warmUp(docs, run) } satisfies ContenderReady);
  } else if (run) {
    send(timedTurn(docs, run, request.turn.minSeconds));
  }
});
process.on('disconnect', () => process.exit(0));
