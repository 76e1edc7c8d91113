/**
 * Sample articles newsdesk ships so the terminal chat works with no network. Every one is invented
 * for this project (people, quotes and events are fictional) and says so in its title and source.
 */
export interface SampleArticle {
  readonly slug: string;
  readonly title: string;
  /** Hours before loading that the sample is dated, so ages read naturally. */
  readonly hoursAgo: number;
  readonly text: string;
}

/** Where samples claim to come from: never a real outlet. */
export const SAMPLE_SOURCE = 'newsdesk sample (invented)';
export const SAMPLE_URL_BASE = 'https://samples.newsdesk.invalid/';

export const SAMPLE_ARTICLES: readonly SampleArticle[] = [
  {
    slug: 'sarajevo-tram-line',
    title: '[Sample] Sarajevo opens rebuilt tram line to Ilidža',
    hoursAgo: 3,
    text: `Sarajevo reopened its rebuilt western tram line on Tuesday, cutting the ride from the old town to Ilidža by a quarter of an hour.

The city in Bosnia and Herzegovina spent two years replacing rails, power lines and stops along the route, much of it paid for by a European loan.

"People waited a long time for this, and now the trams are quiet and on time," said Amra Hodžić, the director of the city transport company.

Officials in Belgrade and Podgorica have asked for the plans, hoping to modernise their own networks in Serbia and Montenegro.

Commuters said the first morning went smoothly, although ticket machines at two stops were not yet working.`,
  },
  {
    slug: 'skopje-wine-harvest',
    title: '[Sample] North Macedonia expects its best grape harvest in a decade',
    hoursAgo: 20,
    text: `Winemakers in North Macedonia expect their largest grape harvest in ten years after a mild spring and a dry, warm summer in the Tikveš valley.

Cooperatives near Kavadarci said picking began a week early and that prices for growers had risen.

"The grapes are healthy and sweet, and for once the weather was on our side," said Goran Petrovski, the head of the growers' association in Kavadarci.

Exporters plan to send more wine to Croatia, Slovenia and Germany, where demand for Balkan reds has grown.

Economists in Skopje cautioned that higher fuel costs could eat into the profits of smaller farms.`,
  },
  {
    slug: 'tallinn-ferry',
    title: '[Sample] Estonia and Finland agree on an electric ferry link',
    hoursAgo: 6,
    text: `Estonia and Finland agreed on Wednesday to build charging stations in Tallinn and Helsinki for a fleet of electric ferries on the busy route across the Gulf of Finland.

The two governments said the first battery-powered ship could enter service within four years.

"This crossing is a bridge between our capitals, and it should not cost the sea its health," said Kristiina Laur, the Estonian minister of infrastructure.

Shipping companies in Latvia and Lithuania are watching the project closely, according to port officials in Riga.

The agreement still needs the approval of both parliaments.`,
  },
  {
    slug: 'niamey-solar',
    title: '[Sample] Niger switches on a solar plant outside Niamey',
    hoursAgo: 30,
    text: `Niger switched on a solar power plant outside Niamey on Thursday, the largest in the country, which officials said would cut power cuts in the capital during the hot season.

The plant covers about eighty hectares and can supply tens of thousands of homes during the day.

"Every afternoon without a blackout is an afternoon a clinic can work and a shop can stay open," said Moussa Issoufou, the director of the national electricity company.

Engineers from Mali and Burkina Faso attended the opening, and both countries are planning similar plants across the Sahel.

Batteries to store power for the evening are due to be installed next year.`,
  },
  {
    slug: 'hanoi-metro',
    title: '[Sample] Vietnam extends the Hanoi metro to the airport road',
    hoursAgo: 10,
    text: `Vietnam approved an extension of the Hanoi metro on Monday that will carry passengers to the road leading to Noi Bai airport.

Construction is expected to begin next spring and last about five years.

"A city of this size cannot keep moving on motorbikes alone," said Tran Thi Lan, a deputy minister of transport.

Planners studied metro projects in Bangkok and Manila, and said Thailand's experience with elevated lines had been especially useful.

Residents along the route will be offered compensation for land taken for the new stations.`,
  },
  {
    slug: 'andes-glacier',
    title: '[Sample] Peru and Bolivia start a joint watch on shrinking Andean glaciers',
    hoursAgo: 48,
    text: `Peru and Bolivia launched a joint programme on Friday to measure the glaciers that feed rivers and cities on both sides of Lake Titicaca.

Scientists will place weather stations and cameras on six ice fields and share the data publicly.

"When the ice goes, the water for La Paz and for our farmers goes with it," said Lucía Mamani, a glaciologist at a university in La Paz.

Researchers in Chile and Ecuador have offered to join the network next year.

The first results are expected before the end of the rainy season.`,
  },
];
