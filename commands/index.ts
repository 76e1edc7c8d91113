import { errorReply, type Reply } from '../src/core/briefing/index.js';
import { briefCommand } from './brief.js';
import type { CommandDef } from './define.js';
import { digestCommand } from './digest.js';
import { createHelpCommand } from './help.js';
import { latestCommand } from './latest.js';
import { foldLookalikes } from './normalise.js';
import { MAX_INPUT_LENGTH, parseCommandLine, readChatLine, type ChatLine } from './parse.js';
import { regionsCommand } from './regions.js';
import { settingsCommand } from './settings.js';
import { sourcesCommand } from './sources.js';
import { startCommand } from './start.js';
import { subscribeCommand } from './subscribe.js';
import { subscriptionsCommand } from './subscriptions.js';
import { topicsCommand } from './topics.js';
import type { Access, CommandContext } from './types.js';
import { unsubscribeCommand } from './unsubscribe.js';

export type { CommandDef } from './define.js';
export type { SlashOption, SlashSpec, SlashSubcommand, SlashValues, SuggestionSource } from './slash.js';
export { describeSchedule, parseSchedule } from './schedule.js';
export type { Access, ChatPlace, CommandContext, CommandServices, FetchArticleResult } from './types.js';
export { parseCommandLine, type ChatLine } from './parse.js';
export { normaliseText } from './normalise.js';
export { digestForSubscription, type PreparedDigest } from './digest.js';
export { describeTarget } from './target.js';
export { WELCOME } from './start.js';

const helpCommand: CommandDef = createHelpCommand(
  () => COMMANDS,
  // Fixed here: the list is needed before COMMANDS exists, and help explains every command.
  [
    'latest',
    'brief',
    'subscribe',
    'unsubscribe',
    'subscriptions',
    'topics',
    'regions',
    'sources',
    'digest',
    'settings',
    'help',
  ],
);

/** Every command, in the order help and menus show them. */
export const COMMANDS: readonly CommandDef[] = [
  latestCommand,
  briefCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  topicsCommand,
  regionsCommand,
  sourcesCommand,
  digestCommand,
  settingsCommand,
  helpCommand,
];

/**
 * Commands that are answered but not offered: Telegram sends /start itself when someone opens the
 * bot (and shows its own Start button), so it is in no menu, no help list and not on Discord.
 */
const UNLISTED: readonly CommandDef[] = [startCommand];

function byName(name: string): CommandDef | undefined {
  return COMMANDS.find((c) => c.name === name) ?? UNLISTED.find((c) => c.name === name);
}

/**
 * The command of that name (or alias), if any; a name spelled with look-alike letters of another
 * script (`lateѕt` with a Cyrillic s) is recognised as the command it imitates.
 */
export function findCommand(name: string): CommandDef | undefined {
  return byName(name.toLowerCase()) ?? byName(foldLookalikes(name));
}

/** Reads a chat message for a bot named `botUsername`: one of our commands, another's, or text. */
export function readChatCommand(text: string, botUsername: string): ChatLine {
  return readChatLine(text, botUsername, (typed) => findCommand(typed)?.name);
}

/** The answer to a command that is not ours (asked of us, or in a private chat). */
export function unknownCommandReply(name: string): Reply {
  return errorReply(`There is no command "${name.slice(0, 32)}".`, '/help');
}

/** Something went wrong inside a handler: the caller logs it; the user gets a calm reply. */
export interface DispatchFailure {
  readonly command: string;
  readonly error: unknown;
}

/**
 * Runs one command line and always answers: wrong arguments, unknown commands, refused access and
 * handler failures all become replies. `onError` hears about failures (bugs, a store down).
 */
export async function dispatch(
  ctx: CommandContext,
  text: string,
  onError: (failure: DispatchFailure) => void = () => undefined,
): Promise<Reply> {
  if (text.length > MAX_INPUT_LENGTH) return errorReply('That message is too long for a command.', '/help');
  const line = parseCommandLine(text);
  if (!line) return errorReply('Commands start with a slash.', '/help');
  return runCommand(ctx, line.name, line.words, onError);
}

/** The reply to someone who is not a moderator trying a moderator's command. */
export function refusalReply(command: CommandDef): Reply {
  return errorReply(`Only this chat’s moderators (admins) can do that.`, `/help ${command.name}`);
}

/** The reply when a handler failed unexpectedly (the failure itself goes to the log). */
export const APOLOGY: Reply = errorReply('Something went wrong on our side; please try again in a moment.');

/** A command ready to run (its input checked), or the reply that says why it cannot. */
export type PreparedCommand =
  | {
      readonly ok: true;
      readonly command: CommandDef;
      readonly access: Access;
      readonly run: (ctx: CommandContext) => Promise<Reply>;
    }
  | { readonly ok: false; readonly reply: Reply };

/** Finds a command and checks its input, without running it (platforms may answer in between). */
export function prepareCommand(
  name: string,
  input: readonly string[] | Record<string, unknown>,
): PreparedCommand {
  const command = findCommand(name);
  if (!command) return { ok: false, reply: unknownCommandReply(name) };
  const prepared = command.prepare(input);
  return prepared.ok ? { ...prepared, command } : prepared;
}

/** Runs a named command with typed words (chat) or a ready options object (slash commands). */
export async function runCommand(
  ctx: CommandContext,
  name: string,
  input: readonly string[] | Record<string, unknown>,
  onError: (failure: DispatchFailure) => void = () => undefined,
): Promise<Reply> {
  try {
    const prepared = prepareCommand(name, input);
    if (!prepared.ok) return prepared.reply;
    if (prepared.access === 'moderator' && !(await ctx.isModerator())) return refusalReply(prepared.command);
    return await prepared.run(ctx);
  } catch (error) {
    onError({ command: findCommand(name)?.name ?? name, error });
    return APOLOGY;
  }
}
