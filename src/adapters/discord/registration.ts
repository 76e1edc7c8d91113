import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  Routes,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandDef, SlashOption } from '../../../commands/index.js';

/** Where digests can go: text and announcement channels, their threads, forum and media channels. */
export const DIGEST_CHANNEL_TYPES = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
  ChannelType.GuildForum,
  ChannelType.GuildMedia,
] as const;

const OPTION_TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  role: ApplicationCommandOptionType.Role,
  channel: ApplicationCommandOptionType.Channel,
} as const;

function optionPayload(o: SlashOption): APIApplicationCommandBasicOption {
  const base = {
    name: o.name,
    description: o.description,
    required: o.required === true,
  };
  switch (o.type) {
    case 'string': {
      const string = {
        ...base,
        type: OPTION_TYPES.string,
        ...(o.maxLength === undefined ? {} : { max_length: o.maxLength }),
      };
      if (o.autocomplete) return { ...string, autocomplete: true };
      return o.choices
        ? { ...string, choices: o.choices.map((c) => ({ name: c.name, value: c.value })) }
        : string;
    }
    case 'integer':
      return {
        ...base,
        type: OPTION_TYPES.integer,
        ...(o.min === undefined ? {} : { min_value: o.min }),
        ...(o.max === undefined ? {} : { max_value: o.max }),
      };
    case 'channel':
      return { ...base, type: OPTION_TYPES.channel, channel_types: [...DIGEST_CHANNEL_TYPES] };
    case 'boolean':
      return { ...base, type: OPTION_TYPES.boolean };
    case 'role':
      return { ...base, type: OPTION_TYPES.role };
  }
}

/** Discord wants required options before optional ones; the specs' own order is kept otherwise. */
function options(list: readonly SlashOption[]): APIApplicationCommandBasicOption[] {
  return [...list.filter((o) => o.required), ...list.filter((o) => !o.required)].map(optionPayload);
}

/** The registration payload of one command, from its platform-free definition. */
export function commandPayload(c: CommandDef): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const subcommands = c.slash.subcommands;
  const opts: APIApplicationCommandOption[] = subcommands
    ? subcommands.map((s) => ({
        type: ApplicationCommandOptionType.Subcommand,
        name: s.name,
        description: s.description,
        options: options(s.options),
      }))
    : options(c.slash.options ?? []);
  return {
    name: c.name,
    description: c.description,
    options: opts,
    // Commands every form of which changes something: only members who can manage the server see
    // them, and only in servers. The handler checks the member's permissions again, since server
    // admins can change who sees a command.
    default_member_permissions: c.alwaysModerator ? String(PermissionFlagsBits.ManageGuild) : null,
    contexts: c.alwaysModerator
      ? [InteractionContextType.Guild]
      : [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

/** The whole set, as a bulk overwrite sends it. */
export function commandsPayload(
  commands: readonly CommandDef[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map(commandPayload);
}

/** Whether `actual` holds every value `wanted` sets (Discord adds ids, versions and defaults). */
function holds(actual: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted)) {
    return (
      Array.isArray(actual) && actual.length === wanted.length && wanted.every((w, i) => holds(actual[i], w))
    );
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    const a = actual as Record<string, unknown>;
    return Object.entries(wanted).every(([k, w]) => {
      // Discord leaves out `required: false`, empty option lists and a null permission set.
      if (a[k] === undefined && (w === false || w === null || (Array.isArray(w) && w.length === 0)))
        return true;
      return holds(a[k], w);
    });
  }
  return actual === wanted;
}

/** Where a set of commands is registered: globally, or in one guild (instant; for development). */
export function commandsRoute(applicationId: string, guildId?: string): `/${string}` {
  return guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
}

/**
 * Registers the commands with one bulk overwrite, unless Discord already has exactly this set
 * (`force` registers anyway). Returns whether it wrote.
 */
export async function syncCommands(
  rest: REST,
  applicationId: string,
  commands: readonly CommandDef[],
  options: { readonly guildId?: string; readonly force?: boolean } = {},
): Promise<boolean> {
  const route = commandsRoute(applicationId, options.guildId);
  const wanted = commandsPayload(commands);
  if (!options.force) {
    const current = (await rest.get(route)) as unknown[];
    const byName = new Map(current.map((c) => [(c as { name?: string }).name ?? '', c] as const));
    if (current.length === wanted.length && wanted.every((w) => holds(byName.get(w.name), w))) return false;
  }
  await rest.put(route, { body: wanted });
  return true;
}
