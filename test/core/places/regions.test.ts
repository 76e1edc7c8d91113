import countries from 'world-countries/countries.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import {
  findRegion,
  listRegions,
  regionsOfCountry,
  suggestRegions,
} from '../../../src/core/places/regions.js';

const NEWS_DESK_SLUGS = [
  'balkans',
  'baltics',
  'caucasus',
  'central-asia',
  'eastern-europe',
  'western-europe',
  'nordics',
  'middle-east',
  'gulf',
  'north-africa',
  'sahel',
  'west-africa',
  'horn-of-africa',
  'east-africa',
  'central-africa',
  'southern-africa',
  'south-asia',
  'east-asia',
  'southeast-asia',
  'oceania',
  'north-america',
  'central-america-caribbean',
  'south-america',
  'europe',
  'africa',
  'asia',
  'americas',
];

describe('the region table', () => {
  it('GIVEN the table THEN it has every grouping news desks use', () => {
    const slugs = listRegions().map((r) => r.slug);
    expect(slugs).toEqual(expect.arrayContaining(NEWS_DESK_SLUGS));
  });

  it('GIVEN any country of the world THEN it sits in at least one region', () => {
    const homeless = countries.map((c) => c.cca2).filter((code) => regionsOfCountry(code).length === 0);
    expect(homeless).toEqual([]);
  });

  it('GIVEN Kosovo THEN it is in the Balkans and Europe; GIVEN Saudi Arabia THEN the Gulf and the Middle East', () => {
    expect(regionsOfCountry('XK')).toEqual(expect.arrayContaining(['balkans', 'europe']));
    expect(regionsOfCountry('SA')).toEqual(expect.arrayContaining(['gulf', 'middle-east', 'asia']));
  });

  it('GIVEN a slug, a name or an alias in any case THEN findRegion finds the region', () => {
    expect(findRegion('balkans')?.slug).toBe('balkans');
    expect(findRegion('The Horn of Africa')?.slug).toBe('horn-of-africa');
    expect(findRegion('Western Balkans')?.slug).toBe('balkans');
    expect(findRegion('SCANDINAVIA')?.slug).toBe('nordics');
    expect(findRegion('Middle East')?.slug).toBe('middle-east');
    expect(findRegion('atlantis')).toBeUndefined();
  });

  it('GIVEN a typo THEN suggestRegions offers the closest slugs', () => {
    expect(suggestRegions('balkns')[0]).toBe('balkans');
    expect(suggestRegions('sahell')[0]).toBe('sahel');
    expect(suggestRegions('carribean')).toContain('central-america-caribbean');
    expect(suggestRegions('zzzzzzzz')).toEqual([]);
  });

  it('GIVEN a very long query THEN suggestRegions still answers quickly with nothing', () => {
    expect(suggestRegions('x'.repeat(100_000))).toEqual([]);
  });
});
