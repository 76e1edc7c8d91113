import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchContext } from '../../../src/sources/fetch/context.js';
import { fetchFeed } from '../../../src/sources/fetch/fetch-feed.js';
import { respond, startTestServer, type TestServer } from '../../helpers/http-server.js';
import { ATOM, JSON_FEED, RDF, RSS2 } from '../feed/fixtures.js';
import { parsedFeed, testContext } from './test-context.js';

let server: TestServer;
let ctx: FetchContext;

beforeEach(async () => {
  server = await startTestServer();
  ctx = testContext();
});
afterEach(async () => {
  await ctx.close();
  await server.close();
});

describe('fetchFeed over HTTP', () => {
  it.each([
    ['RSS 2.0', RSS2, 'application/rss+xml', 'rss', 2],
    ['RSS 1.0/RDF', RDF, 'application/rdf+xml', 'rdf', 1],
    ['Atom 1.0', ATOM, 'application/atom+xml; charset=utf-8', 'atom', 2],
    ['JSON Feed', JSON_FEED, 'application/feed+json', 'json', 2],
  ])(
    'GIVEN a %s feed on the server THEN it is fetched and parsed',
    async (_name, body, type, format, count) => {
      server.route('/feed', respond(200, body, { 'content-type': type }));
      const result = await fetchFeed(server.url('/feed'), undefined, ctx);
      const feed = parsedFeed(result);
      expect(feed.format).toBe(format);
      expect(feed.items).toHaveLength(count);
      expect(result).toMatchObject({
        ok: true,
        finalUrl: server.url('/feed'),
        stats: { bytesDecoded: Buffer.byteLength(body) },
      });
    },
  );

  it('GIVEN any fetch THEN the request names newsdesk and offers compression', async () => {
    server.route('/feed', respond(200, RSS2, { 'content-type': 'application/rss+xml' }));
    await fetchFeed(server.url('/feed'), undefined, ctx);
    expect(server.requests[0]?.headers['user-agent']).toMatch(/newsdesk/);
    expect(server.requests[0]?.headers['accept-encoding']).toMatch(/gzip.*br/);
  });

  it('GIVEN stored validators THEN a conditional GET is sent and a 304 is "not modified"', async () => {
    const etag = '"v1-lakeport"';
    const lastModified = 'Mon, 02 Nov 2026 09:00:00 GMT';
    server.route('/feed', (req, res) => {
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': lastModified })
        .end(RSS2);
    });
    const first = await fetchFeed(server.url('/feed'), undefined, ctx);
    expect(first).toMatchObject({ ok: true, notModified: false, validators: { etag, lastModified } });
    if (!first.ok) return;

    const second = await fetchFeed(server.url('/feed'), first.validators, ctx);
    expect(second).toMatchObject({ ok: true, notModified: true, validators: { etag, lastModified } });
    expect(second).not.toHaveProperty('feed');
    expect(server.requests[1]?.headers).toMatchObject({
      'if-none-match': etag,
      'if-modified-since': lastModified,
    });
  });

  it('GIVEN Cache-Control max-age and an RSS ttl THEN both are exposed for polling', async () => {
    server.route(
      '/feed',
      respond(200, RSS2, { 'content-type': 'application/rss+xml', 'cache-control': 'public, max-age=900' }),
    );
    const result = await fetchFeed(server.url('/feed'), undefined, ctx);
    expect(result).toMatchObject({ ok: true, maxAgeSeconds: 900 });
    expect(parsedFeed(result).ttlMinutes).toBe(45);
  });

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
  ])('GIVEN a %s-encoded feed THEN it is decoded and counted both ways', async (encoding, compress) => {
    const packed = compress(Buffer.from(RSS2));
    server.route(
      '/feed',
      respond(200, packed, { 'content-type': 'application/rss+xml', 'content-encoding': encoding }),
    );
    const result = await fetchFeed(server.url('/feed'), undefined, ctx);
    expect(parsedFeed(result).items).toHaveLength(2);
    expect(result.stats).toEqual({ bytesReceived: packed.length, bytesDecoded: Buffer.byteLength(RSS2) });
  });

  it('GIVEN a redirect to the real feed THEN relative links resolve against the final URL', async () => {
    server.route('/old', respond(301, '', { location: '/new/feed.xml' }));
    const relative = RSS2.replace('<link>/news/ferry-winter</link>', '<link>ferry-winter</link>');
    server.route('/new/feed.xml', respond(200, relative, { 'content-type': 'application/rss+xml' }));
    const result = await fetchFeed(server.url('/old'), undefined, ctx);
    expect(result).toMatchObject({ ok: true, finalUrl: server.url('/new/feed.xml') });
    expect(parsedFeed(result).items[0]?.url).toBe(server.url('/new/ferry-winter'));
  });

  it('GIVEN a feed served as text/html THEN the body decides and it still parses', async () => {
    server.route('/feed', respond(200, ATOM, { 'content-type': 'text/html' }));
    expect(parsedFeed(await fetchFeed(server.url('/feed'), undefined, ctx)).format).toBe('atom');
  });

  it('GIVEN many feeds on one host at once THEN at most two requests are in flight there', async () => {
    let inFlight = 0;
    let most = 0;
    server.route('/slow', (_req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS2);
      }, 40);
    });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => fetchFeed(server.url('/slow'), undefined, ctx)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.requests).toHaveLength(6);
    expect(most).toBe(2);
  });

  it('GIVEN a URL carrying a token THEN no failure message repeats it', async () => {
    const result = await fetchFeed(server.url('/missing?token=s3cr3t-t0ken'), undefined, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'http_status', status: 404 } });
    expect(JSON.stringify(result)).not.toContain('s3cr3t-t0ken');
  });

  it('GIVEN credentials in the URL THEN they go as Basic auth to that origin only and appear nowhere', async () => {
    const other = await startTestServer({
      '/feed': respond(200, RSS2, { 'content-type': 'application/rss+xml' }),
    });
    try {
      server.route('/private', respond(302, '', { location: other.url('/feed') }));
      server.route('/feed', respond(200, RSS2, { 'content-type': 'application/rss+xml' }));
      const direct = await fetchFeed(`http://reader:pa55word@127.0.0.1:${server.port}/feed`, undefined, ctx);
      expect(server.requests[0]?.headers.authorization).toBe(
        `Basic ${Buffer.from('reader:pa55word').toString('base64')}`,
      );
      expect(JSON.stringify(direct)).not.toContain('pa55word');
      expect(direct).toMatchObject({ ok: true, finalUrl: server.url('/feed') });

      const moved = await fetchFeed(
        `http://reader:pa55word@127.0.0.1:${server.port}/private`,
        undefined,
        ctx,
      );
      expect(moved).toMatchObject({ ok: true, finalUrl: other.url('/feed') });
      expect(other.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('GIVEN something that is not a URL THEN the failure is invalid_url', async () => {
    expect(await fetchFeed('not a url', undefined, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_url' },
    });
  });
});
