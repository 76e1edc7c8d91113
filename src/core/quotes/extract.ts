import type { Quote, Speaker } from '../types.js';
import {
  insideReportedSpeech,
  speechSubjects,
  type Attribution,
  type AttributionKind,
} from './attribution.js';
import { chooseKeyQuotes, isEligible, MIN_STATEMENT_WORDS, wordCount, type KeyCandidate } from './key.js';
import { findQuotations, markPositions, type Quotation } from './marks.js';
import type { Mention } from './phrase.js';
import { indexPeople, outsideOf, type QuotedUntil } from './people.js';
import { emptyIndex } from './person.js';
import { resolveMention, type Resolved } from './resolve.js';
import { attribute } from './sequence.js';
import { startsLower } from './tokens.js';
import { isRegexSpace } from '../text/chars.js';
import { sortShort } from '../text/sort-short.js';
import { countSteps } from '../work.js';

/** What quote selection knows of the article besides its text. */
export interface QuoteContext {
  readonly title: string | null;
  readonly lede: string;
}

/** The first line that reads as a paragraph of prose: with bylines and breadcrumbs above it, the lede. */
function firstProse(text: string): string {
  for (let s = 0; s < text.length;) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    countSteps(1);
    // a paragraph of prose has some length; most boilerplate lines are short
    if (e - s > 80) {
      // the line trimmed, read in place: only the line returned is sliced
      let a = s;
      let b = e;
      while (a < b && isRegexSpace(text.charCodeAt(a))) a++;
      while (b > a && isRegexSpace(text.charCodeAt(b - 1))) b--;
      const last = text.charCodeAt(b - 1);
      const ends = last === 46 || last === 63 || last === 33 || last === 34 || last === 0x201d; // . ? ! " ”
      if (b > a && ends && wordCount(text, a, b, 15) >= 15) return text.slice(a, b);
    }
    s = e + 1;
  }
  return '';
}

/**
 * The lede and the first paragraph of prose, for the words a key quote shares with them. The lede is
 * most often that paragraph less its dateline ("(NDW) -- "): then the paragraph alone holds the same
 * words, and its stems are read once. (The words are runs of letters, so no word spans the space
 * before the lede, nor the line break that joined the two.)
 */
function aboutText(lede: string, prose: string): string {
  const cut = prose.length - lede.length;
  const within = cut === 0 || (cut > 0 && isRegexSpace(prose.charCodeAt(cut - 1)));
  return within && prose.endsWith(lede) ? prose : `${lede}\n${prose}`;
}

/**
 * How surely an attribution names its speaker, from how it was found (measured on news the rules
 * were not fitted to): a name or pronoun set right by the quote ("...," Lee said) or a sentence that
 * ends just before it with a reporting verb is surest; a subject read before the quote in its own
 * sentence, or a speaker going on from the quote before, less so; a colon after a sentence or a
 * speaker carried to a paragraph of its own, least. (Attributed precision on PolNeAR train: about
 * 0.98, 0.92 and 0.85.)
 */
function reliability(a: Attribution): number {
  const byKind =
    a.kind === 'after' || a.kind === 'intro' || a.kind === 'dash'
      ? 2
      : a.kind === 'colon' || a.kind === 'carried'
        ? 0
        : 1;
  return byKind;
}

/** A letter of the Latin, Greek or Cyrillic scripts: a quotation without one quotes nothing. */
const HAS_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;

/**
 * Makes a fresh `QuotedUntil` over the quotations (in text order) for each scan with growing
 * offsets. A module function returning unnamed closures, not a closure declared in `extractQuotes`:
 * tsx compiles with esbuild's keepNames, which names such a closure with `Object.defineProperty`
 * every time it is made, a slow runtime call (about 1% of the whole analysis in a perf profile).
 */
function quotedUntil(quotations: readonly Quotation[]): () => QuotedUntil {
  return () => {
    let k = 0;
    return (at) => {
      while (k < quotations.length && (quotations[k] as Quotation).end <= at) k++;
      const q = quotations[k];
      return !q || at < q.start ? -1 : q.end;
    };
  };
}

/**
 * Direct quotations in `text` with their speakers; offsets index `text` (JS string indices, end
 * exclusive, marks included). The stages: find quotations (marks.ts), credit each in its own
 * sentence or carry the speaker on from the quote before (attribution.ts), read the article's people
 * only when a speaker needs resolving (people.ts), resolve surnames, pronouns and titles in text
 * order (resolve.ts), then pick one or two key quotes (key.ts). About one pass over the text.
 */
export function extractQuotes(text: string, context: QuoteContext): Quote[] {
  return quoteDetails(text, context).map((d) => d.quote);
}

/** A quote with how its speaker was found: for choosing key quotes, and for reading errors by kind. */
export interface QuoteDetail {
  readonly quote: Quote;
  /** How the speaker was found, or null when no speaker was. */
  readonly kind: AttributionKind | null;
  /** A clause inside reported speech, or too short to stand alone. */
  readonly fragment: boolean;
}

/** `extractQuotes`, each quote with how its speaker was found. */
export function quoteDetails(text: string, context: QuoteContext): QuoteDetail[] {
  const quotations: Quotation[] = [];
  const marks = markPositions(text);
  if (!marks.length) return [];
  for (const q of findQuotations(text, marks)) if (HAS_LETTER.test(q.text)) quotations.push(q);
  if (!quotations.length) return [];
  // names inside quotes are what the speaker talks about, not who is speaking: leave them out
  const quoted = quotedUntil(quotations);
  const attributions = attribute(text, quotations, marks);
  // the article's people are read only when a speaker is a surname, a pronoun or a title; groups
  // that spoke without quotes ("Flood officials said...") matter only to a later "they" or "it"
  let needPeople = false;
  let needGroups = false;
  for (const a of attributions) {
    if (!a) continue;
    const m = a.mention;
    if (m.kind !== 'name' || !m.name?.includes(' ')) needPeople = true;
    if (m.kind === 'pronoun' && (m.gender === 'plural' || m.gender === 'thing')) needGroups = true;
  }
  const index = needPeople ? indexPeople(text, quoted) : emptyIndex();
  // resolve every speaker mention in text order, quoted or not, so recency is the article's own
  const mentions = new Map<number, Mention>();
  if (needGroups) for (const m of speechSubjects(text, outsideOf(quoted()))) mentions.set(m.start, m);
  for (const a of attributions) if (a) mentions.set(a.mention.start, a.mention);
  const byStart = new Map<number, Resolved>();
  for (const m of sortShort([...mentions.values()], (x, y) => x.start - y.start))
    byStart.set(m.start, resolveMention(index, m));
  const resolved: (Resolved | null)[] = [];
  const candidates: KeyCandidate[] = [];
  let anyEligible = false;
  for (let k = 0; k < quotations.length; k++) {
    const q = quotations[k] as Quotation;
    const a = attributions[k];
    const r = a ? (byStart.get(a.mention.start) ?? null) : null;
    resolved.push(r);
    const words = wordCount(q.text);
    const c: KeyCandidate = {
      text: q.text,
      speakerName: r?.name ?? null,
      personal: !!r?.person,
      reliability: a ? reliability(a) : 0,
      fragment: words < MIN_STATEMENT_WORDS || insideReportedSpeech(text, q) || startsLower(q.text),
      words,
    };
    if (isEligible(c)) anyEligible = true;
    candidates.push(c);
  }
  // the first paragraph of prose is read only when two quotes or more may be the key quote
  const keys = anyEligible
    ? chooseKeyQuotes(candidates, context.title, () => aboutText(context.lede, firstProse(text)))
    : [];
  const out: QuoteDetail[] = [];
  for (let k = 0; k < quotations.length; k++) {
    const q = quotations[k] as Quotation;
    const a = attributions[k];
    const r = resolved[k];
    const speaker: Speaker = a
      ? {
          name: r?.name ?? null,
          role: r?.role ?? null,
          mention: a.at
            ? { start: a.at.start, end: a.at.end }
            : { start: a.mention.start, end: a.mention.end },
        }
      : { name: null, role: null, mention: null };
    const quote = { start: q.start, end: q.end, text: q.text, speaker, key: keys.includes(k) };
    out.push({ quote, kind: a?.kind ?? null, fragment: (candidates[k] as KeyCandidate).fragment });
  }
  return out;
}
