/** An article's text within a budget, and whether it had to be cut. */
export interface CutText {
  readonly text: string;
  readonly cut: boolean;
}

// The end of a sentence: a stop, perhaps a closing quote or bracket, then white space.
const SENTENCE_END = /[.!?…]["'”’»)\]]*\s/g;

/**
 * Cuts text longer than `maxChars` at the last sentence end before the limit (or, when the last
 * sentence end is far back, at a word), and appends a line saying that it was cut and how much
 * was there. Shorter text comes back as it is.
 */
export function cutAtSentence(text: string, maxChars: number): CutText {
  if (text.length <= maxChars) return { text, cut: false };
  const head = text.slice(0, maxChars);
  let end = -1;
  for (const m of head.matchAll(SENTENCE_END)) end = m.index + m[0].length;
  // A sentence end in the last fifth keeps the cut clean; otherwise cut at a space.
  if (end < maxChars * 0.8) end = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n'));
  if (end <= 0) end = maxChars;
  const kept = head.slice(0, end).trimEnd();
  const note = `[Article cut: the first ${kept.length.toLocaleString('en')} of ${text.length.toLocaleString('en')} characters were analysed.]`;
  return { text: `${kept}\n\n${note}`, cut: true };
}
