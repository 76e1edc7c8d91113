import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { commandsPayload } from '../../../src/adapters/discord/index.js';

type Option = {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: unknown[];
  options?: Option[];
};

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

function checkOptions(options: Option[], where: string): void {
  expect(options.length, where).toBeLessThanOrEqual(25);
  let optionalSeen = false;
  for (const o of options) {
    expect(o.name, where).toMatch(NAME);
    expect(o.description.length, `${where} ${o.name}`).toBeGreaterThanOrEqual(1);
    expect(o.description.length, `${where} ${o.name}`).toBeLessThanOrEqual(100);
    expect((o.choices ?? []).length).toBeLessThanOrEqual(25);
    if (o.type === 1) checkOptions(o.options ?? [], `${where} ${o.name}`);
    // Discord refuses a required option after an optional one.
    if (o.required) expect(optionalSeen, `${where} ${o.name} after an optional option`).toBe(false);
    else optionalSeen = true;
  }
}

describe('slash command registration from commands/', () => {
  it('GIVEN every command THEN its payload is within Discord limits: names 1-32, descriptions 1-100, 25 options, 25 choices', () => {
    const payload = commandsPayload(COMMANDS) as unknown as (Option & {
      default_member_permissions: string | null;
    })[];
    expect(payload.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const c of payload) {
      expect(c.name).toMatch(NAME);
      expect(c.description.length).toBeGreaterThanOrEqual(1);
      expect(c.description.length).toBeLessThanOrEqual(100);
      checkOptions(c.options ?? [], c.name);
    }
  });

  it('GIVEN commands whose every form changes something THEN only Manage Server sees them, and only in servers', () => {
    const payload = commandsPayload(COMMANDS);
    const byName = new Map(payload.map((c) => [c.name, c]));
    for (const name of ['subscribe', 'unsubscribe', 'digest']) {
      expect(byName.get(name)).toMatchObject({ default_member_permissions: '32', contexts: [0] });
    }
    for (const name of ['latest', 'topics', 'settings', 'help']) {
      expect(byName.get(name)).toMatchObject({ default_member_permissions: null, contexts: [0, 1] });
    }
  });

  it('GIVEN /help THEN its choices are exactly the commands', () => {
    const help = commandsPayload(COMMANDS).find((c) => c.name === 'help')!;
    const [option] = help.options as unknown as { choices: { value: string }[] }[];
    expect(option!.choices.map((c) => c.value)).toEqual(COMMANDS.map((c) => c.name));
  });

  it('GIVEN the subcommands THEN chat syntax words map to them (/topics list|add|remove, /settings show|timezone|size, /digest now)', () => {
    const subs = (name: string) =>
      (commandsPayload(COMMANDS).find((c) => c.name === name)!.options as unknown as Option[]).map((o) => [
        o.type,
        o.name,
      ]);
    expect(subs('topics')).toEqual([
      [1, 'list'],
      [1, 'add'],
      [1, 'remove'],
    ]);
    expect(subs('settings')).toEqual([
      [1, 'show'],
      [1, 'timezone'],
      [1, 'size'],
    ]);
    expect(subs('digest')).toEqual([[1, 'now']]);
  });
});
