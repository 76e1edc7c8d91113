import { describe, expect, it } from 'vitest';
import { dispatch } from '../../commands/index.js';
import { createTestStore } from './helpers/test-store.js';
import { makeContext } from './helpers/fixtures.js';

const text = (r: Awaited<ReturnType<typeof dispatch>>): string => JSON.stringify(r.blocks);
const member = { isModerator: () => Promise.resolve(false) };

describe('/topics', () => {
  it('GIVEN a moderator WHEN adding a topic with include and exclude phrases THEN it is stored as typed', async () => {
    const store = await createTestStore();
    const ctx = makeContext(store);
    const reply = await dispatch(
      ctx,
      '/topics add Elections include elect*, vote, ballot box exclude sport regions balkans',
    );
    expect(text(reply)).toContain('Topic elections saved');
    expect(await store.topics.list(ctx.chat)).toEqual([
      {
        name: 'elections',
        include: ['elect*', 'vote', 'ballot box'],
        exclude: ['sport'],
        regions: ['balkans'],
      },
    ]);
    expect(text(await dispatch(makeContext(store, member), '/topics list'))).toContain(
      'elections: elect*, vote, ballot box; not sport; in balkans',
    );
    expect(text(await dispatch(ctx, '/topics remove elections'))).toContain('Removed topic elections');
    expect(await store.topics.list(ctx.chat)).toEqual([]);
  });

  it('GIVEN a non-moderator THEN add and remove are refused but list is allowed', async () => {
    const store = await createTestStore();
    const ctx = makeContext(store, member);
    expect(text(await dispatch(ctx, '/topics add x include y'))).toContain('Only this chat’s moderators');
    expect(text(await dispatch(ctx, '/topics remove x'))).toContain('Only this chat’s moderators');
    expect(text(await dispatch(ctx, '/topics list'))).toContain('No topics yet');
  });

  it('GIVEN malformed topics THEN each gets a specific error with an example', async () => {
    const ctx = makeContext(await createTestStore());
    const cases: [string, string][] = [
      ['/topics add', 'Give the topic a name'],
      ['/topics add elections', 'at least one phrase'],
      ['/topics add elections include (a+)+$', 'characters a phrase cannot hold'],
      ['/topics add balkans include vote', 'already a region'],
      ['/topics add e include vote regions atlantis', 'Unknown region \\"atlantis'],
      ['/topics add e include vote regions balkns', 'did you mean balkans'],
      ['/topics rename x', 'Say add, remove or list'],
    ];
    for (const [input, expected] of cases) {
      const reply = await dispatch(ctx, input);
      expect(reply.blocks[0]?.kind, input).toBe('error');
      expect(text(reply), input).toContain(expected);
    }
  });
});

describe('/settings, /regions, /help, /sources', () => {
  it('GIVEN settings changes THEN only moderators make them and the values are checked', async () => {
    const store = await createTestStore();
    expect(text(await dispatch(makeContext(store, member), '/settings'))).toContain(
      'Time zone UTC, 5 stories',
    );
    expect(text(await dispatch(makeContext(store, member), '/settings size 3'))).toContain('moderators');
    expect(text(await dispatch(makeContext(store), '/settings timezone europe/sarajevo size 3'))).toContain(
      'Saved. Time zone Europe/Sarajevo, 3 stories',
    );
    expect(text(await dispatch(makeContext(store), '/settings size 50'))).toContain('at most 10');
    expect(text(await dispatch(makeContext(store), '/settings colour blue'))).toContain('Settings are');
  });

  it('GIVEN /regions, /help and /sources THEN each answers with a list', async () => {
    const store = await createTestStore();
    await store.feeds.add({ url: 'https://feeds.example/rss', title: 'Example Feed' }, new Date());
    const ctx = makeContext(store);
    expect(text(await dispatch(ctx, '/regions'))).toContain('balkans: The Balkans');
    expect(text(await dispatch(ctx, '/help'))).toContain('/latest <region|topic> [count]');
    expect((await dispatch(ctx, '/help latest')).blocks).toEqual([
      {
        kind: 'usage',
        usage: '/latest <region|topic> [count]',
        about: 'The latest stories for a region or topic',
        example: '/latest balkans 3',
      },
    ]);
    expect(text(await dispatch(ctx, '/sources'))).toContain('Example Feed (https://feeds.example/rss)');
    expect(text(await dispatch(ctx, '/nonsense'))).toContain('There is no command');
    expect(text(await dispatch(ctx, '/start'))).toContain('short briefings');
    expect(text(await dispatch(ctx, '/help'))).not.toContain('/start');
  });

  it('GIVEN /brief where there is no network THEN it says so; with a fetcher THEN it briefs the page', async () => {
    const store = await createTestStore();
    expect(text(await dispatch(makeContext(store), '/brief https://news.example/a'))).toContain(
      'not available here',
    );
    expect(text(await dispatch(makeContext(store), '/brief javascript:alert(1)'))).toContain(
      'not an http(s) address',
    );
    const ctx = makeContext(store, {
      services: {
        matchTopic: () => false,
        fetchArticle: (url) =>
          Promise.resolve(
            url.includes('fail')
              ? { ok: false, error: 'address refused (private network)' }
              : {
                  ok: true,
                  article: {
                    title: 'Bridge reopens',
                    text: 'The old bridge in Lakeport reopened on Friday. Traffic returned by noon.',
                  },
                },
          ),
      },
    });
    const ok = await dispatch(ctx, '/brief https://news.example/bridge');
    expect(ok.blocks[0]).toMatchObject({
      kind: 'briefing',
      briefing: { headline: 'Bridge reopens', url: 'https://news.example/bridge' },
    });
    expect(text(await dispatch(ctx, '/brief http://fail.example/'))).toContain(
      'address refused (private network)',
    );
  });
});
