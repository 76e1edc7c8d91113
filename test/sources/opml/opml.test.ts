import { describe, expect, it } from 'vitest';
import { parseOpml, type OpmlResult } from '../../../src/sources/opml/parse-opml.js';
import { writeOpml } from '../../../src/sources/opml/write-opml.js';

function feedsOf(result: OpmlResult) {
  if (!result.ok) throw new Error(`expected OPML to parse: ${result.error}`);
  return result.feeds;
}

function errorOf(result: OpmlResult): string {
  if (result.ok) throw new Error('expected OPML to be refused');
  return result.error;
}

const READER_EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My feeds &amp; more</title></head>
  <body>
    <outline text="Balkans">
      <outline text="Radio Free Europe" type="rss" xmlUrl="https://www.rferl.example/rss?zone=balkans&amp;lang=en"
        htmlUrl="https://www.rferl.example/"/>
      <outline text="Local">
        <outline title="Sarajevo daily" text="ignored" xmlUrl="https://sarajevo.example/feed"/>
      </outline>
    </outline>
    <outline text="Tech">
      <outline text="Gadgets &#8211; weekly" xmlUrl="https://gadgets.example/atom.xml"/>
    </outline>
    <outline text="Loose" xmlUrl="https://loose.example/rss" category="/west-africa"/>
  </body>
</opml>`;

describe('parseOpml', () => {
  it('GIVEN a reader export with nested folders THEN every feed is found with its title, page and region', () => {
    const result = parseOpml(READER_EXPORT);
    expect(result).toMatchObject({ ok: true, title: 'My feeds & more' });
    expect(feedsOf(result)).toEqual([
      {
        url: 'https://www.rferl.example/rss?zone=balkans&lang=en',
        title: 'Radio Free Europe',
        htmlUrl: 'https://www.rferl.example/',
        region: 'balkans',
      },
      { url: 'https://sarajevo.example/feed', title: 'Sarajevo daily', htmlUrl: null, region: 'balkans' },
      { url: 'https://gadgets.example/atom.xml', title: 'Gadgets – weekly', htmlUrl: null, region: null },
      { url: 'https://loose.example/rss', title: 'Loose', htmlUrl: null, region: 'west-africa' },
    ]);
  });

  it('GIVEN the same feed listed in two folders THEN it is imported once', () => {
    const xml = `<opml version="2.0"><body>
      <outline text="A"><outline text="x" xmlUrl="https://x.example/rss"/></outline>
      <outline text="B"><outline text="x again" xmlUrl="https://x.example/rss"/></outline></body></opml>`;
    expect(feedsOf(parseOpml(xml))).toHaveLength(1);
  });

  it('GIVEN malformed or foreign input THEN the error says what is wrong', () => {
    expect(errorOf(parseOpml(''))).toMatch(/empty/);
    expect(errorOf(parseOpml('<opml><body><outline text="x"></body></opml>'))).toMatch(
      /not well-formed XML \(line 1\)/,
    );
    expect(errorOf(parseOpml('<html><body><p>Hello</p></body></html>'))).toMatch(/no <opml> element/);
    expect(errorOf(parseOpml('<opml version="2.0"><head/></opml>'))).toMatch(/no <body>/);
    expect(errorOf(parseOpml('{"feeds": []}'))).toMatch(/not well-formed XML/);
    expect(
      errorOf(parseOpml('<opml><body><outline text="bad" xmlUrl="file:///etc/passwd"/></body></opml>')),
    ).toMatch(/not http\(s\): file:\/\/\/etc\/passwd/);
  });

  it('GIVEN a billion-laughs entity bomb THEN it is refused without expanding anything', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE opml [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<opml version="2.0"><body><outline text="&lol3;" xmlUrl="https://x.example/rss"/></body></opml>`;
    expect(errorOf(parseOpml(bomb))).toMatch(/entity declarations are not allowed/);
  });

  it('GIVEN outlines nested absurdly deep THEN the file is refused', () => {
    const xml = `<opml><body>${'<outline text="f">'.repeat(50)}${'</outline>'.repeat(50)}</body></opml>`;
    expect(errorOf(parseOpml(xml))).toMatch(/nested deeper/);
  });
});

describe('writeOpml', () => {
  const feeds = [
    {
      url: 'https://www.rferl.example/rss?zone=balkans&lang=en',
      title: 'RFE/RL "Balkans" <service>',
      region: 'balkans',
    },
    { url: 'https://africa.example/rss', title: 'Africa desk', region: 'west-africa' },
    { url: 'https://plain.example/feed', title: null, region: null },
  ];

  it('GIVEN feeds with regions THEN export then import gives back the same feeds', () => {
    const xml = writeOpml(feeds, 'newsdesk feeds', new Date('2026-03-02T08:00:00Z'));
    expect(xml).toContain('<opml version="2.0">');
    expect(xml).toContain('&amp;lang=en');
    const back = parseOpml(xml);
    expect(back).toMatchObject({ ok: true, title: 'newsdesk feeds' });
    const byUrl = new Map(feedsOf(back).map((f) => [f.url, f]));
    for (const f of feeds) {
      expect(byUrl.get(f.url)).toEqual({
        url: f.url,
        title: f.title ?? f.url,
        htmlUrl: null,
        region: f.region,
      });
    }
    expect(byUrl.size).toBe(3);
  });

  it('GIVEN no feeds THEN the export is still a valid, empty OPML document', () => {
    const back = parseOpml(writeOpml([], 'empty', new Date(0)));
    expect(feedsOf(back)).toEqual([]);
  });
});
