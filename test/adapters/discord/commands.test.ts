import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { commandsPayload } from '../../../src/adapters/discord/index.js';
import { keyQuote, makeAnalysis, seedStory } from '../../commands/helpers/fixtures.js';
import { APP_ID } from '../../helpers/fake-discord.js';
import { NO_EMBEDS, startDiscordHarness, TEXT, TOKEN, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.stop());

const NATO_LEDE =
  'NATO Secretary General Jens Stoltenberg told leaders in Skopje that the alliance would keep its peacekeepers in Kosovo as tensions rose in the Western Balkans.';

async function seedNatoStory(): Promise<void> {
  await seedStory(
    h.store,
    makeAnalysis({
      title: 'NATO chief pledges to stay in the Western Balkans',
      lede: NATO_LEDE,
      countries: ['MK', 'XK', 'RS'],
      quotes: [
        keyQuote('We will not let the region slide back', 'Jens Stoltenberg', 'NATO secretary general'),
      ],
    }),
  );
}

describe('Discord bot: real discord.js against a fake gateway and REST server', () => {
  it('GIVEN the bot starts THEN it logs in with its token and registers exactly the commands/ set', async () => {
    h = await startDiscordHarness();
    const puts = h.fake.callsTo('PUT', /^\/applications\/\d+\/commands$/);
    expect(puts).toHaveLength(1);
    expect(puts[0]!.body).toEqual(JSON.parse(JSON.stringify(commandsPayload(COMMANDS))));
    expect(puts[0]!.path).toBe(`/applications/${APP_ID}/commands`);
    expect(puts[0]!.auth).toBe(`Bot ${TOKEN}`);
    expect(h.fake.identifies[0]!.intents).toBe(1); // Guilds only: no privileged intent
    expect(h.logs()).not.toContain(TOKEN);
  });

  it('GIVEN /latest region:balkans THEN it is deferred, then answered with an embed of the lede and the key quote', async () => {
    h = await startDiscordHarness();
    await seedNatoStory();
    const id = h.fake.interact('command', TEXT, {
      name: 'latest',
      options: [{ name: 'region', type: 3, value: 'balkans' }],
    });
    await h.fake.until(() => h.fake.answers(id).length === 1);
    // Deferred at once, publicly ("newsdesk is thinking…"), then the answer edits it.
    expect(h.fake.callbacks.get(id)?.map((c) => [c.type, c.data?.flags ?? 0])).toEqual([[5, 0]]);
    const [answer] = h.fake.answers(id);
    expect(answer!.interaction!.kind).toBe('original');
    expect(answer!.body.allowed_mentions).toEqual({ parse: [] });
    const [embed] = answer!.body.embeds;
    expect(embed.title).toBe('NATO chief pledges to stay in the Western Balkans');
    expect(embed.url).toMatch(/^https:\/\/news\.example\//);
    expect(embed.description).toContain('NATO Secretary General Jens Stoltenberg told leaders in Skopje');
    expect(embed.fields).toEqual([
      { name: 'Jens Stoltenberg, NATO secretary general', value: '“We will not let the region slide back”' },
    ]);
    expect(embed.footer.text).toContain('🇲🇰');
    expect(embed.footer.text).toContain('Kosovo');
    expect(embed.timestamp).toBe('2026-03-10T10:00:00.000Z');
  });

  it('GIVEN "bal" typed in the region option THEN The Balkans is offered first, 25 choices at most', async () => {
    h = await startDiscordHarness();
    const id = h.fake.interact('autocomplete', TEXT, {
      name: 'latest',
      options: [{ name: 'region', type: 3, value: 'bal', focused: true }],
    });
    await h.fake.until(() => (h.fake.callbacks.get(id) ?? []).length === 1);
    const [cb] = h.fake.callbacks.get(id)!;
    expect(cb.type).toBe(8);
    expect(cb.data.choices[0]).toEqual({ name: 'The Balkans', value: 'balkans' });
    expect(cb.data.choices.map((c: { value: string }) => c.value)).toContain('baltics');
    expect(cb.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('GIVEN a member without Manage Server THEN a moderator command is refused privately, even though Discord showed it', async () => {
    h = await startDiscordHarness();
    const id = h.fake.interact(
      'command',
      TEXT,
      {
        name: 'topics',
        options: [
          {
            name: 'add',
            type: 1,
            options: [
              { name: 'name', type: 3, value: 'ports' },
              { name: 'include', type: 3, value: 'port*' },
            ],
          },
        ],
      },
      'member',
    );
    await h.fake.until(() => (h.fake.callbacks.get(id) ?? []).length === 1);
    const [cb] = h.fake.callbacks.get(id)!;
    expect(cb.type).toBe(4);
    expect(cb.data.flags & 64).toBe(64);
    expect(cb.data.content).toContain('Only this chat’s moderators');
    expect(await h.store.topics.list({ platform: 'discord', chatId: '2000000000000000000' })).toEqual([]);
  });

  it('GIVEN /subscribe in a channel where the bot lacks Embed Links THEN it is refused naming that permission', async () => {
    h = await startDiscordHarness();
    const id = h.fake.interact('command', NO_EMBEDS, {
      name: 'subscribe',
      options: [{ name: 'region', type: 3, value: 'balkans' }],
    });
    await h.fake.until(() => h.fake.answers(id).some((m) => m.interaction!.kind === 'followup'));
    const [answer] = h.fake.answers(id);
    expect(answer!.body.flags & 64).toBe(64);
    expect(answer!.body.content).toContain('Embed Links');
    expect(answer!.body.content).toContain('#plain');
    expect(await h.store.subscriptions.all()).toEqual([]);
  });
});
