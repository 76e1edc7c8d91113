import { z } from 'zod';

/** The canonical spelling of an IANA time zone ("europe/belgrade" → "Europe/Belgrade"), or null. */
export function normaliseTimezone(input: string): string | null {
  const s = input.trim();
  if (s === '' || s.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(s)) return null;
  if (s.toUpperCase() === 'UTC') return 'UTC';
  const known = Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === s.toLowerCase());
  if (known) return known;
  try {
    // Links Intl does not list (e.g. "Europe/Kiev") are still accepted by the formatter.
    return new Intl.DateTimeFormat('en', { timeZone: s }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Whether a word looks like a time zone rather than a target name. */
export function looksLikeTimezone(word: string): boolean {
  // Shape only: a mistyped zone should get the time zone error, not be read as part of a name.
  return /^[A-Za-z_]+\/[A-Za-z0-9_+\-/]+$/.test(word) || word.toUpperCase() === 'UTC';
}

/** A command's optional time zone argument, in its canonical spelling; a clear error otherwise. */
export const timezoneOption = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined) return undefined;
    const tz = normaliseTimezone(s);
    if (tz === null) {
      ctx.addIssue({
        code: 'custom',
        message: `"${s.slice(0, 40)}" is not a time zone (try Europe/Belgrade or UTC)`,
      });
      return z.NEVER;
    }
    return tz;
  });
