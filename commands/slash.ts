// Native slash commands (Discord), described once beside each chat command and platform-free: the
// adapter turns these into its registration payload and its typed options back into the input the
// command's schema checks, so a command exists once whatever the syntax it is typed in.

/** Where an option's suggestions come from, as the user types. */
export type SuggestionSource = 'target' | 'topic' | 'timezone' | 'schedule' | 'subscription';

/** One typed option of a slash command. */
export interface SlashOption {
  /** 1-32 lowercase letters, digits, - or _. */
  readonly name: string;
  /** 1-100 characters. */
  readonly description: string;
  readonly type: 'string' | 'integer' | 'boolean' | 'role' | 'channel';
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  /** Fixed choices (25 at most); the user cannot type anything else. */
  readonly choices?: readonly { readonly name: string; readonly value: string }[];
  /** Suggestions as the user types; the value is still checked by the command, never trusted. */
  readonly autocomplete?: SuggestionSource;
  /**
   * A channel option that names where the command acts (default: where it is typed); the adapter
   * reads it into the command's place rather than into its options.
   */
  readonly place?: boolean;
}

/** A subcommand: `/topics add`, `/settings timezone`. */
export interface SlashSubcommand {
  readonly name: string;
  readonly description: string;
  readonly options: readonly SlashOption[];
}

/** The values a user gave, by option name (roles and channels as their ids). */
export type SlashValues = Readonly<Record<string, string | number | boolean>>;

/** How a command is offered as a native slash command. */
export interface SlashSpec {
  /** The options of a command without subcommands. */
  readonly options?: readonly SlashOption[];
  /** Or its subcommands (a command has one or the other). */
  readonly subcommands?: readonly SlashSubcommand[];
  /** The raw input the command's schema checks, from the typed values (and the subcommand's name). */
  readonly toInput: (values: SlashValues, subcommand: string | null) => Record<string, unknown>;
}

/** A comma-separated list as typed in one slash option ("elect*, vote") → its phrases. */
export function commaList(value: string | number | boolean | undefined): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter((p) => p !== '');
}

/** The option a command without typed options has. */
export const NO_OPTIONS: SlashSpec = { options: [], toInput: () => ({}) };
