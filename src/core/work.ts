/**
 * Steps of work the analysis has taken, added up by its passes (marks read, tokens written, people
 * compared...). Tests double a pathological input and check that the count about doubles: a count,
 * unlike a timer, is the same on every machine. The analysis only adds to it and never reads it.
 */
export const work = { steps: 0 };

/** Adds `n` steps of work. */
export function countSteps(n: number): void {
  work.steps += n;
}
