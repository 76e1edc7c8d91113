import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/sources/fetch/charset.js';
import type { FetchContext } from '../../../src/sources/fetch/context.js';
import { fetchFeed } from '../../../src/sources/fetch/fetch-feed.js';
import { fetchPage } from '../../../src/sources/fetch/fetch-page.js';
import { respond, startTestServer, type TestServer } from '../../helpers/http-server.js';
import { parsedFeed, testContext } from './test-context.js';

// Invented headlines in the scripts the region's feeds use.
const CYRILLIC = 'Нови мост у Новом Саду отворен за саобраћај';
const LATIN2 = 'Šibenik i Čakovec: đaci dobili nove učionice, žiri zadovoljan';

function rss(title: string, prolog = '<?xml version="1.0"?>'): string {
  return `${prolog}<rss version="2.0"><channel><title>${title}</title><link>https://r.example/</link>
<item><title>${title}</title><link>https://r.example/1</link></item></channel></rss>`;
}

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

describe('charsets over HTTP', () => {
  it('GIVEN a windows-1251 feed declared only in the XML prolog THEN Cyrillic comes out right', async () => {
    const body = iconv.encode(rss(CYRILLIC, '<?xml version="1.0" encoding="windows-1251"?>'), 'windows-1251');
    server.route('/feed', respond(200, body, { 'content-type': 'application/rss+xml' }));
    const result = await fetchFeed(server.url('/feed'), undefined, ctx);
    expect(parsedFeed(result).items[0]?.title).toBe(CYRILLIC);
    expect(result).toMatchObject({ charset: 'windows-1251' });
  });

  it('GIVEN an ISO-8859-2 feed declared only in the Content-Type header THEN the diacritics come out right', async () => {
    const body = iconv.encode(rss(LATIN2), 'iso-8859-2');
    server.route('/feed', respond(200, body, { 'content-type': 'text/xml; charset=ISO-8859-2' }));
    expect(parsedFeed(await fetchFeed(server.url('/feed'), undefined, ctx)).title).toBe(LATIN2);
  });

  it('GIVEN a header that lies "utf-8" over a windows-1250 body with a true prolog THEN the prolog wins', async () => {
    const body = iconv.encode(rss(LATIN2, '<?xml version="1.0" encoding="windows-1250"?>'), 'windows-1250');
    server.route('/feed', respond(200, body, { 'content-type': 'application/rss+xml; charset=utf-8' }));
    expect(parsedFeed(await fetchFeed(server.url('/feed'), undefined, ctx)).title).toBe(LATIN2);
  });

  it('GIVEN a server default of iso-8859-1 over a real UTF-8 feed THEN UTF-8 is kept', async () => {
    const body = Buffer.from(rss(CYRILLIC, '<?xml version="1.0" encoding="UTF-8"?>'));
    server.route('/feed', respond(200, body, { 'content-type': 'text/xml; charset=iso-8859-1' }));
    expect(parsedFeed(await fetchFeed(server.url('/feed'), undefined, ctx)).title).toBe(CYRILLIC);
  });

  it('GIVEN an HTML page declaring windows-1251 in a meta tag THEN fetchPage decodes it', async () => {
    const html = `<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>x</title></head><body><p>${CYRILLIC}</p></body></html>`;
    server.route('/page', respond(200, iconv.encode(html, 'windows-1251'), { 'content-type': 'text/html' }));
    const page = await fetchPage(server.url('/page'), ctx);
    expect(page).toMatchObject({ ok: true, mediaType: 'text/html', charset: 'windows-1251' });
    expect(page.ok && page.text).toContain(CYRILLIC);
  });
});

describe('decodeBody', () => {
  it('GIVEN a UTF-16 body with a BOM THEN the BOM decides over a wrong header', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rss(CYRILLIC), 'utf16le')]);
    expect(decodeBody(bytes, 'iso-8859-2')).toMatchObject({ charset: 'utf-16le', text: rss(CYRILLIC) });
  });

  it('GIVEN an unknown charset label THEN UTF-8 is used', () => {
    expect(decodeBody(Buffer.from('Ćao'), 'x-klingon')).toEqual({ text: 'Ćao', charset: 'utf-8' });
  });

  it('GIVEN invalid UTF-8 with nothing else declared THEN bad bytes become U+FFFD and nothing throws', () => {
    const bytes = Buffer.from([0x41, 0xc3, 0x28, 0x42, 0xff, 0xfe, 0xfd, 0x43]);
    const { text, charset } = decodeBody(bytes, 'utf-8');
    expect(charset).toBe('utf-8');
    expect(text.startsWith('A\uFFFD')).toBe(true);
    expect(text).toContain('B');
    expect(text.endsWith('C')).toBe(true);
  });
});
