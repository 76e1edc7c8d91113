/** Splits a paragraph into sentences. */
export function splitSentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
