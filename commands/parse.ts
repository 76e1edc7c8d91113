/** A command line split into the command's name and the words after it. */
export interface CommandLine {
  readonly name: string;
  readonly words: readonly string[];
}

/** Longer input is refused before any work: no command needs more. */
export const MAX_INPUT_LENGTH = 2000;
const MAX_WORDS = 100;
const OPEN_QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '„': '“', '«': '»' };

/** Splits on whitespace, keeping quoted phrases ("0 8 * * *", “New York”) together. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length && words.length < MAX_WORDS) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (i >= text.length) break;
    const ch = text[i] ?? '';
    const close = OPEN_QUOTES[ch];
    if (close !== undefined) {
      const end = text.indexOf(close, i + 1);
      if (end > i) {
        words.push(text.slice(i + 1, end));
        i = end + 1;
        continue;
      }
    }
    let j = i;
    while (j < text.length && !/\s/.test(text[j] ?? '')) j++;
    words.push(text.slice(i, j));
    i = j;
  }
  return words;
}

/**
 * Reads `/latest@newsdesk_bot balkans 3` (or `latest balkans 3` in the terminal) into a name and
 * words; null when the text is not a command at all.
 */
export function parseCommandLine(text: string): CommandLine | null {
  const trimmed = text.trim().replace(/^\/+/, '');
  if (trimmed === '') return null;
  const [head = '', ...words] = splitWords(trimmed);
  const name = head.split('@')[0]?.toLowerCase() ?? '';
  if (!/^[a-z][a-z0-9_-]{0,31}$/.test(name)) return null;
  return { name, words };
}
