// Chooses an article's one or two key quotes: whole statements by the people the story is about,
// closest in wording to the headline and the lede.

/** What key-quote choice needs to know of a quote. */
export interface KeyCandidate {
  readonly text: string;
  readonly speakerName: string | null;
  /** A named person (not a pronoun left unresolved, not an anonymous source). */
  readonly personal: boolean;
  /** A clause inside reported speech, or too short to stand alone. */
  readonly fragment: boolean;
  /** The quote's word count (`wordCount(text)`), when the caller has it already. */
  readonly words?: number;
}

const STOP = new Set(
  'that this with from have were they their there which what when will would could should about into over after been being than then them these those just also more most very said says some such only other while where your ours'.split(
    ' ',
  ),
);

/** Stop words are short: a longer word needs no lookup. */
const STOP_MAX = Math.max(...[...STOP].map((w) => w.length));

/**
 * The length of the suffix a crude stem drops from the word ending at `end`: "ing", "ed", "es" or
 * "s", enough to match "reviewing" with "review" and "increases" with "increase".
 */
function suffixLength(lower: string, end: number): number {
  const last = lower.charCodeAt(end - 1);
  const before = lower.charCodeAt(end - 2);
  if (last === 103 && before === 110 && lower.charCodeAt(end - 3) === 105) return 3; // -ing
  if (last === 100 && before === 101) return 2; // -ed
  if (last === 115) return before === 101 ? 2 : 1; // -es, -s
  return 0;
}

/** Words of four letters or more: maximal runs of lower-case letters (Latin, with accents). */
const STEM_WORD = /[a-z\u00c0-\u024f]{4,}/g;

/** The stems of the (lower-case) words of four letters or more, stop words left out. */
function stems(lower: string): Set<string> {
  const out = new Set<string>();
  for (const w of lower.match(STEM_WORD) ?? []) {
    if (w.length > STOP_MAX || !STOP.has(w)) {
      const cut = suffixLength(w, w.length);
      out.add(cut ? w.slice(0, -cut) : w);
    }
  }
  return out;
}

/** Words in `s` (or s[from, to)): starts of runs of letters or digits (any character past ASCII counts as a letter). */
export function wordCount(s: string, from = 0, to = s.length): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) | 32; // folds upper case onto lower case; digits keep their codes
    const letter = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
    if (letter && !inWord) n++;
    inWord = letter;
  }
  return n;
}

/** Fewer than this many words and a quote is a fragment, however it stands. */
export const MIN_STATEMENT_WORDS = 5;

/** Whether `q` may be a key quote at all: a whole statement of some length, with a speaker. */
export function isEligible(q: KeyCandidate): boolean {
  return !q.fragment && !!q.speakerName && (q.words ?? wordCount(q.text)) >= MIN_STATEMENT_WORDS + 3;
}

/** Indexes of the key quotes among `quotes`: one or two, or none when no quote is a whole statement. */
export function chooseKeyQuotes(
  quotes: readonly KeyCandidate[],
  title: string | null,
  lede: string,
): number[] {
  const eligible: boolean[] = [];
  let count = 0;
  let only = -1;
  for (let i = 0; i < quotes.length; i++) {
    const e = isEligible(quotes[i] as KeyCandidate);
    eligible.push(e);
    if (e) {
      count++;
      only = i;
    }
  }
  if (!count) return [];
  // a single candidate is the key quote whatever its score: no need to read the headline's words
  if (count === 1) return [only];
  const titleWords = `${title ?? ''} ${lede}`.toLowerCase();
  const about = stems(titleWords);
  const counts = new Map<string, number>();
  for (const q of quotes) if (q.speakerName) counts.set(q.speakerName, (counts.get(q.speakerName) ?? 0) + 1);
  const scored: { i: number; score: number }[] = [];
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i] as KeyCandidate;
    if (!eligible[i] || !q.speakerName) continue;
    const words = q.words ?? wordCount(q.text);
    // the headline's and lede's word stems found in the quote: substring tests, no tokenizing
    const lower = q.text.toLowerCase();
    let shared = 0;
    for (const w of about) if (lower.includes(w)) shared++;
    const surname = q.speakerName.slice(q.speakerName.lastIndexOf(' ') + 1).toLowerCase();
    const named = surname.length > 2 && titleWords.includes(surname) ? 1 : 0;
    const share = (counts.get(q.speakerName) ?? 0) / quotes.length;
    const length = words >= 12 && words <= 60 ? 0.5 : 0;
    scored.push({ i, score: 2 * shared + named + share + length + (q.personal ? 1 : 0) });
  }
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  const [best, second] = scored;
  if (!best) return [];
  const keys = [best.i];
  if (second && second.score >= 0.6 * best.score) keys.push(second.i);
  return keys.sort((a, b) => a - b);
}
