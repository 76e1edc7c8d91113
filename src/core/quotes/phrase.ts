// Reads a speaker phrase ("Kosovar President Vjosa Osmani", "he", "the mayor", "U.S. officials")
// out of a stretch of tokens that an attribution rule has already delimited.
import {
  CALENDAR,
  DETERMINERS,
  GENDERED_WORDS,
  HONORIFICS,
  NAME_PARTICLES,
  PHRASE_BREAKERS,
  PRONOUNS,
  TITLES,
} from './lexicon.js';
import type { Token } from './tokens.js';

export type Gender = 'm' | 'f' | 'plural' | 'thing' | 'first' | null;

/** Who a speaker phrase names, read off the phrase alone (before resolution across the article). */
export interface Mention {
  readonly start: number;
  readonly end: number;
  /** pronoun "he"; name "Stoltenberg"; title "the mayor"; group "U.S. officials", "a source". */
  readonly kind: 'pronoun' | 'name' | 'title' | 'group';
  /** The person's name without titles, or the group's words; null for pronouns and titles. */
  readonly name: string | null;
  /** The role words around the name ("Kosovar President"), or the title itself ("mayor"). */
  readonly role: string | null;
  /** The organisation a possessive ties the speaker to ("NATO" in "NATO’s Jens Stoltenberg"). */
  readonly possessor: string | null;
  readonly gender: Gender;
}

/** The words' texts joined by spaces (a loop: no callback, no intermediate array). */
function join(ts: readonly Token[]): string {
  let s = '';
  for (let i = 0; i < ts.length; i++) s += i ? ' ' + (ts[i] as Token).text : (ts[i] as Token).text;
  return s;
}

function isNameWord(t: Token): boolean {
  return t.word && t.capital && !CALENDAR.has(t.norm);
}

function titleCase(words: readonly Token[]): string | null {
  const s = join(words).trim();
  return s ? s : null;
}

function genderOf(words: readonly Token[]): Gender {
  for (const w of words) {
    const g = HONORIFICS.get(w.norm) ?? GENDERED_WORDS.get(w.norm);
    if (g) return g;
  }
  return null;
}

/** The role words with possessives made plain: "NATO’s secretary general" reads "NATO secretary general". */
export function plainRole(words: readonly Token[]): string | null {
  let s = '';
  let kept = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Token;
    if ((i === 0 && DETERMINERS.has(w.norm)) || HONORIFICS.has(w.norm)) continue;
    const text = w.possessive ? w.text.slice(0, -2) : w.text;
    s += kept++ ? ' ' + text : text;
  }
  const trimmed = s.trim();
  return trimmed ? trimmed : null;
}

/** Where the speaker phrase starting at `from` stops: at punctuation, a breaker word, or `to`. */
export function phraseEnd(tokens: readonly Token[], from: number, to: number): number {
  let i = from;
  for (; i < to; i++) {
    const t = tokens[i] as Token;
    if (!t.word) {
      if (t.text === '-' || t.text === '&') continue;
      break;
    }
    // a determiner or a pronoun ("it") may open the phrase
    const opens = i === from && (DETERMINERS.has(t.norm) || PRONOUNS.has(t.norm));
    if (!t.capital && PHRASE_BREAKERS.has(t.norm) && !opens) break;
  }
  return i;
}

/** The whole phrase as a group speaker ("Smith and Jones", "the Times"). */
function groupOf(
  words: readonly Token[],
  span: { start: number; end: number },
  gender: Mention['gender'],
): Mention {
  return {
    start: span.start,
    end: span.end,
    kind: 'group',
    name: join(words),
    role: null,
    possessor: null,
    gender,
  };
}

/** Reads tokens[from, to) as a speaker phrase; null when they do not make one. */
export function readPhrase(tokens: readonly Token[], from: number, to: number): Mention | null {
  const end = phraseEnd(tokens, from, to);
  const words: Token[] = [];
  for (let i = from; i < end; i++) if ((tokens[i] as Token).word) words.push(tokens[i] as Token);
  while (words.length && CALENDAR.has((words[words.length - 1] as Token).norm)) words.pop();
  // "Dana Lee of Lakeport": a full name, then where the person is from ("Secretary of State" goes on)
  let of = 0;
  while (of < words.length && isNameWord(words[of] as Token) && !TITLES.has((words[of] as Token).norm)) of++;
  if (of >= 2 && words[of]?.norm === 'of') words.length = of;
  if (!words.length || words.length > 9) return null;
  const first = words[0] as Token;
  const last = words[words.length - 1] as Token;
  const span = { start: first.start, end: last.end };
  if (words.length === 1 && PRONOUNS.has(first.norm)) {
    return {
      start: span.start,
      end: span.end,
      kind: 'pronoun',
      name: null,
      role: null,
      possessor: null,
      gender: PRONOUNS.get(first.norm) ?? null,
    };
  }
  let and = false;
  for (const w of words) if (w.norm === 'and') and = true;
  if (and) return groupOf(words, span, 'plural');
  if (!isNameWord(last) || last.possessive) return commonPhrase(words, span);
  // the name is the capitalised run at the end of the phrase, after the last title in it
  let r = words.length - 1;
  while (r > 0) {
    const prev = words[r - 1] as Token;
    if (prev.possessive) break;
    if (isNameWord(prev) || (NAME_PARTICLES.has(prev.norm) && r - 1 > 0)) r--;
    else break;
  }
  let t = -1;
  for (let i = r; i < words.length - 1; i++) {
    const w = words[i] as Token;
    if (TITLES.has(w.norm) || HONORIFICS.has(w.norm)) t = i;
  }
  const nameStart = t >= 0 ? t + 1 : r;
  const nameWords = words.slice(nameStart);
  // "CONGRESS HAS INVESTIGATED HIM": a shouted headline, not a name
  if (nameWords.length > 2 && nameWords.every((w) => w.text.length > 1 && w.text === w.text.toUpperCase()))
    return null;
  const before = words.slice(0, nameStart);
  // "the Times", "The New York Post": a name with an article is an organisation, not a person
  if (t < 0 && before.length && DETERMINERS.has((before[before.length - 1] as Token).norm))
    return groupOf(words, span, 'thing');
  // "NATO’s Jens Stoltenberg": a possessive that opens the phrase names the organisation, not a role
  const owner = before[0]?.possessive && before[0].capital ? before[0] : null;
  return {
    start: span.start,
    end: span.end,
    kind: 'name',
    name: titleCase(nameWords),
    role: plainRole(owner ? before.slice(1) : before),
    possessor: owner ? owner.text.slice(0, -2) : null,
    gender: genderOf(before),
  };
}

function commonPhrase(words: readonly Token[], span: { start: number; end: number }): Mention {
  const first = words[0] as Token;
  const possessor = first.possessive && first.capital ? first.text.slice(0, -2) : null;
  const plural = (words[words.length - 1] as Token).norm.endsWith('s');
  if (first.norm === 'the' || possessor) {
    return {
      start: span.start,
      end: span.end,
      kind: 'title',
      name: null,
      role: plainRole(words),
      possessor,
      gender: genderOf(words),
    };
  }
  const text = join(words);
  return {
    start: span.start,
    end: span.end,
    kind: 'group',
    name: text,
    role: null,
    possessor: null,
    gender: plural ? 'plural' : genderOf(words),
  };
}
