import type { NextPage } from '../../core/briefing/index.js';

/** How long a "More" button keeps working: after that, the list has moved on. */
export const MORE_EXPIRES_MS = 24 * 60 * 60 * 1000;
const PREFIX = 'more:';
const MAX_CUSTOM_ID = 100;

/**
 * The `custom_id` of a "More" button: the next page and when it was offered. Null when it would
 * not fit Discord's 100 characters (then no button is shown).
 */
export function moreButtonId(next: NextPage, now: Date): string | null {
  const id = `${PREFIX}${Math.floor(now.getTime() / 1000).toString(36)}:${JSON.stringify([next.command, next.input])}`;
  return id.length <= MAX_CUSTOM_ID ? id : null;
}

/** What a "More" button asks for; 'expired' when it is too old, null when it is not ours. */
export function readMoreButton(customId: string, now: Date): NextPage | 'expired' | null {
  if (!customId.startsWith(PREFIX)) return null;
  const rest = customId.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  const issued = parseInt(rest.slice(0, colon), 36) * 1000;
  if (colon < 0 || !Number.isFinite(issued)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(rest.slice(colon + 1));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') return null;
  const input: unknown = parsed[1];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
  if (now.getTime() - issued > MORE_EXPIRES_MS) return 'expired';
  return { command: parsed[0], input: input as NextPage['input'] };
}
