// Telegram's HTML parse mode, as strictly as Telegram applies it: the fake Bot API uses this to
// reject what real Telegram rejects (unknown or unbalanced tags, bare < and >, unknown entities).
const ALLOWED = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'tg-emoji',
  'code',
  'pre',
  'blockquote',
]);
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** The text Telegram would show, or the error it would answer with. */
export function parseTelegramHtml(html: string): { ok: true; text: string } | { ok: false; error: string } {
  const open: string[] = [];
  let text = '';
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const end = html.indexOf('>', i);
      const m =
        end < 0
          ? null
          : /^<(\/?)([a-zA-Z-]+)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>$/.exec(html.slice(i, end + 1));
      if (!m) return { ok: false, error: `can't parse entities: Unexpected < at byte offset ${i}` };
      const [, closing, rawName = '', attrs = ''] = m;
      const name = rawName.toLowerCase();
      if (!ALLOWED.has(name))
        return {
          ok: false,
          error: `can't parse entities: Unsupported start tag "${name}" at byte offset ${i}`,
        };
      if (closing) {
        if (open.pop() !== name)
          return {
            ok: false,
            error: `can't parse entities: Unmatched end tag "${name}" at byte offset ${i}`,
          };
      } else {
        if (name === 'a' && !/href="https?:\/\/[^"]+"/.test(attrs))
          return { ok: false, error: `can't parse entities: bad href at byte offset ${i}` };
        open.push(name);
      }
      i = end + 1;
    } else if (ch === '>') {
      return { ok: false, error: `can't parse entities: Unexpected > at byte offset ${i}` };
    } else if (ch === '&') {
      const m = /^&(#\d{1,7}|#x[\da-fA-F]{1,6}|[a-z]+);/.exec(html.slice(i, i + 12));
      const name = m?.[1];
      if (!name || (!name.startsWith('#') && !(name in ENTITIES)))
        return { ok: false, error: `can't parse entities: bad entity at byte offset ${i}` };
      text += name.startsWith('#x')
        ? String.fromCodePoint(parseInt(name.slice(2), 16))
        : name.startsWith('#')
          ? String.fromCodePoint(Number(name.slice(1)))
          : ENTITIES[name];
      i += m[0].length;
    } else {
      text += ch;
      i++;
    }
  }
  if (open.length)
    return {
      ok: false,
      error: `can't parse entities: Can't find end tag corresponding to start tag "${open.at(-1)}"`,
    };
  return { ok: true, text };
}
