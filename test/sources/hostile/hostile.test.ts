import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FetchContext } from '../../../src/sources/fetch/context.js';
import { fetchFeed } from '../../../src/sources/fetch/fetch-feed.js';
import { respond, startTestServer, streamRepeated, type TestServer } from '../../helpers/http-server.js';
import { BILLION_LAUGHS, HTML_PAGE, RSS2 } from '../feed/fixtures.js';
import { parsedFeed, testContext } from '../fetch/test-context.js';
import { compressedZeros } from './bombs.js';

const MiB = 1024 * 1024;
const CAP = MiB;
const RSS_TYPE = { 'content-type': 'application/rss+xml' };

let server: TestServer;
let ctx: FetchContext;
let gzipBomb: Buffer;
let brotliBomb: Buffer;

beforeAll(async () => {
  gzipBomb = await compressedZeros(32 * MiB, 'gzip');
  brotliBomb = await compressedZeros(64 * MiB, 'br');
});
beforeEach(async () => {
  server = await startTestServer();
  ctx = testContext({ limits: { maxBodyBytes: CAP, maxDecodedBytes: CAP, totalTimeoutMs: 1_500 } });
});
afterEach(async () => {
  await ctx.close();
  await server.close();
});
afterAll(() => {
  gzipBomb = Buffer.alloc(0);
  brotliBomb = Buffer.alloc(0);
});

describe('hostile feeds end in a clear per-feed error', () => {
  it('GIVEN billion laughs THEN invalid_xml, with only the small document read', async () => {
    server.route('/feed', respond(200, BILLION_LAUGHS, RSS_TYPE));
    const result = await fetchFeed(server.url('/feed'), undefined, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_xml' } });
    expect(result.stats.bytesDecoded).toBe(Buffer.byteLength(BILLION_LAUGHS));
  });

  it('GIVEN a 100 MB body THEN too_large, aborted at the cap while the server had sent a sliver', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const { handler, tally } = streamRepeated(chunk, 100 * MiB, RSS_TYPE);
    server.route('/huge', handler);
    const result = await fetchFeed(server.url('/huge'), undefined, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(result.stats.bytesReceived).toBeGreaterThan(CAP);
    expect(result.stats.bytesReceived).toBeLessThanOrEqual(CAP + chunk.length);
    await tally.closed;
    expect(tally.finished).toBe(false);
    // Socket buffers hold a few MiB at most; the rest of the 100 MiB was never produced.
    expect(tally.bytesWritten).toBeLessThan(16 * MiB);
  });

  it.each([
    ['gzip', () => gzipBomb, 32],
    ['br', () => brotliBomb, 64],
  ])('GIVEN a %s bomb THEN too_large once the decoded bytes pass the cap', async (encoding, bomb, mib) => {
    const packed = bomb();
    server.route('/bomb', respond(200, packed, { ...RSS_TYPE, 'content-encoding': encoding }));
    const result = await fetchFeed(server.url('/bomb'), undefined, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(packed.length).toBeLessThan(CAP / 10);
    expect(result.stats.bytesDecoded).toBeGreaterThan(CAP);
    // One decompressor chunk past the cap at most, against the bomb's full size.
    expect(result.stats.bytesDecoded).toBeLessThanOrEqual(CAP + 64 * 1024);
    expect(result.stats.bytesDecoded).toBeLessThan((mib * MiB) / 10);
  });

  it('GIVEN a server that trickles one byte a second THEN timeout at the total deadline', async () => {
    let timer: NodeJS.Timeout | undefined;
    server.route('/trickle', (_req, res) => {
      res.writeHead(200, RSS_TYPE);
      const body = Buffer.from(RSS2);
      let i = 0;
      res.write(body.subarray(i, ++i));
      timer = setInterval(() => res.write(body.subarray(i, ++i)), 1_000);
      res.on('close', () => clearInterval(timer));
    });
    const quick = testContext({ limits: { totalTimeoutMs: 300 } });
    try {
      const result = await fetchFeed(server.url('/trickle'), undefined, quick);
      expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
      expect(result.ok || result.error.message).toMatch(/300 ms/);
    } finally {
      clearInterval(timer);
      await quick.close();
    }
  });

  it('GIVEN a server that never sends headers THEN timeout', async () => {
    server.route('/silent', () => {
      // Never answers; the headers timeout ends the wait.
    });
    const quick = testContext({ limits: { headersTimeoutMs: 200, totalTimeoutMs: 5_000 } });
    try {
      // undici checks this timeout about once a second, so the wait is ~1 s, well before the deadline.
      expect(await fetchFeed(server.url('/silent'), undefined, quick)).toMatchObject({
        ok: false,
        error: { code: 'timeout', message: expect.stringContaining('stopped answering') as unknown },
      });
    } finally {
      await quick.close();
    }
  });

  it('GIVEN a redirect loop THEN too_many_redirects after the limit', async () => {
    server.route('/a', respond(302, '', { location: '/b' }));
    server.route('/b', respond(302, '', { location: '/a' }));
    const result = await fetchFeed(server.url('/a'), undefined, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'too_many_redirects' } });
    expect(server.requests).toHaveLength(6);
  });

  it('GIVEN invalid UTF-8 in a feed THEN it parses with replacement characters', async () => {
    const [head, tail] = RSS2.split('Ferry');
    const body = Buffer.concat([
      Buffer.from(head!),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(`Ferry${tail!}`),
    ]);
    server.route('/feed', respond(200, body, { 'content-type': 'application/rss+xml; charset=utf-8' }));
    const feed = parsedFeed(await fetchFeed(server.url('/feed'), undefined, ctx));
    expect(feed.items[0]?.title).toMatch(/^\uFFFD\(\uFFFDFerry timetable/);
  });

  it('GIVEN an HTML page THEN not_a_feed', async () => {
    server.route('/page', respond(200, HTML_PAGE, { 'content-type': 'text/html; charset=utf-8' }));
    expect(await fetchFeed(server.url('/page'), undefined, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_a_feed', message: expect.stringContaining('HTML page') as unknown },
    });
  });

  it('GIVEN an empty 200 THEN empty_body', async () => {
    server.route('/empty', respond(200, '', RSS_TYPE));
    expect(await fetchFeed(server.url('/empty'), undefined, ctx)).toMatchObject({
      ok: false,
      error: { code: 'empty_body' },
    });
  });

  it('GIVEN a 500 THEN http_status with the status', async () => {
    server.route('/broken', respond(500, 'oops'));
    expect(await fetchFeed(server.url('/broken'), undefined, ctx)).toMatchObject({
      ok: false,
      error: { code: 'http_status', status: 500 },
    });
  });
});

describe('rate limiting', () => {
  it('GIVEN a 429 with Retry-After THEN the host is left alone until then', async () => {
    let now = Date.parse('2026-11-02T10:00:00Z');
    const clocked = testContext({ now: () => now });
    try {
      server.route('/feed', respond(429, 'slow down', { 'retry-after': '120' }));
      const first = await fetchFeed(server.url('/feed'), undefined, clocked);
      expect(first).toMatchObject({
        ok: false,
        error: { code: 'rate_limited', status: 429, retryAfter: new Date('2026-11-02T10:02:00Z') },
      });

      server.route('/feed', respond(200, RSS2, RSS_TYPE));
      now += 60_000;
      const early = await fetchFeed(server.url('/other-feed-same-host'), undefined, clocked);
      expect(early).toMatchObject({
        ok: false,
        error: { code: 'rate_limited', retryAfter: new Date('2026-11-02T10:02:00Z') },
      });
      expect(server.requests).toHaveLength(1);

      now += 61_000;
      expect(parsedFeed(await fetchFeed(server.url('/feed'), undefined, clocked)).items).toHaveLength(2);
    } finally {
      await clocked.close();
    }
  });

  it('GIVEN a 503 with an HTTP-date Retry-After THEN http_status carrying that time', async () => {
    const now = Date.parse('2026-11-02T10:00:00Z');
    const clocked = testContext({ now: () => now });
    try {
      server.route('/feed', respond(503, 'maintenance', { 'retry-after': 'Mon, 02 Nov 2026 10:30:00 GMT' }));
      expect(await fetchFeed(server.url('/feed'), undefined, clocked)).toMatchObject({
        ok: false,
        error: { code: 'http_status', status: 503, retryAfter: new Date('2026-11-02T10:30:00Z') },
      });
    } finally {
      await clocked.close();
    }
  });

  it('GIVEN a Retry-After of ten years THEN the wait is capped at a day', async () => {
    const now = Date.parse('2026-11-02T10:00:00Z');
    const clocked = testContext({ now: () => now });
    try {
      server.route('/feed', respond(429, '', { 'retry-after': String(10 * 365 * 24 * 3600) }));
      expect(await fetchFeed(server.url('/feed'), undefined, clocked)).toMatchObject({
        error: { retryAfter: new Date('2026-11-03T10:00:00Z') },
      });
    } finally {
      await clocked.close();
    }
  });
});
