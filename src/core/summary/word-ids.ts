/**
 * Word hash -> dense id, in an open-addressing table reused across articles (hashes are hashes
 * already, so a mask picks the slot). A slot belongs to the current article only when its stamp
 * is the current generation, so nothing is cleared between articles.
 *
 * A slot's four fields sit side by side in one array (`SLOT` numbers a slot), so that a probe
 * reads one cache line rather than one in each of four arrays: the table is probed at random,
 * and between articles other work evicts it.
 */
const SLOT = 4;
const KEY = 0;
const ID = 1;
const STAMP = 2;
/** The last sentence the word was seen in (+1), so that a word counts once per sentence. */
const SEEN = 3;

export class WordIds {
  private mask = 1023;
  private table = new Int32Array(SLOT * 1024);
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
    while (table[SLOT * slot + STAMP] === generation && table[SLOT * slot + KEY] !== hash)
      slot = (slot + 1) & mask;
    return SLOT * slot;
  }

  /** The id of `hash`, or -1 when the article has no such word. */
  find(hash: number): number {
    const at = this.slotOf(hash);
    return this.table[at + STAMP] === this.generation ? (this.table[at + ID] ?? -1) : -1;
  }

  /**
   * The id of `hash` (a new one, the next dense id, when it is not there yet), or -1 when the
   * word was already seen in `sentence`.
   */
  intern(hash: number, sentence: number): number {
    const at = this.slotOf(hash);
    const table = this.table;
    if (table[at + STAMP] === this.generation) {
      if (table[at + SEEN] === sentence + 1) return -1;
      table[at + SEEN] = sentence + 1;
      return table[at + ID] ?? -1;
    }
    const id = this.count++;
    table[at + STAMP] = this.generation;
    table[at + KEY] = hash;
    table[at + ID] = id;
    table[at + SEEN] = sentence + 1;
    if (2 * this.count > this.mask) this.grow();
    return id;
  }

  private grow(): void {
    const { table: old, generation } = this;
    const slots = 2 * (this.mask + 1);
    this.mask = slots - 1;
    this.table = new Int32Array(SLOT * slots);
    this.generation = 1;
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from + STAMP] !== generation) continue;
      const hash = old[from + KEY] ?? 0;
      const at = this.slotOf(hash);
      this.table[at + STAMP] = 1;
      this.table[at + KEY] = hash;
      this.table[at + ID] = old[from + ID] ?? 0;
      this.table[at + SEEN] = old[from + SEEN] ?? 0;
    }
  }
}
