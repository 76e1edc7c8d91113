import { errorReply, type Reply } from '../src/core/briefing/index.js';
import { briefCommand } from './brief.js';
import type { CommandDef } from './define.js';
import { digestCommand } from './digest.js';
import { createHelpCommand } from './help.js';
import { latestCommand } from './latest.js';
import { MAX_INPUT_LENGTH, parseCommandLine } from './parse.js';
import { regionsCommand } from './regions.js';
import { settingsCommand } from './settings.js';
import { sourcesCommand } from './sources.js';
import { subscribeCommand } from './subscribe.js';
import { subscriptionsCommand } from './subscriptions.js';
import { topicsCommand } from './topics.js';
import type { CommandContext } from './types.js';
import { unsubscribeCommand } from './unsubscribe.js';

export type { CommandDef } from './define.js';
export type { Access, ChatPlace, CommandContext, CommandServices, FetchArticleResult } from './types.js';
export { parseCommandLine } from './parse.js';

const helpCommand: CommandDef = createHelpCommand(() => COMMANDS);

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

/** The command of that name, if any. */
export function findCommand(name: string): CommandDef | undefined {
  return COMMANDS.find((c) => c.name === name.toLowerCase());
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

/** Runs a named command with typed words (chat) or a ready options object (slash commands). */
export async function runCommand(
  ctx: CommandContext,
  name: string,
  input: readonly string[] | Record<string, unknown>,
  onError: (failure: DispatchFailure) => void = () => undefined,
): Promise<Reply> {
  const command = findCommand(name);
  if (!command) return errorReply(`There is no command "${name.slice(0, 32)}".`, '/help');
  try {
    const prepared = command.prepare(input);
    if (!prepared.ok) return prepared.reply;
    if (prepared.access === 'moderator' && !(await ctx.isModerator())) {
      return errorReply(`Only this chat’s moderators (admins) can do that.`, `/help ${command.name}`);
    }
    return await prepared.run(ctx);
  } catch (error) {
    onError({ command: command.name, error });
    return errorReply('Something went wrong on our side; please try again in a moment.');
  }
}
