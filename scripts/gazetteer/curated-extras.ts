import { names } from './names.js';

// Hand-written: English names of cities the city package spells otherwise, metonyms, names that
// are ambiguous by design (resolved at run time by context), and phrases that name no country.

/** Cities under their English names, and metonyms (the capital standing for its government). */
export const CITIES: Readonly<Record<string, readonly string[]>> = {
  RU: names`Moscow | St Petersburg | St. Petersburg | Saint Petersburg | Volgograd`,
  US: names`
    Washington | New York | New York City | NYC | Los Angeles | LA | San Francisco | Chicago
    White House | Pentagon | Oval Office | Langley | FBI | CIA | NFL | NBA | NASA | Wall Street
  `,
  CN: names`Beijing | Peking | Shanghai | Canton | Tiananmen Square`,
  DE: names`Berlin | Munich | Cologne | Frankfurt | Hamburg`,
  FR: names`Paris | Marseilles | Lyons`,
  IT: names`Rome | Milan | Naples | Turin | Venice | Florence`,
  UA: names`Kiev | Kyiv | Odessa | Odesa | Lviv | Mariupol`,
  IN: names`Mumbai | Bombay | Calcutta | Kolkata | Madras | Chennai | Bangalore | Bengaluru | Delhi`,
  PL: names`Warsaw | Krakow | Cracow`,
  CZ: names`Prague`,
  AT: names`Vienna`,
  DK: names`Copenhagen`,
  PT: names`Lisbon | Oporto`,
  CH: names`Zurich | Geneva | Berne`,
  BE: names`Antwerp | Bruges | Ghent`,
  VN: names`Saigon | Ho Chi Minh City | Hanoi`,
  KH: names`Phnom Penh`,
  KZ: names`Astana | Almaty`,
  GB: names`London | Edinburgh | Cardiff | Belfast | Glasgow | Manchester | Birmingham | Liverpool`,
  IE: names`Dublin`,
  JO: names`Amman`,
  TD: names`N'Djamena | Ndjamena`,
  NE: names`Niamey`,
  CG: names`Brazzaville`,
  CD: names`Kinshasa | Goma | Kivu | North Kivu | South Kivu`,
  DM: names`Roseau`,
  DO: names`Santo Domingo | Punta Cana`,
};

/**
 * Names with more than one reading. The first code is the reading when context says nothing; the
 * rules in src/core/places/context.ts weigh the others. An empty code ("-") is "no place".
 */
export const AMBIGUOUS: Readonly<Record<string, readonly string[]>> = {
  Georgia: ['GE', 'US'],
  Georgian: ['GE', '-'],
  Jordan: ['JO', '-'],
  Chad: ['TD', '-'],
  Turkey: ['TR', '-'],
  Congo: ['CD', 'CG'],
  Congolese: ['CD', 'CG'],
  Dominica: ['DM'],
  Dominican: ['DO', 'DM'],
  Brussels: ['BE', '-'],
  Paris: ['FR', '-'],
  Guinea: ['GN'],
  Niger: ['NE'],
  Jersey: ['JE', '-'],
  India: ['IN', '-'],
  Israel: ['IL', '-'],
  Victoria: ['AU', '-'],
  Sydney: ['AU', '-'],
  Florence: ['IT', '-'],
};

/** Phrases that name no country though they contain a place name; they win as longer matches. */
export const BLOCKED = names`
  South China Sea | East China Sea | Irish Sea | North Sea | Indian Ocean | Arabian Sea | Persian Gulf
  Dublin Bay prawns | Dublin Bay prawn | Chinese whispers | Chinese Whispers | Chinese New Year
  French fries | French toast | French windows | French doors | French kiss | French horn
  French bulldog | French press | French polish | French manicure | French Open
  Turkish delight | Brussels sprouts | Brussel sprouts | Mexican wave | Dutch courage | Dutch oven
  Spanish flu | German shepherd | German Shepherd | Great Dane | Swiss cheese | Swiss army knife
  Swiss Army knife | Swiss roll | Swiss chard | Danish pastry | Russian roulette | Panama hat
  Guinea pig | Guinea pigs | guinea pig | West Indies | West Indian | Scotch egg | Scotch whisky
  Indian summer | Indian Wells | Dominican friar
  Dominican order | Dominican Order | Dominican nun | Dominican nuns | Dominican sisters
  Dominican Sisters | Dominican priest | Dominican College | Dominican University | Georgian era
  Georgian townhouse | Georgian house | Georgian terrace | Georgian mansion | Georgian building
  Georgian architecture | Georgian property | Georgian home | Georgian manor | Georgian style
  English Channel | English language | English-language | English-speaking | English teacher
  English literature | in English | speak English | speaks English | Spanish-speaking
  Spanish-language | in Spanish | speak Spanish | speaks Spanish | English Heritage
  American Express | American Airlines | American football | American Idol | American Dream
  Soviet Union | Yugoslavia | Jordan River | Turkey Creek | New Guinea pig | Roman Catholic
  Mississippi River | Chad Valley | Brazil nut | Brazil nuts | Canada goose
  Canada geese | Canada Goose | Panama Papers | Hamburg Helper | Berliner | Hong Kong flu
  Holland Park | New Jersey Devils
  Victoria Cross | Victoria line | Victoria station | Victoria Station
`;
