/** Telegram's limit on one message's text. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/** One message made of whole blocks: its text and the indices of the blocks it holds. */
export interface PackedMessage {
  readonly text: string;
  readonly members: readonly number[];
}

/**
 * Packs rendered blocks into as few messages as fit, splitting only between blocks. A block that
 * alone exceeds the limit is cut by `shorten`, which must keep its markup valid.
 */
export function packBlocks(
  blocks: readonly string[],
  limit: number,
  shorten: (block: string, max: number) => string,
  separator = '\n\n',
): PackedMessage[] {
  const messages: PackedMessage[] = [];
  let text = '';
  let members: number[] = [];
  blocks.forEach((raw, index) => {
    const block = raw.length > limit ? shorten(raw, limit) : raw;
    if (members.length > 0 && text.length + separator.length + block.length > limit) {
      messages.push({ text, members });
      text = '';
      members = [];
    }
    text = members.length === 0 ? block : text + separator + block;
    members.push(index);
  });
  if (members.length > 0) messages.push({ text, members });
  return messages;
}
