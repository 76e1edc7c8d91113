import type { Api } from 'grammy';
import type { CommandDef } from '../../../commands/index.js';

/**
 * Registers the command menu: everyday commands for everyone, and all of them for chat
 * administrators. The menu only shapes what people see; handlers still check who may run what.
 */
export async function registerMenus(api: Api, commands: readonly CommandDef[]): Promise<void> {
  const entry = (c: CommandDef) => ({ command: c.name, description: c.description.slice(0, 256) });
  // Commands with a form anyone may use (/topics list, /settings) stay in everyone's menu.
  const everyone = commands.filter((c) => !c.alwaysModerator);
  await api.setMyCommands(everyone.map(entry), { scope: { type: 'default' } });
  await api.setMyCommands(commands.map(entry), { scope: { type: 'all_chat_administrators' } });
}
