import { z } from 'zod';
import { errorReply } from '../src/core/briefing/index.js';
import { defineCommand, type CommandDef } from './define.js';

/** `/help [command]`, over whatever commands the registry holds. */
export function createHelpCommand(list: () => readonly CommandDef[], choices: readonly string[]): CommandDef {
  return defineCommand({
    name: 'help',
    description: 'What newsdesk can do',
    usage: '/help [command]',
    example: '/help latest',
    access: 'everyone',
    options: z.object({
      command: z.string().max(40, { error: 'No command has a name that long' }).optional(),
    }),
    fromWords: (words) => ({ command: words[0]?.replace(/^\//, '').toLowerCase() }),
    slash: {
      options: [
        {
          name: 'command',
          description: 'A command to explain',
          type: 'string',
          choices: choices.map((name) => ({ name, value: name })),
        },
      ],
      toInput: (v) => ({ command: v.command }),
    },
    handler(_ctx, { command }) {
      const commands = list();
      if (command !== undefined) {
        const found = commands.find((c) => c.name === command);
        if (!found) return Promise.resolve(errorReply(`There is no command "${command}".`, '/help'));
        const who = found.moderatorOnly ? ' (changes need a moderator)' : '';
        return Promise.resolve({
          blocks: [
            {
              kind: 'usage',
              usage: found.usage,
              about: `${found.description}${who}`,
              example: found.example,
            },
          ],
        });
      }
      const items = commands.map(
        (c) => `${c.usage}: ${c.description}${c.moderatorOnly ? ' (moderators)' : ''}`,
      );
      return Promise.resolve({ blocks: [{ kind: 'list', title: 'newsdesk commands', items }] });
    },
  });
}
