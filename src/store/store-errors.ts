// Kept apart from open-store.ts so that the CLI can name these without loading either database driver.

/** The store could not be opened: the message says which database and why, never its password. */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

/** Why opening failed, in one line (a refused connection to each address comes as an AggregateError). */
export function databaseReason(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return databaseReason(err.errors[0]);
  const e = err as { message?: unknown; code?: unknown } | null;
  const message = typeof e?.message === 'string' && e.message !== '' ? e.message : String(e?.code ?? err);
  return message.replace(/\s+/g, ' ').slice(0, 200);
}
