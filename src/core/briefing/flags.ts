import type { CountryMark } from './types.js';

// Unicode has regional-indicator flags only for assigned ISO codes; XK (Kosovo) is user-assigned,
// so most clients would show two bare letters. Those codes get a name instead of a flag.
const NO_FLAG = new Set(['XK']);
const REGIONAL_INDICATOR_A = 0x1f1e6;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** The emoji flag of an ISO 3166-1 alpha-2 code, or null when there is none to show. */
export function flagEmoji(code: string): string | null {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper) || NO_FLAG.has(upper)) return null;
  return String.fromCodePoint(
    ...[...upper].map((c) => REGIONAL_INDICATOR_A + c.charCodeAt(0) - 'A'.charCodeAt(0)),
  );
}

/** The English short name of a country code ("XK" → "Kosovo"); the code itself when unknown. */
export function countryName(code: string): string {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return code;
  try {
    return regionNames.of(upper) ?? upper;
  } catch {
    return upper;
  }
}

/** A country as a briefing shows it. */
export function countryMark(code: string): CountryMark {
  const upper = code.toUpperCase();
  return { code: upper, flag: flagEmoji(upper), name: countryName(upper) };
}
