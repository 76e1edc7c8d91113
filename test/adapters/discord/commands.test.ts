import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { commandsPayload } from '../../../src/adapters/discord/index.js';
import { keyQuote, makeAnalysis, seedStory } from '../../commands/helpers/fixtures.js';
import { APP_ID } from '../../helpers/fake-discord.js';
import { FORUM, GUILD, NO_EMBEDS, startDiscordHarness, TEXT, TOKEN, type Harness } from './harness.js';

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

  it('GIVEN more stories than asked for THEN a More button pages on, and an old button is answered politely', async () => {
    h = await startDiscordHarness();
    for (let i = 0; i < 5; i++) await seedStory(h.store, makeAnalysis({ title: `Story ${i}` }), i + 1);
    const id = h.fake.interact('command', TEXT, {
      name: 'latest',
      options: [
        { name: 'region', type: 3, value: 'balkans' },
        { name: 'count', type: 4, value: 2 },
      ],
    });
    await h.fake.until(() => h.fake.answers(id).length === 1);
    const [first] = h.fake.answers(id);
    expect(first!.body.embeds.map((e: { title: string }) => e.title)).toEqual(['Story 0', 'Story 1']);
    const button = first!.body.components[0].components[0];
    expect(button.label).toBe('More');
    expect(button.custom_id.length).toBeLessThanOrEqual(100);

    const press = h.fake.interact('button', TEXT, { custom_id: button.custom_id }, 'member');
    await h.fake.until(() => h.fake.answers(press).length === 1);
    // The pressed button goes (the old page stays), and the next page follows with its own button.
    expect(h.fake.callbacks.get(press)![0]).toMatchObject({ type: 7, data: { components: [] } });
    const [second] = h.fake.answers(press);
    expect(second!.body.embeds.map((e: { title: string }) => e.title)).toEqual(['Story 2', 'Story 3']);
    expect(second!.body.components).toHaveLength(1);

    const stale = button.custom_id.replace(/^more:[0-9a-z]+:/, 'more:1:');
    const old = h.fake.interact('button', TEXT, { custom_id: stale }, 'member');
    await h.fake.until(() => (h.fake.callbacks.get(old) ?? []).length === 1);
    const [expired] = h.fake.callbacks.get(old)!;
    expect(expired.type).toBe(4);
    expect(expired.data.flags & 64).toBe(64);
    expect(expired.data.content).toContain('expired');
  });

  it('GIVEN an unknown region THEN the answer is private, with the usage and an example', async () => {
    h = await startDiscordHarness();
    const id = h.fake.interact('command', TEXT, {
      name: 'latest',
      options: [{ name: 'region', type: 3, value: 'balkns' }],
    });
    await h.fake.until(() => h.fake.answers(id).some((m) => m.interaction!.kind === 'followup'));
    const answers = h.fake.answers(id);
    // The public "thinking…" was removed; only the asker sees the correction.
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body.flags & 64).toBe(64);
    expect(answers[0]!.body.content).toContain('Did you mean balkans');
    expect(answers[0]!.body.content).toContain('`/latest balkans`');
    expect(h.fake.callsTo('DELETE', /messages\/@original$/)).toHaveLength(1);
  });

  it('GIVEN a handler that fails THEN the interaction gets a short apology and the log has its id, never a stack in chat', async () => {
    h = await startDiscordHarness();
    h.store.articles.stories = () => Promise.reject(new Error('database is on fire'));
    const id = h.fake.interact('command', TEXT, {
      name: 'latest',
      options: [{ name: 'region', type: 3, value: 'balkans' }],
    });
    await h.fake.until(() => h.fake.answers(id).length === 1);
    const text = JSON.stringify(h.fake.answers(id)[0]!.body);
    expect(text).toContain('Something went wrong on our side');
    expect(text).not.toContain('on fire');
    expect(h.logs()).toContain(id);
    expect(h.logs()).toContain('database is on fire');
  });

  it('GIVEN /subscribe with a forum channel option THEN the subscription delivers into that forum', async () => {
    h = await startDiscordHarness();
    const id = h.fake.interact('command', TEXT, {
      name: 'subscribe',
      options: [
        { name: 'region', type: 3, value: 'balkans' },
        { name: 'schedule', type: 3, value: 'daily@07:30' },
        { name: 'timezone', type: 3, value: 'Europe/Belgrade' },
        { name: 'channel', type: 7, value: FORUM },
      ],
    });
    await h.fake.until(() => h.fake.answers(id).length === 1);
    expect(h.fake.answers(id)[0]!.body.content).toContain(
      '#digests now gets The Balkans daily at 07:30 (Europe/Belgrade)',
    );
    expect(await h.store.subscriptions.all()).toMatchObject([
      {
        platform: 'discord',
        chatId: GUILD,
        threadId: FORUM,
        schedule: '30 7 * * *',
        timezone: 'Europe/Belgrade',
      },
    ]);
  });
});
