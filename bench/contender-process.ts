// One contender of the analysis benchmark in a process of its own (forked by bench/run.ts). It
// loads the articles, warms up (`WARM_UP_SECONDS` of passes, not timed), then answers each
// "turn" message with the CPU time of as many passes over every article as fill the turn. A
// process of its own means a heap of its own: the collector work a contender causes is billed
// to it, not to whichever contender happens to run next.
import { makeContender } from './contenders.js';
import { loadDocs, timedTurn, WARM_UP_SECONDS, type ContenderName, type Doc } from './docs.js';

/** What the parent sends: first which contender and which articles, then one message a turn. */
export type ContenderRequest =
  { start: ContenderName; file: string | undefined } | { turn: { minSeconds: number } };

let run: ((d: Doc) => unknown) | undefined;
let docs: Doc[] = [];
const send = (message: unknown): void => void process.send?.(message);

process.on('message', (request: ContenderRequest) => {
  if ('start' in request) {
    docs = loadDocs(request.file);
    run = makeContender(request.start);
    timedTurn(docs, run, WARM_UP_SECONDS);
    send({ ready: true });
  } else if (run) {
    send(timedTurn(docs, run, request.turn.minSeconds));
  }
});
process.on('disconnect', () => process.exit(0));
