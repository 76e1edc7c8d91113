// Reads the speaker of a reporting verb out of its sentence's tokens: the subject just before the
// verb ("Stoltenberg, NATO's secretary general, said"), or the sentence's subject, past datelines
// and intro phrases ("In an interview, Trump said", "..., saying").
import {
  DETERMINERS,
  isNounHead,
  isSpeakerHead,
  NAME_PARTICLES,
  NOT_NAMES,
  PHRASE_BREAKERS,
  PRONOUNS,
  REPORTING_VERBS,
  SENTENCE_INTROS,
} from './lexicon.js';
import { plainRole, readPhrase, type Mention } from './phrase.js';
import type { Token } from './tokens.js';

// Words skipped when walking back from a verb to its subject ("Stoltenberg later said", "he has said").
export const BACK_SKIP = new Set(
  'later also then again once recently previously repeatedly earlier first further finally simply has had have was were is are will would could did does do not never just even only already often always reportedly publicly privately quoted as who'.split(
    ' ',
  ),
);

export function isVerb(t: Token | undefined): boolean {
  return !!t && t.word && !t.capital && REPORTING_VERBS.has(t.norm);
}

/** Words after which a verb's form is a noun: "the report said", "his post read", "Trump’s statement". */
const NOUN_MAKERS = new Set('the a an this that his her its their our my your'.split(' '));

/** `isVerb` of tokens[k], unless a determiner or a possessive before it makes it a noun ("the report"). */
export function isVerbAt(tokens: readonly Token[], k: number): boolean {
  const before = tokens[k - 1];
  return isVerb(tokens[k]) && !(before?.word && (NOUN_MAKERS.has(before.norm) || before.possessive));
}

export const isParticiple = (t: Token): boolean => t.norm.endsWith('ing');

/** An appositive role after a name: ", NATO's secretary general," up to the next comma or `to`. */
export function appositive(tokens: readonly Token[], from: number, to: number): string | null {
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

export function withRole(mention: Mention | null, role: string | null): Mention | null {
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

/**
 * The subject of the sentence in `tokens` (which start at a sentence start): a name or a pronoun,
 * after any intro phrase ("In an interview, Trump said"). What a participle ("..., saying") hangs on.
 */
export function sentenceSubject(tokens: readonly Token[], limit: number, anyNoun = false): Mention | null {
  const i = subjectStart(tokens, limit);
  if (i < 0) return null;
  const t = tokens[i];
  if (!t || !t.word || i >= limit || NOT_NAMES.has(t.norm)) return null;
  if (PRONOUNS.has(t.norm)) return readPhrase(tokens, i, i + 1);
  if (DETERMINERS.has(t.norm)) {
    // "The ad uses footage...": the determiner's noun phrase ends at its first person-like noun (with
    // `anyNoun`, its first noun: "The email goes on to say:")
    for (let j = i + 1; j < limit && j - i <= 5; j++) {
      const w = tokens[j] as Token;
      if (!w.word || PHRASE_BREAKERS.has(w.norm)) return null;
      const noun = anyNoun && isNounHead(w.norm) && !/(ing|ed)$/.test(w.norm) && !isVerb(w);
      if (!w.capital && (isSpeakerHead(w.norm, false) || noun)) return readPhrase(tokens, i, j + 1);
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
  for (;;) {
    while (
      j < limit &&
      ((tokens[j] as Token).capital || NAME_PARTICLES.has((tokens[j] as Token).norm)) &&
      (tokens[j] as Token).word
    ) {
      j++;
      if ((tokens[j - 1] as Token).possessive) return null; // "Trump’s campaign said": the campaign, not Trump
    }
    // "Former Republican presidential candidate Jeb Bush": lower-case role words between capitals
    let k = j;
    while (k < limit && k - j < 4 && modifier(tokens[k] as Token)) k++;
    if (k === j || !tokens[k]?.capital || !tokens[k]?.word || k >= limit) break;
    j = k;
  }
  const m = readPhrase(tokens, i, j);
  return m && m.kind !== 'title' ? m : null;
}

/** A lower-case word that may stand inside a role before a name: not a verb, a link or a determiner. */
function modifier(t: Token): boolean {
  return (
    t.word &&
    !t.capital &&
    !t.possessive &&
    !PHRASE_BREAKERS.has(t.norm) &&
    !DETERMINERS.has(t.norm) &&
    !SENTENCE_INTROS.has(t.norm) &&
    !isVerb(t) &&
    t.norm !== 'and' &&
    t.norm !== 'of' &&
    !/(ed|ing)$/.test(t.norm)
  );
}

const isDash = (t: Token): boolean => t.text === '—' || t.text === '–' || t.text === '-' || t.text === '―';

const TIME_NOUNS = new Set('day week month year night morning afternoon evening weekend time'.split(' '));

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
    // "On July 6, 2015, Ruiz said": the year after a date's comma is still the intro
    if (/^\d+$/.test(first.text) && tokens[i + 1]?.text === ',') {
      i += 2;
      continue;
    }
    let comma = -1;
    for (let k = i; k < limit && k - i <= 12 && comma < 0; k++)
      if ((tokens[k] as Token).text === ',') comma = k;
    // "Hours later,", "Two days ago,": a time before its adverb
    const second = tokens[i + 1];
    // "The next day,", "That night,": a short phrase of time before its comma
    const timed = comma > i && comma - i <= 4 && TIME_NOUNS.has((tokens[comma - 1] as Token).norm);
    const introWord = opensIntro(first) || (!!second?.word && TIME_AFTER.has(second.norm)) || timed;
    const participle = first.norm.endsWith('ing') && comma > i + 1;
    // "The Post reported, his wife whispered": an attribution set in commas
    // (not when the verb the subject is read for follows the comma: "Lee continued, saying")
    const aside = comma > i + 1 && comma + 1 < limit && isVerbAt(tokens, comma - 1);
    if (!introWord && !participle && !aside) return i;
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

/** Nouns that end in "-ly" ("the family said"): every other lower-case "-ly" word before a verb is an adverb. */
const LY_NOUNS = new Set(
  'family ally rally assembly supply monopoly anomaly daily weekly monthly'.split(' '),
);

/** A word that may stand between a subject and its verb: "later", "has", "angrily", "jokingly". */
function skippable(t: Token): boolean {
  if (!t.word) return false;
  if (BACK_SKIP.has(t.norm)) return true;
  return !t.capital && t.norm.length > 4 && t.norm.endsWith('ly') && !LY_NOUNS.has(t.norm);
}

/** Walks back from the token before a finite verb to the start of its subject phrase. */
export function subjectBefore(tokens: readonly Token[], verb: number, depth = 0): Mention | null {
  let e = verb - 1;
  while (e >= 0 && skippable(tokens[e] as Token)) e--;
  let role: string | null = null;
  e = skipParenthesis(tokens, e);
  // "Mike Lee, who declared,": the verb of a relative clause speaks for the name before it
  if (tokens[e]?.text === ',' && tokens[e + 1]?.norm === 'who') e--;
  else if (tokens[e]?.text === ',') {
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
export function coordinated(tokens: readonly Token[], verb: number): boolean {
  let e = verb - 1;
  while (e >= 0 && (tokens[e] as Token).word && BACK_SKIP.has((tokens[e] as Token).norm)) e--;
  return tokens[e]?.norm === 'and';
}
