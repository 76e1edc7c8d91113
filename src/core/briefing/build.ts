import type { Analysis } from '../types.js';
import { formatAge } from './age.js';
import { countryMark } from './flags.js';
import type { Briefing, BriefingQuote } from './types.js';

/** What a briefing is built from: one story's lead article and what is known of its spread. */
export interface BriefingInput {
  readonly analysis: Analysis;
  readonly url: string | null;
  /** Distinct outlets that carried the story (at least 1). */
  readonly outlets: number;
  /** Their names, the lead's first, where known. */
  readonly outletNames?: readonly string[];
  readonly publishedAt: Date | null;
}

const MAX_POINTS = 3;
const MAX_COUNTRIES = 6;

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

function keyQuote(analysis: Analysis): BriefingQuote | null {
  // The analysis marks its key quotes; an attributed one reads better than an anonymous one.
  const keys = analysis.quotes.filter((q) => q.key && q.text.trim() !== '');
  const chosen = keys.find((q) => q.speaker.name !== null) ?? keys[0];
  if (!chosen) return null;
  // A quote cut from mid-sentence keeps its comma ("…the wider region,"); a briefing drops it.
  const text = chosen.text.trim().replace(/[\s,;:]+$/u, '');
  return { text, speaker: chosen.speaker.name, role: chosen.speaker.role };
}

function headline(analysis: Analysis): string {
  const title = analysis.title?.trim();
  if (title) return title;
  // No headline in the feed: the lede, shortened, stands in for one.
  const lede = analysis.lede.trim();
  return lede.length > 120 ? `${lede.slice(0, 117).trimEnd()}…` : lede || 'Untitled story';
}

// RFC 2606 reserves .invalid: it never resolves. newsdesk stores a local file under it (see
// `fileArticleUrl` in src/cli/ingest.ts), and that address carries the server's file path.
function isReservedInvalid(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'invalid' || h.endsWith('.invalid');
}

/** The story's address as a reader may follow it; null when it has none (a local file). */
function publicUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    return isReservedInvalid(new URL(url).hostname) ? null : url;
  } catch {
    // Not an address at all: renderers drop it (see safeUrl in src/render).
    return url;
  }
}

/** The briefing of one story, as of `now`. Pure. */
export function buildBriefing(input: BriefingInput, now: Date): Briefing {
  const { analysis } = input;
  const lede = analysis.lede.trim();
  const ledeKey = normalise(lede);
  const points = analysis.summary
    .map((s) => s.trim())
    .filter((s) => s !== '' && normalise(s) !== ledeKey)
    .slice(0, MAX_POINTS);
  return {
    headline: headline(analysis),
    url: publicUrl(input.url),
    lede,
    points,
    quote: keyQuote(analysis),
    outlets: Math.max(1, input.outlets),
    outletNames: (input.outletNames ?? []).filter((name) => !isReservedInvalid(name)),
    publishedAt: input.publishedAt,
    age: input.publishedAt ? formatAge(input.publishedAt, now) : null,
    countries: analysis.countries.slice(0, MAX_COUNTRIES).map(countryMark),
    regions: [...analysis.regions],
  };
}
