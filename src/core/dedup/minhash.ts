/**
 * MinHash with locality-sensitive banding: finds the few stored articles whose term sets may reach
 * the clustering threshold without comparing against every article in the window. Two sets with
 * Jaccard similarity J share a band with probability 1 - (1 - J^ROWS)^BANDS: about 0.98 at J = 0.3
 * (the clustering threshold), 0.92 at 0.25, and under 0.02 for unrelated news (J around 0.02).
 */

/** Rows per band: 2 keeps recall high at the low Jaccard thresholds rewording needs. */
export const BAND_ROWS = 2;
export const BANDS = 40;
const HASHES = BAND_ROWS * BANDS;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// MurmurHash3's finaliser: spreads the bits so that each derived hash behaves like a permutation.
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The MinHash signature of a term set: for each of the hash functions, the least hash of any term. */
export function minhash(terms: readonly string[]): number[] {
  const signature = new Array<number>(HASHES).fill(0xffffffff);
  for (const term of terms) {
    const h1 = fnv1a(term);
    // Double hashing (h1 + i * h2) derives all the hash functions from two.
    const h2 = mix(h1 ^ 0x9e3779b9) | 1;
    for (let i = 0; i < HASHES; i++) {
      const v = mix((h1 + Math.imul(i, h2)) >>> 0);
      if (v < signature[i]!) signature[i] = v;
    }
  }
  return signature;
}

/**
 * The band keys of a term set: integers below 2^53, one per band, equal for two sets exactly when
 * their signatures agree on that band (up to a 2^-32 chance of a false match). None for no terms.
 */
export function bandKeys(terms: readonly string[]): number[] {
  if (terms.length === 0) return [];
  const signature = minhash(terms);
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = band;
    for (let row = 0; row < BAND_ROWS; row++)
      h = mix(Math.imul(h ^ signature[band * BAND_ROWS + row]!, 0x9e3779b1));
    keys.push(band * 2 ** 32 + h);
  }
  return keys;
}
