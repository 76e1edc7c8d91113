const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long ago `then` was, seen from `now`, in words a reader takes in at a glance. */
export function formatAge(then: Date, now: Date): string {
  const ms = now.getTime() - then.getTime();
  // A feed's clock may run a little ahead of ours; a story is never "in the future".
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h ago`;
  const days = Math.floor(ms / DAY);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
