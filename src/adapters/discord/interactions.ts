import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type CommandInteractionOption,
  type InteractionReplyOptions,
  type Interaction,
} from 'discord.js';
import {
  APOLOGY,
  findCommand,
  normaliseText,
  parseCommandLine,
  prepareCommand,
  refusalReply,
  type ChatPlace,
  type CommandContext,
  type CommandServices,
  type SlashValues,
} from '../../../commands/index.js';
import { errorReply, type Reply } from '../../core/briefing/index.js';
import type { Logger } from '../../log.js';
import { renderDiscord, type DiscordMessage } from '../../render/index.js';
import type { Store } from '../../store/types.js';
import { floodNotice, type FloodGate } from '../shared/flood-gate.js';
import { actionButtons, readActionButton } from './actions.js';
import { focusedOption, type Suggester } from './autocomplete.js';
import { messageBody } from './deliver.js';
import { moreButtonId, readMoreButton } from './more.js';
import { botAccess, deliveryProblem } from './permissions.js';

/** What answering interactions needs. */
export interface InteractionDeps {
  readonly client: Client;
  readonly store: Store;
  readonly services: CommandServices;
  readonly log: Logger;
  readonly suggester: Suggester;
  readonly now: () => Date;
  /** Flood control of commands and button presses, per member of a server and per channel. */
  readonly gate: FloodGate;
  /** Reports how long a command took (for metrics), by command name. */
  readonly onCommand?: (command: string, ms: number) => void;
}

/** Where an interaction happened, as commands see it: the server and its channel, or a DM. */
export function placeOf(i: Interaction, channelId: string | null = i.channelId): ChatPlace {
  if (i.guildId !== null) return { platform: 'discord', chatId: i.guildId, threadId: channelId };
  return { platform: 'discord', chatId: channelId ?? i.user.id, threadId: null };
}

/** A moderator manages the server; in a DM, one is one's own moderator. */
function isModerator(i: Interaction): boolean {
  if (!i.inGuild()) return true;
  return i.memberPermissions.has(PermissionFlagsBits.ManageGuild);
}

/** The typed values of a slash command (and its subcommand), by option name. */
function slashValues(i: ChatInputCommandInteraction): { values: SlashValues; subcommand: string | null } {
  const subcommand = i.options.getSubcommand(false);
  const top: readonly CommandInteractionOption[] = i.options.data;
  const list = subcommand === null ? top : (top[0]?.options ?? []);
  const values: Record<string, string | number | boolean> = {};
  // Typed text is cleaned as chat commands are: no invisible or bidirectional characters get through.
  for (const o of list)
    if (o.value !== undefined && o.value !== null)
      values[o.name] = typeof o.value === 'string' ? normaliseText(o.value) : o.value;
  return { values, subcommand };
}

const isRefusal = (reply: Reply): boolean =>
  reply.blocks.length > 0 && reply.blocks.every((b) => b.kind === 'error');

/** A rendered message as an interaction reply: no one pinged, and the "More" button on the last. */
function replyOptions(message: DiscordMessage, components: ActionRowBuilder<ButtonBuilder>[] = []) {
  const body = messageBody(message);
  return {
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    allowedMentions: { parse: [] },
    components,
  };
}

/** The buttons under a reply's last message: its actions, then "More" when there is a next page. */
function buttonRows(reply: Reply, now: Date): ActionRowBuilder<ButtonBuilder>[] {
  const buttons = actionButtons(reply).map((b) =>
    new ButtonBuilder().setCustomId(b.customId).setLabel(b.label).setStyle(ButtonStyle.Primary),
  );
  const id = reply.next ? moreButtonId(reply.next, now) : null;
  if (id !== null && buttons.length < 5)
    buttons.push(new ButtonBuilder().setCustomId(id).setLabel('More').setStyle(ButtonStyle.Secondary));
  return buttons.length === 0 ? [] : [new ActionRowBuilder<ButtonBuilder>().addComponents(...buttons)];
}

/** Answers only the one who asked (argument errors, refusals). */
async function answerPrivately(
  i: ChatInputCommandInteraction | ButtonInteraction,
  reply: Reply,
): Promise<void> {
  const [first] = renderDiscord(reply);
  const options: InteractionReplyOptions = {
    ...replyOptions(first ?? { content: '…', embeds: [] }),
    flags: MessageFlags.Ephemeral,
  };
  if (i.deferred || i.replied) await i.followUp(options);
  else await i.reply(options);
}

/** Sends a deferred interaction's answer: the first message edits the "thinking…" one. */
async function answerDeferred(
  i: ChatInputCommandInteraction | ButtonInteraction,
  reply: Reply,
  now: Date,
  edit: boolean,
): Promise<void> {
  if (isRefusal(reply)) {
    // A refusal found only after deferring (an unknown region): shown to the one who asked alone.
    if (edit) await i.deleteReply().catch(() => undefined);
    await answerPrivately(i, reply);
    return;
  }
  const messages = renderDiscord(reply);
  for (const [index, message] of messages.entries()) {
    const last = index === messages.length - 1;
    const options = replyOptions(message, last ? buttonRows(reply, now) : []);
    if (index === 0 && edit) await i.editReply(options);
    else await i.followUp(options);
  }
}

function contextFor(deps: InteractionDeps, i: Interaction, place: ChatPlace, now: Date): CommandContext {
  const { client, store, services } = deps;
  return {
    store,
    now,
    chat: place,
    isModerator: () => Promise.resolve(isModerator(i)),
    services,
    describePlace: (id) => {
      const channel = client.channels.cache.get(id);
      return channel && 'name' in channel && channel.name ? `#${channel.name}` : `channel ${id}`;
    },
    async checkDelivery(need) {
      const id = place.threadId ?? place.chatId;
      if (!i.inGuild()) return null;
      // Where the command was typed, Discord says what the bot may do; elsewhere the cache does.
      const access = await botAccess(client, id);
      if (!access) return 'I can’t see that channel.';
      if (id === i.channelId && i.appPermissions)
        return deliveryProblem({ ...access, permissions: i.appPermissions }, need);
      return deliveryProblem(access, need);
    },
  };
}

/**
 * Whether a member's command (or button press) is answered. Over the allowance, the member gets one
 * private notice; after that no answer at all until the window passes (Discord then tells only that
 * member that the app did not respond), so a burst costs the bot no calls and the channel nothing.
 */
async function admitted(
  deps: InteractionDeps,
  i: ChatInputCommandInteraction | ButtonInteraction,
): Promise<boolean> {
  const member = `${i.guildId ?? 'dm'}:${i.user.id}`;
  const verdict = deps.gate.check(member, i.inGuild() ? i.channelId : null);
  if (verdict.kind === 'allow') return true;
  if (verdict.kind === 'notice') {
    deps.log.info(
      { guildId: i.guildId, channelId: i.channelId, scope: verdict.scope, retryInMs: verdict.retryInMs },
      'flood control',
    );
    await answerPrivately(i, floodNotice(verdict));
  }
  return false;
}

/** A slash command: checked, refused privately, or deferred and answered from the store. */
export async function handleCommand(deps: InteractionDeps, i: ChatInputCommandInteraction): Promise<void> {
  const started = Date.now();
  if (!(await admitted(deps, i))) return;
  const command = findCommand(i.commandName);
  const { values, subcommand } = slashValues(i);
  // A channel option that names where the command acts is the place, not an option.
  const placeOption = command?.slash.options?.find((o) => o.place)?.name;
  const placeChannel = placeOption === undefined ? undefined : values[placeOption];
  const place = placeOf(i, typeof placeChannel === 'string' ? placeChannel : i.channelId);
  const input = command ? command.slash.toInput(values, subcommand) : {};
  const prepared = prepareCommand(i.commandName, input);
  if (!prepared.ok) return answerPrivately(i, prepared.reply);
  if (prepared.access === 'moderator' && !isModerator(i)) {
    return answerPrivately(
      i,
      i.inGuild() ? refusalReply(prepared.command) : errorReply('That works in a server.'),
    );
  }
  // Anything may read the store or the network: say "thinking…" at once, within Discord's 3 s.
  await i.deferReply();
  const now = deps.now();
  let reply: Reply;
  try {
    reply = await prepared.run(contextFor(deps, i, place, now));
    if (prepared.command.name === 'topics') deps.suggester.forget(place);
  } catch (error) {
    deps.log.error({ err: error, interactionId: i.id, command: i.commandName }, 'discord command failed');
    reply = APOLOGY;
  }
  await answerDeferred(i, reply, now, true);
  deps.onCommand?.(prepared.command.name, Date.now() - started);
}

/**
 * A button of a reply's actions: its command line runs for the one who pressed, with the same checks
 * as a typed command. A refusal is shown to them alone; a choice's buttons go once it is answered.
 */
async function handleActionButton(
  deps: InteractionDeps,
  i: ButtonInteraction,
  action: { line: string; choice: boolean },
): Promise<void> {
  if (!(await admitted(deps, i))) return;
  const line = parseCommandLine(action.line);
  if (!line) return answerPrivately(i, errorReply('That button no longer works; try /help.'));
  const prepared = prepareCommand(line.name, line.words);
  if (!prepared.ok) return answerPrivately(i, prepared.reply);
  if (prepared.access === 'moderator' && !isModerator(i))
    return answerPrivately(i, refusalReply(prepared.command));
  if (action.choice) await i.update({ components: [] });
  else await i.deferReply();
  const now = deps.now();
  const reply = await pressed(deps, i, prepared.run, now);
  await answerDeferred(i, reply, now, !action.choice);
}

/** What a pressed button's command answers; an unexpected error is logged and apologised for. */
async function pressed(
  deps: InteractionDeps,
  i: ButtonInteraction,
  run: (ctx: ReturnType<typeof contextFor>) => Promise<Reply>,
  now: Date,
): Promise<Reply> {
  try {
    return await run(contextFor(deps, i, placeOf(i), now));
  } catch (error) {
    deps.log.error({ err: error, interactionId: i.id }, 'discord button failed');
    return APOLOGY;
  }
}

/** A "More" button: the old button goes, and the next page follows as a new message. */
export async function handleButton(deps: InteractionDeps, i: ButtonInteraction): Promise<void> {
  const action = readActionButton(i.customId);
  if (action) return handleActionButton(deps, i, action);
  const now = deps.now();
  const next = readMoreButton(i.customId, now);
  if (next === null) return;
  if (!(await admitted(deps, i))) return;
  if (next === 'expired') {
    await i.reply({
      content: 'That list has expired; ask again with /latest.',
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  const prepared = prepareCommand(next.command, next.input);
  if (!prepared.ok) return answerPrivately(i, prepared.reply);
  if (prepared.access === 'moderator' && !isModerator(i))
    return answerPrivately(i, refusalReply(prepared.command));
  await i.update({ components: [] });
  const reply = await pressed(deps, i, prepared.run, now);
  await answerDeferred(i, reply, now, false);
}

/** Suggestions for the option being typed, 25 at most, from memory. */
export async function handleAutocomplete(deps: InteractionDeps, i: AutocompleteInteraction): Promise<void> {
  const focused = i.options.getFocused(true);
  const option = focusedOption(i.commandName, i.options.getSubcommand(false), focused.name);
  if (!option?.autocomplete) return i.respond([]);
  const typed = normaliseText(String(focused.value));
  const choices = await deps.suggester.suggest(option.autocomplete, typed, placeOf(i));
  await i.respond(choices.map((c) => ({ name: c.name, value: c.value })));
}
