import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../../src/sources/feed/parse-feed.js';
import type { FeedParseResult, ParsedFeed } from '../../../src/sources/feed/types.js';
import { ATOM, BILLION_LAUGHS, HTML_PAGE, JSON_FEED, RDF, RSS2, XXE } from './fixtures.js';

function feedOf(result: FeedParseResult): ParsedFeed {
  if (!result.ok) throw new Error(`expected a feed, got ${result.error.code}: ${result.error.message}`);
  return result.feed;
}

describe('parseFeedText', () => {
  it('GIVEN an RSS 2.0 feed THEN items are normalised with absolute links, content, dates and authors', () => {
    const feed = feedOf(parseFeedText(RSS2, 'https://ledger.example/feed.xml'));
    expect(feed).toMatchObject({
      format: 'rss',
      title: 'Lakeport Ledger & Gazette',
      link: 'https://ledger.example/',
      ttlMinutes: 45,
    });
    expect(feed.items).toHaveLength(2);
    const [ferry, budget] = feed.items;
    expect(ferry).toEqual({
      guid: 'ledger-1001',
      url: 'https://ledger.example/news/ferry-winter',
      title: 'Ferry timetable changes for winter',
      summary: 'The ferry will run <b>twice</b> a day.',
      contentHtml: '<p>The ferry between Lakeport and Stillwater will run twice a day from December.</p>',
      publishedAt: new Date('2026-11-02T08:30:00Z'),
      author: 'Mira Holt',
    });
    // A permalink GUID stands in for the missing <link>; dc:creator and dc:date are read.
    expect(budget).toMatchObject({
      guid: 'https://ledger.example/news/harbour-budget',
      url: 'https://ledger.example/news/harbour-budget',
      contentHtml: null,
      author: 'Ivo Brandt',
      publishedAt: new Date('2026-11-01T18:00:00Z'),
    });
  });

  it('GIVEN an RSS 1.0 (RDF) feed THEN its items come out with rdf:about as the guid', () => {
    const feed = feedOf(parseFeedText(RDF, 'https://valley.example/rss'));
    expect(feed.format).toBe('rdf');
    expect(feed.title).toBe('Valley Courier');
    expect(feed.items).toEqual([
      {
        guid: 'https://valley.example/a/orchard-fair',
        url: 'https://valley.example/a/orchard-fair',
        title: 'Orchard fair draws record crowd',
        summary: 'Growers from six villages came.',
        contentHtml: null,
        publishedAt: new Date('2026-10-30T10:00:00Z'),
        author: 'Lena Varga',
      },
    ]);
  });

  it('GIVEN an Atom feed THEN the alternate link, html content and feed author are used', () => {
    const feed = feedOf(parseFeedText(ATOM, 'https://ridge.example/atom.xml'));
    expect(feed).toMatchObject({ format: 'atom', title: 'Ridge Daily', link: 'https://ridge.example/' });
    const [road, plain] = feed.items;
    expect(road).toEqual({
      guid: 'tag:ridge.example,2026:road-reopens',
      url: 'https://ridge.example/stories/road-reopens',
      title: 'Mountain road reopens after landslide',
      summary: 'Crews cleared the last of the rubble overnight.',
      contentHtml: '<p>Crews cleared the rubble &amp; reopened the road.</p>',
      publishedAt: new Date('2026-11-02T07:15:00Z'),
      author: 'Ridge Desk',
    });
    // Text content is escaped into HTML; with no <published>, <updated> dates the entry.
    expect(plain).toMatchObject({
      contentHtml: 'Fish &lt; chips',
      publishedAt: new Date('2026-11-01T10:00:00Z'),
    });
  });

  it('GIVEN a JSON Feed THEN relative urls resolve and content_text becomes escaped HTML', () => {
    const feed = feedOf(parseFeedText(JSON_FEED, 'https://harbour.example/feed.json'));
    expect(feed).toMatchObject({ format: 'json', title: 'Harbour Notes', link: 'https://harbour.example/' });
    expect(feed.items[0]).toMatchObject({
      guid: 'hn-77',
      url: 'https://harbour.example/notes/lighthouse',
      summary: 'The old lamp served 60 years.',
      contentHtml: '<p>The old lamp served sixty years.</p>',
      author: 'Harbour Staff',
    });
    expect(feed.items[1]).toMatchObject({ contentHtml: 'High tide &lt; noon', author: 'Petra Lund' });
  });

  it('GIVEN item links with javascript: or junk THEN the url is dropped but the item kept', () => {
    const xml = `<rss version="2.0"><channel><title>t</title><link>https://a.example/</link>
      <item><title>one</title><link>javascript:alert(1)</link><guid isPermaLink="false">g1</guid></item>
      </channel></rss>`;
    const feed = feedOf(parseFeedText(xml, 'https://a.example/rss'));
    expect(feed.items[0]).toMatchObject({ guid: 'g1', url: null, title: 'one' });
  });

  it('GIVEN a feed with a bare ampersand in a title THEN it is forgiven and read', () => {
    const xml = `<rss version="2.0"><channel><title>Town & Country</title><link>https://t.example/</link>
      <item><title>Fish & chips</title><link>https://t.example/1</link></item></channel></rss>`;
    const feed = feedOf(parseFeedText(xml, 'https://t.example/rss'));
    expect(feed.title).toBe('Town & Country');
    expect(feed.items[0]?.title).toBe('Fish & chips');
  });

  it('GIVEN a truncated RSS document THEN the error is invalid_xml with a position', () => {
    const result = parseFeedText(RSS2.slice(0, RSS2.indexOf('</item>')), 'https://ledger.example/feed.xml');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_xml' } });
    expect(!result.ok && result.error.message).toMatch(/line \d+/);
  });

  it('GIVEN an HTML page THEN the error says it is a page, not a feed', () => {
    expect(parseFeedText(HTML_PAGE, 'https://ledger.example/')).toEqual({
      ok: false,
      error: {
        code: 'not_a_feed',
        message: 'an HTML page, not a feed (the page links to a feed: https://ledger.example/feed.xml)',
      },
    });
    expect(parseFeedText('<html><body>no feed here</body></html>', 'https://a.example/')).toEqual({
      ok: false,
      error: { code: 'not_a_feed', message: 'an HTML page, not a feed' },
    });
  });

  it('GIVEN an empty or blank body THEN the error is empty_body', () => {
    expect(parseFeedText('', 'https://a.example/')).toMatchObject({
      ok: false,
      error: { code: 'empty_body' },
    });
    expect(parseFeedText(' \n\t ', 'https://a.example/')).toMatchObject({
      ok: false,
      error: { code: 'empty_body' },
    });
  });

  it('GIVEN XML that is no feed, JSON that is no feed, or plain text THEN each is not_a_feed', () => {
    for (const body of ['<?xml version="1.0"?><svg><g/></svg>', '{"hello":"world"}', 'just words']) {
      expect(parseFeedText(body, 'https://a.example/')).toMatchObject({
        ok: false,
        error: { code: 'not_a_feed' },
      });
    }
  });

  it('GIVEN a billion-laughs document THEN it is refused as invalid_xml, unexpanded', () => {
    const result = parseFeedText(BILLION_LAUGHS, 'https://lol.example/rss');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_xml' } });
    expect(!result.ok && result.error.message).toMatch(/entity-expansion/);
  });

  it('GIVEN a DTD with a plain entity and an external DTD reference THEN the feed still parses', () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old &amp; gold</title><link>https://old.example/</link>
<item><title>Still here</title><link>https://old.example/1</link></item></channel></rss>`;
    expect(feedOf(parseFeedText(xml, 'https://old.example/rss')).items[0]?.title).toBe('Still here');
    const withEntity = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY nbsp "&#160;">]>
<rss version="2.0"><channel><title>Spaced</title><link>https://s.example/</link>
<item><title>One</title><link>https://s.example/1</link></item></channel></rss>`;
    expect(feedOf(parseFeedText(withEntity, 'https://s.example/rss')).title).toBe('Spaced');
  });

  it('GIVEN an external entity pointing at a local file THEN the document is refused unread', () => {
    const result = parseFeedText(XXE, 'https://x.example/rss');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_xml' } });
    expect(JSON.stringify(result)).toMatch(/external entit/i);
    expect(JSON.stringify(result)).not.toContain('root:');
  });

  it('GIVEN an entity-expansion DTD behind 100 KB of comments THEN it is refused all the same', () => {
    const padded = BILLION_LAUGHS.replace('<!DOCTYPE', `<!--${' '.repeat(100_000)}-->\n<!DOCTYPE`);
    expect(padded.indexOf('<!DOCTYPE')).toBeGreaterThan(65_536);
    const result = parseFeedText(padded, 'https://lol.example/rss');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_xml' } });
    expect(!result.ok && result.error.message).toMatch(/entity-expansion/);
  });
});
