import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../commands/index.js';
import type { Briefing } from '../../src/core/briefing/index.js';
import { createTestStore } from './helpers/test-store.js';
import type { Store } from '../../src/store/types.js';
import { keyQuote, makeAnalysis, makeContext, seedStory } from './helpers/fixtures.js';

function briefings(reply: Awaited<ReturnType<typeof dispatch>>): Briefing[] {
  return reply.blocks.flatMap((b) => (b.kind === 'briefing' ? [b.briefing] : []));
}

describe('/latest', () => {
  let store: Store;
  beforeEach(async () => {
    store = await createTestStore();
    await seedStory(
      store,
      makeAnalysis({
        title: 'Dunavac port reopens',
        countries: ['RS', 'XK'],
        quotes: [keyQuote('We are open for business again', 'Mira Jovanović', 'harbour master')],
      }),
      2,
    );
    await seedStory(store, makeAnalysis({ title: 'Older Balkan story' }), 30);
    await seedStory(
      store,
      makeAnalysis({ title: 'Tallinn tram fares', regions: ['baltics'], countries: ['EE'] }),
      1,
    );
  });

  it('GIVEN stories in several regions WHEN /latest balkans THEN only Balkan briefings, newest first, with lede, points, quote and age', async () => {
    const reply = await dispatch(makeContext(store), '/latest balkans');
    const [first, second, ...rest] = briefings(reply);
    expect(rest).toEqual([]);
    expect(first?.headline).toBe('Dunavac port reopens');
    expect(second?.headline).toBe('Older Balkan story');
    expect(first?.lede).toMatch(/^The river port of Dunavac reopened/);
    expect(first?.points).toEqual([
      'Barges queued along the bank overnight.',
      'Officials expect traffic to recover within days.',
    ]);
    expect(first?.quote).toEqual({
      text: 'We are open for business again',
      speaker: 'Mira Jovanović',
      role: 'harbour master',
    });
    expect(first?.age).toBe('2 h ago');
    expect(second?.age).toBe('1 day ago');
    expect(first?.countries.map((c) => c.flag ?? c.name)).toEqual(['🇷🇸', 'Kosovo']);
  });

  it('GIVEN a count THEN at most that many stories come back', async () => {
    const reply = await dispatch(makeContext(store), '/latest@newsdesk_bot balkans 1');
    expect(briefings(reply)).toHaveLength(1);
  });

  it('GIVEN a misspelt region THEN the error suggests the right one', async () => {
    const reply = await dispatch(makeContext(store), '/latest balkns');
    expect(reply.blocks[0]).toMatchObject({ kind: 'error', example: '/latest balkans' });
    expect(JSON.stringify(reply)).toContain('Did you mean balkans?');
  });

  it('GIVEN a bad count THEN a short error shows the right form', async () => {
    for (const bad of ['/latest balkans 0', '/latest balkans 99', '/latest']) {
      const reply = await dispatch(makeContext(store), bad);
      expect(reply.blocks[0]).toMatchObject({ kind: 'error', example: '/latest balkans 3' });
    }
  });

  it('GIVEN a topic of this chat THEN /latest <topic> returns the stories that match it', async () => {
    const ctx = makeContext(store);
    await dispatch(ctx, '/topics add ports include port*, harbour exclude tram');
    const reply = await dispatch(ctx, '/latest ports');
    expect(briefings(reply).map((b) => b.headline)).toEqual(['Dunavac port reopens', 'Older Balkan story']);
  });

  it('GIVEN a region with no stories THEN the reply says so', async () => {
    const reply = await dispatch(makeContext(store), '/latest the balkans');
    expect(reply.blocks.length).toBeGreaterThan(0);
    const empty = await dispatch(makeContext(await createTestStore()), '/latest balkans');
    expect(empty.blocks[0]).toEqual({ kind: 'text', text: 'No stories for The Balkans yet.' });
  });
});
