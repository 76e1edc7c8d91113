/**
 * A string's UTF-16 code units copied into a typed array, for the hottest character loops.
 *
 * Why: in optimised V8 code, `charCodeAt` in a loop re-checks the string's representation (flat,
 * sliced, cons, one- or two-byte) at every character, while a typed-array read is a bounds check
 * and a load. Copying the text once (a native copy, well under a nanosecond a character) and then
 * reading the array made the summary's word scan more than twice as fast a character.
 *
 * The copy is done by Node's `Buffer` (a global, no I/O): the one native string-to-UTF-16 copy the
 * platform has. Each user keeps its own `CodeUnits`, reused from article to article; what `load`
 * returns is overwritten by its next `load`.
 */
export class CodeUnits {
  private units = new Uint16Array(4096);
  private bytes = Buffer.from(this.units.buffer);

  /** `text`'s code units at `[0, text.length)` of the returned array (which may be longer). */
  load(text: string): Uint16Array {
    if (text.length > this.units.length) {
      this.units = new Uint16Array(2 * text.length);
      this.bytes = Buffer.from(this.units.buffer);
    }
    if (LITTLE_ENDIAN) this.bytes.write(text, 0, 'utf16le');
    else for (let i = 0; i < text.length; i++) this.units[i] = text.charCodeAt(i);
    return this.units;
  }
}

/** `Buffer`'s `utf16le` is little-endian; a `Uint16Array` reads in the machine's order. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
