import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Reply } from '../../core/briefing/index.js';

// Telegram keeps at most 64 bytes of callback data a button. A button carries the command line it
// runs, so pressing it needs no memory of the message: it works after a restart, on any instance.
const MAX_CALLBACK_BYTES = 64;
const RUN = 'run:';
// A choice: once pressed, the buttons go (the question has been answered).
const PICK = 'pick:';

/** What a pressed button asks for: a command line, and whether it answered a question. */
export interface PressedButton {
  readonly line: string;
  readonly choice: boolean;
}

/**
 * The inline keyboard of a reply's actions, or undefined when it has none. A button whose command
 * does not fit Telegram's callback data is left out (the reply's text says what to type).
 */
export function keyboardOf(reply: Reply): InlineKeyboardMarkup | undefined {
  const prefix = reply.choice === true ? PICK : RUN;
  const buttons = (reply.actions ?? [])
    .map((a) => ({ text: a.label.slice(0, 64), callback_data: `${prefix}${a.run}` }))
    .filter((b) => Buffer.byteLength(b.callback_data, 'utf8') <= MAX_CALLBACK_BYTES);
  if (buttons.length === 0) return undefined;
  // A choice reads as one row of answers; other buttons one under another, labels in full.
  return { inline_keyboard: reply.choice === true ? [buttons] : buttons.map((b) => [b]) };
}

/** The button pressed, from its callback data; null when the data is not one of ours. */
export function readButton(data: string): PressedButton | null {
  if (data.startsWith(RUN)) return { line: data.slice(RUN.length), choice: false };
  if (data.startsWith(PICK)) return { line: data.slice(PICK.length), choice: true };
  return null;
}
