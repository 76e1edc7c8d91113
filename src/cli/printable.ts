// Control characters (C0, DEL, C1: escape sequences start with ESC or CSI) and the bidirectional
// overrides that reorder what a terminal shows.
// eslint-disable-next-line no-control-regex -- control characters are what is replaced
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a feed or a server made safe to print on a terminal: each control character becomes
 * "?", so a feed title cannot move the cursor, recolour the screen or retitle the window.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '?');
}
