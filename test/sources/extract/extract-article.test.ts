import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/sources/extract/index.js';
import type { ExtractedArticle } from '../../../src/sources/extract/index.js';
import { BR_PAGE, EMBED_PAGE, HARBOUR_STORY, JSON_LD_BODY, JSON_LD_PAGE, NEWS_PAGE } from './pages.js';

function article(html: string): ExtractedArticle {
  const result = extractArticle(html, 'https://news.example/story');
  if (!result.ok) throw new Error(`expected an article, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('extractArticle', () => {
  it('GIVEN a news page with navigation, ads, share bar, related links and comments THEN the text is the story alone, in paragraphs', () => {
    const found = article(NEWS_PAGE);
    expect(found.text).toBe(HARBOUR_STORY.join('\n\n'));
    expect(found.title).toBe('Port Wexley closes ferry pier');
    expect(found.siteName).toBe('The Wexley Courier');
  });

  it('GIVEN a news page THEN none of its furniture leaks into the text', () => {
    const text = article(NEWS_PAGE).text;
    for (const junk of [
      'Sport',
      'Share on',
      'Advertisement',
      'READ MORE',
      'lighthouse',
      'rotten',
      'Most read',
      '©',
      'Photo:',
      'tracking',
    ])
      expect(text).not.toContain(junk);
  });

  it('GIVEN a page whose story is only in its JSON-LD THEN the articleBody is the text, one paragraph a line', () => {
    const found = article(JSON_LD_PAGE);
    expect(found.text).toBe(JSON_LD_BODY.replace('\n', '\n\n'));
    expect(found.title).toBe('Dornfeld approves Riverside Road cycle lane');
    expect(found.byline).toBe('Ana Vuković');
  });

  it('GIVEN paragraphs made of <br><br> THEN they come out separated by blank lines, a single <br> as a line break', () => {
    const paragraphs = article(BR_PAGE).text.split('\n\n');
    expect(paragraphs).toContain(
      'Volunteers carried more than twelve thousand books to a school gym while the floors dried out, and most of them are back on the shelves.\nOpening hours stay the same: nine to six on weekdays.',
    );
    expect(paragraphs.at(-1)).toMatch(/^The children's corner will follow in May/);
    expect(paragraphs.some((p) => p.startsWith('The town library in Keswater reopened'))).toBe(true);
  });

  it('GIVEN an embedded post in a "social" wrapper THEN the quoted post stays in the story, in its place', () => {
    const text = article(EMBED_PAGE).text;
    const post = text.indexOf('Parking rules protect the old town');
    expect(post).toBeGreaterThan(text.indexOf('The mayor of Lindqvist'));
    expect(post).toBeLessThan(text.indexOf('Shop owners'));
  });

  it('GIVEN an empty page, whitespace, or markup without words THEN the error says there is no article', () => {
    for (const html of [
      '',
      '   \n ',
      '<html><head></head><body><div><img src="a.png"></div></body></html>',
      '<<<>>>',
    ]) {
      const result = extractArticle(html, undefined);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('no-article');
    }
  });

  it('GIVEN binary garbage THEN the answer is an error or a text, never an exception', () => {
    let seed = 7;
    const noise = Array.from({ length: 20_000 }, () =>
      String.fromCharCode((seed = (seed * 48271) % 2147483647) % 256),
    ).join('');
    const result = extractArticle(noise, undefined);
    expect(typeof result.ok).toBe('boolean');
  });
});

describe('extractArticle on hostile pages', () => {
  it('GIVEN a 50 MB page THEN it is refused as too large without being parsed', () => {
    const huge = '<html><body>' + '<p>word </p>'.repeat(5_000_000) + '</body></html>';
    const result = extractArticle(huge, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('GIVEN tags nested a hundred thousand deep THEN it is refused as too deep', () => {
    const deep =
      '<html><body>' +
      '<div>'.repeat(100_000) +
      '<p>bottom</p>' +
      '</div>'.repeat(100_000) +
      '</body></html>';
    expect(extractArticle(deep, undefined)).toMatchObject({ ok: false, error: { code: 'too-deep' } });
  });

  it('GIVEN unclosed tags nested deep THEN it is refused as too deep', () => {
    const deep = '<html><body>' + '<span><b><i>'.repeat(50_000) + 'text';
    expect(extractArticle(deep, undefined)).toMatchObject({ ok: false, error: { code: 'too-deep' } });
  });

  it('GIVEN a page of two hundred thousand tiny elements THEN it is refused as too many elements', () => {
    const wide = '<html><body>' + '<i>x</i>'.repeat(200_000) + '</body></html>';
    expect(extractArticle(wide, undefined)).toMatchObject({
      ok: false,
      error: { code: 'too-many-elements' },
    });
  });

  it('GIVEN a page with no <body> and an unclosed script THEN the story text before it is still found', () => {
    const page = `<p>${HARBOUR_STORY[0]}</p><p>${HARBOUR_STORY[4]}</p><script>while (true) {`;
    expect(article(page).text).toBe(`${HARBOUR_STORY[0]}\n\n${HARBOUR_STORY[4]}`);
  });
});
