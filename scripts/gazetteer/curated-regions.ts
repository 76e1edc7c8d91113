import { names } from './names.js';

// The region table's hand-written part: the groupings news desks use. Continents take their
// members from world-countries (`region`), so every country sits in at least one region.

/** A region before its continent members are filled in. */
export interface RegionSource {
  readonly slug: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** Member countries; for a continent, added to those world-countries puts there. */
  readonly countries: readonly string[];
  readonly places: readonly string[];
  /** world-countries `region` (or `subregion`) values whose countries are members. */
  readonly from?: readonly string[];
}

const c = (s: string): readonly string[] => s.split(' ').filter(Boolean);

export const REGIONS: readonly RegionSource[] = [
  {
    slug: 'balkans',
    name: 'The Balkans',
    aliases: names`western balkans | balkan | southeast europe | south-east europe | former yugoslavia`,
    countries: c('AL BA BG HR XK ME MK RS SI'),
    places: names`Balkans | Western Balkans | Yugoslavia | Republika Srpska | Dayton Accords`,
  },
  {
    slug: 'baltics',
    name: 'The Baltics',
    aliases: names`baltic states | baltic`,
    countries: c('EE LV LT'),
    places: names`Baltics | Baltic states`,
  },
  {
    slug: 'caucasus',
    name: 'The Caucasus',
    aliases: names`south caucasus | north caucasus | caucasia`,
    countries: c('GE AM AZ'),
    places: names`Caucasus | Chechnya | Dagestan | Ingushetia | Abkhazia | South Ossetia | Nagorno-Karabakh`,
  },
  {
    slug: 'central-asia',
    name: 'Central Asia',
    aliases: names`the stans`,
    countries: c('KZ KG TJ TM UZ'),
    places: names`Central Asia | Fergana Valley`,
  },
  {
    slug: 'eastern-europe',
    name: 'Eastern Europe',
    aliases: names`east europe | central and eastern europe`,
    countries: c('BY UA MD RU PL CZ SK HU RO BG EE LV LT'),
    places: names`Eastern Europe | Donbas | Crimea | Transnistria`,
  },
  {
    slug: 'western-europe',
    name: 'Western Europe',
    aliases: names`west europe`,
    countries: c('GB IE FR BE NL LU DE AT CH LI MC AD ES PT IT MT SM VA'),
    places: names`Western Europe | Benelux`,
  },
  {
    slug: 'nordics',
    name: 'The Nordics',
    aliases: names`nordic | nordic countries | scandinavia`,
    countries: c('DK FI IS NO SE FO GL AX'),
    places: names`Scandinavia | Nordic countries | Lapland`,
  },
  {
    slug: 'middle-east',
    name: 'The Middle East',
    aliases: names`mideast | mena | near east | levant`,
    countries: c('BH CY EG IR IQ IL JO KW LB OM PS QA SA SY TR AE YE'),
    places: names`Middle East | Mideast | Levant | Kurdistan | Gaza | West Bank | Golan Heights`,
  },
  {
    slug: 'gulf',
    name: 'The Gulf',
    aliases: names`gulf states | persian gulf | arabian gulf | gcc`,
    countries: c('BH KW OM QA SA AE'),
    places: names`Gulf states | Persian Gulf | Arabian Gulf | Strait of Hormuz`,
  },
  {
    slug: 'north-africa',
    name: 'North Africa',
    aliases: names`maghreb | northern africa`,
    countries: c('DZ EG LY MA TN EH'),
    places: names`North Africa | Maghreb`,
  },
  {
    slug: 'sahel',
    name: 'The Sahel',
    aliases: names`sahel region`,
    countries: c('BF ML MR NE TD SN SD'),
    places: names`Sahel | Lake Chad | Sahara`,
  },
  {
    slug: 'west-africa',
    name: 'West Africa',
    aliases: names`western africa | ecowas`,
    countries: c('BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG'),
    places: names`West Africa`,
  },
  {
    slug: 'horn-of-africa',
    name: 'The Horn of Africa',
    aliases: names`horn | the horn`,
    countries: c('DJ ER ET SO'),
    places: names`Horn of Africa | Somaliland | Puntland | Ogaden`,
  },
  {
    slug: 'east-africa',
    name: 'East Africa',
    aliases: names`eastern africa | great lakes`,
    countries: c('BI KE RW SS TZ UG DJ ER ET SO'),
    places: names`East Africa | Great Lakes region | Lake Victoria`,
  },
  {
    slug: 'central-africa',
    name: 'Central Africa',
    aliases: names`middle africa`,
    countries: c('CM CF TD CG CD GQ GA ST'),
    places: names`Central Africa`,
  },
  {
    slug: 'southern-africa',
    name: 'Southern Africa',
    aliases: names`south of africa`,
    countries: c('AO BW LS MW MZ NA ZA SZ ZM ZW MG'),
    places: names`Southern Africa`,
  },
  {
    slug: 'south-asia',
    name: 'South Asia',
    aliases: names`indian subcontinent | subcontinent`,
    countries: c('AF BD BT IN MV NP PK LK'),
    places: names`South Asia | Indian subcontinent | Kashmir`,
  },
  {
    slug: 'east-asia',
    name: 'East Asia',
    aliases: names`far east | northeast asia`,
    countries: c('CN HK MO JP KP KR MN TW'),
    places: names`East Asia | Far East | Korean Peninsula | East China Sea`,
  },
  {
    slug: 'southeast-asia',
    name: 'Southeast Asia',
    aliases: names`south-east asia | asean`,
    countries: c('BN KH ID LA MY MM PH SG TH TL VN'),
    places: names`Southeast Asia | South-East Asia | South China Sea | Mekong`,
  },
  {
    slug: 'oceania',
    name: 'Oceania',
    aliases: names`pacific | pacific islands | australasia`,
    countries: [],
    places: names`Oceania | Australasia | Pacific Islands | South Pacific`,
    from: ['Oceania'],
  },
  {
    slug: 'north-america',
    name: 'North America',
    aliases: names`northern america`,
    countries: c('US CA MX GL BM PM'),
    places: names`North America`,
  },
  {
    slug: 'central-america-caribbean',
    name: 'Central America and the Caribbean',
    aliases: names`central america | caribbean | the caribbean | west indies`,
    countries: [],
    places: names`Central America | Caribbean | West Indies`,
    from: ['Central America', 'Caribbean'],
  },
  {
    slug: 'south-america',
    name: 'South America',
    aliases: names`latin america | southern cone`,
    countries: [],
    places: names`South America | Latin America | Amazon rainforest | Andes`,
    from: ['South America'],
  },
  {
    slug: 'europe',
    name: 'Europe',
    aliases: names`european | eu | european union`,
    countries: c('XK CY'),
    places: names`Europe | European Union | Brussels`,
    from: ['Europe'],
  },
  {
    slug: 'africa',
    name: 'Africa',
    aliases: names`african | sub-saharan africa`,
    countries: [],
    places: names`Africa | sub-Saharan Africa`,
    from: ['Africa'],
  },
  {
    slug: 'asia',
    name: 'Asia',
    aliases: names`asian | asia-pacific`,
    countries: [],
    places: names`Asia | Asia-Pacific`,
    from: ['Asia'],
  },
  {
    slug: 'americas',
    name: 'The Americas',
    aliases: names`america | the americas`,
    countries: [],
    places: names`Americas | Western Hemisphere`,
    from: ['Americas'],
  },
  {
    slug: 'antarctica',
    name: 'Antarctica',
    aliases: names`antarctic | south pole`,
    countries: c('AQ'),
    places: names`Antarctic | South Pole`,
    from: ['Antarctic'],
  },
];
