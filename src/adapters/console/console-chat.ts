import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { dispatch, type CommandServices, type DispatchFailure } from '../../../commands/index.js';
import type { Reply } from '../../core/briefing/index.js';
import type { ChatPlatform } from '../../platform.js';
import { renderPlain } from '../../render/index.js';
import type { Store } from '../../store/types.js';

/** What the terminal chat needs; streams are parameters so tests drive it without a terminal. */
export interface ConsoleChatOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly store: Store;
  readonly services: CommandServices;
  readonly now: () => Date;
  /** Show a greeting and a prompt (a person at a terminal); off for piped input. */
  readonly interactive: boolean;
  readonly onError: (failure: DispatchFailure) => void;
}

const GREETING = `newsdesk terminal chat. Type /help for the commands, /latest balkans to start, Ctrl-D to leave.\n`;

/**
 * A chat in the terminal that speaks the same commands as the bots, as the chat's moderator.
 * Lines are answered one at a time, in order; the chat ends at end of input (or /quit).
 */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { input, output, interactive } = options;
  const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const prompt = (): void => {
    if (interactive) output.write('newsdesk> ');
  };
  if (interactive) output.write(GREETING);
  prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line !== '') {
      const reply = await dispatch(
        {
          store: options.store,
          now: options.now(),
          chat: { platform: 'console', chatId: 'terminal', threadId: null },
          // Whoever sits at the terminal runs this instance: they are its moderator.
          isModerator: () => Promise.resolve(true),
          services: options.services,
        },
        line,
        options.onError,
      );
      output.write(`${renderPlain(reply)}\n\n`);
    }
    prompt();
  }
  lines.close();
}

/** The terminal as a chat platform: digests and notices addressed to it are printed. */
export function createConsolePlatform(output: Writable): ChatPlatform {
  let next = 1;
  const print = (reply: Reply): void => void output.write(`${renderPlain(reply)}\n\n`);
  return {
    name: 'console',
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    deliver(_to, reply) {
      print(reply);
      return Promise.resolve({ messageIds: [String(next++)] });
    },
    tellModerators(_to, reply) {
      print(reply);
      return Promise.resolve();
    },
  };
}
