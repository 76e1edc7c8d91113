import type { Briefing, Reply, ReplyBlock } from '../core/briefing/index.js';
import { stripControls } from './escape.js';
import { briefingFooter } from './telegram-html.js';

/** One story as plain text for a terminal. */
export function briefingText(b: Briefing): string {
  const lines = [stripControls(b.headline)];
  if (b.url) lines.push(b.url);
  lines.push('', stripControls(b.lede));
  for (const p of b.points) lines.push(`  • ${stripControls(p)}`);
  if (b.quote) {
    const who = [b.quote.speaker, b.quote.role].filter((s): s is string => s !== null).join(', ');
    lines.push('', `  “${stripControls(b.quote.text)}”${who ? `\n    — ${stripControls(who)}` : ''}`);
  }
  lines.push('', `  ${stripControls(briefingFooter(b).join(' · '))}`);
  return lines.join('\n');
}

function blockText(block: ReplyBlock): string {
  switch (block.kind) {
    case 'briefing':
      return briefingText(block.briefing);
    case 'text':
      return stripControls(block.text);
    case 'list':
      return [stripControls(block.title), ...block.items.map((i) => `  • ${stripControls(i)}`)].join('\n');
    case 'error':
      return `! ${stripControls(block.message)}${block.example === undefined ? '' : `\n  Example: ${block.example}`}`;
    case 'usage':
      return [block.usage, `  ${block.about}`, `  Example: ${block.example}`].map(stripControls).join('\n');
  }
}

/**
 * A reply as plain text: blocks separated by a blank line so stories stand apart, and its actions
 * (buttons elsewhere) as the commands to type.
 */
export function renderPlain(reply: Reply): string {
  const actions = (reply.actions ?? []).map((a) => `  → ${stripControls(a.label)}: ${a.run}`);
  return [...reply.blocks.map(blockText), ...(actions.length ? [actions.join('\n')] : [])].join('\n\n');
}
