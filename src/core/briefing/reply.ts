import type { Briefing } from './types.js';

/**
 * One part of a command's answer. Every string is plain text (renderers escape it), so a command
 * never needs to know which platform it answers on.
 */
export type ReplyBlock =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'list'; readonly title: string; readonly items: readonly string[] }
  | { readonly kind: 'briefing'; readonly briefing: Briefing }
  | { readonly kind: 'error'; readonly message: string; readonly example?: string }
  /**
   * How a command is used: its form, what it does and a working example. The form and the example
   * are the bot's own text, shown as is (the example as code, so a tap copies it).
   */
  | { readonly kind: 'usage'; readonly usage: string; readonly about: string; readonly example: string };

/** What a "More" control runs: the same command with the input of its next page. */
export interface NextPage {
  readonly command: string;
  readonly input: Readonly<Record<string, string | number | boolean>>;
}

/**
 * A button offered under a reply (a Telegram inline keyboard button): pressing it runs a command
 * line as if the one who pressed it had typed it, with the same checks (who may run it, flood
 * control). A platform without buttons shows nothing, so the reply's text must say what to type.
 */
export interface ReplyAction {
  /** What the button says (a few words). */
  readonly label: string;
  /** The command line it runs, as typed: `/latest balkans`. */
  readonly run: string;
}

/** A command's whole answer, platform-neutral. Renderers may split it between blocks, never inside one. */
export interface Reply {
  readonly blocks: readonly ReplyBlock[];
  /** There is more to see: a platform with buttons offers it. */
  readonly next?: NextPage;
  /** Buttons under the reply's last message, in order. */
  readonly actions?: readonly ReplyAction[];
  /** The actions answer a question: once one of them has run, the buttons go. */
  readonly choice?: boolean;
}

/** A reply of one paragraph. */
export function textReply(text: string): Reply {
  return { blocks: [{ kind: 'text', text }] };
}

/** A reply that says what went wrong and, where it helps, shows the right form. */
export function errorReply(message: string, example?: string): Reply {
  return {
    blocks: [example === undefined ? { kind: 'error', message } : { kind: 'error', message, example }],
  };
}
