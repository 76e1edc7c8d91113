// Flood control on Discord, the same policy as on Telegram: real discord.js against the fake gateway
// and REST server, with Discord's real send pacing for digests and the default flood policy.
import { afterEach, describe, expect, it } from 'vitest';
import { DISCORD_SEND_LIMITS } from '../../../src/adapters/discord/index.js';
import { makeAnalysis, seedStory } from '../../commands/helpers/fixtures.js';
import { GUILD, startDiscordHarness, TEXT, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.stop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const latest = { name: 'latest', options: [{ name: 'region', type: 3, value: 'balkans' }] };

/** When the answer to an interaction (its edited original) reached the fake, if it did. */
function answeredAt(id: string): number | undefined {
  return h.fake.calls.find((c) => c.method === 'PATCH' && c.path.includes(`/tok-${id}/messages/@original`))
    ?.at;
}

describe('Discord flood control', () => {
  it('GIVEN 200 /latest from one member THEN a handful of answers and one private notice; the moderator’s /help during the burst is answered within 2 s; a digest due during the burst goes on time', async () => {
    h = await startDiscordHarness({ limits: DISCORD_SEND_LIMITS });
    await seedStory(h.store, makeAnalysis({ title: 'Dunavac port reopens' }));
    const burst: string[] = [];
    for (let i = 0; i < 100; i++) burst.push(h.fake.interact('command', TEXT, latest, 'member'));
    const helpAsked = Date.now();
    const help = h.fake.interact('command', TEXT, { name: 'help' }, 'moderator');
    for (let i = 0; i < 100; i++) burst.push(h.fake.interact('command', TEXT, latest, 'member'));
    const digestDue = Date.now();
    await h.adapter.deliver(
      { platform: 'discord', chatId: GUILD, threadId: TEXT },
      { blocks: [{ kind: 'text', text: 'The Balkans: 1 story' }] },
    );
    const digestSent = h.fake.callsTo('POST', new RegExp(`^/channels/${TEXT}/messages$`))[0]!.at;

    await h.fake.until(() => answeredAt(help) !== undefined);
    const helpAnswered = answeredAt(help)!;
    const callbacksOf = (id: string) => h.fake.callbacks.get(id) ?? [];
    const isNotice = (id: string) =>
      callbacksOf(id).some((c) => c.type === 4 && String(c.data.content).includes('a lot of commands'));
    await h.fake.until(() => burst.some(isNotice));
    await h.fake.until(() => burst.filter((id) => answeredAt(id) !== undefined).length === 5);
    // Give any straggler time to show up.
    await sleep(1_000);

    const answered = burst.filter((id) => answeredAt(id) !== undefined);
    const notices = burst.filter(isNotice);
    const silent = burst.filter((id) => callbacksOf(id).length === 0);
    expect(answered).toHaveLength(5);
    expect(notices).toHaveLength(1);
    expect(silent).toHaveLength(200 - 5 - 1);
    // The notice is private: only the member sees it.
    expect(callbacksOf(notices[0]!)[0].data.flags & 64).toBe(64);
    expect(JSON.stringify(h.fake.answers(answered[0]!)[0]!.body)).toContain('Dunavac port reopens');
    expect(JSON.stringify(h.fake.answers(help)[0]!.body)).toContain('newsdesk commands');
    expect(helpAnswered - helpAsked).toBeLessThan(2_000);
    expect(digestSent - digestDue).toBeLessThan(2_000);
    // Nothing of the burst reached the channel itself.
    expect(h.fake.posted(TEXT)).toHaveLength(1);
  });

  it('GIVEN a member over the limit pressing More THEN the press counts too and is not answered', async () => {
    h = await startDiscordHarness({
      flood: { member: { burst: 1, windowMs: 60_000 }, chat: { burst: 20, windowMs: 60_000 } },
    });
    for (let i = 0; i < 5; i++) await seedStory(h.store, makeAnalysis({ title: `Story ${i}` }), i + 1);
    const first = h.fake.interact(
      'command',
      TEXT,
      { ...latest, options: [...latest.options, { name: 'count', type: 4, value: 2 }] },
      'member',
    );
    await h.fake.until(() => h.fake.answers(first).length === 1);
    const button = h.fake.answers(first)[0]!.body.components[0].components[0];
    const press = h.fake.interact('button', TEXT, { custom_id: button.custom_id }, 'member');
    const again = h.fake.interact('button', TEXT, { custom_id: button.custom_id }, 'member');
    await h.fake.until(() => (h.fake.callbacks.get(press) ?? []).length === 1);
    await sleep(500);
    expect(h.fake.callbacks.get(press)![0].data.content).toContain('a lot of commands');
    expect(h.fake.callbacks.get(again)).toBeUndefined();
    // Someone else's press is answered.
    const other = h.fake.interact('button', TEXT, { custom_id: button.custom_id }, 'moderator');
    await h.fake.until(() => h.fake.answers(other).length === 1);
  });
});
