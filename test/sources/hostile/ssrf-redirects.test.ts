import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetchContext, type FetchContext } from '../../../src/sources/fetch/context.js';
import { fetchFeed } from '../../../src/sources/fetch/fetch-feed.js';
import { fetchPage } from '../../../src/sources/fetch/fetch-page.js';
import type { ResolveHost } from '../../../src/sources/ssrf/guard.js';
import { respond, startTestServer, type TestServer } from '../../helpers/http-server.js';
import { RSS2 } from '../feed/fixtures.js';

// The test server is reached by a name that is allowlisted by name only: its address, 127.0.0.1,
// is NOT allowlisted, so anything that lands on 127.0.0.1 by another route must be refused.
const fakeDns: ResolveHost = (host) =>
  host === 'feeds.test'
    ? Promise.resolve([{ address: '127.0.0.1', family: 4 }])
    : Promise.reject(new Error('ENOTFOUND'));

let server: TestServer;
let ctx: FetchContext;
beforeEach(async () => {
  server = await startTestServer({
    '/feed.xml': respond(200, RSS2, { 'content-type': 'application/rss+xml' }),
  });
  ctx = createFetchContext({
    allowlist: ['feeds.test'],
    resolveHost: fakeDns,
    limits: { totalTimeoutMs: 2_000 },
  });
});
afterEach(async () => {
  await ctx.close();
  await server.close();
});

const viaName = (path: string) => `http://feeds.test:${server.port}${path}`;

describe('SSRF guard on every hop', () => {
  it('GIVEN the allowlisted name THEN the feed is fetched (the setup itself works)', async () => {
    expect(await fetchFeed(viaName('/feed.xml'), undefined, ctx)).toMatchObject({
      ok: true,
      notModified: false,
    });
  });

  it('GIVEN a redirect to 127.0.0.1 without the allowlist THEN blocked_address and no request lands', async () => {
    server.route('/go-local', respond(302, '', { location: `http://127.0.0.1:${server.port}/feed.xml` }));
    const result = await fetchFeed(viaName('/go-local'), undefined, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'blocked_address' } });
    expect(server.requests.map((r) => r.path)).toEqual(['/go-local']);
  });

  it('GIVEN a redirect to the 169.254.169.254 metadata address THEN blocked_address', async () => {
    server.route(
      '/go-metadata',
      respond(301, '', { location: 'http://169.254.169.254/latest/meta-data/iam/' }),
    );
    const result = await fetchFeed(viaName('/go-metadata'), undefined, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'blocked_address' } });
    expect(result.ok || result.error.message).toMatch(/link local/);
  });

  it('GIVEN redirects to [::1], an IPv4-mapped loopback or a file: URL THEN each is refused', async () => {
    const targets = [
      [`http://[::1]:${server.port}/feed.xml`, 'blocked_address'],
      [`http://[::ffff:127.0.0.1]:${server.port}/feed.xml`, 'blocked_address'],
      ['file:///etc/passwd', 'unsupported_scheme'],
    ] as const;
    for (const [location, code] of targets) {
      server.route('/hop', respond(302, '', { location }));
      expect(await fetchFeed(viaName('/hop'), undefined, ctx)).toMatchObject({ ok: false, error: { code } });
    }
  });

  it('GIVEN 127.0.0.1 directly with no allowlist THEN blocked before any request', async () => {
    const strict = createFetchContext({ allowlist: [] });
    try {
      expect(await fetchFeed(server.url('/feed.xml'), undefined, strict)).toMatchObject({
        ok: false,
        error: { code: 'blocked_address' },
      });
      expect(await fetchPage(server.url('/feed.xml'), strict)).toMatchObject({
        ok: false,
        error: { code: 'blocked_address' },
      });
      expect(server.requests).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });

  it('GIVEN DNS that rebinds to 127.0.0.1 between the check and the connect THEN the connect is refused', async () => {
    let calls = 0;
    const rebinding: ResolveHost = () => {
      calls++;
      const address = calls === 1 ? '93.184.216.34' : '127.0.0.1';
      return Promise.resolve([{ address, family: 4 }]);
    };
    const victim = createFetchContext({ allowlist: [], resolveHost: rebinding });
    try {
      const result = await fetchFeed(`http://rebind.test:${server.port}/feed.xml`, undefined, victim);
      expect(result).toMatchObject({ ok: false, error: { code: 'blocked_address' } });
      expect(calls).toBe(2);
      expect(server.requests).toHaveLength(0);
    } finally {
      await victim.close();
    }
  });

  it('GIVEN a resolver that never answers THEN timeout within the connect limit', async () => {
    const hanging = createFetchContext({
      resolveHost: () => new Promise(() => {}),
      limits: { connectTimeoutMs: 100 },
    });
    try {
      expect(await fetchFeed('http://slow-dns.test/feed.xml', undefined, hanging)).toMatchObject({
        ok: false,
        error: { code: 'timeout', message: 'resolving slow-dns.test timed out' },
      });
    } finally {
      await hanging.close();
    }
  });
});
