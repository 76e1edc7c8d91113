/**
 * Cuts Telegram HTML to at most `max` characters without splitting a tag or an entity, closing
 * whatever tags were open at the cut and marking it with an ellipsis.
 */
export function truncateHtml(html: string, max: number, ellipsis = '…'): string {
  if (html.length <= max) return html;
  const open: string[] = [];
  let out = '';
  const closing = (): string =>
    open
      .map((t) => `</${t}>`)
      .reverse()
      .join('');
  const token = /<\/?([a-z-]+)[^>]*>|&(?:#\d+|#x[\da-f]+|[a-z]+);|[\s\S]/giy;
  let m: RegExpExecArray | null;
  while ((m = token.exec(html)) !== null) {
    const piece = m[0];
    const tag = m[1]?.toLowerCase();
    const nextOpen = tag !== undefined && !piece.startsWith('</') ? [...open, tag] : open;
    // Room is kept for the tags that would have to be closed after this piece, and the ellipsis.
    const afterClosing = nextOpen.reduce((n, t) => n + t.length + 3, 0);
    if (out.length + piece.length + afterClosing + ellipsis.length > max) break;
    out += piece;
    if (tag !== undefined) {
      if (piece.startsWith('</')) {
        const at = open.lastIndexOf(tag);
        if (at >= 0) open.splice(at, 1);
      } else {
        open.push(tag);
      }
    }
  }
  // Don't leave a dangling half-word or an empty pair of tags before the ellipsis.
  out = out.replace(/<([a-z-]+)[^>]*>$/i, (whole, t: string) => {
    open.splice(open.lastIndexOf(t.toLowerCase()), 1);
    return '';
  });
  return out + ellipsis + closing();
}
