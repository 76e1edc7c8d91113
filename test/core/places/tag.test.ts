import { describe, expect, it } from 'vitest';
import { scoreCountries } from '../../../src/core/places/tag.js';
import { tag } from './helpers.js';

describe('tagPlaces: what the gazetteer lets a reader infer', () => {
  it('GIVEN only US cities and a state THEN the story is American', () => {
    expect(
      tag('A bishop in Fargo, North Dakota, fell ill. Churches in Fargo and Grand Forks warned members.')
        .countries,
    ).toEqual(['US']);
  });

  it('GIVEN Manchester and Leeds THEN the story is British', () => {
    expect(
      tag('Rail strikes hit Manchester on Friday. Trains from Leeds to Manchester were cancelled.').countries,
    ).toEqual(['GB']);
  });

  it('GIVEN former names (Burma, Swaziland, Ivory Coast, Macedonia) THEN today’s codes', () => {
    expect(tag('Burma freed prisoners. Burma said more would follow.').countries).toEqual(['MM']);
    expect(tag('Swaziland crowned a king. Swaziland celebrated.').countries).toEqual(['SZ']);
    expect(tag('Ivory Coast won the cup. Fans in Ivory Coast danced.').countries).toEqual(['CI']);
    expect(tag('Macedonia changed its name. Macedonia is now North Macedonia.').countries).toEqual(['MK']);
    expect(tag('Czechia voted. Prague counted the ballots of Czechia.').countries).toEqual(['CZ']);
  });

  it('GIVEN demonyms (Kosovar, Bosnian Serb, Sahrawi) THEN their countries', () => {
    expect(tag('Kosovar police arrested two men. Kosovar officials blamed gangs.').countries).toEqual(['XK']);
    expect(tag('Bosnian Serb leaders threatened secession. Bosnian Serb media cheered.').countries).toEqual([
      'BA',
    ]);
    expect(tag('Sahrawi refugees marched. Sahrawi leaders demanded a vote.').countries).toEqual(['EH']);
  });

  it('GIVEN sub-national regions in the news THEN their countries and regions', () => {
    expect(tag('Shelling in Donbas killed four. Donbas towns lost power.').countries).toEqual(['UA']);
    expect(tag('Aid reached Tigray. Tigray had been cut off for months.').countries).toEqual(['ET']);
    expect(tag('Fighting in Darfur displaced thousands. Darfur camps are full.').countries).toEqual(['SD']);
    const srpska = tag('Republika Srpska voted to leave state courts. Republika Srpska officials cheered.');
    expect(srpska.countries).toEqual(['BA']);
    expect(srpska.regions).toContain('balkans');
    expect(tag('Talks on Nagorno-Karabakh stalled. Nagorno-Karabakh refugees waited.').countries).toEqual([
      'AZ',
    ]);
    expect(tag('Crimea was cut off by storms. Crimea lost power.').countries).toEqual(['UA']);
    expect(tag('Gaza hospitals ran out of fuel. Doctors in Gaza pleaded for help.').countries).toEqual([
      'PS',
    ]);
  });

  it('GIVEN Kurdistan alone THEN the Middle East region but no single country', () => {
    const p = tag('Kurdistan voted in a referendum. Leaders across Kurdistan hailed the result.');
    expect(p.regions).toContain('middle-east');
  });

  it('GIVEN metonyms (Moscow, Washington) THEN their countries', () => {
    const p = tag("Moscow rejected Washington's proposal. Moscow said talks would go on.");
    expect(p.countries).toEqual(expect.arrayContaining(['RU', 'US']));
  });

  it('GIVEN Brussels as the EU THEN no Belgium; GIVEN Brussels with Belgian police THEN Belgium', () => {
    expect(
      tag('Brussels fined the tech giant. The European Commission said Brussels would not back down.')
        .countries,
    ).not.toContain('BE');
    expect(
      tag('A tram crashed in Brussels. Belgian police closed the station in Brussels.').countries,
    ).toEqual(['BE']);
  });

  it('GIVEN Priština with its diacritics THEN Kosovo', () => {
    expect(
      tag('Protesters gathered in Priština. Police in Prishtina watched. Priština was calm.').countries,
    ).toEqual(['XK']);
  });

  it('GIVEN a surname that is a city (Lewis Hamilton) THEN no place', () => {
    const p = tag('Lewis Hamilton won in Monaco. Hamilton said the car was perfect. Monaco cheered him.');
    expect(p.countries).toEqual(['MC']);
  });

  it('GIVEN a county named after a city THEN the US', () => {
    expect(
      tag('Deputies in Bergen County seized guns. Bergen County prosecutors charged a man.').countries,
    ).toEqual(['US']);
  });

  it('GIVEN a city name that starts a longer unknown name THEN it counts for nothing', () => {
    const p = tag('Miners struck at the Cerro Verde pit in Peru. Peru said Cerro Verde would reopen.');
    expect(p.countries).toEqual(['PE']);
  });

  it('GIVEN a British police force named after a city THEN the UK', () => {
    expect(
      tag('Durham Constabulary opened an inquiry. Durham Constabulary said threats were made.').countries,
    ).toEqual(['GB']);
  });

  it('GIVEN a sea or idiom (Irish Sea, French fries) THEN no country', () => {
    expect(tag('Storms closed the Irish Sea ferries. French fries sold out on the boats.').countries).toEqual(
      [],
    );
  });

  it('GIVEN a headline country and a passing mention THEN the passing mention is dropped', () => {
    const p = tag(
      'Kenya raised fuel taxes on Monday. Drivers in Nairobi protested. Kenya said the money would pay debts. ' +
        'One driver said he once lived in Peru. The tax starts in June. Kenya expects more protests.',
      'Kenya raises fuel taxes',
    );
    expect(p.countries).toEqual(['KE']);
    expect(p.regions).toEqual(expect.arrayContaining(['east-africa', 'africa']));
  });

  it('GIVEN the headline names one country and the body another more often THEN the headline ranks first', () => {
    const s = scoreCountries({
      title: 'Chile wins the final',
      lede: 'Chile beat Peru in the final.',
      sentences: [
        'Chile beat Peru in the final.',
        'Peru had led.',
        'Peru fans left early.',
        'The cup is over.',
      ],
    });
    expect(s.map((c) => c.code)).toEqual(['CL', 'PE']);
  });

  it('GIVEN the Sahel named in the headline THEN the sahel region even without a member country', () => {
    const p = tag('Drought spreads. Farmers are leaving.', 'Drought across the Sahel');
    expect(p.regions).toContain('sahel');
  });

  it('GIVEN UK nations THEN the United Kingdom', () => {
    expect(tag('Scotland voted on Thursday. Wales and Northern Ireland vote next year.').countries).toEqual([
      'GB',
    ]);
  });
});
