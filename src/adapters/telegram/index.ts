export {
  createTelegramAdapter,
  TELEGRAM_LIMITS,
  type TelegramAdapter,
  type TelegramOptions,
} from './adapter.js';
export type { TelegramPlace } from './deliver.js';
