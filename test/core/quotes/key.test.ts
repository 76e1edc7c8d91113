import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/core/analyze.js';
import { extractQuotes } from '../../../src/core/quotes/extract.js';
import { wordCount } from '../../../src/core/quotes/key.js';

const ARTICLE = [
  'Home » Region » Lakeport Weighs Closing Old Bridge',
  'By Staff Writer',
  '',
  'Lakeport’s mayor said Tuesday that the city is considering closing the old river bridge to heavy trucks after inspectors found new cracks.',
  '',
  'Mayor Ines Cabral said the inspectors called the cracks “worrying” and asked for more tests.',
  '',
  '“We are considering closing the bridge to heavy trucks until the cracks are repaired,” Cabral said at a news conference.',
  '',
  'Truck drivers said a closure would add an hour to their routes. “Nobody asked us,” said Lee Grant, who drives for a grain firm.',
  '',
  '“The city has known about the cracks for years and did nothing until the newspapers wrote about them,” Grant said. He said his trucks would have to go the long way.',
  '',
  '“We will publish every inspection report from now on,” she said. “People have a right to know what we know.”',
  '',
  'Source : Lakeport Daily',
].join('\n');

describe('extractQuotes: key quotes', () => {
  const quotes = extractQuotes(ARTICLE, {
    title: 'Lakeport Weighs Closing Old Bridge',
    lede: 'Lakeport’s mayor said Tuesday that the city is considering closing the old river bridge to heavy trucks after inspectors found new cracks.',
  });
  const keys = quotes.filter((q) => q.key);

  it('GIVEN an article with quotes THEN one or two are key', () => {
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(keys.length).toBeLessThanOrEqual(2);
  });

  it('GIVEN a quote that says what the headline says THEN it is a key quote', () => {
    expect(keys.map((q) => q.text)).toContainEqual(
      expect.stringContaining('We are considering closing the bridge'),
    );
  });

  it('GIVEN fragments and short remarks THEN they are never key', () => {
    for (const q of quotes.filter(
      (x) => x.text.startsWith('worrying') || x.text.startsWith('Nobody asked'),
    )) {
      expect(q.key).toBe(false);
    }
  });

  it('GIVEN "she said" after a woman and a man spoke THEN the woman is the speaker', () => {
    const q = quotes.find((x) => x.text.startsWith('We will publish'));
    expect(q?.speaker.name).toBe('Ines Cabral');
    expect(quotes.find((x) => x.text.startsWith('People have a right'))?.speaker.name).toBe('Ines Cabral');
  });

  it('GIVEN only fragments THEN no quote is key', () => {
    const only = extractQuotes('The plan was called “bold” by some and “reckless” by others.', {
      title: null,
      lede: '',
    });
    expect(only.some((q) => q.key)).toBe(false);
  });
});

describe('extractQuotes: key quotes come from the surest attributions', () => {
  it('GIVEN a quote credited plainly ("...," Lee said) and one credited by a colon a paragraph before THEN only the plain one is key', () => {
    const text = [
      'The harbor bridge will close to trucks for a year, the city said.',
      '',
      'Port director Sam Okafor had this to say about the plan:',
      '',
      '“Closing the harbor bridge to trucks for a year will cost the port its busiest season.”',
      '',
      '“We have asked the city to keep one lane open for the ferries and the buses,” Dana Lee said.',
    ].join('\n');
    const quotes = extractQuotes(text, { title: 'Harbor bridge to close to trucks for a year', lede: '' });
    const colon = quotes.find((q) => q.text.startsWith('Closing the harbor'));
    const plain = quotes.find((q) => q.text.startsWith('We have asked'));
    expect(colon?.speaker.name).toBe('Sam Okafor');
    expect(plain?.key).toBe(true);
    expect(colon?.key).toBe(false);
  });
});

describe('analyzeArticle: quotes', () => {
  it('GIVEN boilerplate above the article THEN quote offsets still index the input text', () => {
    const analysis = analyzeArticle({ text: ARTICLE });
    expect(analysis.quotes.length).toBeGreaterThan(0);
    for (const q of analysis.quotes) {
      const span = ARTICLE.slice(q.start, q.end);
      expect(span.startsWith('“')).toBe(true);
      expect(span).toContain(q.text.split('\n')[0] ?? '');
    }
  });
});

describe('wordCount', () => {
  /** The definition: starts of runs of [a-z0-9] (case folded by setting bit 5) or anything past ASCII. */
  const reference = (s: string, limit = Infinity): number => {
    let n = 0;
    let inWord = false;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i) | 32;
      const letter = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
      if (letter && !inWord && ++n >= limit) return n;
      inWord = letter;
    }
    return n;
  };

  it('counts words of letters, digits and non-ASCII letters, as the definition does, at every character boundary', () => {
    const texts = [
      '',
      '“We will rebuild,” said Dragan Petrović, 54.',
      'Priština — Kosovo’s capital; 2,000 people (AP)',
      '@[`{ ~ ^ _ | AZaz09 \u0010\u0019 \u007f\u0080 ÿ Ω я 中文',
    ];
    for (const text of texts) {
      expect(wordCount(text), text).toBe(reference(text));
      for (let from = 0; from <= text.length; from += 3)
        expect(wordCount(text, from, text.length), `${text} from ${from}`).toBe(reference(text.slice(from)));
    }
  });

  it('stops at the limit it is given', () => {
    const text = 'one two three four five six';
    expect(wordCount(text, 0, text.length, 3)).toBe(3);
    expect(wordCount(text, 0, text.length, 10)).toBe(6);
  });
});
