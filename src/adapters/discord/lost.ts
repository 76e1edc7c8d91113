import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { DestinationLostError } from '../../platform.js';

// Answers that mean the bot cannot reach a channel any more: calling it again would only fail
// again, and Discord bans a bot after 10,000 invalid requests in 10 minutes.
const LOST: ReadonlyMap<number, string> = new Map([
  [RESTJSONErrorCodes.UnknownChannel, 'the channel no longer exists (Unknown Channel)'],
  [RESTJSONErrorCodes.UnknownGuild, 'the bot is no longer in that server (Unknown Guild)'],
  [RESTJSONErrorCodes.MissingAccess, 'the bot can no longer see the channel (Missing Access)'],
  [RESTJSONErrorCodes.MissingPermissions, 'the bot lacks a permission it needs there (Missing Permissions)'],
  [RESTJSONErrorCodes.CannotSendMessagesToThisUser, 'the user does not accept messages from the bot'],
]);

/** A Discord error turned into `DestinationLostError` when it means the channel is gone for us. */
export function lostOrSame(error: unknown): unknown {
  if (error instanceof DiscordAPIError && typeof error.code === 'number') {
    const reason = LOST.get(error.code);
    if (reason) return new DestinationLostError(`Discord: ${reason}`, { cause: error });
  }
  return error;
}
