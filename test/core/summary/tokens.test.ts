import { describe, expect, it } from 'vitest';
import { contentWords, isStopword, tokenize, wordCount } from '../../../src/core/summary/tokens.js';

describe('tokens', () => {
  it('GIVEN a sentence THEN every word is counted and only topic words are kept', () => {
    const t = tokenize('The council voted on Tuesday to repair the bridge.');
    expect(t.count).toBe(9);
    // council, voted, tuesday, repair, bridge: "the", "on" and "to" carry no topic
    expect(t.content).toEqual(contentWords('council voted Tuesday repair bridge'));
    expect(t.content).toHaveLength(5);
  });

  it('GIVEN the same word in different case or with a possessive THEN it is the same token', () => {
    const [a] = contentWords('Kosovo');
    expect(contentWords('KOSOVO')).toEqual([a]);
    expect(contentWords('Kosovo’s')[0]).toBe(a);
    expect(contentWords("Kosovo's")[0]).toBe(a);
  });

  it('GIVEN accented words and numbers THEN they are words too', () => {
    expect(wordCount('Vučić met Osmani on 24 September, 2023.')).toBe(7);
    expect(contentWords('Vučić')).toHaveLength(1);
  });
});

describe('isStopword', () => {
  it('knows every kind of stopword and no topic word', () => {
    for (const w of ['the', 'of', 'according', 'said', 'mr', 'wasn', 'theirs'])
      expect(isStopword(w)).toBe(true);
    for (const w of ['nato', 'kosovo', 'summit', 'stoltenberg', 'flood', 'th', 'sai'])
      expect(isStopword(w)).toBe(false);
  });
});
