import type { Briefing, Reply, ReplyBlock } from '../core/briefing/index.js';
import { listRegions } from '../core/places/regions.js';
import { neutraliseMentions, safeUrl, stripControls } from './escape.js';

/** Discord's limits on one message (https://discord.com/developers/docs/resources/message). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** The title, description, field names and values, footer and author of all embeds together. */
  embedsTotal: 6000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
} as const;

/** An embed as Discord's API takes it (only the parts briefings use). */
export interface DiscordEmbed {
  readonly title: string;
  readonly url?: string;
  readonly description?: string;
  readonly color: number;
  readonly timestamp?: string;
  readonly fields?: readonly { readonly name: string; readonly value: string }[];
  readonly footer?: { readonly text: string };
}

/** One message for Discord: text (Discord markdown, escaped) and embeds. */
export interface DiscordMessage {
  readonly content: string;
  readonly embeds: readonly DiscordEmbed[];
}

// The marks Discord's markdown reads as syntax anywhere: bold, italics, underline, strikethrough,
// spoilers, code, quotes, masked links and mentions (< starts <@id>, <#id>, <:emoji:id>).
const MARKDOWN = /[\\*_~`|>[\]<]/g;
// And at the start of a line: headings, subtext and lists.
const LINE_START = /^(\s*)(#|-#|[-+]\s|\d+\.\s)/gm;

/**
 * Feed text made safe for Discord: control characters dropped, mentions broken, and every mark of
 * markdown escaped, so `**bold**` shows as typed and `<@&123>` as text. (Nothing pings anyway:
 * every message is sent with no mention allowed.)
 */
export function escapeDiscord(text: string): string {
  return neutraliseMentions(stripControls(text)).replace(MARKDOWN, '\\$&').replace(LINE_START, '$1\\$2');
}

/** Cuts text to `max` characters at a word where it can, marking the cut with an ellipsis. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const space = text.lastIndexOf(' ', end);
  if (space > max * 0.6) end = space;
  // An escape must not be cut from what it escapes.
  while (end > 0 && text[end - 1] === '\\') end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

const PALETTE = [
  0x1f77b4, 0xd62728, 0x2ca02c, 0xff7f0e, 0x9467bd, 0x8c564b, 0xe377c2, 0x17becf, 0xbcbd22, 0x7f7f7f,
  0x3b5998, 0xc0392b,
];
const REGION_COLOURS = new Map(listRegions().map((r, i) => [r.slug, PALETTE[i % PALETTE.length] ?? 0]));
const NEUTRAL = 0x5865f2;

/** The colour of a story's first region (the same region always has the same colour). */
export function regionColour(regions: readonly string[]): number {
  const first = regions[0];
  return (first === undefined ? undefined : REGION_COLOURS.get(first)) ?? NEUTRAL;
}

function footerOf(b: Briefing): string {
  const places = b.countries.map((c) => c.flag ?? c.name).join(' ');
  const [first, ...others] = b.outletNames;
  const outlets =
    first === undefined
      ? `${b.outlets} ${b.outlets === 1 ? 'outlet' : 'outlets'}`
      : others.length === 0
        ? first
        : `${first} and ${others.length} more ${others.length === 1 ? 'outlet' : 'outlets'}`;
  // The footer is plain text in Discord: no markdown to escape, only mentions and controls.
  return [places, outlets]
    .filter((s) => s !== '')
    .map((s) => neutraliseMentions(stripControls(s)))
    .join(' · ');
}

/** One story as one embed, within every limit Discord sets on an embed. */
export function briefingEmbed(b: Briefing): DiscordEmbed {
  const url = safeUrl(b.url);
  const lines: string[] = [];
  if (b.lede) lines.push(escapeDiscord(b.lede));
  const points = b.points.map((p) => `• ${escapeDiscord(p)}`);
  if (points.length) lines.push(points.join('\n'));
  const fields = [];
  if (b.quote) {
    const who = [b.quote.speaker, b.quote.role].filter((s): s is string => s !== null).join(', ');
    fields.push({
      name: cut(who ? escapeDiscord(who) : 'Quote', DISCORD_LIMITS.fieldName),
      value: cut(`“${escapeDiscord(b.quote.text)}”`, DISCORD_LIMITS.fieldValue),
    });
  }
  const footer = footerOf(b);
  return {
    title: cut(escapeDiscord(b.headline), DISCORD_LIMITS.title),
    ...(url ? { url } : {}),
    ...(lines.length ? { description: cut(lines.join('\n\n'), DISCORD_LIMITS.description) } : {}),
    color: regionColour(b.regions),
    ...(b.publishedAt ? { timestamp: b.publishedAt.toISOString() } : {}),
    ...(fields.length ? { fields } : {}),
    ...(footer ? { footer: { text: cut(footer, DISCORD_LIMITS.footer) } } : {}),
  };
}

/** The characters of an embed that count toward the 6,000 of a message. */
export function embedSize(e: DiscordEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return e.title.length + (e.description?.length ?? 0) + fields + (e.footer?.text.length ?? 0);
}

/**
 * The bot's own text (a usage line, an example) as inline code: shown as is, and copied as is with
 * a tap. Nothing inside code is markdown or a mention.
 */
function inlineCode(text: string): string {
  return `\`${stripControls(text).replace(/`/g, "'")}\``;
}

/** Lines of a list, packed into as few parts as fit one message's content. */
function listParts(title: string, items: readonly string[]): string[] {
  const parts: string[] = [];
  let part = `**${escapeDiscord(title)}**`;
  for (const item of items) {
    const line = cut(`• ${escapeDiscord(item)}`, DISCORD_LIMITS.content);
    if (part.length + 1 + line.length > DISCORD_LIMITS.content) {
      parts.push(part);
      part = line;
    } else part = `${part}\n${line}`;
  }
  parts.push(part);
  return parts;
}

/** A text block as Discord markdown: one part, or several for a list longer than a message. */
function blockTexts(block: Exclude<ReplyBlock, { kind: 'briefing' }>): string[] {
  switch (block.kind) {
    case 'text':
      return [cut(escapeDiscord(block.text), DISCORD_LIMITS.content)];
    case 'list':
      return listParts(block.title, block.items);
    case 'error': {
      const example = block.example === undefined ? '' : `\nExample: ${inlineCode(block.example)}`;
      return [cut(`⚠️ ${escapeDiscord(block.message)}${example}`, DISCORD_LIMITS.content)];
    }
    case 'usage':
      return [
        cut(
          `${inlineCode(block.usage)}\n${escapeDiscord(block.about)}\nExample: ${inlineCode(block.example)}`,
          DISCORD_LIMITS.content,
        ),
      ];
  }
}

/**
 * A reply as Discord messages: text blocks become the content, stories become embeds, in order.
 * Every message holds at most 2,000 characters of content, 10 embeds and 6,000 characters of
 * embeds; a reply is split between blocks (stories), never inside one.
 */
export function renderDiscord(reply: Reply): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let content = '';
  let embeds: DiscordEmbed[] = [];
  let size = 0;
  const flush = (): void => {
    if (content !== '' || embeds.length > 0) messages.push({ content, embeds });
    content = '';
    embeds = [];
    size = 0;
  };
  for (const block of reply.blocks) {
    if (block.kind === 'briefing') {
      const embed = briefingEmbed(block.briefing);
      const n = embedSize(embed);
      if (embeds.length >= DISCORD_LIMITS.embedsPerMessage || size + n > DISCORD_LIMITS.embedsTotal) flush();
      embeds.push(embed);
      size += n;
      continue;
    }
    // Text that follows stories starts a message of its own, so it is read after them.
    if (embeds.length > 0) flush();
    for (const text of blockTexts(block)) {
      if (content !== '' && content.length + 2 + text.length > DISCORD_LIMITS.content) flush();
      content = content === '' ? text : `${content}\n\n${text}`;
    }
  }
  flush();
  return messages;
}
