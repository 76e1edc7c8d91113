/**
 * Word hash -> dense id, in an open-addressing table reused across articles (hashes are hashes
 * already, so a mask picks the slot). A slot belongs to the current article only when its stamp
 * is the current generation, so nothing is cleared between articles.
 */
export class WordIds {
  private mask = 1023;
  private keys = new Int32Array(1024);
  private ids = new Int32Array(1024);
  private stamps = new Int32Array(1024);
  /** The last sentence each word was seen in (+1), so that a word counts once per sentence. */
  private seen = new Int32Array(1024);
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

  private slotOf(hash: number): number {
    const { keys, stamps, mask, generation } = this;
    let slot = hash & mask;
    while (stamps[slot] === generation && keys[slot] !== hash) slot = (slot + 1) & mask;
    return slot;
  }

  /** The id of `hash`, or -1 when the article has no such word. */
  find(hash: number): number {
    const slot = this.slotOf(hash);
    return this.stamps[slot] === this.generation ? (this.ids[slot] ?? -1) : -1;
  }

  /**
   * The id of `hash` (a new one, the next dense id, when it is not there yet), or -1 when the
   * word was already seen in `sentence`.
   */
  intern(hash: number, sentence: number): number {
    const slot = this.slotOf(hash);
    if (this.stamps[slot] === this.generation) {
      if (this.seen[slot] === sentence + 1) return -1;
      this.seen[slot] = sentence + 1;
      return this.ids[slot] ?? -1;
    }
    const id = this.count++;
    this.stamps[slot] = this.generation;
    this.keys[slot] = hash;
    this.ids[slot] = id;
    this.seen[slot] = sentence + 1;
    if (2 * this.count > this.mask) this.grow();
    return id;
  }

  private grow(): void {
    const { keys, ids, stamps, seen, generation } = this;
    const size = 2 * (this.mask + 1);
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.ids = new Int32Array(size);
    this.stamps = new Int32Array(size);
    this.seen = new Int32Array(size);
    this.generation = 1;
    for (let old = 0; old < stamps.length; old++) {
      if (stamps[old] !== generation) continue;
      const hash = keys[old] ?? 0;
      const slot = this.slotOf(hash);
      this.stamps[slot] = 1;
      this.keys[slot] = hash;
      this.ids[slot] = ids[old] ?? 0;
      this.seen[slot] = seen[old] ?? 0;
    }
  }
}
