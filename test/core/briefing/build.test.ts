import { describe, expect, it } from 'vitest';
import { buildBriefing, countryMark, flagEmoji, formatAge } from '../../../src/core/briefing/index.js';
import { fileArticleUrl } from '../../../src/cli/ingest.js';
import { renderDiscord, renderPlain, renderTelegram } from '../../../src/render/index.js';
import { keyQuote, makeAnalysis, NOW } from '../../commands/helpers/fixtures.js';

describe('buildBriefing', () => {
  it('GIVEN an analysis THEN the points are the summary without the lede, at most three', () => {
    const a = makeAnalysis({
      lede: 'First sentence.',
      summary: ['First sentence.', 'Second.', 'Third.', 'Fourth.', 'Fifth.'],
    });
    const b = buildBriefing({ analysis: a, url: 'https://x.example/a', outlets: 3, publishedAt: NOW }, NOW);
    expect(b.points).toEqual(['Second.', 'Third.', 'Fourth.']);
    expect(b.outlets).toBe(3);
    expect(b.age).toBe('just now');
  });

  it('GIVEN several key quotes THEN the attributed one is chosen, with speaker and role', () => {
    const a = makeAnalysis({
      quotes: [
        keyQuote('Nobody knows', null, null),
        keyQuote('We will rebuild, ', 'Ana Petrova', 'mayor of Lakeport'),
      ],
    });
    const b = buildBriefing({ analysis: a, url: null, outlets: 0, publishedAt: null }, NOW);
    expect(b.quote).toEqual({ text: 'We will rebuild', speaker: 'Ana Petrova', role: 'mayor of Lakeport' });
    expect(b.outlets).toBe(1);
    expect(b.age).toBeNull();
  });

  it('GIVEN no title THEN the lede, shortened, stands in as the headline', () => {
    const lede = 'A '.repeat(100) + 'long lede.';
    const b = buildBriefing(
      { analysis: makeAnalysis({ title: null, lede }), url: null, outlets: 1, publishedAt: null },
      NOW,
    );
    expect(b.headline.length).toBeLessThanOrEqual(120);
    expect(b.headline.endsWith('…')).toBe(true);
  });
});

describe('flags and age', () => {
  it('GIVEN ISO codes THEN regional-indicator flags; GIVEN XK THEN no flag but the name Kosovo', () => {
    expect(flagEmoji('rs')).toBe('🇷🇸');
    expect(flagEmoji('BA')).toBe('🇧🇦');
    expect(flagEmoji('XK')).toBeNull();
    expect(countryMark('XK')).toEqual({ code: 'XK', flag: null, name: 'Kosovo' });
    expect(flagEmoji('not a code')).toBeNull();
  });

  it('GIVEN ages THEN they read in minutes, hours and days, never in the future', () => {
    const ago = (ms: number): string => formatAge(new Date(NOW.getTime() - ms), NOW);
    expect(ago(-60_000)).toBe('just now');
    expect(ago(5 * 60_000)).toBe('5 min ago');
    expect(ago(3 * 3_600_000)).toBe('3 h ago');
    expect(ago(49 * 3_600_000)).toBe('2 days ago');
  });

  it('GIVEN an article stored from a local file THEN its briefing has no link and shows no trace of the path', () => {
    const url = fileArticleUrl('/srv/newsdesk/private/voa-nato-balkans.txt');
    const b = buildBriefing(
      {
        analysis: makeAnalysis(),
        url,
        outlets: 1,
        outletNames: ['local-file.invalid'],
        publishedAt: NOW,
      },
      NOW,
    );
    expect(b.url).toBeNull();
    expect(b.outletNames).toEqual([]);
    const reply = { blocks: [{ kind: 'briefing' as const, briefing: b }] };
    const [telegram] = renderTelegram(reply);
    const shown = [telegram!.text, JSON.stringify(renderDiscord(reply)), renderPlain(reply)].join('\n');
    expect(shown).not.toMatch(/local-file|\.invalid|\/srv\/|private/);
    expect(telegram!.text).not.toContain('<a ');
    expect(telegram!.linkPreview).toEqual({ is_disabled: true });
  });

  it('GIVEN a story with a public address and a local copy among its outlets THEN the link stays and the local one is not named', () => {
    const b = buildBriefing(
      {
        analysis: makeAnalysis(),
        url: 'https://news.example/a',
        outlets: 2,
        outletNames: ['news.example', 'local-file.invalid'],
        publishedAt: NOW,
      },
      NOW,
    );
    expect(b.url).toBe('https://news.example/a');
    expect(b.outletNames).toEqual(['news.example']);
  });
});
