import { describe, expect, it } from 'vitest';
import { buildNameIndex } from '../../../src/core/places/name-index.js';
import { scanNames } from '../../../src/core/places/windows.js';
import { tag } from './helpers.js';

const index = buildNameIndex<string>([
  ['Papua New Guinea', 'PG'],
  ['Kenya', 'KE'],
  ['speak English', '-'],
  ['English', 'GB'],
  ['the States', 'US'],
  ['Guinea-Bissau', 'GW'],
  ["Cote d'Ivoire", 'CI'],
]);
const found = (...texts: string[]): string[] =>
  scanNames(
    texts.map((text, unit) => ({ text, unit })),
    index,
  ).matches.map((m) => m.value);

describe('scanNames: names found around capitalized words only', () => {
  it('GIVEN a long name starting inside the window of another THEN it is read to its end', () => {
    expect(found('Kenya and Papua New Guinea signed a deal.')).toEqual(['KE', 'PG']);
  });

  it('GIVEN a name that needs the word before it THEN that word decides', () => {
    expect(found('Few speak English here.', 'English rain fell.')).toEqual(['-', 'GB']);
    expect(found('He moved to the States.', 'States rights.')).toEqual(['US']);
  });

  it('GIVEN curly apostrophes, dashes and a shouted headline THEN names still match', () => {
    expect(found('Talks in Côte d’Ivoire.')).toEqual(['CI']);
    expect(found('Talks in Cote d’Ivoire.')).toEqual(['CI']);
    expect(found('GUINEA–BISSAU VOTES', 'KENYA WINS')).toEqual(['GW', 'KE']);
  });

  it('GIVEN a name at the end of one sentence THEN it does not run into the next', () => {
    expect(found('They came from Papua New', 'Guinea pigs are pets.')).toEqual([]);
  });
});

describe('tagPlaces on a long story', () => {
  it('GIVEN thousands of sentences THEN it still answers, with the countries named', () => {
    const filler = 'The council met on Monday and The Mayor said nothing new. '.repeat(3000);
    const p = tag(`Floods hit Kenya. ${filler} Kenya asked for help.`, 'Floods in Kenya');
    expect(p.countries).toEqual(['KE']);
  });
});
