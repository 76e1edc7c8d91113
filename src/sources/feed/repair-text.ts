import { isUtf8 } from 'node:buffer';

/**
 * windows-1252's characters for the bytes 0x80-0x9F, in order. The five bytes it leaves undefined
 * (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to nothing.
 */
const CP1252_HIGH = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';

/** The byte a character stands for when UTF-8 was misread as windows-1252 or Latin-1. */
const BYTE_OF = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b);
for (let i = 0; i < 32; i++) if (CP1252_HIGH[i] !== '\0') BYTE_OF.set(CP1252_HIGH[i]!, 0x80 + i);

/** Runs of two or more characters that may be the bytes of misread UTF-8. */
const MISREAD_RUN = new RegExp(`[\\u0080-\\u00ff${CP1252_HIGH.replace(/\0/g, '')}]{2,}`, 'g');
const C1 = /[\u0080-\u009f]/g;
// Control characters XML and PostgreSQL refuse (NUL among them); tab, newline and return stay.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The length of the UTF-8 sequence a lead byte starts, or 0 when it starts none. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Decodes the UTF-8 sequences hiding in a run of misread characters ("Ã©" is "é" read twice);
 * characters that start no valid sequence stay as they are.
 */
function repairRun(run: string): string {
  const chars = [...run];
  const bytes = chars.map((c) => BYTE_OF.get(c)!);
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const n = sequenceLength(bytes[i]!);
    const seq = n > 0 ? Buffer.from(bytes.slice(i, i + n)) : null;
    // isUtf8 also refuses overlong forms and encoded surrogates.
    if (seq && seq.length === n && isUtf8(seq)) {
      out += seq.toString('utf8');
      i += n;
    } else {
      out += chars[i];
      i++;
    }
  }
  return out;
}

/**
 * Repairs what commonly goes wrong with a feed's characters on the way to us: UTF-8 that was
 * decoded as windows-1252 or Latin-1 and encoded again ("CafÃ©" → "Café"), C1 control characters
 * that are windows-1252 punctuation read as Latin-1 ("\u0093" → "“"), and control characters that
 * no document may hold. Text without any of these comes back unchanged.
 */
export function repairText(text: string): string {
  let fixed = text;
  if (/[\u0080-\u00ff]/.test(fixed)) fixed = fixed.replace(MISREAD_RUN, repairRun);
  fixed = fixed.replace(C1, (c) => (CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? '\0').replace('\0', ''));
  return wellFormed(fixed);
}

/** Text any store takes: no control characters but whitespace, no lone surrogates (as U+FFFD). */
export function wellFormed(text: string): string {
  return text.replace(CONTROLS, '').replace(LONE_SURROGATE, '\ufffd');
}
