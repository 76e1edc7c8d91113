// Finds who a quotation is attributed to in its own sentence: after it ("...," Stoltenberg said),
// inverted ("...," said Rep. Jim Clyburn), before it (Stoltenberg said: "..."), or by a dash.
import {
  DETERMINERS,
  isNounHead,
  isSpeakerHead,
  PHRASE_BREAKERS,
  REPORTING_VERBS,
  WEAK_REPORTING_VERBS,
} from './lexicon.js';
import { nextMarkFrom, type Quotation } from './marks.js';
import { isRegexSpace } from '../text/chars.js';
import { readPhrase, type Mention } from './phrase.js';
import {
  appositive,
  BACK_SKIP,
  coordinated,
  isParticiple,
  isVerb,
  isVerbAt,
  sentenceSubject,
  subjectBefore,
  withRole,
} from './subject.js';
import { endsSentence, sentenceEnd, sentenceStart, startsUpper, tokenize, type Token } from './tokens.js';

/** How a quotation's speaker was found. */
export type AttributionKind = 'after' | 'before' | 'colon' | 'intro' | 'dash' | 'continued' | 'carried';

export interface Attribution {
  readonly mention: Mention;
  readonly kind: AttributionKind;
  /**
   * The words that attribute the quote when they are not the phrase naming the speaker: the "who"
   * of a relative clause ("Trump, who has called the pact “insanity”"), which speaks for its name.
   */
  readonly at?: { readonly start: number; readonly end: number };
}

/** "It added, “...”": a company or a document that speaks, as "it", just before its verb. */
function itBefore(tokens: readonly Token[], v: number): Mention | null {
  let k = v - 1;
  while (k >= 0 && (tokens[k] as Token).word && BACK_SKIP.has((tokens[k] as Token).norm)) k--;
  return tokens[k]?.norm === 'it' && (k === 0 || tokens[k - 1]?.text === ',')
    ? readPhrase(tokens, k, k + 1)
    : null;
}

/** Reporting verbs whose object is the one spoken to: "the mogul told People", "asked Trump". */
const ADDRESSEE_VERBS: ReadonlySet<string> = new Set(
  'tell tells told telling ask asks asked asking'.split(' '),
);

const PUT = new Set(['put', 'puts']);

/** Verbs that name what someone said of a thing ("called it “a disgrace”", "described as “chaos”"). */
const NAMING_VERBS: ReadonlySet<string> = new Set(
  'call calls called calling describe describes described describing dub dubs dubbed label labels labeled labelled brand brands branded term terms termed'.split(
    ' ',
  ),
);

/** The relative "who" between a subject and its verb (tokens[v]), if the verb is in such a clause. */
function relativeWho(tokens: readonly Token[], m: Mention, v: number): { start: number; end: number } | null {
  for (let k = v - 1; k >= 0 && (tokens[k] as Token).start >= m.end; k--) {
    const t = tokens[k] as Token;
    if (t.word && t.norm === 'who') return { start: t.start, end: t.end };
  }
  return null;
}

const DASHES = '—―–-';
function isAccordingTo(tokens: readonly Token[], i: number): boolean {
  return tokens[i]?.norm === 'according' && tokens[i + 1]?.norm === 'to';
}

const MINOR_WORD = /^(a|an|the|of|in|on|and|or|for|to|with|at|by|from|de|la)$/i;

/** "Fox News Sunday", "State of the Union": a title or a name in quotes, spoken by nobody. */
export function titleLike(q: Quotation): boolean {
  if (q.text.length > 60 || /[!?]/.test(q.text)) return false;
  const words = q.text
    .replace(/[.,;:]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length || words.length > 6) return false;
  return startsUpper(words[0] ?? '') && words.every((w) => MINOR_WORD.test(w) || startsUpper(w));
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

/**
 * "on CNN’s “New Day,” Sen. Ruiz said", "starred in “Parks and Recreation,” posted": a quote right
 * after a possessive or after "on" or "in" names a show, a book or a film; what follows it is no
 * attribution of its words.
 */
function namesAWork(text: string, q: Quotation): boolean {
  const from = Math.max(q.paragraphStart, q.start - 40);
  const before = tokenize(text, from, q.start);
  const last = before[before.length - 1];
  if (!last?.word || q.start - last.end > 1) return false;
  return last.possessive || last.norm === 'on' || last.norm === 'in';
}

/** The end of the clause after a closing mark: the sentence end, the next quote, or the paragraph end. */
function clauseEnd(text: string, from: number, ceiling: number, marks: readonly number[]): number {
  const limit = Math.min(ceiling, from + 400, nextMarkFrom(marks, from));
  return sentenceEnd(text, from, limit);
}

/** `"...," X said`, `"...," said X`, `"..." ― X`; `marks` are the offsets of the text's double marks. */
export function attributionAfter(text: string, q: Quotation, marks: readonly number[]): Attribution | null {
  if (q.unclosed || namesAWork(text, q)) return null;
  let i = q.end;
  while (i < q.paragraphEnd && isRegexSpace(text.charCodeAt(i))) i++;
  const ch = text[i] ?? '';
  if (DASHES.includes(ch) && (ch !== '-' || isRegexSpace(text.charCodeAt(i + 1)))) {
    const tokens = tokenize(text, i + 1, clauseEnd(text, i + 1, q.paragraphEnd, marks));
    const m = readPhrase(tokens, 0, tokens.length);
    return m && m.kind === 'name' ? { mention: m, kind: 'dash' } : null;
  }
  const comma = ch === ',';
  const trailing = ',?!—–-…'.includes(q.closingPunct) || comma;
  const from = comma ? i + 1 : i;
  const end = clauseEnd(text, from, q.paragraphEnd, marks);
  const tokens = tokenize(text, from, end);
  if (!tokens.length) return null;
  const first = tokens[0] as Token;
  if (isVerb(first) && isParticiple(first)) {
    // '..." the mayor told “Face the Nation,” adding that...': the sentence's subject speaks
    if (!trailing) return null;
    const before = tokenize(text, sentenceStart(text, q.start, q.paragraphStart), q.start);
    const m = before.length ? sentenceSubject(before, before.length) : null;
    return m ? { mention: m, kind: 'after' } : null;
  }
  if (isVerb(first) || isAccordingTo(tokens, 0)) {
    const m = readPhrase(tokens, isAccordingTo(tokens, 0) ? 2 : 1, tokens.length);
    if (!m || !trailing) return null;
    const endIdx = firstFrom(tokens, m.end);
    return {
      mention: withRole(m, endIdx > 0 ? appositive(tokens, endIdx, tokens.length) : null) as Mention,
      kind: 'after',
    };
  }
  let v = -1;
  for (let k = 0; k < tokens.length && k < 30 && v < 0; k++)
    if (isVerbAt(tokens, k) || isAccordingTo(tokens, k)) v = k;
  if (v < 0 && trailing && !titleLike(q) && !insideReportedSpeech(text, q)) return anyVerbAfter(tokens);
  if (v <= 0 || isParticiple(tokens[v] as Token)) return null;
  // '"It is done." Trump said.' passes; '"It is done." Trump said the deal...' starts a new sentence
  const sentenceEnds = end < q.paragraphEnd ? endsSentence(text, end - 1, q.paragraphEnd) : true;
  let afterVerb = 0;
  for (let k = v + 1; k < tokens.length; k++) if ((tokens[k] as Token).word) afterVerb++;
  if (!trailing && !(q.closingPunct === '.' && sentenceEnds && afterVerb <= 3)) {
    // '"...jail time" for criminal behavior, she said.': the sentence goes on, then ends in its attribution
    if (!sentenceEnds || !/[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/.test(q.closingPunct)) return null;
    // '"We're happy" about the decision, said Ann Ruiz, director of...': inverted after a comma
    if (tokens[v - 1]?.text === ',') {
      const inverted = readPhrase(tokens, v + 1, tokens.length);
      if (inverted && (inverted.kind === 'name' || inverted.kind === 'title'))
        return { mention: inverted, kind: 'after' };
    }
    if (afterVerb > 3) return null;
    const m = subjectBefore(tokens, v);
    let before = -1;
    if (m) for (let k = 0; k < tokens.length; k++) if ((tokens[k] as Token).end <= m.start) before = k;
    return m && tokens[before]?.text === ',' ? { mention: m, kind: 'after' } : null;
  }
  const m = readPhrase(tokens, 0, v);
  if (!m) return null;
  let last: Token | undefined;
  for (const t of tokens) if (t.word && t.end <= m.end) last = t;
  // '"...," the ministry said': after a quote and its comma, a phrase with an article before the
  // verb is its subject, whatever its noun
  // ('"...," it read', '"...," his wife wrote')
  const opener = tokens[0] as Token;
  const articled = m.kind === 'title' || (m.kind === 'group' && DETERMINERS.has(opener.norm));
  const nounSubject = trailing && !!last && ((articled && isNounHead(last.norm)) || m.kind === 'pronoun');
  if (!last || !(isSpeakerHead(last.norm, last.capital) || nounSubject)) return null;
  // the subject must reach the verb: only an appositive, a parenthesis or adverbs may stand between
  const endIdx = firstFrom(tokens, m.end);
  const gap = tokens.slice(endIdx, v);
  const gapOk = gap.length === 0 || gap[0]?.text === ',' || gap[0]?.text === '(' || gapOfAdverbs(gap);
  // "...was first reported by MSNBC": a passive verb says nothing of who spoke
  if (isPassive(tokens, v)) return null;
  if (!gapOk || v - endIdx > 25) return null;
  return { mention: withRole(m, appositive(tokens, endIdx, v)) as Mention, kind: 'after' };
}

/** Past forms without "-ed" that speak in news ("Trump shot back", "he went on"). */
const IRREGULAR_PAST = new Set('went shot spoke put struck fought'.split(' '));
const PARTICLES = new Set('out back in up on'.split(' '));

/**
 * A verb form not in the reporting list, as news writing sets one after a quote: a past tense
 * ("barked", "beamed", "urged"), or a present one with its particle ("points out", "fires back").
 */
function verbLike(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t?.word || t.capital || PHRASE_BREAKERS.has(t.norm)) return false;
  if (IRREGULAR_PAST.has(t.norm)) return true;
  if (t.norm.length >= 5 && t.norm.endsWith('ed') && !t.norm.endsWith('eed')) return true;
  return t.norm.endsWith('s') && PARTICLES.has(tokens[k + 1]?.norm ?? '');
}

/**
 * '"Go back to Univision," Trump barked', '"This is fantastic!" beamed Donald Hartley': after a quote
 * and its comma (or ! ?), a subject and any verb, or any verb and a name, is an attribution, when the
 * sentence ends soon after the verb.
 */
function anyVerbAfter(tokens: readonly Token[]): Attribution | null {
  let k = 0;
  while (k < tokens.length && k < 6 && (tokens[k] as Token).word && !verbLike(tokens, k)) k++;
  if (!verbLike(tokens, k)) return null;
  if (k === 0) {
    const m = readPhrase(tokens, 1, tokens.length);
    return m && (m.kind === 'name' || m.kind === 'title') ? { mention: m, kind: 'after' } : null;
  }
  let after = 0;
  for (let j = k + 1; j < tokens.length; j++) if ((tokens[j] as Token).word) after++;
  if (after > 8) return null;
  const m = readPhrase(tokens, 0, k);
  const head = m && tokens[k - 1];
  if (!m || !head || firstFrom(tokens, m.end) !== k) return null;
  const person = m.kind === 'pronoun' ? m.gender !== 'thing' : isSpeakerHead(head.norm, head.capital);
  return person ? { mention: m, kind: 'after' } : null;
}

const BE = new Set('is are was were be been being'.split(' '));

/** The verb at `v` is passive: a form of "be" stands before it, past any adverbs ("was first reported"). */
function isPassive(tokens: readonly Token[], v: number): boolean {
  let k = v - 1;
  while (k >= 0 && (tokens[k] as Token).word && BACK_SKIP.has((tokens[k] as Token).norm)) {
    if (BE.has((tokens[k] as Token).norm)) return true;
    k--;
  }
  return false;
}

/**
 * Only adverbs, auxiliaries and capitalised words, or where the speaker is from ("of the Sierra
 * Club"): what may stand between a subject and its verb.
 */
function gapOfAdverbs(gap: readonly Token[]): boolean {
  for (const t of gap) {
    const from = t.norm === 'of' || DETERMINERS.has(t.norm);
    if (!(t.word && (BACK_SKIP.has(t.norm) || PHRASE_BREAKERS.has(t.norm) || t.capital || from)))
      return false;
  }
  return true;
}

/** The index of the first token starting at or after `offset`, or -1. */
function firstFrom(tokens: readonly Token[], offset: number): number {
  for (let k = 0; k < tokens.length; k++) if ((tokens[k] as Token).start >= offset) return k;
  return -1;
}

/** `X said: "..."`, `X said that the violence was "serious"`, `According to X, "..."`. */
export function attributionBefore(text: string, q: Quotation, floor: number): Attribution | null {
  const s = sentenceStart(text, q.start, Math.max(floor, q.start - 600));
  const tokens = tokenize(text, s, q.start);
  // "Hill pointed out, “...”", "Clinton shot back: “...”": a past verb and its particle just before
  // the quote are an attribution whatever the verb
  const introduces = tokens[tokens.length - 1]?.text === ',' || tokens[tokens.length - 1]?.text === ':';
  const p = tokens.length - 2;
  // "As Cornyn put it: “...”", "as he puts it,": the idiom says its subject speaks
  if (introduces && p >= 1 && tokens[p]?.norm === 'it' && PUT.has((tokens[p - 1] as Token).norm)) {
    const m = subjectBefore(tokens, p - 1);
    if (m) return { mention: m, kind: 'before' };
  }
  if (
    introduces &&
    p >= 1 &&
    PARTICLES.has((tokens[p] as Token).norm) &&
    verbLike(tokens, p - 1) &&
    !isPassive(tokens, p - 1)
  ) {
    const m = subjectBefore(tokens, p - 1);
    if (m && m.kind !== 'group') return { mention: m, kind: 'before' };
  }
  let fallback: Mention | null = null;
  for (let v = tokens.length - 1; v >= 0; v--) {
    const t = tokens[v] as Token;
    if (isAccordingTo(tokens, v)) {
      const m = readPhrase(tokens, v + 2, tokens.length);
      if (m) return { mention: m, kind: 'before' };
      continue;
    }
    // "Trump called the system “rigged”", "what Ruiz described as “chaos”": a verb that names what
    // was said, a few words before the quote, is said by its subject when the subject is named (a
    // pronoun there often stands for someone other than the sentence's last name: "whom he called")
    const naming =
      NAMING_VERBS.has(t.norm) &&
      !t.capital &&
      tokens.length - v <= 6 &&
      !isVerbAt(tokens, v - 1) &&
      tokens[v + 1]?.norm !== 'on' &&
      tokens[v + 1]?.norm !== 'for';
    if (naming) {
      // "..., calling him “a stiff”": a participle hangs on the sentence's subject
      const m = isParticiple(t) ? sentenceSubject(tokens, v) : subjectBefore(tokens, v);
      if (m && m.kind !== 'group' && m.kind !== 'pronoun') {
        const who = relativeWho(tokens, m, v);
        return who ? { mention: m, kind: 'before', at: who } : { mention: m, kind: 'before' };
      }
    }
    // a sentence may open with the verb: "Said Ellis: ..."
    if (!isVerbAt(tokens, v) && !(v === 0 && t.capital && REPORTING_VERBS.has(t.norm))) continue;
    if (WEAK_REPORTING_VERBS.has(t.norm) && tokens.length - v > 3) continue;
    // "footage of Hillary Clinton asking, ...": a name right before a participle is its subject
    const named = isParticiple(t) && tokens[v - 1]?.capital === true && tokens[v - 1]?.word === true;
    const m =
      (isParticiple(t) && !named) || coordinated(tokens, v)
        ? sentenceSubject(tokens, v)
        : subjectBefore(tokens, v);
    // "Ryan said the spate of protests demands that...": a thing that "demands" defers to a person who said
    if (m && (m.kind === 'group' || m.kind === 'title') && !m.name?.match(/^[A-Z]/)) {
      fallback ??= m;
      continue;
    }
    if (m) {
      const who = relativeWho(tokens, m, v);
      return who ? { mention: m, kind: 'before', at: who } : { mention: m, kind: 'before' };
    }
    // "Said Rep. X: ..." or "..., added Rep. X, "..."" (the name after "told" or "asked" is who listened)
    if (!isParticiple(t) && !ADDRESSEE_VERBS.has(t.norm)) {
      const inverted = readPhrase(tokens, v + 1, tokens.length);
      if (inverted && inverted.kind === 'name') return { mention: inverted, kind: 'before' };
    }
    // a verb just before the quote whose subject is out of reach of a walk back ("Trump went on to
    // say,", "a source familiar with his thinking said,"): the sentence's subject speaks
    if (introduces && tokens.length - v <= 5) {
      const subject = sentenceSubject(tokens, v) ?? itBefore(tokens, v);
      if (subject) return { mention: subject, kind: 'before' };
    }
  }
  return fallback ? { mention: fallback, kind: 'before' } : null;
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
  return a ? { ...a, kind: 'colon' } : null;
}

const FINITE_VERB = new RegExp(
  `\\b(?:${[...REPORTING_VERBS].filter((v) => !v.endsWith('ing') && !WEAK_REPORTING_VERBS.has(v)).join('|')})\\b`,
  'g',
);

/**
 * The subjects of every finite reporting verb outside quotes ("Flood officials said the water..."):
 * who the article has speak, quoted or not, so later pronouns and titles can find them.
 */
export function speechSubjects(text: string, isOutside: (at: number) => boolean): Mention[] {
  const out: Mention[] = [];
  FINITE_VERB.lastIndex = 0;
  for (let m = FINITE_VERB.exec(text); m; m = FINITE_VERB.exec(text)) {
    if (!isOutside(m.index)) continue;
    // the subject stands just before its verb, on its line: a short look back is enough and keeps
    // this cheap (a search back for the line's start could read the whole text before it)
    let from = m.index;
    while (from > 0 && m.index - from < 100 && text.charCodeAt(from - 1) !== 10) from--;
    const tokens = tokenize(text, from, m.index + m[0].length);
    const subject = subjectBefore(tokens, tokens.length - 1, 1);
    if (subject) out.push(subject);
  }
  return out;
}
