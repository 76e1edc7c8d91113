import { describe, expect, it } from 'vitest';
import { tag } from './helpers.js';

describe('ambiguous place names, both readings', () => {
  it('GIVEN Georgia with Tbilisi and Russia THEN it is the country', () => {
    const p = tag(
      'Georgia accused Russia of moving border posts. Officials in Tbilisi said Georgia would appeal to Europe.',
    );
    expect(p.countries).toContain('GE');
    expect(p.countries).not.toContain('US');
    expect(p.regions).toContain('caucasus');
  });

  it('GIVEN Georgia with Atlanta and Florida THEN it is the US state', () => {
    const p = tag(
      'Storms hit Georgia on Tuesday. Roads near Atlanta were closed and Georgia officials asked Florida for help.',
    );
    expect(p.countries).toEqual(['US']);
  });

  it('GIVEN "Michael Jordan" THEN Jordan is a person, not the country', () => {
    const p = tag(
      'Michael Jordan played golf in Chicago on Sunday. Jordan said he had never enjoyed a round more. Jordan won.',
    );
    expect(p.countries).not.toContain('JO');
  });

  it('GIVEN Jordan with Amman and its king THEN it is the country', () => {
    const p = tag(
      'Jordan closed its border with Syria. The government in Amman said Jordan could take no more refugees.',
    );
    expect(p.countries[0]).toBe('JO');
  });

  it('GIVEN "Chad Walker" THEN Chad is a person', () => {
    const p = tag(
      'Chad Walker scored twice as Leeds beat Hull. Chad said later that the second goal was luck. Leeds are third.',
    );
    expect(p.countries).not.toContain('TD');
  });

  it('GIVEN Chad near Niger and N’Djamena THEN it is the country', () => {
    const p = tag(
      'Troops from Chad crossed into Niger. Officials in N’Djamena said Chad had lost four soldiers.',
    );
    expect(p.countries).toEqual(expect.arrayContaining(['TD', 'NE']));
    expect(p.countries).not.toContain('NG');
    expect(p.regions).toContain('sahel');
  });

  it('GIVEN a Thanksgiving Turkey THEN no country is tagged', () => {
    const p = tag(
      'Turkey prices rose before Thanksgiving. Farmers said a roast turkey now costs more. Turkey sales fell in Ohio and in Iowa.',
    );
    expect(p.countries).not.toContain('TR');
  });

  it('GIVEN Turkey with Ankara THEN it is the country', () => {
    const p = tag(
      'Turkey raised interest rates again. The central bank in Ankara said Turkey would fight inflation.',
    );
    expect(p.countries[0]).toBe('TR');
  });

  it('GIVEN Niger and Nigeria in one story THEN both are told apart', () => {
    const p = tag(
      'Niger closed its border with Nigeria. Traders in Niger said Nigerian goods were stuck. Niger held firm.',
    );
    expect(p.countries[0]).toBe('NE');
    expect(p.countries).toContain('NG');
  });

  it('GIVEN the Niger Delta THEN it is Nigeria', () => {
    const p = tag('Oil spills in the Niger Delta grew worse. Residents of the Niger Delta said no one came.');
    expect(p.countries).toEqual(['NG']);
  });

  it('GIVEN the three Guineas THEN each is its own country', () => {
    expect(tag('Guinea held elections. Voters in Guinea queued for hours.').countries).toEqual(['GN']);
    expect(tag('Guinea-Bissau held elections. Voters in Guinea-Bissau queued.').countries).toEqual(['GW']);
    expect(tag('Equatorial Guinea held elections. Equatorial Guinea voted.').countries).toEqual(['GQ']);
    expect(tag('Papua New Guinea held elections. Papua New Guinea voted.').countries).toEqual(['PG']);
  });

  it('GIVEN the two Congos THEN Kinshasa and Brazzaville tell them apart', () => {
    expect(
      tag('Fighting spread in the Democratic Republic of Congo. Kinshasa blamed rebels.').countries,
    ).toEqual(['CD']);
    expect(tag('Congo held a vote. Officials in Brazzaville said Congo was calm.').countries).toEqual(['CG']);
    expect(tag('Congo held a vote. Officials in Kinshasa said Congo was calm.').countries).toEqual(['CD']);
  });

  it('GIVEN Sudan and South Sudan THEN both are told apart', () => {
    const south = tag(
      'South Sudan marked its independence day. Leaders in Juba said South Sudan was at peace.',
    );
    expect(south.countries).toEqual(['SS']);
    const north = tag('Sudan signed a ceasefire. Generals in Khartoum said Sudan would hold talks.');
    expect(north.countries).toEqual(['SD']);
  });

  it('GIVEN Dominica and the Dominican Republic THEN both are told apart', () => {
    expect(
      tag('A hurricane struck Dominica. Roseau lost power and Dominica asked for aid.').countries,
    ).toEqual(['DM']);
    expect(
      tag(
        'A hurricane struck the Dominican Republic. Santo Domingo lost power. Dominican officials asked for aid.',
      ).countries,
    ).toEqual(['DO']);
  });

  it('GIVEN Paris, Texas THEN it is the US; GIVEN Paris alone THEN France', () => {
    expect(tag('A tornado hit Paris, Texas, on Monday. Paris, Texas, has 25,000 people.').countries).toEqual([
      'US',
    ]);
    expect(tag('Protesters marched in Paris on Monday. Police in Paris made arrests.').countries).toEqual([
      'FR',
    ]);
  });

  it('GIVEN Paris Hilton THEN she is no place', () => {
    expect(
      tag('Paris Hilton launched a perfume. Hilton said Paris was her first name.').countries,
    ).not.toContain('FR');
  });
});
