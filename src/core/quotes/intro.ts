// A quote that opens its sentence, credited by what stands just before it: a sentence ending in a
// colon ("Trump leaned in and boomed: “...”", "HuffPollster: “...”"), or a sentence that says who
// speaks ("Lau said in a statement. “...”").
import { attributionBefore, type Attribution } from './attribution.js';
import { NAME_PARTICLES, PHRASE_BREAKERS } from './lexicon.js';
import type { Quotation } from './marks.js';
import { readPhrase } from './phrase.js';
import { sentenceSubject } from './subject.js';
import { endsSentence, sentenceStart, tokenize, type Token } from './tokens.js';
import { isRegexSpace } from '../text/chars.js';

/** The last character before `at` that is not a space, from `floor` on; -1 when there is none. */
function lastBefore(text: string, at: number, floor: number): number {
  let i = at - 1;
  while (i >= floor && isRegexSpace(text.charCodeAt(i))) i--;
  return i >= floor ? i : -1;
}

/** Can stand in a name just before a colon: "Mark Blumenthal and Jon Cohen:", "Bill de Blasio:". */
function inName(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (!t.word) return false;
  if (t.capital) return true;
  return (NAME_PARTICLES.has(t.norm) || t.norm === 'and') && !!tokens[k - 1]?.capital;
}

/**
 * The phrase ending at tokens[r - 1] follows a preposition, a few words back at most ("a message to
 * Trump", "to the Dutch newspaper NRC Handelsblad"): the name after it is no subject.
 */
function objectOfPreposition(tokens: readonly Token[], r: number): boolean {
  for (let k = r - 1; k >= 0 && r - k <= 4; k--) {
    const t = tokens[k] as Token;
    if (!t.word) return false;
    // "More from Jones:", "a statement from the senator:": what comes from someone is theirs
    if (PHRASE_BREAKERS.has(t.norm)) return t.norm !== 'from';
  }
  return false;
}

/**
 * The speaker a sentence ending in a colon introduces: a name just before the colon ("Republican
 * pollster Daron Shaw:", not "a message to Trump:"), else the sentence's subject, of whatever noun
 * ("Trump leaned in and boomed:", "The email goes on to say:").
 */
export function colonSpeaker(text: string, colon: number, floor: number): Attribution | null {
  const tokens = tokenize(text, sentenceStart(text, colon, Math.max(floor, colon - 600)), colon);
  let r = tokens.length;
  while (r > 0 && inName(tokens, r - 1)) r--;
  if (r < tokens.length && !objectOfPreposition(tokens, r)) {
    const m = readPhrase(tokens, r, tokens.length);
    if (m && (m.kind === 'name' || m.kind === 'group')) return { mention: m, kind: 'colon' };
  }
  const m = sentenceSubject(tokens, tokens.length, true);
  // "Wait, it gets better:": "it" there is nobody
  return m && m.gender !== 'thing' ? { mention: m, kind: 'colon' } : null;
}

/**
 * The speaker of a quote that opens its sentence, from what stands before it (from `floor` on): a
 * colon that ends the sentence before, or a sentence with a reporting verb ("Lau said in a
 * statement. “...”").
 */
export function attributionByIntro(text: string, q: Quotation, floor: number): Attribution | null {
  const i = lastBefore(text, q.start, floor);
  if (i < 0) return null;
  const c = text.charCodeAt(i);
  if (c === 58) return colonSpeaker(text, i, floor);
  if ((c !== 46 && c !== 63 && c !== 33) || !endsSentence(text, i, q.start + 1)) return null;
  const a = attributionBefore(text, { ...q, start: i }, floor);
  return a ? { ...a, kind: 'intro' } : null;
}
