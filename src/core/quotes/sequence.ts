// Credits each quotation of an article in turn: in its own sentence (attribution.ts), by a colon
// that introduces it, or by carrying the speaker on from the quote before.
import { attributionAfter, attributionBefore, attributionByColon, type Attribution } from './attribution.js';
import { attributionByIntro } from './intro.js';
import type { Quotation } from './marks.js';
import { endsSentence, sentenceStart, startsUpper } from './tokens.js';
import { isRegexSpace } from '../text/chars.js';

/** The paragraph (line with text) before the one starting at `paragraphStart`, if any. */
function previousParagraph(text: string, paragraphStart: number): { start: number; end: number } | null {
  let end = paragraphStart;
  while (end > 0 && isRegexSpace(text.charCodeAt(end - 1))) end--;
  if (end === 0) return null;
  let start = text.lastIndexOf('\n', end - 1) + 1;
  while (start < end && isRegexSpace(text.charCodeAt(start))) start++;
  return { start, end };
}

/**
 * A quote inside reported speech ("found the violence “serious”"): its opening mark follows words of
 * the same sentence rather than a sentence start, a colon or a comma.
 */
export function insideReportedSpeech(text: string, q: Quotation): boolean {
  let i = q.start - 1;
  while (i >= q.paragraphStart && isRegexSpace(text.charCodeAt(i))) i--;
  if (i < q.paragraphStart) return false;
  const c = text.charCodeAt(i);
  // a colon, a comma or a dash (— ― –) introduces the quote
  if (c === 58 || c === 44 || c === 0x2014 || c === 0x2015 || c === 0x2013) return false;
  return !endsSentence(text, i, q.start + 1) && c !== 34 && c !== 0x201d;
}

/** `q` stands inside a sentence of its own that begins after the quote `before` ends. */
function laterSentencePhrase(text: string, q: Quotation, before: Quotation): boolean {
  return insideReportedSpeech(text, q) && sentenceStart(text, q.start, before.end) > before.end;
}

const MINOR_WORD = /^(a|an|the|of|in|on|and|or|for|to|with|at|by|from|de|la)$/i;

/** "Fox News Sunday", "State of the Union": a title or a name in quotes, spoken by nobody. */
function titleLike(q: Quotation): boolean {
  if (q.text.length > 60 || /[!?]/.test(q.text)) return false;
  const words = q.text
    .replace(/[.,;:]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length || words.length > 6) return false;
  return startsUpper(words[0] ?? '') && words.every((w) => MINOR_WORD.test(w) || startsUpper(w));
}

/** Each quotation's attribution, or null when nothing in the text credits it. */
export function attribute(
  text: string,
  quotes: readonly Quotation[],
  marks: readonly number[],
): (Attribution | null)[] {
  const out: (Attribution | null)[] = [];
  let last: { q: Quotation; a: Attribution } | null = null;
  for (let k = 0; k < quotes.length; k++) {
    const q = quotes[k] as Quotation;
    const prev = k > 0 ? quotes[k - 1] : undefined;
    const samePara = prev !== undefined && prev.paragraphEnd > q.start;
    const floor = samePara ? prev.end : q.paragraphStart;
    let a =
      attributionAfter(text, q, marks) ??
      attributionBefore(text, q, floor) ??
      attributionByIntro(text, q, floor);
    // the paragraph before matters only to a quote that opens its own and has no speaker yet
    const before = !a && q.start === q.paragraphStart ? previousParagraph(text, q.paragraphStart) : null;
    if (!a && before) a = attributionByColon(text, q, before);
    // '"...," Stoltenberg said. "It is important..."': the same speaker goes on, unless the quote is
    // a phrase inside a later sentence, whose subject speaks ('It stated that Trump is "rattled"')
    if (!a && last && last.q.paragraphEnd > q.start && !laterSentencePhrase(text, q, last.q)) {
      a = { mention: last.a.mention, kind: 'continued' };
    }
    // a paragraph that is all quote, after a quote with its speaker: the speaker goes on
    if (!a && last && before && last.q.paragraphEnd === before.end && q.end === q.paragraphEnd) {
      a = { mention: last.a.mention, kind: 'carried' };
    }
    // a title is nobody's words unless the sentence plainly says who spoke it ('"Absolutely," he said')
    if (a && a.kind !== 'after' && a.kind !== 'dash' && titleLike(q)) a = null;
    if (a) last = { q, a };
    out.push(a);
  }
  return out;
}
