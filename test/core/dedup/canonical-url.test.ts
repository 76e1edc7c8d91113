import { describe, expect, it } from 'vitest';
import { canonicalUrl, outletOf } from '../../../src/core/dedup/canonical-url.js';

describe('canonicalUrl', () => {
  it('GIVEN a shared link with tracking parameters and a fragment THEN they are dropped', () => {
    expect(
      canonicalUrl(
        'https://Example.COM/news/story-1?utm_source=tw&utm_medium=social&fbclid=abc&gclid=x#comments',
      ),
    ).toBe('https://example.com/news/story-1');
    expect(canonicalUrl('https://example.com/a?mc_cid=1&mc_eid=2&ref=homepage&cmpid=rss&id=7')).toBe(
      'https://example.com/a?id=7',
    );
  });

  it('GIVEN meaningful parameters in any order THEN they are kept and sorted', () => {
    expect(canonicalUrl('https://example.com/article?page=2&id=15')).toBe(
      'https://example.com/article?id=15&page=2',
    );
    expect(canonicalUrl('https://example.com/article?id=15&page=2')).toBe(
      canonicalUrl('https://example.com/article?page=2&utm_campaign=x&id=15'),
    );
  });

  it('GIVEN a default port, an upper-case host and a trailing slash THEN they are normalised', () => {
    expect(canonicalUrl('HTTPS://WWW.Example.com:443/world/europe/')).toBe(
      'https://www.example.com/world/europe',
    );
    expect(canonicalUrl('http://example.com:80/x//')).toBe('http://example.com/x');
    expect(canonicalUrl('https://example.com:8443/x')).toBe('https://example.com:8443/x');
    expect(canonicalUrl('https://example.com')).toBe('https://example.com/');
  });

  it('GIVEN something that is not an http(s) address THEN there is no canonical form', () => {
    expect(canonicalUrl('not a url')).toBeUndefined();
    expect(canonicalUrl('ftp://example.com/file')).toBeUndefined();
    expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
  });

  it('GIVEN addresses on www, mobile and bare hosts THEN they are one outlet', () => {
    expect(outletOf('https://www.bbc.co.uk/news/1')).toBe('bbc.co.uk');
    expect(outletOf('https://m.bbc.co.uk/news/2')).toBe('bbc.co.uk');
    expect(outletOf('https://balkaninsight.com/x')).toBe('balkaninsight.com');
    expect(outletOf('https://www.rferl.org/a')).not.toBe(outletOf('https://www.dw.com/a'));
  });
});
