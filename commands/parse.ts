import { normaliseText } from './normalise.js';

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
 * words, after `normaliseText`; null when the text is not a command at all.
 */
export function parseCommandLine(text: string): CommandLine | null {
  const trimmed = normaliseText(text).trim().replace(/^\/+/, '');
  if (trimmed === '') return null;
  const [head = '', ...words] = splitWords(trimmed);
  // Case is kept: `findCommand` ignores it, after reading look-alike capitals as what they imitate.
  const name = head.split('@')[0] ?? '';
  if (!/^\p{L}[\p{L}\p{N}_-]{0,31}$/u.test(name)) return null;
  return { name, words };
}

/** What a chat message is, to a bot in a chat shared with people and other bots. */
export type ChatLine =
  /** One of our commands, by its own name. */
  | {
      readonly kind: 'command';
      readonly name: string;
      readonly words: readonly string[];
      readonly addressed: boolean;
    }
  /** Shaped like a command, but none of ours: `addressed` when it named this bot (`/ban@ourbot`). */
  | { readonly kind: 'unknown'; readonly name: string; readonly addressed: boolean }
  /** A command for another bot (`/ban@otherbot`). */
  | { readonly kind: 'elsewhere' }
  /** Not a command: plain text, or a slash that starts a sentence (`/usr/local is full again`). */
  | { readonly kind: 'text' };

// A command as Telegram shapes one: a slash, a name of letters, digits or _, perhaps @a bot's
// username, then a space or the end. `/usr/local` and `/ is full` are text.
const COMMAND_HEAD = /^\/([\p{L}\p{N}_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?=\s|$)/u;

/**
 * Reads a chat message for a bot named `botUsername`, after `normaliseText`; `ours` gives the name
 * of our command that a typed name means (`LATEST` and `lateѕt` mean latest), undefined for none.
 */
export function readChatLine(
  text: string,
  botUsername: string,
  ours: (typed: string) => string | undefined,
): ChatLine {
  if (text.length > MAX_INPUT_LENGTH * 2) return { kind: 'text' };
  const clean = normaliseText(text).trim();
  const head = COMMAND_HEAD.exec(clean);
  if (!head) return { kind: 'text' };
  const [whole, typed = '', addressee] = head;
  if (addressee !== undefined && addressee.toLowerCase() !== botUsername.toLowerCase())
    return { kind: 'elsewhere' };
  const addressed = addressee !== undefined;
  const name = ours(typed);
  if (name === undefined) return { kind: 'unknown', name: typed.toLowerCase(), addressed };
  return { kind: 'command', name, words: splitWords(clean.slice(whole.length)), addressed };
}
