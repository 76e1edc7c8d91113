/**
 * Word hash -> dense id, in an open-addressing table reused across articles (hashes are hashes
 * already, so a mask picks the slot). A slot belongs to the current article only when its stamp
 * is the current generation, so nothing is cleared between articles.
 *
 * A slot's four numbers sit side by side in one array, so that a probe reads one cache line rather
 * than one in each of four arrays: the table is probed at random, and between articles other work
 * evicts it. Slot s holds, at 4s + 0, the word's hash; + 1, its id; + 2, the generation that
 * stamped it; + 3, the last sentence the word was seen in (+1), so that a word counts once per
 * sentence. The offsets are written as numbers where they are used: optimised code re-reads a
 * module constant, and checks it, at every use.
 */
export class WordIds {
  private mask = 1023;
  private table = new Int32Array(4 * 1024);
  private generation = 0;
  /** How many ids the current article has. */
  private count = 0;

  reset(): void {
    this.generation++;
    this.count = 0;
  }

  get size(): number {
    return this.count;
  }

  /** The offset in `table` of the slot holding `hash`, or of the empty slot where it would go. */
  private slotOf(hash: number): number {
    const { table, mask, generation } = this;
    let slot = hash & mask;
    while (table[4 * slot + 2] === generation && table[4 * slot] !== hash) slot = (slot + 1) & mask;
    return 4 * slot;
  }

  /** The id of `hash`, or -1 when the article has no such word. */
  find(hash: number): number {
    const at = this.slotOf(hash);
    return this.table[at + 2] === this.generation ? (this.table[at + 1] ?? -1) : -1;
  }

  /**
   * Adds one sentence's words (`hashes[0, count)`) to the bags: each word's id (a new one, the next
   * dense id, for a word the article has not had) is appended to `ids` from `used` on, once per
   * sentence, and `df[id]` counts the sentences it occurs in. Returns the new `used`. The caller
   * makes room: `ids` and `df` must hold `count` more entries.
   *
   * Branch-free: whether a word is new, and whether this sentence had it already, are data the
   * processor cannot predict; they are turned into 0 or 1 (`bit`) and used as numbers, and the
   * slot is written whether or not it changes.
   */
  addSentence(
    hashes: Int32Array,
    count: number,
    sentence: number,
    ids: Int32Array,
    used: number,
    df: Int32Array,
  ): number {
    const stamp = sentence + 1;
    for (let k = 0; k < count; k++) {
      const hash = hashes[k] as number;
      const at = this.slotOf(hash);
      // Read again for every word: growing the table replaces it and restarts the generations.
      const { table, generation } = this;
      const fresh = bit((table[at + 2] as number) ^ generation);
      const old = table[at + 1] as number;
      const id = old + fresh * (this.count - old);
      // A fresh slot's old sentence stamp is stale: its word is new to this sentence too.
      const keep = bit((table[at + 3] as number) ^ stamp) | fresh;
      table[at] = hash;
      table[at + 1] = id;
      table[at + 2] = generation;
      table[at + 3] = stamp;
      ids[used] = id;
      used += keep;
      df[id] = ((df[id] as number) & (fresh - 1)) + keep;
      this.count += fresh;
      if (2 * this.count > this.mask) this.grow();
    }
    return used;
  }

  private grow(): void {
    const { table: old, generation } = this;
    const slots = 2 * (this.mask + 1);
    this.mask = slots - 1;
    this.table = new Int32Array(4 * slots);
    this.generation = 1;
    for (let from = 0; from < old.length; from += 4) {
      if (old[from + 2] !== generation) continue;
      const hash = old[from] ?? 0;
      const at = this.slotOf(hash);
      this.table[at + 2] = 1;
      this.table[at] = hash;
      this.table[at + 1] = old[from + 1] ?? 0;
      this.table[at + 3] = old[from + 3] ?? 0;
    }
  }
}

/** 1 when `x` is not 0, else 0, without a branch: the sign bit of `x | -x`. */
function bit(x: number): number {
  return (x | -x) >>> 31;
}
