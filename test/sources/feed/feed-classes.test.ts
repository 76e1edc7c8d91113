// One describe per class of feed that issue 16 found misread; every feed here is invented.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/sources/fetch/charset.js';
import { parseFeedText } from '../../../src/sources/feed/parse-feed.js';
import type { FeedItem, ParsedFeed } from '../../../src/sources/feed/types.js';

const BASE = 'https://tarn.example/feed.xml';

function feedOf(text: string): ParsedFeed {
  const result = parseFeedText(text, BASE);
  if (!result.ok) throw new Error(`expected a feed, got ${result.error.code}: ${result.error.message}`);
  return result.feed;
}

function onlyItem(text: string): FeedItem {
  const { items } = feedOf(text);
  expect(items).toHaveLength(1);
  return items[0]!;
}

const rss = (items: string, channel = '<title>Tarn Weekly</title><link>https://tarn.example/</link>') =>
  `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>${channel}${items}</channel></rss>`;
const atom = (entries: string) =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Tarn Atom</title>
<id>urn:tarn</id><updated>2026-05-01T00:00:00Z</updated>${entries}</feed>`;
const atom03 = (entries: string) =>
  `<?xml version="1.0" encoding="utf-8"?><feed version="0.3" xmlns="http://purl.org/atom/ns#">
<title>Tarn 0.3</title><link rel="alternate" type="text/html" href="https://tarn.example/"/>${entries}</feed>`;

describe('class 1: items with any of guid, link, title, description or content are kept', () => {
  it('GIVEN an item with only a description THEN it is kept, known by a digest of its text', () => {
    const item = onlyItem(rss('<item><description>Snow closed the pass at dawn.</description></item>'));
    expect(item.summary).toBe('Snow closed the pass at dawn.');
    expect(item.guid).toMatch(/^sha1:[0-9a-f]{40}$/);
    expect(item.url).toBeNull();
  });

  it('GIVEN the same description-only item parsed twice THEN its identity is the same both times', () => {
    const text = rss('<item><description>Snow closed the pass at dawn.</description></item>');
    expect(onlyItem(text).guid).toBe(onlyItem(text).guid);
    const other = onlyItem(rss('<item><description>The pass reopened at noon.</description></item>'));
    expect(other.guid).not.toBe(onlyItem(text).guid);
  });

  it('GIVEN an item with only content:encoded THEN it is kept', () => {
    const item = onlyItem(
      rss('<item><content:encoded><![CDATA[<p>Lake ice is thin.</p>]]></content:encoded></item>'),
    );
    expect(item.contentHtml).toBe('<p>Lake ice is thin.</p>');
  });

  it('GIVEN an item with only a GUID, and one with only a title THEN both are kept', () => {
    const { items } = feedOf(
      rss('<item><guid isPermaLink="false">tarn-7</guid></item><item><title>Ferry late</title></item>'),
    );
    expect(items.map((i) => i.guid)).toEqual(['tarn-7', 'Ferry late|']);
  });

  it('GIVEN an Atom entry with only a summary, and a JSON Feed item with only content_text THEN both are kept', () => {
    const entry = onlyItem(atom('<entry><summary>Wind turned north.</summary></entry>'));
    expect(entry.guid).toMatch(/^sha1:/);
    const json = feedOf(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'T',
        items: [{ content_text: 'Rain.' }],
      }),
    );
    expect(json.items).toHaveLength(1);
    expect(json.items[0]?.contentHtml).toBe('Rain.');
  });

  it('GIVEN an item with nothing to know it by THEN it alone is dropped', () => {
    const { items } = feedOf(
      rss('<item><category>weather</category></item><item><title>Kept</title></item>'),
    );
    expect(items.map((i) => i.title)).toEqual(['Kept']);
  });
});

describe('class 2: valid feeds with nothing the parser maps are feeds, not failures', () => {
  it.each([
    ['an RSS channel with no items', rss('')],
    ['an empty RSS channel', '<rss version="2.0"><channel></channel></rss>'],
    ['an Atom feed with no entries', '<feed xmlns="http://www.w3.org/2005/Atom"></feed>'],
    [
      'an empty RDF document',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"></rdf:RDF>',
    ],
    [
      'a channel whose only item holds an unknown element',
      '<rss version="2.0"><channel><item><tarn:depth xmlns:tarn="urn:t">4</tarn:depth></item></channel></rss>',
    ],
    [
      'a JSON Feed with no items',
      JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'T', items: [] }),
    ],
  ])('GIVEN %s THEN it parses, with no items', (_name, text) => {
    expect(feedOf(text).items).toEqual([]);
  });

  it('GIVEN <rss><item> with no <channel> THEN the items are read', () => {
    const feed = feedOf(
      '<rss version="0.91"><item><title>Dam inspected</title><link>https://tarn.example/dam</link></item></rss>',
    );
    expect(feed.items).toMatchObject([{ title: 'Dam inspected', url: 'https://tarn.example/dam' }]);
  });

  it('GIVEN XML that is no feed at all THEN it is still refused as not a feed', () => {
    expect(parseFeedText('<catalog><book/></catalog>', BASE)).toMatchObject({
      ok: false,
      error: { code: 'not_a_feed' },
    });
  });
});

const SERBIAN = 'Нови мост у Новом Саду отворен за саобраћај, рекао је градоначелник после церемоније';
const feedBytes = (title: string, prolog = '') =>
  `${prolog}<rss version="2.0"><channel><title>Vesti</title><item><title>${title}</title><link>https://vesti.example/1</link><description>${title}</description></item></channel></rss>`;

describe('class 3: UTF-16 without a byte-order mark, and UTF-32', () => {
  it.each(['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'])(
    'GIVEN %s without a BOM THEN it decodes',
    (enc) => {
      const bytes = iconv.encode(feedBytes(SERBIAN, `<?xml version="1.0" encoding="${enc}"?>`), enc);
      const decoded = decodeBody(bytes, undefined);
      expect(decoded.charset).toBe(enc);
      expect(onlyItem(decoded.text).title).toBe(SERBIAN);
    },
  );

  it.each(['utf-32le', 'utf-32be'])('GIVEN %s with a BOM THEN it decodes, the BOM gone', (enc) => {
    const bytes = iconv.encode(feedBytes(SERBIAN), enc, { addBOM: true });
    const decoded = decodeBody(bytes, 'utf-8');
    expect(decoded).toMatchObject({ charset: enc });
    expect(decoded.text.startsWith('<rss')).toBe(true);
  });
});

describe('class 4: legacy encodings nobody declared are detected', () => {
  const cases: [string, string][] = [
    ['windows-1251', SERBIAN],
    ['windows-1251', 'Новый мост в Новосибирске открыт для движения, сказал мэр после церемонии открытия'],
    [
      'windows-1250',
      'Příliš žluťoučký kůň úpěl ďábelské ódy; vláda schválila nový zákon o dopravě na řekách',
    ],
    ['iso-8859-2', 'Rząd ogłosił nowe przepisy dotyczące żeglugi na Wiśle i Odrze, zażółć gęślą jaźń'],
    ['big5', '台北市政府今天宣布新的交通計畫，市長表示將在明年完成捷運延伸工程。'],
    ['gb2312', '北京市政府今天宣布新的交通计划，市长表示将在明年完成地铁延伸工程。'],
    ['shift_jis', '東京都は本日、新しい交通計画を発表しました。知事は来年までに工事を完了すると述べました。'],
    [
      'euc-kr',
      '서울시는 오늘 새로운 교통 계획을 발표했습니다. 시장은 내년까지 공사를 마칠 것이라고 말했습니다.',
    ],
  ];
  it.each(cases)('GIVEN an undeclared %s feed THEN its text comes out right', (enc, text) => {
    const decoded = decodeBody(iconv.encode(feedBytes(text), enc), undefined);
    expect(onlyItem(decoded.text).title).toBe(text);
  });

  it('GIVEN a windows-1251 feed that the server labels UTF-8 THEN the bytes win over the label', () => {
    const decoded = decodeBody(iconv.encode(feedBytes(SERBIAN), 'windows-1251'), 'utf-8');
    expect(onlyItem(decoded.text).title).toBe(SERBIAN);
  });

  it('GIVEN UTF-8 with a few broken bytes THEN it stays UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(feedBytes('Čakovec', '')), Buffer.from([0xff])]);
    expect(decodeBody(bytes, undefined).charset).toBe('utf-8');
  });
});

describe('class 5: a document cut off inside its last end tag is recovered', () => {
  it('GIVEN a feed ending in "</rss" THEN it parses', () => {
    const text = rss('<item><title>Ferry runs</title><link>/ferry</link></item>').replace(/>$/, '');
    expect(text.endsWith('</rss')).toBe(true);
    expect(onlyItem(text).url).toBe('https://tarn.example/ferry');
  });

  it('GIVEN a feed cut off in the middle of an item THEN it is still refused', () => {
    const text = rss('<item><title>Ferry runs</title>').slice(0, -40);
    expect(parseFeedText(text, BASE)).toMatchObject({ ok: false, error: { code: 'invalid_xml' } });
  });
});

describe('class 6: base64 content is decoded', () => {
  it('GIVEN Atom 0.3 content in mode="base64" THEN the markup inside is read', () => {
    const html = '<p>The <b>old mill</b> reopens.</p>';
    const b64 = Buffer.from(html).toString('base64');
    const item = onlyItem(
      atom03(
        `<entry><title>Mill</title><id>tag:tarn,1</id><content type="text/html" mode="base64">${b64}</content></entry>`,
      ),
    );
    expect(item.contentHtml).toBe(html);
  });
});

describe('class 7: Atom 0.3 content typed by MIME type', () => {
  it('GIVEN text/html content in escaped mode THEN it is markup', () => {
    const item = onlyItem(
      atom03(
        '<entry><title>A</title><id>a</id><content type="text/html" mode="escaped">&lt;p&gt;Quay &lt;i&gt;rebuilt&lt;/i&gt;&lt;/p&gt;</content></entry>',
      ),
    );
    expect(item.contentHtml).toBe('<p>Quay <i>rebuilt</i></p>');
  });

  it('GIVEN application/xhtml+xml content in xml mode THEN the inline markup is kept', () => {
    const item = onlyItem(
      atom03(
        '<entry><title>B</title><id>b</id><content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Quay <b>rebuilt</b></p></div></content></entry>',
      ),
    );
    expect(item.contentHtml).toContain('<p>Quay <b>rebuilt</b></p>');
  });

  it('GIVEN text/plain content THEN it is text, its "<" escaped, not read as a tag', () => {
    const item = onlyItem(
      atom03(
        '<entry><title>C</title><id>c</id><content type="text/plain">depth &lt;b&gt; 3 m</content></entry>',
      ),
    );
    expect(item.contentHtml).toBe('depth &lt;b&gt; 3 m');
  });

  it('GIVEN a title typed text/html THEN its tags are stripped', () => {
    const item = onlyItem(
      atom03(
        '<entry><title type="text/html" mode="escaped">Quay &lt;em&gt;rebuilt&lt;/em&gt;</title><id>d</id></entry>',
      ),
    );
    expect(item.title).toBe('Quay rebuilt');
  });
});

describe('class 8: an XHTML DOCTYPE before <rss>', () => {
  it('GIVEN an RSS feed opening with an XHTML DOCTYPE THEN it is a feed, not an HTML page', () => {
    const text = `<?xml version="1.0"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<rss version="2.0"><channel><title>T</title><item><title>Kept</title><link>https://tarn.example/k</link></item></channel></rss>`;
    expect(onlyItem(text).title).toBe('Kept');
  });

  it('GIVEN an XHTML page THEN it is still an HTML page', () => {
    const text =
      '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><html><body>hi</body></html>';
    expect(parseFeedText(text, BASE)).toMatchObject({ ok: false, error: { code: 'not_a_feed' } });
  });
});

describe('class 9: tags are stripped by the HTML parser, not a pattern', () => {
  it('GIVEN a title with ">" inside an attribute THEN no attribute text leaks into it', () => {
    const item = onlyItem(
      rss(
        '<item><title>Vote &lt;a title="yes > no" href="/v"&gt;results&lt;/a&gt; in</title><link>/v</link></item>',
      ),
    );
    expect(item.title).toBe('Vote results in');
  });

  it('GIVEN an Atom html title with a comment holding ">" THEN the comment is gone', () => {
    const item = onlyItem(
      atom('<entry><id>e</id><title type="html">Dam &lt;!-- a > b --&gt;report</title></entry>'),
    );
    expect(item.title).toBe('Dam report');
  });

  it('GIVEN a double-escaped ampersand in a title THEN it reads as one ampersand', () => {
    expect(onlyItem(rss('<item><title>Tarn &amp;amp; Vale</title><link>/x</link></item>')).title).toBe(
      'Tarn & Vale',
    );
  });

  it('GIVEN a title of tags nested thousands deep THEN it is dropped as noise, not parsed, and the item kept by its link', () => {
    const deep = '&lt;b&gt;'.repeat(20_000) + 'Deep' + '&lt;/b&gt;'.repeat(20_000);
    const item = onlyItem(rss(`<item><title>${deep}</title><link>/deep</link></item>`));
    expect(item.title).toBeNull();
    expect(item.url).toBe('https://tarn.example/deep');
  });

  it('GIVEN a plain title with "<" and ">" but no tag THEN it is left alone', () => {
    expect(onlyItem(rss('<item><title>Rates &lt; 2% and &gt; 1%</title><link>/r</link></item>')).title).toBe(
      'Rates < 2% and > 1%',
    );
  });
});

describe('class 10: Dublin Core, dates, authors, damaged characters, GUIDs', () => {
  it('GIVEN dc:title and dc:description instead of title and description THEN they are used', () => {
    const item = onlyItem(
      rss(
        '<item><dc:title>Harbour fees rise</dc:title><dc:description>By a tenth.</dc:description><link>/f</link></item>',
      ),
    );
    expect(item).toMatchObject({ title: 'Harbour fees rise', summary: 'By a tenth.' });
  });

  it('GIVEN dcterms:issued, or only dcterms:modified THEN it dates the item', () => {
    const { items } = feedOf(
      rss(`<item><title>A</title><link>/a</link><dcterms:issued>2026-04-01T10:00:00Z</dcterms:issued></item>
           <item><title>B</title><link>/b</link><dcterms:modified>2026-04-02T10:00:00Z</dcterms:modified></item>`),
    );
    expect(items.map((i) => i.publishedAt?.toISOString())).toEqual([
      '2026-04-01T10:00:00.000Z',
      '2026-04-02T10:00:00.000Z',
    ]);
  });

  it('GIVEN an Atom entry giving its date twice THEN the last one counts', () => {
    const item = onlyItem(
      atom(
        '<entry><id>d</id><title>T</title><updated>2026-01-01T00:00:00Z</updated><updated>2026-03-01T00:00:00Z</updated></entry>',
      ),
    );
    expect(item.publishedAt?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it.each([
    ['Mira Holt (mira@tarn.example)', 'Mira Holt'],
    ['mira@tarn.example (Mira Holt)', 'Mira Holt'],
    ['Mira Holt <mira@tarn.example>', 'Mira Holt'],
    ['mira@tarn.example', null],
    ['Mira Holt', 'Mira Holt'],
  ])('GIVEN the author "%s" THEN the name is %s', (author, name) => {
    expect(
      onlyItem(
        rss(`<item><title>T</title><link>/t</link><author>${author.replace(/</g, '&lt;')}</author></item>`),
      ).author,
    ).toBe(name);
  });

  it('GIVEN windows-1252 punctuation as C1 control characters THEN they are repaired', () => {
    const item = onlyItem(
      rss('<item><title>\u0093Open\u0094 \u0096 says mayor</title><link>/o</link></item>'),
    );
    expect(item.title).toBe('“Open” – says mayor');
  });

  it('GIVEN UTF-8 that was encoded twice THEN it is repaired', () => {
    const title = 'Café in Zürich – ‘open’ at 5 €';
    // Read back as windows-1252 (punctuation as itself) or as Latin-1 (punctuation as C1 controls).
    for (const misread of ['windows-1252', 'latin1']) {
      const doubled = iconv.decode(Buffer.from(title, 'utf8'), misread);
      expect(doubled).toContain('Ã©');
      expect(onlyItem(rss(`<item><title>${doubled}</title><link>/c</link></item>`)).title).toBe(title);
    }
  });

  it('GIVEN accented text that was never damaged THEN it is left alone', () => {
    const title = 'São Paulo: NÃO à crème brûlée, Straße, Ñandú';
    expect(onlyItem(rss(`<item><title>${title}</title><link>/s</link></item>`)).title).toBe(title);
  });

  it('GIVEN a GUID that is not a URL and no link THEN no link is invented from it', () => {
    const item = onlyItem(rss('<item><title>T</title><guid>20260401-77</guid></item>'));
    expect(item).toMatchObject({ guid: '20260401-77', url: null });
  });

  it('GIVEN a permalink GUID that is a URL and no link THEN it is the link', () => {
    expect(onlyItem(rss('<item><guid>https://tarn.example/p/9</guid></item>')).url).toBe(
      'https://tarn.example/p/9',
    );
  });
});

describe('hostile field sizes', () => {
  it('GIVEN an RSS author field of 280 KB THEN it is cut to a name-sized field before the parser reads it', () => {
    const author = 'desk@tarn.example ('.repeat(15_000);
    const item = onlyItem(rss(`<item><title>T</title><link>/t</link><author>${author}</author></item>`));
    expect(item.author?.length ?? 0).toBeLessThanOrEqual(400);
  });
});

describe('links with credentials', () => {
  it('GIVEN an item link with user:password@ THEN the link is kept without them', () => {
    const item = onlyItem(
      rss('<item><title>T</title><link>https://reader:hunter2@tarn.example/p/1</link></item>'),
    );
    expect(item.url).toBe('https://tarn.example/p/1');
  });
});
