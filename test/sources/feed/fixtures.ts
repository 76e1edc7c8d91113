// Invented feeds written for these tests; every outlet, person and story here is made up.

export const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Lakeport Ledger &amp; Gazette</title>
    <link>/</link>
    <description>News from the lake towns</description>
    <ttl>45</ttl>
    <item>
      <title>Ferry   timetable changes for winter</title>
      <link>/news/ferry-winter</link>
      <guid isPermaLink="false">ledger-1001</guid>
      <description>The ferry will run &lt;b&gt;twice&lt;/b&gt; a day.</description>
      <content:encoded><![CDATA[<p>The ferry between Lakeport and Stillwater will run twice a day from December.</p>]]></content:encoded>
      <pubDate>Mon, 02 Nov 2026 09:30:00 +0100</pubDate>
      <author>desk@ledger.example (Mira Holt)</author>
    </item>
    <item>
      <title>Council approves harbour budget</title>
      <guid>https://ledger.example/news/harbour-budget</guid>
      <description>A short teaser.</description>
      <dc:creator>Ivo Brandt</dc:creator>
      <dc:date>2026-11-01T18:00:00Z</dc:date>
    </item>
  </channel>
</rss>`;

export const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://valley.example/rss">
    <title>Valley Courier</title>
    <link>https://valley.example/</link>
    <description>Valley news</description>
  </channel>
  <item rdf:about="https://valley.example/a/orchard-fair">
    <title>Orchard fair draws record crowd</title>
    <link>https://valley.example/a/orchard-fair</link>
    <description>Growers from six villages came.</description>
    <dc:date>2026-10-30T12:00:00+02:00</dc:date>
    <dc:creator>Lena Varga</dc:creator>
  </item>
</rdf:RDF>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Ridge &lt;em&gt;Daily&lt;/em&gt;</title>
  <link rel="self" href="https://ridge.example/atom.xml"/>
  <link rel="alternate" type="text/html" href="https://ridge.example/"/>
  <id>urn:uuid:ridge-daily</id>
  <updated>2026-11-02T08:00:00Z</updated>
  <author><name>Ridge Desk</name></author>
  <entry>
    <title>Mountain road reopens after landslide</title>
    <link rel="alternate" type="text/html" href="stories/road-reopens"/>
    <link rel="enclosure" type="image/jpeg" href="https://ridge.example/img/road.jpg"/>
    <id>tag:ridge.example,2026:road-reopens</id>
    <published>2026-11-02T07:15:00Z</published>
    <updated>2026-11-02T07:45:00Z</updated>
    <summary>Crews cleared the last of the rubble overnight.</summary>
    <content type="html">&lt;p&gt;Crews cleared the rubble &amp;amp; reopened the road.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain text content entry</title>
    <link href="https://ridge.example/stories/plain"/>
    <id>tag:ridge.example,2026:plain</id>
    <updated>2026-11-01T10:00:00Z</updated>
    <content type="text">Fish &lt; chips</content>
  </entry>
</feed>`;

export const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Harbour Notes',
  home_page_url: 'https://harbour.example/',
  authors: [{ name: 'Harbour Staff' }],
  items: [
    {
      id: 'hn-77',
      url: '/notes/lighthouse',
      title: 'Lighthouse gets a new lamp',
      summary: 'The old lamp served 60 years.',
      content_html: '<p>The old lamp served sixty years.</p>',
      date_published: '2026-10-29T16:20:00Z',
    },
    {
      id: 'hn-78',
      url: 'https://harbour.example/notes/tides',
      title: 'Tide tables printed',
      content_text: 'High tide < noon',
      date_published: '2026-10-30T06:00:00Z',
      authors: [{ name: 'Petra Lund' }],
    },
  ],
});

/** A classic billion-laughs document: nine levels of ten-fold entity expansion. */
export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><link>https://lol.example/</link>
<item><title>&lol9;</title><link>https://lol.example/1</link><description>&lol9;</description></item>
</channel></rss>`;

/** An external entity pointing at a local file (XXE): must never be read. */
export const XXE = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><link>https://x.example/</link>
<item><title>&secret;</title><link>https://x.example/1</link></item></channel></rss>`;

export const HTML_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Lakeport Ledger</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>
<body><h1>Welcome</h1><p>Read our news.</p></body></html>`;
