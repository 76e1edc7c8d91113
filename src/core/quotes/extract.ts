import type { Quote, Speaker } from '../types.js';
import {
  attributionAfter,
  attributionBefore,
  attributionByColon,
  speechSubjects,
  type Attribution,
} from './attribution.js';
import { chooseKeyQuotes, MIN_STATEMENT_WORDS, type KeyCandidate } from './key.js';
import { findQuotations, type Quotation } from './marks.js';
import type { Mention } from './phrase.js';
import { indexPeople } from './people.js';
import { resolveMention, type Resolved } from './resolve.js';
import { endsSentence, tokenize } from './tokens.js';

/** What quote selection knows of the article besides its text. */
export interface QuoteContext {
  readonly title: string | null;
  readonly lede: string;
}

/** The paragraph (line with text) before the one starting at `paragraphStart`, if any. */
function previousParagraph(text: string, paragraphStart: number): { start: number; end: number } | null {
  let end = paragraphStart;
  while (end > 0 && /\s/u.test(text[end - 1] ?? '')) end--;
  if (end === 0) return null;
  let start = end;
  while (start > 0 && text[start - 1] !== '\n') start--;
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  return { start, end };
}

/** The first line that reads as a paragraph of prose: with bylines and breadcrumbs above it, the lede. */
function firstProse(text: string): string {
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (/[.?!"”]$/u.test(t) && (t.match(/\s+/g) ?? []).length >= 14) return t;
  }
  return '';
}

/**
 * A quote inside reported speech ("found the violence “serious”"): its opening mark follows words of
 * the same sentence rather than a sentence start, a colon or a comma.
 */
function insideReportedSpeech(text: string, q: Quotation): boolean {
  let i = q.start - 1;
  while (i >= q.paragraphStart && /\s/u.test(text[i] ?? '')) i--;
  if (i < q.paragraphStart) return false;
  const ch = text[i] ?? '';
  if (ch === ':' || ch === ',' || /[—―–]/u.test(ch)) return false;
  return !endsSentence(text, i, q.start + 1) && !'"”'.includes(ch);
}

const MINOR_WORD = /^(a|an|the|of|in|on|and|or|for|to|with|at|by|from|de|la)$/i;

/** "Fox News Sunday", "State of the Union": a title or a name in quotes, spoken by nobody. */
function titleLike(q: Quotation): boolean {
  if (/[!?]/u.test(q.text)) return false;
  const words = q.text
    .replace(/[.,;:]+$/u, '')
    .split(/\s+/u)
    .filter(Boolean);
  if (!words.length || words.length > 6) return false;
  return (
    /^[\p{Lu}\p{N}]/u.test(words[0] ?? '') &&
    words.every((w) => MINOR_WORD.test(w) || /^[\p{Lu}\p{N}]/u.test(w))
  );
}

function attribute(text: string, quotes: readonly Quotation[]): (Attribution | null)[] {
  const out: (Attribution | null)[] = [];
  let last: { q: Quotation; a: Attribution } | null = null;
  quotes.forEach((q, k) => {
    const prev = k > 0 ? quotes[k - 1] : undefined;
    const samePara = prev !== undefined && prev.paragraphEnd > q.start;
    const floor = samePara ? prev.end : q.paragraphStart;
    let a = attributionAfter(text, q) ?? attributionBefore(text, q, floor);
    const before = q.start === q.paragraphStart ? previousParagraph(text, q.paragraphStart) : null;
    if (!a && before) a = attributionByColon(text, q, before);
    // '"...," Stoltenberg said. "It is important..."': the same speaker goes on
    if (!a && last && last.q.paragraphEnd > q.start) a = { mention: last.a.mention, kind: 'continued' };
    // a paragraph that is all quote, after a quote with its speaker: the speaker goes on
    if (!a && last && before && last.q.paragraphEnd === before.end && q.end === q.paragraphEnd) {
      a = { mention: last.a.mention, kind: 'carried' };
    }
    // a title is nobody's words unless the sentence plainly says who spoke it ('"Absolutely," he said')
    if (a && titleLike(q) && a.kind !== 'after' && a.kind !== 'dash') a = null;
    if (a) last = { q, a };
    out.push(a);
  });
  return out;
}

function maskQuotations(text: string, quotes: readonly Quotation[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const q of quotes) {
    parts.push(text.slice(at, q.start + 1), text.slice(q.start + 1, q.end - 1).replace(/[^\n]/gu, ' '));
    at = q.end - 1;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Direct quotations in `text` with their speakers; offsets index `text`. */
export function extractQuotes(text: string, context: QuoteContext): Quote[] {
  const quotations = findQuotations(text).filter((q) => /\p{L}/u.test(q.text));
  if (!quotations.length) return [];
  // names inside quotes are what the speaker talks about, not who is speaking: leave them out
  const masked = maskQuotations(text, quotations);
  const tokens = tokenize(masked, 0, masked.length);
  const index = indexPeople(masked, tokens);
  const attributions = attribute(text, quotations);
  // resolve every speaker mention in text order, quoted or not, so recency is the article's own
  const mentions = new Map<number, Mention>();
  for (const m of speechSubjects(tokens)) mentions.set(m.start, m);
  for (const a of attributions) if (a) mentions.set(a.mention.start, a.mention);
  const byStart = new Map<number, Resolved>();
  for (const m of [...mentions.values()].sort((x, y) => x.start - y.start))
    byStart.set(m.start, resolveMention(index, m));
  const resolved = attributions.map((a): Resolved | null =>
    a ? (byStart.get(a.mention.start) ?? null) : null,
  );
  const candidates: KeyCandidate[] = quotations.map((q, k) => {
    const r = resolved[k];
    const words = (q.text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
    return {
      text: q.text,
      speakerName: r?.name ?? null,
      personal: !!r?.person,
      fragment: words < MIN_STATEMENT_WORDS || insideReportedSpeech(text, q) || /^\p{Ll}/u.test(q.text),
    };
  });
  const keys = new Set(chooseKeyQuotes(candidates, context.title, `${context.lede}\n${firstProse(text)}`));
  return quotations.map((q, k): Quote => {
    const a = attributions[k];
    const r = resolved[k];
    const speaker: Speaker = a
      ? {
          name: r?.name ?? null,
          role: r?.role ?? null,
          mention: { start: a.mention.start, end: a.mention.end },
        }
      : { name: null, role: null, mention: null };
    return { start: q.start, end: q.end, text: q.text, speaker, key: keys.has(k) };
  });
}
