import type { Writable } from 'node:stream';
import { REST, Routes } from 'discord.js';
import { COMMANDS } from '../../commands/index.js';
import { syncCommands } from '../adapters/discord/index.js';
import { loadConfig } from '../config.js';

/**
 * `newsdesk register-commands`: one bulk overwrite of the bot's slash commands, globally or, with
 * DISCORD_GUILD_ID, in one guild (instant, for development). The bot also does this at start when
 * the set changed; this is for a first install or a forced refresh. Returns the exit status.
 */
export async function registerCommandsCommand(out: Writable, err: Writable): Promise<number> {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) {
    err.write('newsdesk: register-commands needs DISCORD_TOKEN (the bot token from the Developer Portal)\n');
    return 2;
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
    config.DISCORD_TOKEN,
  );
  try {
    const app = (await rest.get(Routes.currentApplication())) as { id: string };
    const guildId = config.DISCORD_GUILD_ID;
    await syncCommands(rest, app.id, COMMANDS, { force: true, ...(guildId ? { guildId } : {}) });
    out.write(
      guildId
        ? `Registered ${COMMANDS.length} commands in guild ${guildId} (they show at once).\n`
        : `Registered ${COMMANDS.length} commands globally (Discord may take a few minutes to show them everywhere).\n`,
    );
    return 0;
  } catch (error) {
    // The message only: a REST error carries the request, and the request carries the token.
    const message = error instanceof Error ? error.message : String(error);
    err.write(
      `newsdesk: could not register the commands: ${message.split(config.DISCORD_TOKEN).join('[redacted]')}\n`,
    );
    return 1;
  }
}
