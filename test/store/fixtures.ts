import type { Analysis } from '../../src/core/types.js';
import type { NewArticle } from '../../src/store/types.js';

/** An analysis with just what the store looks at; the rest is filler the store keeps verbatim. */
export function analysis(
  title: string,
  lede: string,
  countries: string[] = [],
  regions: string[] = [],
): Analysis {
  return {
    title,
    lede,
    summary: [lede],
    body: `${lede}\n\nMore paragraphs follow.`,
    sentences: [lede, 'More paragraphs follow.'],
    quotes: [],
    countries,
    regions,
  };
}

export const T0 = new Date('2026-03-02T08:00:00Z');

export function hoursAfter(base: Date, hours: number): Date {
  return new Date(base.getTime() + hours * 3_600_000);
}

/** A new article at `url`, published at `publishedAt` and fetched an hour later. */
export function article(
  url: string,
  a: Analysis,
  extra: Partial<NewArticle> & { publishedAt?: Date | null } = {},
): NewArticle {
  const publishedAt = extra.publishedAt === undefined ? T0 : extra.publishedAt;
  return {
    url,
    guid: null,
    feedId: null,
    source: null,
    fetchedAt: hoursAfter(publishedAt ?? T0, 1),
    analysis: a,
    ...extra,
    publishedAt,
  };
}

// Invented reports, worded differently by different outlets.
export const BORDER_A = analysis(
  'Kosovo and Serbia agree to reopen Jarinje border crossing',
  'Kosovo and Serbia agreed on Tuesday to reopen the Jarinje border crossing after a two-week closure, EU mediators said in Brussels.',
  ['XK', 'RS'],
  ['balkans'],
);
export const BORDER_B = analysis(
  'Jarinje crossing between Serbia and Kosovo to reopen, says EU',
  'The Jarinje border crossing between Serbia and Kosovo will reopen after being closed for two weeks, the European Union announced on Tuesday following talks in Brussels.',
  ['RS', 'XK', 'BE'],
  ['balkans', 'europe'],
);
export const PLATES = analysis(
  'Kosovo and Serbia fail to agree on licence plates in Brussels talks',
  'Talks between Kosovo and Serbia in Brussels ended without agreement on Tuesday over vehicle licence plates, an EU envoy said.',
  ['XK', 'RS'],
  ['balkans'],
);
export const HARVEST = analysis(
  'Drought cuts maize harvest across southern Africa',
  'A severe drought has cut the maize harvest in Zambia, Zimbabwe and Malawi by up to half, the World Food Programme warned.',
  ['ZM', 'ZW', 'MW'],
  ['southern-africa'],
);
