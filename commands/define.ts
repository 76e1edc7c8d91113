import type { z } from 'zod';
import { errorReply, type Reply } from '../src/core/briefing/index.js';
import type { SlashSpec } from './slash.js';
import type { Access, CommandContext } from './types.js';

/** How a command is written: its options are checked by a zod schema before its handler runs. */
export interface CommandSpec<O> {
  readonly name: string;
  readonly description: string;
  /** The form of the command, e.g. `/latest <region|topic> [count]`. */
  readonly usage: string;
  /** A working example, shown with every argument error. */
  readonly example: string;
  /** Who may run it; a function when it depends on the options (`topics list` vs `topics add`). */
  readonly access: Access | ((options: O) => Access);
  readonly options: z.ZodType<O>;
  /** Turns the words typed after the command into the raw options object the schema checks. */
  readonly fromWords: (words: readonly string[]) => Record<string, unknown>;
  /** The same command as a native slash command (Discord). */
  readonly slash: SlashSpec;
  readonly handler: (ctx: CommandContext, options: O) => Promise<Reply>;
}

/** A prepared invocation: checked options, who may run it, and the handler bound to them. */
export type Prepared =
  | { readonly ok: true; readonly access: Access; readonly run: (ctx: CommandContext) => Promise<Reply> }
  | { readonly ok: false; readonly reply: Reply };

/** A command as the registry holds it, its option type hidden behind `prepare`. */
export interface CommandDef {
  readonly name: string;
  readonly description: string;
  readonly usage: string;
  readonly example: string;
  /** The most any form of the command requires (for menus: is it a moderator command at all?). */
  readonly moderatorOnly: boolean;
  /** Every form of the command needs a moderator (so platforms may hide it from everyone else). */
  readonly alwaysModerator: boolean;
  readonly slash: SlashSpec;
  /** Checks typed words (chat) or a ready options object (slash commands) against the schema. */
  prepare(input: readonly string[] | Record<string, unknown>): Prepared;
}

/** Registers a command written as a `CommandSpec`. */
export function defineCommand<O>(
  spec: CommandSpec<O>,
  moderatorOnly = spec.access === 'moderator',
): CommandDef {
  return {
    name: spec.name,
    description: spec.description,
    usage: spec.usage,
    example: spec.example,
    moderatorOnly,
    alwaysModerator: spec.access === 'moderator',
    slash: spec.slash,
    prepare(input) {
      const raw = Array.isArray(input) ? spec.fromWords(input as readonly string[]) : input;
      const parsed = spec.options.safeParse(raw);
      if (!parsed.success) {
        const message = parsed.error.issues[0]?.message ?? 'those arguments do not fit';
        return { ok: false, reply: errorReply(`${message}. Usage: ${spec.usage}`, spec.example) };
      }
      const options = parsed.data;
      const access = typeof spec.access === 'function' ? spec.access(options) : spec.access;
      return { ok: true, access, run: (ctx) => spec.handler(ctx, options) };
    },
  };
}
