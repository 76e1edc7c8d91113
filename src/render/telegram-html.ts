import type { Briefing, Reply, ReplyBlock } from '../core/briefing/index.js';
import { escapeHtml, ownText, safeText, safeUrl } from './escape.js';
import { packBlocks, TELEGRAM_MESSAGE_LIMIT } from './split.js';
import { truncateHtml } from './truncate-html.js';

/** Telegram's link_preview_options, chosen per message. */
export interface LinkPreview {
  readonly is_disabled?: boolean;
  readonly url?: string;
  readonly prefer_small_media?: boolean;
  readonly show_above_text?: boolean;
}

/** One message ready for `sendMessage` with `parse_mode: 'HTML'`. */
export interface TelegramMessage {
  readonly text: string;
  readonly linkPreview: LinkPreview;
}

/** The footer of a briefing: flags (names where there is no flag), outlets, age. */
export function briefingFooter(b: Briefing): string[] {
  const parts: string[] = [];
  const places = b.countries.map((c) => c.flag ?? c.name).join(' ');
  if (places) parts.push(places);
  parts.push(b.outlets === 1 ? '1 outlet' : `${b.outlets} outlets`);
  if (b.age) parts.push(b.age);
  return parts;
}

/** One story as Telegram HTML. Every string from the feed is escaped and unable to mention. */
export function briefingHtml(b: Briefing): string {
  const url = safeUrl(b.url);
  const title = safeText(b.headline);
  const lines = [url ? `<b><a href="${escapeHtml(url)}">${title}</a></b>` : `<b>${title}</b>`];
  if (b.lede) lines.push(safeText(b.lede));
  for (const p of b.points) lines.push(`• ${safeText(p)}`);
  if (b.quote) {
    const who = [b.quote.speaker, b.quote.role].filter((s): s is string => s !== null).join(', ');
    const by = who ? `\n— <i>${safeText(who)}</i>` : '';
    lines.push(`<blockquote>“${safeText(b.quote.text)}”${by}</blockquote>`);
  }
  lines.push(`<i>${safeText(briefingFooter(b).join(' · '))}</i>`);
  return lines.join('\n');
}

function blockHtml(block: ReplyBlock): string {
  switch (block.kind) {
    case 'briefing':
      return briefingHtml(block.briefing);
    case 'text':
      return safeText(block.text);
    case 'list':
      return [`<b>${safeText(block.title)}</b>`, ...block.items.map((i) => `• ${safeText(i)}`)].join('\n');
    case 'error': {
      // The example is the bot's own: shown as code so a tap copies it, and never altered.
      const example = block.example === undefined ? '' : `\nExample: <code>${ownText(block.example)}</code>`;
      return `⚠️ ${safeText(block.message)}${example}`;
    }
    case 'usage':
      return `<b>${ownText(block.usage)}</b>\n${safeText(block.about)}\nExample: <code>${ownText(block.example)}</code>`;
  }
}

/** A message's preview: the story's page when it tells exactly one story, otherwise none. */
function previewFor(blocks: readonly ReplyBlock[]): LinkPreview {
  const briefings = blocks.filter((b) => b.kind === 'briefing');
  const only = briefings.length === 1 ? briefings[0] : undefined;
  const url = only?.kind === 'briefing' ? safeUrl(only.briefing.url) : null;
  return url ? { url, prefer_small_media: true, show_above_text: false } : { is_disabled: true };
}

/**
 * A reply as Telegram messages: each within 4096 characters, split only between blocks (stories),
 * a single over-long story cut without breaking its markup.
 */
export function renderTelegram(reply: Reply, limit = TELEGRAM_MESSAGE_LIMIT): TelegramMessage[] {
  const rendered = reply.blocks.map((block) => ({ block, html: blockHtml(block) }));
  const packed = packBlocks(
    rendered.map((r) => r.html),
    limit,
    (html, max) => truncateHtml(html, max),
  );
  return packed.map(({ text, members }) => ({
    text,
    linkPreview: previewFor(members.flatMap((i) => rendered[i]?.block ?? [])),
  }));
}
