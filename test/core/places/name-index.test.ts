import { describe, expect, it } from 'vitest';
import {
  buildNameIndex,
  hashStep,
  namesOfAsciiWord,
  namesStartingWith,
} from '../../../src/core/places/name-index.js';
import {
  CHAR_FLAGS,
  IS_SPACE,
  IS_WORD,
  isSpaceCode,
  isWordCode,
  nameTokens,
} from '../../../src/core/places/tokens.js';
import { scanNames } from '../../../src/core/places/windows.js';

const index = buildNameIndex<string>([
  ['Georgia', 'GE'],
  ['GEORGIA', 'caps'],
  ['Guinea', 'GN'],
  ['Chad', 'TD'],
  ['South Africa', 'ZA'],
  ['South Sudan', 'SS'],
  ['South Korea', 'KR'],
  ['South Ossetia', 'GE'],
  ['South Georgia', 'GS'],
  ['South Carolina', 'US'],
  ['South Dakota', 'US'],
  ['South Australia', 'AU'],
  ['South Tyrol', 'IT'],
  ['South', 'compass'],
  ["South ' s Isle", 'odd'],
]);

function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

describe('namesOfAsciiWord: the hash table agrees with the Map', () => {
  it('GIVEN exact keys, shouted words, other cases and non-keys THEN the same names', () => {
    for (const word of [
      'Georgia',
      'GEORGIA',
      'GUINEA',
      'Guinea',
      'CHAD',
      'Chad',
      'GeOrgia',
      'Kenya',
      'KENYA',
      'G',
    ])
      expect(namesOfAsciiWord(index, ` ${word} `, 1, 1 + word.length, hashOf(word))).toBe(
        namesStartingWith(index, word),
      );
  });

  it('GIVEN a shouted word that is also a key as written THEN the exact key wins', () => {
    expect(namesOfAsciiWord(index, 'GEORGIA', 0, 7, hashOf('GEORGIA'))?.list[0]?.value).toBe('caps');
  });
});

describe('long name lists: looked up by the next token', () => {
  const found = (text: string): string[] => scanNames([{ text, unit: 0 }], index).matches.map((m) => m.value);

  it('GIVEN a second token of the list THEN its name, else the one-token name', () => {
    expect(found('Rain in South Tyrol and South Korea.')).toEqual(['IT', 'KR']);
    expect(found('Winds from the South today.')).toEqual(['compass']);
    expect(found('Winds from the South')).toEqual(['compass']);
  });

  it('GIVEN a curly apostrophe where a name has a straight one THEN it still matches', () => {
    expect(found('Off South’s Isle.')).toEqual(['odd']);
  });
});

describe('CHAR_FLAGS', () => {
  it('GIVEN every UTF-16 code unit THEN the flags agree with isWordCode and isSpaceCode', () => {
    for (let c = 0; c < 0x10000; c++) {
      const flags = CHAR_FLAGS[c] ?? 0;
      if (((flags & IS_WORD) !== 0) !== isWordCode(c) || ((flags & IS_SPACE) !== 0) !== isSpaceCode(c))
        expect.fail(`code ${c.toString(16)}`);
    }
  });

  it('GIVEN a name THEN its folded tokens', () => {
    expect(nameTokens("Côte d'Ivoire")).toEqual(['Cote', 'd', "'", 'Ivoire']);
    expect(nameTokens('Guinea-Bissau')).toEqual(['Guinea', '-', 'Bissau']);
  });
});

describe('scanNames on an accented story', () => {
  it('GIVEN an accented letter in a later unit THEN every unit is folded, names in all found', () => {
    const units = ['Chad and Georgia met.', 'Talks in Guinéa\u2029went on.'].map((text, unit) => ({
      text,
      unit,
    }));
    const scan = scanNames(units, index);
    expect(scan.matches.map((m) => m.value)).toEqual(['TD', 'GE', 'GN']);
    expect(scan.matches.map((m) => scan.tokens.data[3 * m.start + 2])).toEqual([0, 0, 1]);
  });
});
