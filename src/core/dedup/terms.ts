/**
 * The words that identify a story: what two outlets reporting the same event share even when they
 * word it differently. Used for near-duplicate detection (token-set Jaccard).
 */

// Function words and newsroom filler: they say nothing about which event is reported.
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had
  has have having he her here hers him his how i if in into is it its itself just me more most my
  no nor not now of off on once only or other our out over own same she should so some such than
  that the their them then there these they this those through to too under until up very was we
  were what when where which while who whom why will with would you your yet says said say saying
  told tells according new news report reports reported reuters ap afp update updated live video
  photo photos watch read more via per mr mrs ms dr one just amid`.split(/\s+/),
);

// Longest first, so "-ings" is tried before "-s".
const SUFFIXES = ['ings', 'ing', 'ies', 'ied', 'ed', 'es', 's'];

/** A crude English stemmer: enough to match "clashes"/"clash" and "agreed"/"agree". */
function stem(word: string): string {
  if (word.length <= 4 || /\p{N}/u.test(word)) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const base = word.slice(0, -suffix.length);
      if (suffix === 'ies' || suffix === 'ied') return base + 'y';
      // "agreed" -> "agre" would miss "agree"; strip only the "d" after an "e".
      if (suffix === 'ed' && base.endsWith('e')) return base + 'e';
      if (suffix === 's' && (base.endsWith('s') || base.endsWith('u') || base.endsWith('i'))) return word;
      return base;
    }
  }
  return word;
}

/** Upper bound on terms per article: a lede that runs on adds noise, not evidence. */
export const MAX_TERMS = 64;

/**
 * The distinct terms of a text (headline and lede): lower-cased, accents folded, stopwords dropped,
 * lightly stemmed. Sorted, so equal inputs give equal arrays.
 */
export function storyTerms(...texts: readonly (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const folded = text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    for (const word of folded.match(/\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}]+/gu) ?? []) {
      if (word.length < 2 || STOPWORDS.has(word)) continue;
      if (terms.size >= MAX_TERMS) return [...terms].sort();
      terms.add(stem(word));
    }
  }
  return [...terms].sort();
}

/** Jaccard similarity of two term sets given their sizes and how many terms they share. */
export function jaccard(shared: number, sizeA: number, sizeB: number): number {
  const union = sizeA + sizeB - shared;
  return union <= 0 ? 0 : shared / union;
}
