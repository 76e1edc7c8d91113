import { stripLeadingFurniture } from './inline-furniture.js';

/**
 * Whole lines of scraped text that are page furniture, not article: breadcrumbs, category lines,
 * source trailers, share/print rows, bylines and timestamps. Each rule is a named predicate so that
 * tests can cover them one by one.
 */

/** Furniture lines are short; longer lines are prose and skip the word-level checks. */
const SHORT_LINE = 160;
const SENTENCE_PUNCT = /[.!?,;:"“”]/;
const BREADCRUMB_SEPARATOR = /\s(?:»|›|>|\/|\|)\s/;
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const SHARE_WORDS: ReadonlySet<string> = new Set(
  'share shares this article story page print email e-mail mail tweet facebook twitter x whatsapp pinterest linkedin reddit telegram messenger comment comments copy link save on via send to a friend view follow us subscribe newsletter advertisement listen read more | · •'.split(
    ' ',
  ),
);
/** Section names that category lines are made of ("Balkans Europe News War"). */
const SECTION_WORDS: ReadonlySet<string> = new Set(
  'news world local national politics business economy sport sports opinion analysis culture health science technology tech war conflict europe africa asia americas middle east us uk features breaking latest top stories video photos home region regional environment climate security crime law'.split(
    ' ',
  ),
);

/** Ends with a full stop, `?` or `!` (a character test: end-anchored regexes scan the whole line). */
function endsWithStop(line: string): boolean {
  const last = line.charAt(line.length - 1);
  return last === '.' || last === '!' || last === '?';
}

function words(line: string): string[] {
  return line.split(/\s+/).filter((w) => w.length > 0);
}

/** `Home » World » Europe`, `News > Politics`. */
export function isBreadcrumb(line: string): boolean {
  // A one-character class scan first: most lines hold none of the separators.
  if (line.length > 2 * SHORT_LINE || !/[»›>/|]/.test(line) || !BREADCRUMB_SEPARATOR.test(line)) return false;
  const parts = line.split(/\s(?:»|›|>|\/|\|)\s/);
  return /^home\b/i.test(line) || parts.every((p) => words(p).length <= 6 && !endsWithStop(p.trim()));
}

/** The last segment of a breadcrumb is often the headline. */
export function breadcrumbTail(line: string): string {
  const parts = line.split(/\s(?:»|›|>|\/|\|)\s/);
  return (parts[parts.length - 1] ?? '').trim();
}

/**
 * A short line of capitalised words with no sentence punctuation. Whether it is a headline or a
 * category line depends on where it stands; see `isCategoryLine`.
 */
export function isTitleLike(line: string): boolean {
  if (line.length > SHORT_LINE || endsWithStop(line) || !/^[\p{Lu}\p{N}"“‘']/u.test(line)) return false;
  const ws = words(line);
  return ws.length > 0 && ws.length <= 20;
}

/** `Balkans Europe News War`, `Tags: Europe, Kosovo`: section and tag lines. */
export function isCategoryLine(line: string): boolean {
  if (/^(?:tags?|topics?|categories|category|filed under|related|more on)\s*:/i.test(line)) return true;
  if (line.length > 100 || SENTENCE_PUNCT.test(line)) return false;
  const ws = words(line);
  if (ws.length === 0 || ws.length > 8) return false;
  if (!ws.every((w) => /^[\p{Lu}&]/u.test(w))) return false;
  // A run of capitalised section names; a headline has a verb and rarely names a section.
  const sections = ws.filter((w) => SECTION_WORDS.has(w.toLowerCase())).length;
  return sections >= 1 && sections * 3 >= ws.length;
}

/** `Source : voanews`, `Source: Reuters`, `Via AP`. */
export function isSourceTrailer(line: string): boolean {
  return (
    /^(?:source|sources|via|credit|credits|image source|photo)\s*:\s*\S/i.test(line) &&
    words(line).length <= 8
  );
}

/** `Share this article Print`, `Email | Facebook | Twitter`. */
export function isShareLine(line: string): boolean {
  if (line.length > 100) return false;
  // The first word decides cheaply for nearly every line of prose.
  const firstWord = /^[^\s:,]*/.exec(line)?.[0].toLowerCase() ?? '';
  if (!SHARE_WORDS.has(firstWord)) return false;
  const ws = words(line.toLowerCase().replace(/[:,]/g, ' '));
  return ws.length > 0 && ws.length <= 12 && ws.every((w) => SHARE_WORDS.has(w) || /^\d+$/.test(w));
}

/** `By John Smith, CNN`, `By . Staff Reporter . PUBLISHED: ...`: a line that is only a byline (and stamps). */
export function isBylineLine(line: string): boolean {
  if (line.length > SHORT_LINE || !/^(?:by|reporting by|written by|edited by)\b/i.test(line)) return false;
  if (stripLeadingFurniture(line) === '') return true;
  // "Reporting by Jane Roe; editing by John Doe" and similar credit lines carry no sentence.
  return /^(?:reporting|written|edited) by\b/i.test(line) && !/[.!?]\s+\p{Lu}/u.test(line);
}

/** `PUBLISHED: 14:11 EST, 25 October 2013`, `Last updated at 3:31 PM on 19th July 2011`. */
const TIMESTAMP_LINE = new RegExp(
  `^(?:published|updated|last updated|posted|first published)\\b[^\\n]{0,40}?(?:\\d{1,2}:\\d{2}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|${MONTH}\\s+\\d{1,2})`,
  'i',
);

export function isTimestampLine(line: string): boolean {
  return line.length <= SHORT_LINE && TIMESTAMP_LINE.test(line);
}

/** Words that open a furniture line that ends like a sentence (bylines, stamps, trailers, share rows). */
const FURNITURE_OPENERS: ReadonlySet<string> = new Set([
  ...'home tags tag topics topic categories category filed related more source sources via credit credits image photo by reporting written edited published updated last posted first'.split(
    ' ',
  ),
  ...SHARE_WORDS,
]);

/**
 * A cheap gate before the rules: a line of prose (ending in a full stop, `?` or `!`) can only be
 * furniture when it opens with one of a few words. Most lines of an article stop here.
 */
export function mayBeFurniture(line: string): boolean {
  if (line.length > 2 * SHORT_LINE) return false;
  if (!endsWithStop(line)) return true;
  const first = /^[^\s:,.]*/.exec(line)?.[0].toLowerCase() ?? '';
  return FURNITURE_OPENERS.has(first);
}

/** Any furniture line; the headline is handled separately since it is also returned. */
export function isBoilerplateLine(line: string): boolean {
  return (
    mayBeFurniture(line) &&
    (isBreadcrumb(line) ||
      isCategoryLine(line) ||
      isSourceTrailer(line) ||
      isShareLine(line) ||
      isBylineLine(line) ||
      isTimestampLine(line))
  );
}
