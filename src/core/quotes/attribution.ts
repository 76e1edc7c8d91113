// Finds who a quotation is attributed to in its own sentence: after it ("...," Stoltenberg said),
// inverted ("...," said Rep. Jim Clyburn), before it (Stoltenberg said: "..."), or by a dash.
import {
  DETERMINERS,
  isNounHead,
  isSpeakerHead,
  NAME_PARTICLES,
  PHRASE_BREAKERS,
  PRONOUNS,
  REPORTING_VERBS,
  SENTENCE_INTROS,
  WEAK_REPORTING_VERBS,
} from './lexicon.js';
import { nextMarkFrom, type Quotation } from './marks.js';
import { isRegexSpace } from '../text/chars.js';
import { plainRole, readPhrase, type Mention } from './phrase.js';
import { endsSentence, sentenceEnd, sentenceStart, tokenize, type Token } from './tokens.js';

/** How a quotation's speaker was found. */
export type AttributionKind = 'after' | 'before' | 'colon' | 'dash' | 'continued' | 'carried';

export interface Attribution {
  readonly mention: Mention;
  readonly kind: AttributionKind;
}

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

/** Words after which a verb's form is a noun: "the report said", "his post read", "Trump’s statement". */
const NOUN_MAKERS = new Set('the a an this that his her its their our my your'.split(' '));

/** `isVerb` of tokens[k], unless a determiner or a possessive before it makes it a noun ("the report"). */
function isVerbAt(tokens: readonly Token[], k: number): boolean {
  const before = tokens[k - 1];
  return isVerb(tokens[k]) && !(before?.word && (NOUN_MAKERS.has(before.norm) || before.possessive));
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
  return {
    start: mention.start,
    end: mention.end,
    kind: mention.kind,
    name: mention.name,
    role: mention.role ?? role,
    possessor: mention.possessor,
    gender: mention.gender,
  };
}

/** The end of the clause after a closing mark: the sentence end, the next quote, or the paragraph end. */
function clauseEnd(text: string, from: number, ceiling: number, marks: readonly number[]): number {
  const limit = Math.min(ceiling, from + 400, nextMarkFrom(marks, from));
  return sentenceEnd(text, from, limit);
}

/** `"...," X said`, `"...," said X`, `"..." ― X`; `marks` are the offsets of the text's double marks. */
export function attributionAfter(text: string, q: Quotation, marks: readonly number[]): Attribution | null {
  if (q.unclosed) return null;
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
  if (v <= 0 || isParticiple(tokens[v] as Token)) return null;
  // '"It is done." Trump said.' passes; '"It is done." Trump said the deal...' starts a new sentence
  const sentenceEnds = end < q.paragraphEnd ? endsSentence(text, end - 1, q.paragraphEnd) : true;
  let afterVerb = 0;
  for (let k = v + 1; k < tokens.length; k++) if ((tokens[k] as Token).word) afterVerb++;
  if (!trailing && !(q.closingPunct === '.' && sentenceEnds && afterVerb <= 3)) {
    // '"...jail time" for criminal behavior, she said.': the sentence goes on, then ends in its attribution
    if (
      !sentenceEnds ||
      afterVerb > 3 ||
      !/[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/.test(q.closingPunct)
    )
      return null;
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
  const nounSubject = trailing && m.kind === 'title' && !!last && isNounHead(last.norm);
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

const isParticiple = (t: Token): boolean => t.norm.endsWith('ing');

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

/** Only adverbs, auxiliaries and capitalised words: what may stand between a subject and its verb. */
function gapOfAdverbs(gap: readonly Token[]): boolean {
  for (const t of gap)
    if (!(t.word && (BACK_SKIP.has(t.norm) || PHRASE_BREAKERS.has(t.norm) || t.capital))) return false;
  return true;
}

/** The index of the first token starting at or after `offset`, or -1. */
function firstFrom(tokens: readonly Token[], offset: number): number {
  for (let k = 0; k < tokens.length; k++) if ((tokens[k] as Token).start >= offset) return k;
  return -1;
}

/**
 * The subject of the sentence in `tokens` (which start at a sentence start): a name or a pronoun,
 * after any intro phrase ("In an interview, Trump said"). What a participle ("..., saying") hangs on.
 */
function sentenceSubject(tokens: readonly Token[], limit: number): Mention | null {
  const i = subjectStart(tokens, limit);
  if (i < 0) return null;
  const t = tokens[i];
  if (!t || !t.word || i >= limit) return null;
  if (PRONOUNS.has(t.norm)) return readPhrase(tokens, i, i + 1);
  if (DETERMINERS.has(t.norm)) {
    // "The ad uses footage...": the determiner's noun phrase ends at its first person-like noun
    for (let j = i + 1; j < limit && j - i <= 5; j++) {
      const w = tokens[j] as Token;
      if (!w.word || PHRASE_BREAKERS.has(w.norm)) return null;
      if (!w.capital && isSpeakerHead(w.norm, false)) return readPhrase(tokens, i, j + 1);
    }
    return null;
  }
  let j = i;
  // lower-case modifiers before a name ("White House press secretary Josh Earnest"), then the name
  while (
    j < limit &&
    j - i < 8 &&
    (tokens[j] as Token).word &&
    !(tokens[j] as Token).capital &&
    !PHRASE_BREAKERS.has((tokens[j] as Token).norm)
  )
    j++;
  if (!tokens[j]?.capital) return null;
  while (
    j < limit &&
    ((tokens[j] as Token).capital || NAME_PARTICLES.has((tokens[j] as Token).norm)) &&
    (tokens[j] as Token).word
  ) {
    j++;
    if ((tokens[j - 1] as Token).possessive) return null; // "Trump’s campaign said": the campaign, not Trump
  }
  const m = readPhrase(tokens, i, j);
  return m && m.kind !== 'title' ? m : null;
}

const isDash = (t: Token): boolean => t.text === '—' || t.text === '–' || t.text === '-' || t.text === '―';

const TIME_AFTER = new Set('later earlier ago after before since'.split(' '));

/** A word that opens an intro phrase rather than a subject: "In", "After", "Hours later", "To wit". */
function opensIntro(t: Token): boolean {
  return SENTENCE_INTROS.has(t.norm) || PHRASE_BREAKERS.has(t.norm);
}

/**
 * Where the subject of the sentence in `tokens` may start: past a dateline ("WASHINGTON (AFP) —")
 * and past intro phrases ending in a comma ("In an interview,", "Hours later,", "Reprising a line,").
 * An intro phrase opens with an intro word, or holds one in lower case, or is a participle's
 * phrase; "Clinton, 35, the daughter of..." opens with its subject. -1 when an intro never ends.
 */
function subjectStart(tokens: readonly Token[], limit: number): number {
  let i = 0;
  for (let k = 0; k < limit && k < 8; k++) {
    const t = tokens[k] as Token;
    if (k > 0 && isDash(t)) {
      i = k + 1;
      break;
    }
    if (t.word ? !t.capital : t.text !== '(' && t.text !== ')') break;
  }
  for (let chunks = 0; chunks < 3; chunks++) {
    const first = tokens[i];
    if (!first || i >= limit) return -1;
    let comma = -1;
    for (let k = i; k < limit && k - i <= 12 && comma < 0; k++)
      if ((tokens[k] as Token).text === ',') comma = k;
    // "Hours later,", "Two days ago,": a time before its adverb
    const second = tokens[i + 1];
    const introWord = opensIntro(first) || (!!second?.word && TIME_AFTER.has(second.norm));
    const participle = first.norm.endsWith('ing') && comma > i + 1;
    if (!introWord && !participle) return i;
    if (comma < 0) return first.word && opensIntro(first) ? -1 : i;
    i = comma + 1;
  }
  return i;
}

/** Skips back over a parenthesis ending at `e` ("(D-N.C.)"); returns the index before it. */
function skipParenthesis(tokens: readonly Token[], e: number): number {
  if (tokens[e]?.text !== ')') return e;
  while (e >= 0 && tokens[e]?.text !== '(') e--;
  return e - 1;
}

/** Walks back from the token before a finite verb to the start of its subject phrase. */
function subjectBefore(tokens: readonly Token[], verb: number, depth = 0): Mention | null {
  let e = verb - 1;
  while (e >= 0 && (tokens[e] as Token).word && BACK_SKIP.has((tokens[e] as Token).norm)) e--;
  let role: string | null = null;
  e = skipParenthesis(tokens, e);
  if (tokens[e]?.text === ',') {
    // "Stoltenberg, NATO's secretary general, said": the subject stands before the appositive
    let k = e - 1;
    while (k >= 0 && e - k < 16 && tokens[k]?.text !== ',' && tokens[k]?.text !== '.') k--;
    if (k < 0 || tokens[k]?.text !== ',') return null;
    role = appositive(tokens, k, e);
    e = skipParenthesis(tokens, k - 1);
  }
  const head = tokens[e];
  // "Trump’s remarks": a possessive is no subject; nor is a number ("in 2010 said")
  if (
    !head ||
    !head.word ||
    head.possessive ||
    (head.text.charCodeAt(0) >= 48 && head.text.charCodeAt(0) <= 57) ||
    !isSpeakerHead(head.norm, head.capital)
  ) {
    return null;
  }
  let s = e;
  if (!PRONOUNS.has(head.norm)) {
    while (s > 0 && e - s < 8) {
      const t = tokens[s - 1] as Token;
      if (
        !t.word ||
        PRONOUNS.has(t.norm) ||
        isVerb(t) ||
        PHRASE_BREAKERS.has(t.norm) ||
        SENTENCE_INTROS.has(t.norm) ||
        t.norm === 'and' ||
        t.norm === 'of'
      )
        break;
      if (!t.capital && t.norm.endsWith('ed') && !DETERMINERS.has(t.norm)) break;
      s--;
      if (DETERMINERS.has(t.norm) && !t.capital) break;
    }
  }
  // "She said she recalls ...": the quote belongs to the outer attribution
  if (PRONOUNS.has(head.norm) && depth === 0) {
    const before = tokens[s - 1]?.norm === 'that' ? s - 2 : s - 1;
    if (isVerb(tokens[before])) {
      const outer = subjectBefore(tokens, before, 1);
      if (outer) return outer;
    }
  }
  return withRole(readPhrase(tokens, s, e + 1), role);
}

/** "She urges him to stop and repeatedly says": a second verb of the sentence's subject. */
function coordinated(tokens: readonly Token[], verb: number): boolean {
  let e = verb - 1;
  while (e >= 0 && (tokens[e] as Token).word && BACK_SKIP.has((tokens[e] as Token).norm)) e--;
  return tokens[e]?.norm === 'and';
}

/** `X said: "..."`, `X said that the violence was "serious"`, `According to X, "..."`. */
export function attributionBefore(text: string, q: Quotation, floor: number): Attribution | null {
  const s = sentenceStart(text, q.start, Math.max(floor, q.start - 600));
  const tokens = tokenize(text, s, q.start);
  let fallback: Mention | null = null;
  for (let v = tokens.length - 1; v >= 0; v--) {
    const t = tokens[v] as Token;
    if (isAccordingTo(tokens, v)) {
      const m = readPhrase(tokens, v + 2, tokens.length);
      if (m) return { mention: m, kind: 'before' };
      continue;
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
    if (m) return { mention: m, kind: 'before' };
    // "Said Rep. X: ..." or "..., added Rep. X, "...""
    if (!isParticiple(t)) {
      const inverted = readPhrase(tokens, v + 1, tokens.length);
      if (inverted && inverted.kind === 'name') return { mention: inverted, kind: 'before' };
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
  return a ? { mention: a.mention, kind: 'colon' } : null;
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
