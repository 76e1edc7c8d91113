// Etiquette on Discord: slash commands are never unknown or plain text there, so what applies is
// clean input, per-member flood control (flood.test.ts) and the time zone choice.
import { afterEach, describe, expect, it } from 'vitest';
import { makeAnalysis, seedStory } from '../../commands/helpers/fixtures.js';
import { startDiscordHarness, TEXT, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.stop());

const latest = (region: string) => ({
  name: 'latest',
  options: [{ name: 'region', type: 3, value: region }],
});

describe('Discord: input hygiene', () => {
  it('GIVEN invisible characters in an option THEN the command works as if typed plainly', async () => {
    h = await startDiscordHarness();
    await seedStory(h.store, makeAnalysis({ title: 'Dunavac port reopens' }));
    const id = h.fake.interact('command', TEXT, latest('bal\u00adkans\u200b'), 'member');
    await h.fake.until(() => h.fake.answers(id).length === 1);
    expect(h.fake.answers(id)[0]!.body.embeds[0].title).toBe('Dunavac port reopens');
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
