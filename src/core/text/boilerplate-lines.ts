import { codeAt, isRegexSpace } from './chars.js';
import { countWords, countWordsIn, letters, opensWith, WordSet, wordStart } from './line-words.js';
import { stripLeadingFurniture } from './inline-furniture.js';

/**
 * Whole lines of scraped text that are page furniture, not article: breadcrumbs, category lines,
 * source trailers, share/print rows, bylines and timestamps. Each rule is a named predicate so that
 * tests can cover them one by one.
 */

/** Furniture lines are short; longer lines are prose and skip the word-level checks. */
const SHORT_LINE = 160;
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
  if (/^home\b/i.test(line)) return true;
  // The parts between separators (as `split` on the separator gives them), walked in place.
  let partStart = 0;
  for (let mark = nextSeparator(line, 0); mark >= 0; mark = nextSeparator(line, partStart)) {
    if (!isCrumbPart(line, partStart, mark - 1)) return false;
    partStart = mark + 2;
  }
  return isCrumbPart(line, partStart, line.length);
}

/** The last segment of a breadcrumb is often the headline. */
export function breadcrumbTail(line: string): string {
  let partStart = 0;
  for (let mark = nextSeparator(line, 0); mark >= 0; mark = nextSeparator(line, partStart))
    partStart = mark + 2;
  return line.slice(partStart).trim();
}

/**
 * The mark of the next separator (`\s(?:»|›|>|\/|\|)\s`) that starts at or after `from`, or -1:
 * what `split` with that pattern finds, left to right without overlaps.
 */
function nextSeparator(line: string, from: number): number {
  for (let mark = from + 1; mark + 1 < line.length; mark++) {
    const c = line.charCodeAt(mark);
    if (
      (c === 0xbb || c === 0x203a || c === 62 || c === 47 || c === 124) &&
      isRegexSpace(line.charCodeAt(mark - 1)) &&
      isRegexSpace(line.charCodeAt(mark + 1))
    )
      return mark;
  }
  return -1;
}

/** A breadcrumb part (`line.slice(from, to)`): at most six words, not ending like a sentence. */
function isCrumbPart(line: string, from: number, to: number): boolean {
  if (countWordsIn(line, from, to, 6) > 6) return false;
  // The last character before any trailing white space (`endsWithStop` of the trimmed part).
  let last = to - 1;
  while (last >= from && isRegexSpace(line.charCodeAt(last))) last--;
  if (last < from) return true;
  const c = line.charCodeAt(last);
  return c !== 46 && c !== 33 && c !== 63;
}

/**
 * A short line of capitalised words with no sentence punctuation. Whether it is a headline or a
 * category line depends on where it stands; see `isCategoryLine`.
 */
export function isTitleLike(line: string): boolean {
  if (line.length > SHORT_LINE || endsWithStop(line) || !opensLikeTitle(line)) return false;
  const count = countWords(line, 20);
  return count > 0 && count <= 20;
}

/** `/^[\p{Lu}\p{N}"“‘']/u`, by code for ASCII (where the classes are `A-Z` and `0-9`). */
function opensLikeTitle(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39;
  return TITLE_OPENER.test(line);
}
const TITLE_OPENER = /^[\p{Lu}\p{N}"“‘']/u;

/** `Balkans Europe News War`, `Tags: Europe, Kosovo`: section and tag lines. */
export function isCategoryLine(line: string): boolean {
  if (
    opensWith(line, CATEGORY_OPENERS) &&
    /^(?:tags?|topics?|categories|category|filed under|related|more on)\s*:/i.test(line)
  )
    return true;
  if (line.length > 100) return false;
  // A run of at most eight capitalised words, a third of them section names, and no sentence
  // punctuation (a headline has a verb and rarely names a section). One walk over the words checks
  // it all, ending at the first word that fails: every failure gives the same answer.
  let count = 0;
  let sections = 0;
  for (let start = wordStart(line, 0); start < line.length;) {
    if (++count > 8 || !isCapitalisedAt(line, start)) return false;
    let end = start;
    for (; end < line.length; end++) {
      const c = line.charCodeAt(end);
      if (isRegexSpace(c)) break;
      if (isSentencePunct(c)) return false;
    }
    if (SECTIONS.has(line, start, end)) sections++;
    start = wordStart(line, end);
  }
  return count > 0 && sections >= 1 && sections * 3 >= count;
}

/** `[.!?,;:"“”]` by code. */
function isSentencePunct(c: number): boolean {
  return (
    c === 46 ||
    c === 33 ||
    c === 63 ||
    c === 44 ||
    c === 59 ||
    c === 58 ||
    c === 34 ||
    c === 0x201c ||
    c === 0x201d
  );
}

/** The word at `start` opens with a capital or `&` (ASCII by code, past it the Unicode class). */
function isCapitalisedAt(line: string, start: number): boolean {
  const c = line.charCodeAt(start);
  if (c < 128) return (c >= 65 && c <= 90) || c === 38;
  CAPITAL.lastIndex = start;
  return CAPITAL.test(line);
}
const CAPITAL = /[\p{Lu}&]/uy;

/** `Source : voanews`, `Source: Reuters`, `Via AP`. */
export function isSourceTrailer(line: string): boolean {
  return (
    opensWith(line, SOURCE_OPENERS) &&
    /^(?:source|sources|via|credit|credits|image source|photo)\s*:\s*\S/i.test(line) &&
    countWords(line, 8) <= 8
  );
}

/** `Share this article Print`, `Email | Facebook | Twitter`. */
export function isShareLine(line: string): boolean {
  if (line.length > 100) return false;
  // The first word decides cheaply for nearly every line of prose.
  if (!SHARE_FIRST_WORDS.hasFirstWord(line, false)) return false;
  const ws = words(line.toLowerCase().replace(/[:,]/g, ' '));
  return ws.length > 0 && ws.length <= 12 && ws.every((w) => SHARE_WORDS.has(w) || /^\d+$/.test(w));
}

/** `By John Smith, CNN`, `By . Staff Reporter . PUBLISHED: ...`: a line that is only a byline (and stamps). */
export function isBylineLine(line: string): boolean {
  if (
    line.length > SHORT_LINE ||
    !opensWith(line, BYLINE_OPENERS) ||
    !/^(?:by|reporting by|written by|edited by)\b/i.test(line)
  )
    return false;
  if (stripLeadingFurniture(line) === '') return true;
  // "Reporting by Jane Roe; editing by John Doe" and similar credit lines carry no sentence.
  return /^(?:reporting|written|edited) by\b/i.test(line) && !/[.!?]\s+\p{Lu}/u.test(line);
}

/** `PUBLISHED: 14:11 EST, 25 October 2013`, `Last updated at 3:31 PM on 19th July 2011`. */
const TIMESTAMP_LINE = new RegExp(
  `^(?:published|updated|last updated|posted|first published)\\b[^\\n]{0,40}?(?:\\d{1,2}:\\d{2}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|${MONTH}\\s+\\d{1,2})`,
  'i',
);

/** `Updated 2 hours ago`, `5 min read`: relative stamps and reading times. */
const RELATIVE_STAMP_LINE =
  /^(?:(?:published|updated|posted)\s+\d{1,3}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|\d{1,3}\s*(?:-|\s)?min(?:ute)?s?\s+read)\.?$/i;

export function isTimestampLine(line: string): boolean {
  if (line.length > SHORT_LINE) return false;
  // A stamp word (published, updated, last updated, posted, first published) or a reading time's digit.
  const first = codeAt(line, 0);
  if (!opensWith(line, STAMP_OPENERS) && !(first >= 48 && first <= 57)) return false;
  return TIMESTAMP_LINE.test(line) || RELATIVE_STAMP_LINE.test(line);
}

/** First letters of the case-insensitive rules' words (see `opensWith`). */
const CATEGORY_OPENERS = letters('tcfrm');
const SOURCE_OPENERS = letters('svcip');
const BYLINE_OPENERS = letters('brwe');
const STAMP_OPENERS = letters('pulf');
/** First words as `isShareLine` reads them (up to white space, `:` or `,`). */
const SHARE_FIRST_WORDS = new WordSet(SHARE_WORDS);
const SECTIONS = new WordSet(SECTION_WORDS);

/** Words that open a furniture line that ends like a sentence (bylines, stamps, trailers, share rows). */
const FURNITURE_OPENERS: ReadonlySet<string> = new Set([
  ...'home tags tag topics topic categories category filed related more source sources via credit credits image photo by reporting written edited published updated last posted first'.split(
    ' ',
  ),
  ...SHARE_WORDS,
]);
/** First words as `mayBeFurniture` reads them (up to white space, `:`, `,` or `.`). */
const FIRST_OPENERS = new WordSet(FURNITURE_OPENERS);

/**
 * A cheap gate before the rules: a line of prose (ending in a full stop, `?` or `!`) can only be
 * furniture when it opens with one of a few words. Most lines of an article stop here.
 */
export function mayBeFurniture(line: string): boolean {
  if (line.length > 2 * SHORT_LINE) return false;
  if (!endsWithStop(line)) return true;
  return FIRST_OPENERS.hasFirstWord(line, true);
}

/**
 * A furniture line other than a breadcrumb: category, source, share, byline or timestamp. For a
 * line that `mayBeFurniture` lets through (the cleaner tests breadcrumbs on their own).
 */
export function isFurnitureRow(line: string): boolean {
  return (
    isCategoryLine(line) ||
    isSourceTrailer(line) ||
    isShareLine(line) ||
    isBylineLine(line) ||
    isTimestampLine(line)
  );
}

/** Any furniture line; the headline is handled separately since it is also returned. */
export function isBoilerplateLine(line: string): boolean {
  return mayBeFurniture(line) && (isBreadcrumb(line) || isFurnitureRow(line));
}
