export { createTelegramAdapter, type TelegramAdapter, type TelegramOptions } from './adapter.js';
export type { TelegramPlace } from './deliver.js';
export { createSendQueue, TELEGRAM_LIMITS, type SendLimits, type SendQueue } from './send-queue.js';
