import { describe, expect, it } from 'vitest';
import { analyzeJsonLine, type PageExtractor } from '../../../src/cli/analyze.js';
import { extractArticle } from '../../../src/sources/extract/index.js';
import { HARBOUR_STORY, NEWS_PAGE } from './pages.js';

const extractPage: PageExtractor = (html, url) => {
  const result = extractArticle(html, url);
  return result.ok ? result.value : { error: `${result.error.code}: ${result.error.message}` };
};

describe('analyze --jsonl with page lines', () => {
  it('GIVEN an {id,url,html} line THEN body is the extracted story and every quote offset points into body', () => {
    const line = JSON.stringify({ id: 'p1', url: 'https://news.example/pier', html: NEWS_PAGE });
    const result = analyzeJsonLine(line, 1, { extractPage });
    if ('error' in result) throw new Error(result.error);
    expect(result.body).toBe(HARBOUR_STORY.join('\n\n'));
    for (const sentence of result.sentences) expect(result.body).toContain(sentence);
    // Quote offsets index the analysed text; it must be body itself (checked for each quote found).
    for (const quote of result.quotes) {
      const span = result.body.slice(quote.start, quote.end);
      expect(span).toContain(quote.text);
    }
    expect(result.title).toBe('Port Wexley closes ferry pier');
  });

  it('GIVEN a page line with a page that holds no text THEN the line gets an error naming why', () => {
    const line = JSON.stringify({
      id: 'p2',
      url: 'https://news.example/empty',
      html: '<html><body> </body></html>',
    });
    expect(analyzeJsonLine(line, 3, { extractPage })).toMatchObject({
      id: 'p2',
      line: 3,
      error: /no-article/,
    });
  });
});
