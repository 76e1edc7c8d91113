// Articles for the store-scale bench: real analyses (the analysis run on generated reports), with
// headlines and ledes of their own, regions spread as news is, and a share of re-reports by other
// outlets that cluster into stories.
import { analyzeArticle } from '../src/core/analyze.js';
import type { Analysis } from '../src/core/types.js';
import type { NewArticle } from '../src/store/types.js';
import { VOCAB, article as report, name, rng } from './ingest.js';

/** Region slugs by share of the news: one busy, one rare, one that never has a story. */
export const BUSY_REGION = 'balkans';
export const RARE_REGION = 'caucasus';
export const EMPTY_REGION = 'antarctica';
const BUSY_SHARE = 0.25;
const RARE_SHARE = 0.0005;
const OTHER_REGIONS: readonly [string, string][] = [
  ['western-europe', 'FR'],
  ['eastern-europe', 'PL'],
  ['nordics', 'SE'],
  ['middle-east', 'IL'],
  ['north-africa', 'EG'],
  ['west-africa', 'NG'],
  ['east-africa', 'KE'],
  ['south-asia', 'IN'],
  ['east-asia', 'JP'],
  ['southeast-asia', 'ID'],
  ['oceania', 'AU'],
  ['north-america', 'US'],
  ['south-america', 'BR'],
];

/** Of every ten articles, this many re-report a recent story from another outlet. */
const REREPORTS_IN_TEN = 3;
const TEMPLATES = 300;

export interface ArticleSource {
  /** The k-th article of the run (k from 0), published at `at`. */
  article(k: number, at: Date): NewArticle;
}

/** Analyses of generated reports; headlines and ledes are replaced per article. */
function templates(): Analysis[] {
  const out: Analysis[] = [];
  for (let t = 0; t < TEMPLATES; t++) {
    // Three generated reports make one of about 4,000 characters, a common length for news.
    const parts = [0, 1, 2].map((i) => report(9000 + t, t * 3 + i));
    const text = parts.map((p) => p.html.replace(/<\/?p>/g, '\n').trim()).join('\n\n');
    out.push(analyzeArticle({ title: parts[0]!.title, text }));
  }
  return out;
}

export function createArticleSource(): ArticleSource {
  const pool = templates();
  // Names of its own and a few words of a large vocabulary, as news shares few words by chance.
  const headline = (k: number) => {
    const r = rng(k * 31 + 7);
    const word = () => VOCAB[Math.floor(r() * VOCAB.length)]!;
    return {
      title: `${name(k * 3 + 1)} ${word()} ${name(k * 5 + 2)} ${word()} ${name(k + 900_000)}`,
      lede: `${name(k * 7 + 3)} ${word()} ${name(k * 11 + 4)} ${word()} ${name(k * 13 + 5)} ${word()} ${name(k * 17 + 6)}.`,
    };
  };
  const place = (k: number): [string, string] => {
    const r = rng(k * 17 + 11)();
    if (r < BUSY_SHARE) return [BUSY_REGION, 'RS'];
    if (r < BUSY_SHARE + RARE_SHARE) return [RARE_REGION, 'GE'];
    return OTHER_REGIONS[k % OTHER_REGIONS.length]!;
  };
  return {
    article(k, at) {
      const r = rng(k * 13 + 5);
      // A re-report tells the story of one of the last fifty articles, reworded by one word.
      const rereport = k > 50 && k % 10 < REREPORTS_IN_TEN;
      const of = rereport ? k - 1 - Math.floor(r() * 50) : k;
      const own = headline(of);
      const title = rereport ? `${own.title} again` : own.title;
      const [region, country] = place(of);
      const template = pool[k % TEMPLATES]!;
      const analysis: Analysis = {
        ...template,
        title,
        lede: own.lede,
        summary: [own.lede, ...template.summary.slice(1)],
        countries: [country],
        regions: [region],
      };
      return {
        url: `https://outlet${k % 97}.example/news/${k}`,
        guid: null,
        feedId: null,
        source: `Outlet ${k % 97}`,
        publishedAt: at,
        fetchedAt: new Date(at.getTime() + 10 * 60_000),
        analysis,
      };
    },
  };
}
