import { fold } from '../places/tokens.js';

// Moderator phrases are compiled to word lists, never to regular expressions: matching is a
// scan of the article's words that costs at most (words × terms of the phrase) comparisons.

/** One word of a phrase: the exact word, or a prefix when written with a trailing `*`. */
export interface Term {
  readonly word: string;
  readonly prefix: boolean;
}

/** A compiled phrase: its words in order, as the moderator wrote them. */
export interface Phrase {
  readonly source: string;
  readonly terms: readonly Term[];
}

/** Longest phrase honoured, in words; longer phrases are cut (the validator rejects them first). */
export const MAX_PHRASE_WORDS = 6;

const WORD = /[\p{L}\p{N}]+\*?/gu;

/** Lower-cased, diacritic-free words of a text ("Priština" → "pristina"); punctuation is a gap. */
export function words(text: string): string[] {
  return (
    fold(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Compiles a phrase: "elect* Kosovo" → [elect (prefix), kosovo]. */
export function compilePhrase(source: string): Phrase {
  const terms = (fold(source).toLowerCase().match(WORD) ?? []).slice(0, MAX_PHRASE_WORDS).map((w) => {
    const prefix = w.endsWith('*');
    return { word: prefix ? w.slice(0, -1) : w, prefix };
  });
  return { source, terms };
}

/** Counts comparisons, so tests can check that matching stays linear on hostile input. */
export interface Meter {
  steps: number;
}

function termMatches(term: Term, word: string): boolean {
  return term.prefix ? word.startsWith(term.word) : word === term.word;
}

/** True when the phrase occurs in `text` as whole words, in order and adjacent. */
export function phraseOccurs(text: readonly string[], phrase: Phrase, meter?: Meter): boolean {
  const n = phrase.terms.length;
  if (n === 0) return false;
  for (let i = 0; i + n <= text.length; i++) {
    let k = 0;
    while (k < n) {
      if (meter) meter.steps++;
      const term = phrase.terms[k];
      const word = text[i + k];
      if (term === undefined || word === undefined || !termMatches(term, word)) break;
      k++;
    }
    if (k === n) return true;
  }
  return false;
}
