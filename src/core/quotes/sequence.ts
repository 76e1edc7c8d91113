// Credits each quotation of an article in turn: in its own sentence (attribution.ts), by a colon
// that introduces it, or by carrying the speaker on from the quote before.
import {
  attributionAfter,
  attributionBefore,
  attributionByColon,
  insideReportedSpeech,
  titleLike,
  type Attribution,
} from './attribution.js';
import { attributionByIntro } from './intro.js';
import type { Quotation } from './marks.js';
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

/** The attribution of a quote before, carried on to the next one. */
function goesOn(a: Attribution, kind: 'continued' | 'carried'): Attribution {
  return a.at ? { mention: a.mention, kind, at: a.at } : { mention: a.mention, kind };
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
    // a phrase inside a sentence, whose own subject speaks ('It stated that Trump is "rattled"')
    if (!a && last && last.q.paragraphEnd > q.start && !insideReportedSpeech(text, q)) {
      a = goesOn(last.a, 'continued');
    }
    // a paragraph that is all quote, after a quote with its speaker: the speaker goes on
    if (!a && last && before && last.q.paragraphEnd === before.end && q.end === q.paragraphEnd) {
      a = goesOn(last.a, 'carried');
    }
    // a title is nobody's words unless the sentence plainly says who spoke it ('"Absolutely," he said')
    if (a && a.kind !== 'after' && a.kind !== 'dash' && titleLike(q)) a = null;
    if (a) last = { q, a };
    out.push(a);
  }
  return out;
}
