import type { Work } from '../sources/work/work.js';

/**
 * The same work, with each article's reading and analysis timed (worker-thread time plus its wait
 * for a free thread, as a feed's pass sees it): `analysed` hears of each article that was analysed.
 */
export function timedWork(work: Work, analysed: (seconds: number) => void): Work {
  const timed =
    <A extends unknown[]>(run: (...args: A) => ReturnType<Work['readItem']>) =>
    async (...args: A): ReturnType<Work['readItem']> => {
      const started = performance.now();
      const reading = await run(...args);
      if (reading.kind === 'analysed') analysed((performance.now() - started) / 1000);
      return reading;
    };
  return {
    parseFeed: (...args) => work.parseFeed(...args),
    readItem: timed((item, maxChars, signal) => work.readItem(item, maxChars, signal)),
    readPage: timed((input, signal) => work.readPage(input, signal)),
    close: () => work.close(),
  };
}
