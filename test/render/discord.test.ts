import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing/index.js';
import {
  briefingEmbed,
  embedSize,
  escapeDiscord,
  regionColour,
  renderDiscord,
} from '../../src/render/index.js';
import { keyQuote, makeAnalysis, NOW } from '../commands/helpers/fixtures.js';
import { messageProblem } from '../helpers/fake-discord.js';

const briefing = (
  over: Parameters<typeof makeAnalysis>[0] = {},
  url: string | null = 'https://n.example/a',
) =>
  buildBriefing(
    {
      analysis: makeAnalysis(over),
      url,
      outlets: 3,
      outletNames: ['n.example', 'b.example', 'c.example'],
      publishedAt: NOW,
    },
    NOW,
  );

describe('Discord rendering', () => {
  it('GIVEN a story THEN one embed: linked headline, lede and points, the quote with speaker and role, flags and outlets, time, region colour', () => {
    const e = briefingEmbed(
      briefing({
        countries: ['RS', 'XK'],
        quotes: [keyQuote('We are open', 'Mira Jovanović', 'harbour master')],
      }),
    );
    expect(e).toMatchObject({
      title: 'Dunavac port reopens',
      url: 'https://n.example/a',
      timestamp: NOW.toISOString(),
      color: regionColour(['balkans']),
      fields: [{ name: 'Mira Jovanović, harbour master', value: '“We are open”' }],
      footer: { text: '🇷🇸 Kosovo · n.example and 2 more outlets' },
    });
    expect(e.description).toBe(
      'The river port of Dunavac reopened on Monday after three weeks of repairs.\n\n• Barges queued along the bank overnight.\n• Officials expect traffic to recover within days.',
    );
    expect(regionColour(['balkans'])).not.toBe(regionColour(['sahel']));
  });

  it('GIVEN a javascript: address THEN the embed has no link', () => {
    expect(briefingEmbed(briefing({}, 'javascript:alert(1)')).url).toBeUndefined();
  });

  it('GIVEN huge feed text THEN every field is cut to its limit without leaving a dangling escape', () => {
    const e = briefingEmbed(
      briefing({
        title: '*'.repeat(1000),
        lede: '_'.repeat(9000),
        quotes: [keyQuote('`'.repeat(3000), 'N'.repeat(400), null)],
      }),
    );
    expect(e.title.length).toBeLessThanOrEqual(256);
    expect(e.description!.length).toBeLessThanOrEqual(4096);
    expect(e.fields![0]!.value.length).toBeLessThanOrEqual(1024);
    expect(e.fields![0]!.name.length).toBeLessThanOrEqual(256);
    for (const text of [e.title, e.description!, e.fields![0]!.value])
      expect(text).not.toMatch(/(^|[^\\])(\\\\)*\\…$/);
    expect(embedSize(e)).toBeLessThanOrEqual(6000);
  });

  it('GIVEN markdown and mentions THEN they are escaped and broken', () => {
    expect(escapeDiscord('**a** _b_ > c <@&1> @here # h')).toBe(
      '\\*\\*a\\*\\* \\_b\\_ \\> c \\<@&1\\> @\u2060here # h',
    );
    expect(escapeDiscord('# Heading\n- item\n1. first\n-# small')).toBe(
      '\\# Heading\n\\- item\n\\1. first\n\\-# small',
    );
  });

  it('GIVEN text before stories and a long list THEN content stays within 2,000 and lists split between items', () => {
    const items = Array.from(
      { length: 120 },
      (_, i) => `feed number ${i} at https://feeds.example/${i}/rss.xml`,
    );
    const messages = renderDiscord({
      blocks: [
        { kind: 'text', text: 'The Balkans: 2 stories' },
        { kind: 'briefing', briefing: briefing() },
        { kind: 'briefing', briefing: briefing({ title: 'Second' }) },
        { kind: 'list', title: 'Sources', items },
      ],
    });
    expect(messages[0]!.content).toBe('The Balkans: 2 stories');
    expect(messages[0]!.embeds.map((e) => e.title)).toEqual(['Dunavac port reopens', 'Second']);
    for (const m of messages) expect(messageProblem(m)).toBeNull();
    const listed = messages
      .slice(1)
      .map((m) => m.content)
      .join('\n');
    expect(listed.match(/feed number \d+/g)).toHaveLength(120);
  });

  it('GIVEN an error with an example THEN the example is code, copied as typed', () => {
    const [m] = renderDiscord({
      blocks: [{ kind: 'error', message: 'Unknown region "x".', example: '/latest balkans' }],
    });
    expect(m!.content).toBe('⚠️ Unknown region "x".\nExample: `/latest balkans`');
  });
});
