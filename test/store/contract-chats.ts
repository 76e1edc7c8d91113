import { describe, expect, it } from 'vitest';
import type { ChatRef, NewSubscription } from '../../src/store/types.js';
import type { ContractContext } from './contract.js';
import { BORDER_A, HARVEST, PLATES, T0, article, hoursAfter } from './fixtures.js';

const GROUP: ChatRef = { platform: 'telegram', chatId: '-1001' };
const SUPERGROUP: ChatRef = { platform: 'telegram', chatId: '-1009999' };
const GUILD: ChatRef = { platform: 'discord', chatId: '42' };

function sub(chat: ChatRef, extra: Partial<NewSubscription> = {}): NewSubscription {
  return {
    ...chat,
    threadId: null,
    target: { kind: 'region', slug: 'balkans' },
    schedule: '0 8 * * *',
    timezone: 'Europe/Belgrade',
    ...extra,
  };
}

export function chatContract(ctx: ContractContext): void {
  describe('subscriptions', () => {
    it('GIVEN subscriptions in two chats THEN each chat lists its own, and all() lists both', async () => {
      const a = await ctx.store.subscriptions.add(sub(GROUP));
      const b = await ctx.store.subscriptions.add(
        sub(GROUP, { target: { kind: 'topic', name: 'elections' } }),
      );
      const c = await ctx.store.subscriptions.add(sub(GUILD, { threadId: '777' }));
      expect(a).toMatchObject({
        ...GROUP,
        threadId: null,
        paused: false,
        lastDigestAt: null,
        schedule: '0 8 * * *',
      });
      expect(c.threadId).toBe('777');
      expect((await ctx.store.subscriptions.forChat(GROUP)).map((s) => s.id)).toEqual([a.id, b.id]);
      expect((await ctx.store.subscriptions.all()).map((s) => s.id)).toEqual([a.id, b.id, c.id]);
      expect(await ctx.store.subscriptions.get(b.id)).toEqual(b);
    });

    it('GIVEN the same subscription added again THEN it is updated, not doubled', async () => {
      const first = await ctx.store.subscriptions.add(sub(GROUP));
      const again = await ctx.store.subscriptions.add(sub(GROUP, { schedule: '0 18 * * *' }));
      expect(again.id).toBe(first.id);
      expect(again.schedule).toBe('0 18 * * *');
      const inThread = await ctx.store.subscriptions.add(sub(GROUP, { threadId: '5' }));
      expect(inThread.id).not.toBe(first.id);
      expect(await ctx.store.subscriptions.forChat(GROUP)).toHaveLength(2);
    });

    it('GIVEN a chat paused and resumed THEN all its subscriptions follow, and no other chat', async () => {
      await ctx.store.subscriptions.add(sub(GROUP));
      await ctx.store.subscriptions.add(sub(GROUP, { target: { kind: 'region', slug: 'africa' } }));
      const other = await ctx.store.subscriptions.add(sub(GUILD));
      expect(await ctx.store.subscriptions.setPaused(GROUP, true)).toBe(2);
      expect((await ctx.store.subscriptions.forChat(GROUP)).every((s) => s.paused)).toBe(true);
      expect((await ctx.store.subscriptions.get(other.id))?.paused).toBe(false);
      await ctx.store.subscriptions.setPaused(GROUP, false);
      expect((await ctx.store.subscriptions.forChat(GROUP)).some((s) => s.paused)).toBe(false);
    });

    it('GIVEN a lost channel THEN only the subscriptions delivering there pause, with the reason', async () => {
      const there = await ctx.store.subscriptions.add(sub(GUILD, { threadId: '777' }));
      const elsewhere = await ctx.store.subscriptions.add(sub(GUILD, { threadId: '888' }));
      const reason = 'Discord: Unknown Channel';
      expect(await ctx.store.subscriptions.pauseDestination({ ...GUILD, threadId: '777' }, reason)).toBe(1);
      expect(await ctx.store.subscriptions.pauseDestination({ ...GUILD, threadId: '777' }, reason)).toBe(0);
      expect(await ctx.store.subscriptions.get(there.id)).toMatchObject({
        paused: true,
        pausedReason: reason,
      });
      expect(await ctx.store.subscriptions.get(elsewhere.id)).toMatchObject({
        paused: false,
        pausedReason: null,
      });
      expect(await ctx.store.subscriptions.setPaused(GUILD, true, 'the bot was removed')).toBe(1);
      expect((await ctx.store.subscriptions.get(there.id))?.pausedReason).toBe(reason);
      expect(await ctx.store.subscriptions.setPaused(GUILD, false)).toBe(2);
      expect(await ctx.store.subscriptions.get(there.id)).toMatchObject({
        paused: false,
        pausedReason: null,
      });
      await ctx.store.subscriptions.pauseDestination({ ...GUILD, threadId: '777' }, reason);
      // Subscribing again, once the moderators fixed the channel, resumes it.
      const again = await ctx.store.subscriptions.add(sub(GUILD, { threadId: '777' }));
      expect(again).toMatchObject({ id: there.id, paused: false, pausedReason: null });
    });

    it('GIVEN a role to mention and publishing THEN they are kept and updated with the subscription', async () => {
      const first = await ctx.store.subscriptions.add(
        sub(GUILD, { threadId: '777', mentionRoleId: '123456789012345678', publish: true }),
      );
      expect(first).toMatchObject({ mentionRoleId: '123456789012345678', publish: true });
      const again = await ctx.store.subscriptions.add(sub(GUILD, { threadId: '777' }));
      expect(again).toMatchObject({ id: first.id, mentionRoleId: null, publish: false });
    });

    it('GIVEN a group that became a supergroup THEN its subscriptions, topics and settings move with it', async () => {
      const s = await ctx.store.subscriptions.add(sub(GROUP));
      await ctx.store.topics.upsert(GROUP, {
        name: 'Elections',
        include: ['elect*'],
        exclude: [],
        regions: [],
      });
      await ctx.store.chats.updateSettings(GROUP, { digestSize: 8 });
      expect(await ctx.store.subscriptions.moveChat(GROUP, SUPERGROUP)).toBe(1);
      expect(await ctx.store.subscriptions.forChat(GROUP)).toEqual([]);
      expect(await ctx.store.subscriptions.forChat(SUPERGROUP)).toEqual([
        { ...s, chatId: SUPERGROUP.chatId },
      ]);
      expect((await ctx.store.topics.list(SUPERGROUP)).map((t) => t.name)).toEqual(['Elections']);
      expect(await ctx.store.topics.list(GROUP)).toEqual([]);
      expect((await ctx.store.chats.settings(SUPERGROUP)).digestSize).toBe(8);
    });

    it('GIVEN a subscription moved to another zone THEN its zone and next due time change, unless the due time moved meanwhile', async () => {
      const due = hoursAfter(T0, 2);
      const s = await ctx.store.subscriptions.add(sub(GROUP, { timezone: 'UTC', nextDueAt: due }));
      const other = await ctx.store.subscriptions.add(sub(GUILD, { timezone: 'UTC' }));
      // Expecting an old due time: someone moved it since, so nothing is written.
      expect(await ctx.store.subscriptions.retime(s.id, 'Asia/Tokyo', T0, hoursAfter(T0, 1))).toBe(false);
      expect(await ctx.store.subscriptions.get(s.id)).toMatchObject({ timezone: 'UTC', nextDueAt: due });
      const moved = hoursAfter(T0, 1);
      expect(await ctx.store.subscriptions.retime(s.id, 'Europe/Belgrade', moved, due)).toBe(true);
      expect(await ctx.store.subscriptions.get(s.id)).toMatchObject({
        timezone: 'Europe/Belgrade',
        nextDueAt: moved,
        schedule: '0 8 * * *',
        paused: false,
      });
      // Never scheduled: it stays so, and the scheduler reads it in its new zone.
      expect(await ctx.store.subscriptions.retime(other.id, 'Asia/Tokyo', null, null)).toBe(true);
      expect(await ctx.store.subscriptions.get(other.id)).toMatchObject({
        timezone: 'Asia/Tokyo',
        nextDueAt: null,
      });
    });

    it('GIVEN a subscription removed or marked digested THEN that is what is stored', async () => {
      const s = await ctx.store.subscriptions.add(sub(GROUP));
      await ctx.store.subscriptions.markDigest(s.id, T0);
      expect((await ctx.store.subscriptions.get(s.id))?.lastDigestAt).toEqual(T0);
      expect(await ctx.store.subscriptions.remove(s.id)).toBe(true);
      expect(await ctx.store.subscriptions.remove(s.id)).toBe(false);
      expect(await ctx.store.subscriptions.all()).toEqual([]);
    });
  });

  describe('topics and settings', () => {
    it('GIVEN topics upserted THEN a chat lists them by name, a same-name upsert replaces, and remove works', async () => {
      const topic = {
        name: 'Energy',
        include: ['gas', 'pipeline*'],
        exclude: ['sport'],
        regions: ['balkans'],
      };
      await ctx.store.topics.upsert(GROUP, topic);
      await ctx.store.topics.upsert(GROUP, {
        name: 'Borders',
        include: ['border'],
        exclude: [],
        regions: [],
      });
      await ctx.store.topics.upsert(GUILD, topic);
      expect(await ctx.store.topics.list(GROUP)).toEqual([
        { name: 'Borders', include: ['border'], exclude: [], regions: [] },
        topic,
      ]);
      await ctx.store.topics.upsert(GROUP, { ...topic, name: 'energy', include: ['electricity'] });
      expect((await ctx.store.topics.list(GROUP)).find((t) => t.name === 'energy')?.include).toEqual([
        'electricity',
      ]);
      expect(await ctx.store.topics.list(GROUP)).toHaveLength(2);
      expect(await ctx.store.topics.remove(GROUP, 'ENERGY')).toBe(true);
      expect(await ctx.store.topics.remove(GROUP, 'energy')).toBe(false);
      expect(await ctx.store.topics.list(GUILD)).toEqual([topic]);
    });

    it('GIVEN a chat never configured THEN it has the defaults; a partial update keeps the rest', async () => {
      expect(await ctx.store.chats.settings(GROUP)).toEqual({ timezone: 'UTC', digestSize: 5 });
      expect(await ctx.store.chats.updateSettings(GROUP, { timezone: 'Africa/Nairobi' })).toEqual({
        timezone: 'Africa/Nairobi',
        digestSize: 5,
      });
      await ctx.store.chats.updateSettings(GROUP, { digestSize: 3 });
      expect(await ctx.store.chats.settings(GROUP)).toEqual({ timezone: 'Africa/Nairobi', digestSize: 3 });
      expect(await ctx.store.chats.settings(GUILD)).toEqual({ timezone: 'UTC', digestSize: 5 });
    });
  });

  describe('deliveries', () => {
    async function threeStories(): Promise<number[]> {
      const ids: number[] = [];
      for (const [i, a] of [BORDER_A, PLATES, HARVEST].entries()) {
        ids.push((await ctx.store.articles.save(article(`https://a.example/${i}`, a), null)).storyId);
      }
      return ids;
    }

    it('GIVEN stories queued twice THEN each is pending once, and once sent is never queued again', async () => {
      const s = await ctx.store.subscriptions.add(sub(GROUP));
      const [one, two, three] = await threeStories();
      expect(await ctx.store.deliveries.enqueue(s.id, [one!, two!], T0)).toBe(2);
      expect(await ctx.store.deliveries.enqueue(s.id, [two!, one!, three!], hoursAfter(T0, 1))).toBe(1);
      expect(await ctx.store.deliveries.pending(s.id)).toEqual([one, two, three]);
      await ctx.store.deliveries.markSent(s.id, one!, hoursAfter(T0, 2));
      expect(await ctx.store.deliveries.pending(s.id)).toEqual([two, three]);
      expect(await ctx.store.deliveries.enqueue(s.id, [one!], hoursAfter(T0, 3))).toBe(0);
      expect(await ctx.store.deliveries.pending(s.id)).toEqual([two, three]);
    });

    it('GIVEN two subscriptions THEN the same story is delivered to each, independently', async () => {
      const a = await ctx.store.subscriptions.add(sub(GROUP));
      const b = await ctx.store.subscriptions.add(sub(GUILD));
      const [one] = await threeStories();
      await ctx.store.deliveries.enqueue(a.id, [one!], T0);
      await ctx.store.deliveries.enqueue(b.id, [one!], T0);
      await ctx.store.deliveries.markSent(a.id, one!, T0);
      expect(await ctx.store.deliveries.pending(a.id)).toEqual([]);
      expect(await ctx.store.deliveries.pending(b.id)).toEqual([one]);
    });

    it('GIVEN a crash mid-delivery (a reopen) THEN unsent stories are still pending and sent ones stay sent', async () => {
      const s = await ctx.store.subscriptions.add(sub(GROUP));
      const [one, two] = await threeStories();
      await ctx.store.deliveries.enqueue(s.id, [one!, two!], T0);
      await ctx.store.deliveries.markSent(s.id, one!, T0);
      const store = await ctx.reopen();
      expect(await store.deliveries.pending(s.id)).toEqual([two]);
      expect(await store.deliveries.enqueue(s.id, [one!, two!], hoursAfter(T0, 1))).toBe(0);
    });

    it('GIVEN a subscription removed THEN its queue goes with it', async () => {
      const s = await ctx.store.subscriptions.add(sub(GROUP));
      const [one] = await threeStories();
      await ctx.store.deliveries.enqueue(s.id, [one!], T0);
      await ctx.store.subscriptions.remove(s.id);
      expect(await ctx.store.deliveries.pending(s.id)).toEqual([]);
    });
  });
}
