import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchContext } from '../../../src/sources/fetch/context.js';
import { fetchPage } from '../../../src/sources/fetch/fetch-page.js';
import { respond, startTestServer, type TestServer } from '../../helpers/http-server.js';
import { HTML_PAGE } from '../feed/fixtures.js';
import { testContext } from './test-context.js';

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

describe('fetchPage', () => {
  it('GIVEN an article page behind a redirect THEN its HTML and final URL come back', async () => {
    server.route('/short', respond(302, '', { location: '/2026/11/article.html' }));
    server.route(
      '/2026/11/article.html',
      respond(200, HTML_PAGE, { 'content-type': 'text/html; charset=utf-8' }),
    );
    const page = await fetchPage(server.url('/short'), ctx);
    expect(page).toEqual({
      ok: true,
      finalUrl: server.url('/2026/11/article.html'),
      mediaType: 'text/html',
      charset: 'utf-8',
      text: HTML_PAGE,
      stats: { bytesReceived: Buffer.byteLength(HTML_PAGE), bytesDecoded: Buffer.byteLength(HTML_PAGE) },
    });
    expect(server.requests[1]?.headers.accept).toMatch(/^text\/html/);
  });

  it('GIVEN a plain-text file THEN it is accepted for ingestion', async () => {
    server.route(
      '/story.txt',
      respond(200, 'Lakeport, 2 November. The ferry will run twice a day.', { 'content-type': 'text/plain' }),
    );
    expect(await fetchPage(server.url('/story.txt'), ctx)).toMatchObject({
      ok: true,
      mediaType: 'text/plain',
    });
  });

  it('GIVEN a PDF or an image THEN unsupported_content_type, not garbage text', async () => {
    server.route(
      '/doc.pdf',
      respond(200, Buffer.from('%PDF-1.7 ...'), { 'content-type': 'application/pdf' }),
    );
    expect(await fetchPage(server.url('/doc.pdf'), ctx)).toMatchObject({
      ok: false,
      error: { code: 'unsupported_content_type' },
    });
  });

  it('GIVEN an empty page THEN empty_body', async () => {
    server.route('/blank', respond(200, '', { 'content-type': 'text/html' }));
    expect(await fetchPage(server.url('/blank'), ctx)).toMatchObject({
      ok: false,
      error: { code: 'empty_body' },
    });
  });

  it('GIVEN a connection cut mid-body THEN connect_failed, not a throw', async () => {
    server.route('/cut', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '10000' });
      res.write('<html><body>partial');
      setTimeout(() => res.destroy(), 20);
    });
    expect(await fetchPage(server.url('/cut'), ctx)).toMatchObject({
      ok: false,
      error: { code: 'connect_failed' },
    });
  });

  it('GIVEN a corrupt gzip body THEN decode_failed', async () => {
    server.route(
      '/bad-gzip',
      respond(200, Buffer.from('definitely not gzip'), {
        'content-type': 'text/html',
        'content-encoding': 'gzip',
      }),
    );
    expect(await fetchPage(server.url('/bad-gzip'), ctx)).toMatchObject({
      ok: false,
      error: { code: 'decode_failed' },
    });
  });

  it('GIVEN nothing listening on the port THEN connect_failed', async () => {
    const gone = await startTestServer();
    const port = gone.port;
    await gone.close();
    expect(await fetchPage(`http://127.0.0.1:${port}/`, ctx)).toMatchObject({
      ok: false,
      error: { code: 'connect_failed' },
    });
  });
});
