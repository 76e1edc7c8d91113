/** Escapes text for Telegram's HTML parse mode (and for HTML attributes in double quotes). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// U+2060 WORD JOINER: invisible, but Telegram and Discord no longer see "@name" as a mention.
const JOINER = '\u2060';

/**
 * Keeps feed text from pinging anyone: "@someone" and "@everyone" stop being mentions. Only an @
 * before a letter or _ can start one (Telegram usernames and Discord's @everyone and @here start
 * with a letter), so "daily@08:00" is left as typed and still works when copied.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(?=[\p{L}_])/gu, `@${JOINER}`);
}

/** The bot's own text (a usage line, an example) for Telegram HTML: escaped, never altered. */
export function ownText(text: string): string {
  return escapeHtml(stripControls(text));
}

/** Feed text made safe for Telegram HTML: escaped and unable to mention. */
export function safeText(text: string): string {
  return escapeHtml(neutraliseMentions(stripControls(text)));
}

/**
 * Drops control characters (other than newline and tab) that clients render as garbage, and the
 * bidirectional embeddings, overrides and isolates, with which a headline could make the text
 * around it read backwards.
 */
export function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '');
}

/** An http(s) address fit for an href, or null (javascript:, data: and malformed ones are dropped). */
export function safeUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
