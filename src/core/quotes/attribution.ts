// Finds who a quotation is attributed to in its own sentence: after it ("...," Stoltenberg said),
// inverted ("...," said Rep. Jim Clyburn), before it (Stoltenberg said: "..."), or by a dash.
import { DETERMINERS, PHRASE_BREAKERS, PRONOUNS, REPORTING_VERBS, WEAK_REPORTING_VERBS } from './lexicon.js';
import type { Quotation } from './marks.js';
import { plainRole, readPhrase, type Mention } from './phrase.js';
import { sentenceEnd, sentenceStart, tokenize, type Token } from './tokens.js';

/** How a quotation's speaker was found. */
export type AttributionKind = 'after' | 'before' | 'colon' | 'dash' | 'continued' | 'carried';

export interface Attribution {
  readonly mention: Mention;
  readonly kind: AttributionKind;
}

const DOUBLE_MARKS = /["“”„«»]/u;
const DASHES = '—―–-';
// Words skipped when walking back from a verb to its subject ("Stoltenberg later said", "he has said").
const BACK_SKIP = new Set(
  'later also then again once recently previously repeatedly earlier first further finally simply has had have was were is are will would could did does do not never just even only already often always reportedly publicly privately quoted as who'.split(
    ' ',
  ),
);

function isVerb(t: Token | undefined): boolean {
  return !!t && t.word && !t.capital && REPORTING_VERBS.has(t.norm);
}

function isAccordingTo(tokens: readonly Token[], i: number): boolean {
  return tokens[i]?.norm === 'according' && tokens[i + 1]?.norm === 'to';
}

/** An appositive role after a name: ", NATO's secretary general," up to the next comma or `to`. */
function appositive(tokens: readonly Token[], from: number, to: number): string | null {
  if (tokens[from]?.text !== ',') return null;
  let i = from + 1;
  const words: Token[] = [];
  for (; i < to; i++) {
    const t = tokens[i] as Token;
    if (!t.word || (PHRASE_BREAKERS.has(t.norm) && !DETERMINERS.has(t.norm) && t.norm !== 'of')) break;
    words.push(t);
  }
  const head = words[0];
  if (!head || words.length > 10) return null;
  // an appositive role reads "the/a ... role" or "NATO's secretary general"; a name there is no role
  if (!DETERMINERS.has(head.norm) && !head.possessive && head.capital) return null;
  return plainRole(words);
}

function withRole(mention: Mention | null, role: string | null): Mention | null {
  if (!mention || !role || mention.kind !== 'name') return mention;
  return { ...mention, role: mention.role ?? role };
}

/** The end of the clause after a closing mark: the sentence end, the next quote, or the paragraph end. */
function clauseEnd(text: string, from: number, ceiling: number): number {
  const end = sentenceEnd(text, from, Math.min(ceiling, from + 400));
  const m = DOUBLE_MARKS.exec(text.slice(from, end));
  return m ? from + m.index : end;
}

/** `"...," X said`, `"...," said X`, `"..." ― X`. */
export function attributionAfter(text: string, q: Quotation): Attribution | null {
  if (q.unclosed) return null;
  let i = q.end;
  while (i < q.paragraphEnd && /\s/u.test(text[i] ?? '')) i++;
  const ch = text[i] ?? '';
  if (DASHES.includes(ch) && (ch !== '-' || /\s/u.test(text[i + 1] ?? ''))) {
    const tokens = tokenize(text, i + 1, clauseEnd(text, i + 1, q.paragraphEnd));
    const m = readPhrase(tokens, 0, tokens.length);
    return m && m.kind === 'name' ? { mention: m, kind: 'dash' } : null;
  }
  const comma = ch === ',';
  const trailing = ',?!—–-…'.includes(q.closingPunct) || comma;
  const tokens = tokenize(text, comma ? i + 1 : i, clauseEnd(text, comma ? i + 1 : i, q.paragraphEnd));
  if (!tokens.length) return null;
  const words = tokens.filter((t) => t.word).length;
  if (!trailing && !(q.closingPunct === '.' && words <= 7)) return null;
  if (isVerb(tokens[0]) || isAccordingTo(tokens, 0)) {
    const from = isAccordingTo(tokens, 0) ? 2 : 1;
    const m = readPhrase(tokens, from, tokens.length);
    if (!m) return null;
    const endIdx = tokens.findIndex((t) => t.start >= m.end);
    return {
      mention: withRole(m, endIdx > 0 ? appositive(tokens, endIdx, tokens.length) : null) as Mention,
      kind: 'after',
    };
  }
  const v = tokens.findIndex((t, k) => k < 30 && (isVerb(t) || isAccordingTo(tokens, k)));
  if (v <= 0) return null;
  const m = readPhrase(tokens, 0, v);
  if (!m) return null;
  // the subject must reach the verb: only an appositive, a parenthesis or adverbs may stand between
  const endIdx = tokens.findIndex((t) => t.start >= m.end);
  const gap = tokens.slice(endIdx, v);
  const gapOk =
    gap.length === 0 ||
    gap[0]?.text === ',' ||
    gap[0]?.text === '(' ||
    gap.every((t) => t.word && (BACK_SKIP.has(t.norm) || PHRASE_BREAKERS.has(t.norm) || t.capital));
  if (!gapOk || v - endIdx > 25) return null;
  return { mention: withRole(m, appositive(tokens, endIdx, v)) as Mention, kind: 'after' };
}

/** Walks back from the token before a verb to the start of its subject phrase. */
function subjectBefore(tokens: readonly Token[], verb: number): Mention | null {
  let e = verb - 1;
  while (e >= 0 && (tokens[e] as Token).word && BACK_SKIP.has((tokens[e] as Token).norm)) e--;
  let role: string | null = null;
  if (tokens[e]?.text === ')') {
    while (e >= 0 && tokens[e]?.text !== '(') e--;
    e--;
  } else if (tokens[e]?.text === ',') {
    // "Stoltenberg, NATO's secretary general, said": the subject stands before the appositive
    let k = e - 1;
    while (k >= 0 && tokens[k]?.text !== ',') k--;
    if (k < 0) return null;
    role = appositive(tokens, k, e);
    e = k - 1;
    if (tokens[e]?.text === ')') {
      while (e >= 0 && tokens[e]?.text !== '(') e--;
      e--;
    }
  }
  if (e < 0 || !(tokens[e] as Token).word) return null;
  let s = e;
  while (s > 0) {
    const t = tokens[s - 1] as Token;
    if (!t.word || (!t.capital && PHRASE_BREAKERS.has(t.norm))) break;
    if (DETERMINERS.has(t.norm) && !t.capital) {
      s--;
      break;
    }
    if (PRONOUNS.has(t.norm)) break;
    s--;
    if (e - s > 8) return null;
  }
  return withRole(readPhrase(tokens, s, e + 1), role);
}

/** `X said: "..."`, `X said that the violence was "serious"`, `According to X, "..."`. */
export function attributionBefore(text: string, q: Quotation, floor: number): Attribution | null {
  const s = sentenceStart(text, q.start, Math.max(floor, q.start - 600));
  const tokens = tokenize(text, s, q.start);
  for (let v = tokens.length - 1; v >= 0; v--) {
    const t = tokens[v] as Token;
    if (isAccordingTo(tokens, v)) {
      const m = readPhrase(tokens, v + 2, tokens.length);
      if (m) return { mention: m, kind: 'before' };
      continue;
    }
    if (!isVerb(t)) continue;
    if (WEAK_REPORTING_VERBS.has(t.norm) && tokens.length - v > 3) continue;
    const m = subjectBefore(tokens, v);
    if (m) return { mention: m, kind: 'before' };
    // "Said Rep. X: ..." or "..., added Rep. X, "...""
    const inverted = readPhrase(tokens, v + 1, tokens.length);
    if (inverted && inverted.kind === 'name') return { mention: inverted, kind: 'before' };
  }
  return null;
}

/** A paragraph that ends "Limbaugh continued:" introduces the quote in the next paragraph. */
export function attributionByColon(
  text: string,
  q: Quotation,
  previousParagraph: { start: number; end: number } | null,
): Attribution | null {
  if (!previousParagraph || text[previousParagraph.end - 1] !== ':') return null;
  const pseudo: Quotation = { ...q, start: previousParagraph.end };
  const a = attributionBefore(text, pseudo, previousParagraph.start);
  return a ? { mention: a.mention, kind: 'colon' } : null;
}
