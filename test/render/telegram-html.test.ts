import { describe, expect, it } from 'vitest';
import { buildBriefing, type Reply } from '../../src/core/briefing/index.js';
import { renderDiscord, renderPlain, renderTelegram, truncateHtml } from '../../src/render/index.js';
import { keyQuote, makeAnalysis, NOW } from '../commands/helpers/fixtures.js';
import { parseTelegramHtml } from '../helpers/telegram-html-check.js';

const hostile = makeAnalysis({
  title: 'Prices < wages & <script>alert("x")</script> rise',
  lede: 'Shoppers in Skopje said <b>costs</b> & rents rose; contact @newsdesk_admin or @everyone.',
  summary: ['Shoppers in Skopje said.', 'A "quoted" <i>line</i> & more.'],
  quotes: [keyQuote('We <can> & will', 'Dana <Ilić>', 'head of the "union"')],
  countries: ['MK', 'XK'],
});

function story(i: number, size = 200): Reply['blocks'][number] {
  const analysis = makeAnalysis({ title: `Story ${i}`, lede: `Lede ${i} ${'word '.repeat(size / 5)}` });
  return {
    kind: 'briefing',
    briefing: buildBriefing({ analysis, url: `https://n.example/${i}`, outlets: 1, publishedAt: NOW }, NOW),
  };
}

describe('Telegram HTML', () => {
  it('GIVEN hostile feed text THEN everything is escaped, mentions are neutralised and Telegram would accept it', () => {
    const b = buildBriefing(
      { analysis: hostile, url: 'https://n.example/a?x="1"&y=<2>', outlets: 2, publishedAt: NOW },
      NOW,
    );
    const [message, ...rest] = renderTelegram({ blocks: [{ kind: 'briefing', briefing: b }] });
    expect(rest).toEqual([]);
    const html = message!.text;
    expect(html).toContain('Prices &lt; wages &amp; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; rise');
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/@everyone|@newsdesk_admin/);
    expect(html).toContain('— <i>Dana &lt;Ilić&gt;, head of the &quot;union&quot;</i>');
    expect(html).toContain('🇲🇰 Kosovo · 2 outlets · just now');
    const parsed = parseTelegramHtml(html);
    expect(parsed).toMatchObject({ ok: true });
    expect(parsed.ok && parsed.text).toContain('Prices < wages & <script>');
    expect(message!.linkPreview).toEqual({
      url: 'https://n.example/a?x=%221%22&y=%3C2%3E',
      prefer_small_media: true,
      show_above_text: false,
    });
  });

  it('GIVEN bidirectional overrides in feed text THEN they are dropped on every platform', () => {
    const analysis = makeAnalysis({
      title: 'Price of \u202etlas\u202c rises',
      lede: 'A \u2067quoted\u2069 lede.',
    });
    const b = buildBriefing({ analysis, url: null, outlets: 1, publishedAt: NOW }, NOW);
    const reply: Reply = { blocks: [{ kind: 'briefing', briefing: b }] };
    const shown = [renderTelegram(reply)[0]!.text, renderPlain(reply), JSON.stringify(renderDiscord(reply))];
    for (const text of shown) {
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(text).toContain('Price of tlas rises');
    }
  });

  it('GIVEN a command’s usage and an error with an example THEN the examples are code, exactly as typed, and feed-style mentions are still broken', () => {
    const reply: Reply = {
      blocks: [
        {
          kind: 'usage',
          usage: '/subscribe <region|topic> [daily|HH:MM]',
          about: 'Get a digest; ask @newsdesk_admin',
          example: '/subscribe balkans daily@08:00 Europe/Belgrade',
        },
        {
          kind: 'error',
          message: 'Try weekdays@07:30 or @everyone',
          example: '/subscribe sahel weekdays@07:30',
        },
      ],
    };
    const [message] = renderTelegram(reply);
    const html = message!.text;
    expect(html).toContain('Example: <code>/subscribe balkans daily@08:00 Europe/Belgrade</code>');
    expect(html).toContain('Example: <code>/subscribe sahel weekdays@07:30</code>');
    expect(html).toContain('<b>/subscribe &lt;region|topic&gt; [daily|HH:MM]</b>');
    expect(html).toContain('Try weekdays@07:30 or @\u2060everyone');
    expect(html).toContain('ask @\u2060newsdesk_admin');
    expect(html).not.toMatch(/@\u2060\d/);
    expect(parseTelegramHtml(html)).toMatchObject({ ok: true });
    expect(renderPlain(reply)).toContain('  Example: /subscribe balkans daily@08:00 Europe/Belgrade');
    const [discord] = renderDiscord(reply);
    expect(discord!.content).toContain('Example: `/subscribe balkans daily@08:00 Europe/Belgrade`');
    expect(discord!.content).toContain('Example: `/subscribe sahel weekdays@07:30`');
  });

  it('GIVEN a javascript: link THEN the headline is not a link at all', () => {
    const b = buildBriefing(
      { analysis: hostile, url: 'javascript:alert(1)', outlets: 1, publishedAt: null },
      NOW,
    );
    const [message] = renderTelegram({ blocks: [{ kind: 'briefing', briefing: b }] });
    expect(message!.text).not.toContain('href');
    expect(message!.linkPreview).toEqual({ is_disabled: true });
  });

  it('GIVEN many stories THEN messages split only between stories, each within 4096 and valid', () => {
    const blocks = Array.from({ length: 40 }, (_, i) => story(i, 400));
    const messages = renderTelegram({ blocks });
    expect(messages.length).toBeGreaterThan(1);
    const joined = messages.map((m) => m.text).join('\n\n');
    for (let i = 0; i < 40; i++) expect(joined).toContain(`>Story ${i}<`);
    for (const m of messages) {
      expect(m.text.length).toBeLessThanOrEqual(4096);
      expect(parseTelegramHtml(m.text).ok).toBe(true);
      // Every message starts with a story's headline: no story was cut in two.
      expect(m.text.startsWith('<b><a href=')).toBe(true);
      expect(m.linkPreview).toEqual({ is_disabled: true });
    }
  });

  it('GIVEN one story longer than a message THEN it is cut without breaking a tag or an entity', () => {
    const long = makeAnalysis({ lede: '&<> '.repeat(3000), quotes: [keyQuote('x'.repeat(50), 'A', null)] });
    const b = buildBriefing(
      { analysis: long, url: 'https://n.example/long', outlets: 1, publishedAt: null },
      NOW,
    );
    const [message] = renderTelegram({ blocks: [{ kind: 'briefing', briefing: b }] });
    expect(message!.text.length).toBeLessThanOrEqual(4096);
    expect(message!.text.endsWith('…')).toBe(true);
    expect(parseTelegramHtml(message!.text).ok).toBe(true);
  });

  it('GIVEN HTML cut at every length THEN the result is always valid and within the length', () => {
    const html =
      '<b><a href="https://x.example/?a=1&amp;b=2">Head &amp; title</a></b>\n<blockquote>“Q &lt;x&gt;”\n— <i>Who</i></blockquote>';
    for (let max = 8; max <= html.length + 2; max++) {
      const cut = truncateHtml(html, max);
      expect(cut.length, `max ${max}`).toBeLessThanOrEqual(Math.max(max, html.length));
      expect(parseTelegramHtml(cut), `max ${max}: ${cut}`).toMatchObject({ ok: true });
    }
  });
});

describe('plain text', () => {
  it('GIVEN a briefing THEN the terminal text has headline, link, lede, points, quote and footer, unescaped', () => {
    const b = buildBriefing(
      { analysis: hostile, url: 'https://n.example/a', outlets: 2, publishedAt: NOW },
      NOW,
    );
    const text = renderPlain({
      blocks: [
        { kind: 'briefing', briefing: b },
        { kind: 'error', message: 'Bad', example: '/help' },
      ],
    });
    expect(text).toContain('Prices < wages & <script>');
    expect(text).toContain('https://n.example/a');
    expect(text).toContain('  • A "quoted" <i>line</i> & more.');
    expect(text).toContain('“We <can> & will”\n    — Dana <Ilić>, head of the "union"');
    expect(text).toContain('! Bad\n  Example: /help');
  });

  it('GIVEN a reply with actions THEN the terminal shows each as the command to type', () => {
    const text = renderPlain({
      blocks: [{ kind: 'text', text: 'Move them?' }],
      actions: [
        { label: 'Move', run: '/settings tz Europe/Belgrade move yes' },
        { label: 'Keep', run: '/settings tz Europe/Belgrade move no' },
      ],
      choice: true,
    });
    expect(text).toBe(
      'Move them?\n\n  → Move: /settings tz Europe/Belgrade move yes\n  → Keep: /settings tz Europe/Belgrade move no',
    );
  });
});
