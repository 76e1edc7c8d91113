// Etiquette on Discord: slash commands are never unknown or plain text there, so what applies is
// clean input, per-member flood control (flood.test.ts), examples that copy, and the time zone choice.
import { afterEach, describe, expect, it } from 'vitest';
import { commandsPayload } from '../../../src/adapters/discord/registration.js';
import { COMMANDS } from '../../../commands/index.js';
import { makeAnalysis, seedStory } from '../../commands/helpers/fixtures.js';
import { GUILD, startDiscordHarness, TEXT, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.stop());

const latest = (region: string) => ({
  name: 'latest',
  options: [{ name: 'region', type: 3, value: region }],
});

describe('Discord: input hygiene', () => {
  it('GIVEN invisible characters, a NUL or full-width forms in an option THEN the command works as if typed plainly', async () => {
    h = await startDiscordHarness();
    await seedStory(h.store, makeAnalysis({ title: 'Dunavac port reopens' }));
    for (const typed of ['bal\u00adkans\u200b', 'balkans\u0000', 'ｂａｌｋａｎｓ', 'bal\u2060kans']) {
      const id = h.fake.interact('command', TEXT, latest(typed), 'member');
      await h.fake.until(() => h.fake.answers(id).length === 1);
      expect(h.fake.answers(id)[0]!.body.embeds[0].title).toBe('Dunavac port reopens');
    }
  });

  it('GIVEN a right-to-left override in an option THEN the answer never echoes it', async () => {
    h = await startDiscordHarness();
    const id = h.fake.interact('command', TEXT, latest('\u202eevil\u202c region'), 'member');
    await h.fake.until(() => h.fake.answers(id).some((m) => m.interaction!.kind === 'followup'));
    const text = JSON.stringify(h.fake.answers(id).map((m) => m.body));
    expect(text).toContain('Unknown region or topic \\"evil region\\"');
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
  });
});

describe('Discord: text that survives copying', () => {
  it('GIVEN /help subscribe THEN the example is inline code holding exactly the working command', async () => {
    h = await startDiscordHarness();
    const id = h.fake.interact('command', TEXT, {
      name: 'help',
      options: [{ name: 'command', type: 3, value: 'subscribe' }],
    });
    await h.fake.until(() => h.fake.answers(id).length === 1);
    const content = String(h.fake.answers(id)[0]!.body.content);
    expect(content).toContain('Example: `/subscribe balkans daily@08:00 Europe/Belgrade`');
    expect(content).not.toContain('\u2060');
  });
});

describe('Discord: the time zone choice', () => {
  const settingsTimezone = (zone: string, move: 'yes' | 'no') => ({
    name: 'settings',
    options: [
      {
        name: 'timezone',
        type: 1,
        options: [
          { name: 'zone', type: 3, value: zone },
          { name: 'move_subscriptions', type: 3, value: move },
        ],
      },
    ],
  });
  const server = { platform: 'discord' as const, chatId: GUILD };

  async function run(data: Record<string, unknown>): Promise<string> {
    const id = h.fake.interact('command', TEXT, data);
    await h.fake.until(() => h.fake.answers(id).length === 1);
    return String(h.fake.answers(id)[0]!.body.content);
  }

  it('GIVEN /settings timezone THEN whether existing subscriptions move is a required yes/no choice, and /start is not offered', () => {
    const settings = commandsPayload(COMMANDS).find((c) => c.name === 'settings')!;
    const timezone = (
      settings.options as unknown as { name: string; options: Record<string, unknown>[] }[]
    ).find((o) => o.name === 'timezone')!;
    expect(timezone.options[1]).toMatchObject({
      name: 'move_subscriptions',
      required: true,
      choices: [
        { name: expect.stringContaining('yes') as unknown, value: 'yes' },
        { name: expect.stringContaining('no') as unknown, value: 'no' },
      ],
    });
    expect(commandsPayload(COMMANDS).map((c) => c.name)).not.toContain('start');
  });

  it('GIVEN move_subscriptions yes THEN the server’s subscriptions move with their next digest; no THEN they keep their zone', async () => {
    h = await startDiscordHarness();
    await run({ name: 'subscribe', options: [{ name: 'region', type: 3, value: 'balkans' }] });
    expect((await h.store.subscriptions.forChat(server)).map((s) => s.timezone)).toEqual(['UTC']);

    const kept = await run(settingsTimezone('Asia/Tokyo', 'no'));
    expect(kept).toContain('These keep their own zones');
    expect((await h.store.subscriptions.forChat(server)).map((s) => s.timezone)).toEqual(['UTC']);
    expect((await h.store.chats.settings(server)).timezone).toBe('Asia/Tokyo');

    const moved = await run(settingsTimezone('Europe/Belgrade', 'yes'));
    expect(moved).toContain('Moved to Europe/Belgrade');
    expect(moved).toContain(
      'The Balkans, daily at 08:00 Europe/Belgrade in #general, next Wed 11 Mar, 08:00',
    );
    expect((await h.store.subscriptions.forChat(server)).map((s) => s.timezone)).toEqual(['Europe/Belgrade']);
  });

  it('GIVEN /settings timezone without the choice (a client with an older registration) THEN it asks with buttons: a member’s press is refused privately, the moderator’s answers and the buttons go', async () => {
    h = await startDiscordHarness();
    await run({ name: 'subscribe', options: [{ name: 'region', type: 3, value: 'balkans' }] });
    const asked = h.fake.interact('command', TEXT, {
      name: 'settings',
      options: [
        { name: 'timezone', type: 1, options: [{ name: 'zone', type: 3, value: 'Europe/Belgrade' }] },
      ],
    });
    await h.fake.until(() => h.fake.answers(asked).length === 1);
    const question = h.fake.answers(asked)[0]!.body;
    expect(String(question.content)).toContain('move it to Europe/Belgrade too');
    const buttons = question.components[0].components as { label: string; custom_id: string }[];
    expect(buttons.map((b) => b.label)).toEqual(['Move to Europe/Belgrade', 'Keep as they are']);

    const refused = h.fake.interact('button', TEXT, { custom_id: buttons[0]!.custom_id }, 'member');
    await h.fake.until(() => (h.fake.callbacks.get(refused) ?? []).length === 1);
    const [refusal] = h.fake.callbacks.get(refused)!;
    expect(refusal.type).toBe(4);
    expect(refusal.data.flags & 64).toBe(64);
    expect(refusal.data.content).toContain('moderators');
    expect((await h.store.subscriptions.forChat(server)).map((s) => s.timezone)).toEqual(['UTC']);

    const pressed = h.fake.interact('button', TEXT, { custom_id: buttons[0]!.custom_id }, 'moderator');
    await h.fake.until(() => h.fake.answers(pressed).length === 1);
    // The question's buttons went (the pressed message updated with none), and the answer followed.
    expect(h.fake.callbacks.get(pressed)![0]).toMatchObject({ type: 7, data: { components: [] } });
    expect(String(h.fake.answers(pressed)[0]!.body.content)).toContain('Moved to Europe/Belgrade');
    expect((await h.store.subscriptions.forChat(server)).map((s) => s.timezone)).toEqual(['Europe/Belgrade']);
  });
});
