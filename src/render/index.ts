export {
  briefingEmbed,
  DISCORD_LIMITS,
  embedSize,
  escapeDiscord,
  regionColour,
  renderDiscord,
  type DiscordEmbed,
  type DiscordMessage,
} from './discord.js';
export { escapeHtml, neutraliseMentions, safeText, safeUrl } from './escape.js';
export { briefingText, renderPlain } from './plain-text.js';
export { packBlocks, TELEGRAM_MESSAGE_LIMIT, type PackedMessage } from './split.js';
export { briefingHtml, renderTelegram, type LinkPreview, type TelegramMessage } from './telegram-html.js';
export { truncateHtml } from './truncate-html.js';
