import { Worker } from 'node:worker_threads';

/** How often the checkpointer copies the write-ahead log into the database file. */
export const CHECKPOINT_EVERY_MS = 1000;

/**
 * Past this many pages of log, the checkpointer also restarts the log once it has copied it: under
 * a steady stream of commits a copy never catches up with the last one, and a log that is never
 * restarted grows until the backstop below checkpoints it on the main thread.
 */
export const RESTART_PAGES = 2_000;

/**
 * The main connection's own automatic checkpoint, kept only as a backstop should the checkpointer
 * thread be gone: at 16,000 pages (64 MB of log) rather than SQLite's 1,000.
 */
export const BACKSTOP_CHECKPOINT_PAGES = 16_000;

// A worker of a few lines, in plain JavaScript (worker threads do not inherit the TypeScript loader).
// It opens its own connection and, on a timer, runs a PASSIVE checkpoint: one that never waits for
// the writer or readers, and copies whatever the log holds that no reader still needs. When the log
// has grown long, a RESTART follows: it copies the little written since, waiting at most a moment
// for the writer's transaction to end (new writes wait meanwhile: a batch retries without holding
// the event loop), and lets the next write start the log from its beginning again.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 50');
const checkpoint = () => {
  try {
    const [copied] = db.pragma('wal_checkpoint(PASSIVE)');
    if (copied && copied.log > workerData.restartPages) db.pragma('wal_checkpoint(RESTART)');
  } catch {
    // Busy or locked: the next tick tries again.
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/** A running checkpointer; `close` ends it after a last checkpoint. */
export interface Checkpointer {
  close(): Promise<void>;
}

/**
 * Moves the write-ahead log's checkpoints off the main thread. SQLite runs a checkpoint inside the
 * commit that fills the log past 1,000 pages: a few milliseconds to a few tens of them of copying
 * and syncing, on the thread that answers chat commands, several times a second while a poll
 * files articles. A worker thread with a connection of its own does it once a second instead, and
 * the main connection's automatic checkpoint is pushed back to a backstop.
 */
export function startCheckpointer(
  path: string,
  { everyMs = CHECKPOINT_EVERY_MS, restartPages = RESTART_PAGES } = {},
): Checkpointer {
  const worker = new Worker(SOURCE, { eval: true, workerData: { path, everyMs, restartPages } });
  // A worker that cannot open the file or dies leaves the backstop to do its work.
  worker.on('error', () => undefined);
  // It must not keep the process alive on its own.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    close() {
      // Held now, so that the process waits for the last checkpoint.
      worker.ref();
      worker.postMessage('close');
      return exited;
    },
  };
}
