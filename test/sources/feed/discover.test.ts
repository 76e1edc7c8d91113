import { describe, expect, it } from 'vitest';
import { discoverFeedLinks } from '../../../src/sources/feed/discover.js';

describe('discoverFeedLinks', () => {
  it('GIVEN a page advertising RSS, Atom and JSON feeds THEN all come back absolute, in order', () => {
    const html = `<html><head>
      <link rel="stylesheet" href="/style.css">
      <link rel="alternate" type="application/rss+xml" title="News" href="/rss/news.xml">
      <link type='application/atom+xml' href='https://other.example/atom' rel='alternate'>
      <link rel=alternate type=application/feed+json href=feed.json>
      <link rel="alternate" hreflang="hr" href="/hr/">
      <link rel="alternate" type="application/rss+xml" href="/rss/news.xml">
    </head><body></body></html>`;
    expect(discoverFeedLinks(html, 'https://site.example/section/')).toEqual([
      'https://site.example/rss/news.xml',
      'https://other.example/atom',
      'https://site.example/section/feed.json',
    ]);
  });

  it('GIVEN a page with no feed links or a javascript: href THEN nothing', () => {
    expect(discoverFeedLinks('<html><head><title>x</title></head></html>', 'https://a.example/')).toEqual([]);
    const sneaky = '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">';
    expect(discoverFeedLinks(sneaky, 'https://a.example/')).toEqual([]);
  });
});
