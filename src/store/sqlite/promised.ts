/** The synchronous twin of an async port: better-sqlite3 answers at once, the port promises. */
export type Sync<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};

/**
 * Turns a synchronous implementation into the async port, turning a throw into a rejection so that
 * callers see the same failures a networked store would give them.
 */
export function promised<T extends object>(sync: Sync<T>): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries<(...args: unknown[]) => unknown>(sync as Record<string, never>)) {
    wrapped[name] = (...args: unknown[]) => {
      try {
        return Promise.resolve(fn(...args));
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
  }
  return wrapped as T;
}
