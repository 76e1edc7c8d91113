import { describe, expect, it } from 'vitest';
import type { NewSubscription, Store } from '../../src/store/types.js';
import type { ContractContext } from './contract.js';
import { PLATES, T0, article } from './fixtures.js';

const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

function sub(chatId: string, extra: Partial<NewSubscription> = {}): NewSubscription {
  return {
    platform: 'telegram',
    chatId,
    threadId: null,
    target: { kind: 'region', slug: 'balkans' },
    schedule: '0 8 * * *',
    timezone: 'UTC',
    ...extra,
  };
}

async function dueSlot(store: Store, chatId: string, minutes = 0) {
  const s = await store.subscriptions.add(sub(chatId));
  await store.digests.schedule(
    s.id,
    null,
    { dueAt: at(minutes), state: 'due' },
    at(minutes + 1440),
    at(minutes),
  );
  return s;
}

export function digestContract(ctx: ContractContext): void {
  describe('digest ledger', () => {
    it('GIVEN subscriptions THEN only those due or never scheduled are read, through their next due time', async () => {
      const never = await ctx.store.subscriptions.add(sub('-1'));
      const later = await ctx.store.subscriptions.add(sub('-2', { nextDueAt: at(60) }));
      const due = await ctx.store.subscriptions.add(sub('-3', { nextDueAt: at(-5) }));
      const paused = await ctx.store.subscriptions.add(sub('-4', { nextDueAt: at(-5) }));
      await ctx.store.subscriptions.setPaused(paused, true);
      const ids = (await ctx.store.digests.dueSubscriptions(at(0), 10)).map((s) => s.id).sort();
      expect(ids).toEqual([never.id, due.id].sort());
      expect(ids).not.toContain(later.id);
    });

    it('GIVEN many due at two times THEN they are read oldest first, or newest first when asked', async () => {
      const early = [];
      for (let i = 0; i < 3; i++)
        early.push(await ctx.store.subscriptions.add(sub(`-e${i}`, { nextDueAt: at(-10) })));
      const late = await ctx.store.subscriptions.add(sub('-late', { nextDueAt: at(-1) }));
      expect((await ctx.store.digests.dueSubscriptions(at(0), 2)).map((s) => s.id)).not.toContain(late.id);
      expect((await ctx.store.digests.dueSubscriptions(at(0), 2, true)).map((s) => s.id)[0]).toBe(late.id);
    });

    it('GIVEN two instances scheduling one subscription THEN one slot is written and the next due time moves once', async () => {
      const s = await ctx.store.subscriptions.add(sub('-1', { nextDueAt: at(0) }));
      const slot = { dueAt: at(0), state: 'due' as const };
      const [a, b] = await Promise.all([
        ctx.store.digests.schedule(s.id, at(0), slot, at(1440), at(1)),
        ctx.store.digests.schedule(s.id, at(0), slot, at(1440), at(1)),
      ]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      expect(await ctx.store.digests.forSubscription(s.id)).toMatchObject([{ dueAt: at(0), state: 'due' }]);
      expect((await ctx.store.subscriptions.get(s.id))?.nextDueAt).toEqual(at(1440));
    });

    it('GIVEN a claim THEN the slot is held with a lease, and another claim finds nothing until the lease runs out', async () => {
      const s = await dueSlot(ctx.store, '-1');
      const [claimed] = await ctx.store.digests.claim('a', at(1), at(6), 10, ['telegram']);
      expect(claimed).toMatchObject({ subscriptionId: s.id, state: 'sending', holder: 'a', attempts: 1 });
      expect(await ctx.store.digests.claim('b', at(2), at(7), 10, ['telegram'])).toEqual([]);
      // Instance a died: its lease runs out and b takes the slot over.
      const [taken] = await ctx.store.digests.claim('b', at(6), at(11), 10, ['telegram']);
      expect(taken).toMatchObject({ id: claimed!.id, holder: 'b', attempts: 2 });
      expect(await ctx.store.digests.complete(claimed!.id, 'a', ['1'], at(7))).toBe(false);
    });

    it('GIVEN many due slots and a small claim THEN the oldest and the newest are taken first', async () => {
      for (let i = 0; i < 6; i++) await dueSlot(ctx.store, `-${i}`, i);
      const claimed = await ctx.store.digests.claim('a', at(10), at(20), 2, ['telegram']);
      expect(claimed.map((c) => c.dueAt).sort((x, y) => x.getTime() - y.getTime())).toEqual([at(0), at(5)]);
    });

    it('GIVEN a delivered digest THEN the slot, its stories and the subscription are marked together', async () => {
      const s = await dueSlot(ctx.store, '-1');
      const story = await ctx.store.articles.save(article('https://news.example/plates', PLATES), null);
      await ctx.store.deliveries.enqueue(s.id, [story.storyId], at(0));
      const [slot] = await ctx.store.digests.claim('a', at(1), at(6), 10, ['telegram']);
      expect(await ctx.store.digests.begin(slot!.id, 'a', [story.storyId])).toBe(true);
      expect(await ctx.store.deliveries.pending(s.id)).toEqual([story.storyId]);
      expect(await ctx.store.digests.complete(slot!.id, 'a', ['m1', 'm2'], at(2))).toBe(true);
      expect(await ctx.store.digests.get(slot!.id)).toMatchObject({
        state: 'sent',
        storyIds: [story.storyId],
        messageIds: ['m1', 'm2'],
        finishedAt: at(2),
      });
      expect(await ctx.store.deliveries.pending(s.id)).toEqual([]);
      expect((await ctx.store.subscriptions.get(s.id))?.lastDigestAt).toEqual(at(2));
    });

    it('GIVEN a failed attempt THEN the slot waits for its retry time; a clean stop gives slots back', async () => {
      await dueSlot(ctx.store, '-1');
      await dueSlot(ctx.store, '-2');
      const [first, second] = await ctx.store.digests.claim('a', at(1), at(6), 10, ['telegram']);
      expect(await ctx.store.digests.retry(first!.id, 'a', 'HTTP 502', at(3))).toBe(true);
      expect(await ctx.store.digests.claim('b', at(2), at(7), 10, ['telegram'])).toEqual([]);
      expect(await ctx.store.digests.releaseAll('a')).toBe(1);
      const again = await ctx.store.digests.claim('b', at(3), at(8), 10, ['telegram']);
      expect(again.map((s) => s.id).sort()).toEqual([first!.id, second!.id].sort());
      expect(again.find((s) => s.id === first!.id)).toMatchObject({ attempts: 2, error: 'HTTP 502' });
      // Given back at a clean stop, the attempt does not count.
      expect(again.find((s) => s.id === second!.id)?.attempts).toBe(1);
    });

    it('GIVEN a skipped or failed slot THEN it is finished with the reason and counted', async () => {
      await dueSlot(ctx.store, '-1');
      const late = await ctx.store.subscriptions.add(sub('-2'));
      await ctx.store.digests.schedule(
        late.id,
        null,
        { dueAt: at(0), state: 'skipped', error: 'late' },
        at(1440),
        at(300),
      );
      const [slot] = await ctx.store.digests.claim('a', at(1), at(6), 10, ['telegram']);
      expect(await ctx.store.digests.finish(slot!.id, 'a', 'failed', 'Forbidden', at(2))).toBe(true);
      expect(await ctx.store.digests.counts()).toEqual({
        due: 0,
        sending: 0,
        sent: 0,
        skipped: 1,
        failed: 1,
      });
      expect(await ctx.store.digests.forSubscription(late.id)).toMatchObject([
        { state: 'skipped', error: 'late' },
      ]);
    });

    it('GIVEN /digest now THEN a manual slot is due at once', async () => {
      const s = await ctx.store.subscriptions.add(sub('-1'));
      const slot = await ctx.store.digests.request(s.id, at(3));
      expect(slot).toMatchObject({ manual: true, state: 'due', dueAt: at(3) });
      expect((await ctx.store.digests.claim('a', at(3), at(8), 10, ['telegram'])).map((c) => c.id)).toEqual([
        slot.id,
      ]);
    });

    it('GIVEN instances beating THEN the live ones are counted, and one that left is not', async () => {
      await ctx.store.instances.heartbeat('a', at(0));
      await ctx.store.instances.heartbeat('b', at(0));
      await ctx.store.instances.heartbeat('c', at(-5));
      expect(await ctx.store.instances.live(at(0), 60_000)).toBe(2);
      await ctx.store.instances.leave('b');
      expect(await ctx.store.instances.live(at(0), 60_000)).toBe(1);
    });
  });
}
