export {
  createDiscordAdapter,
  DISCORD_SEND_LIMITS,
  type DiscordAdapter,
  type DiscordOptions,
  type DiscordStats,
} from './adapter.js';
export { commandPayload, commandsPayload, commandsRoute, syncCommands } from './registration.js';
