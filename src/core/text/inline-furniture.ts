import { codeAt, isRegexSpace } from './chars.js';

/**
 * Furniture that scrapers glue onto the first line of the article: bylines, timestamps and
 * datelines (`By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: ...`,
 * `LONDON (Reuters) -`, `(CNN) --`). Patterns are anchored and bounded, so each runs in linear time.
 */

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const CLOCK =
  '\\d{1,2}[:.]\\d{2}(?:\\s*[AaPp]\\.?[Mm]\\.?)?(?:\\s*(?:EST|EDT|GMT|BST|UTC|CET|CEST|PST|PDT|ET|PT))?';
const DATE = `(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})`;
const NAME = "\\p{Lu}[\\p{L}'’-]*\\.?(?:\\s+(?:\\p{Lu}[\\p{L}'’-]*\\.?|de|van|von|al|bin|la|le|da|di)){0,4}";

/** `By . Jane Doe .` / `By . Jane Doe and John Roe For Mailonline .` (the ` . ` form is never prose). */
const DOTTED_BYLINE = new RegExp(
  `^By\\s+\\.\\s+${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*(?:\\s+(?:for|in)\\s+${NAME})?\\s+\\.(?:\\s+|$)`,
  'u',
);
/** `By John Smith, CNN` or `By Jane Doe |` followed by a timestamp, a dateline or a separator. */
const PLAIN_BYLINE = new RegExp(
  `^By\\s+${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*(?:\\s*[,|]\\s*(?:CNN|AP|AFP|Reuters|BBC|VOA|${NAME}))?\\s*(?:\\||\\.|—|–|--|$)\\s*`,
  'u',
);
const TIMESTAMP = new RegExp(
  `^(?:PUBLISHED|UPDATED|Published|Updated|Posted|Last updated)(?:\\s+(?:at|on))?\\s*:?\\s*\\.?\\s*(?:${CLOCK}\\s*(?:,|on)?\\s*)?${DATE}(?:\\s*(?:,|at)?\\s*${CLOCK})?\\s*\\.?\\s*\\|?\\s*\\.?\\s*`,
  'u',
);
/** `PRISTINA, Kosovo (AP) —`, `Canberra, Australia (CNN) --`, `(CNN) --`, `LONDON (Reuters) -`. */
const AGENCY_DATELINE = new RegExp(
  `^(?:${NAME}(?:\\s*,\\s*${NAME}){0,2}\\s+)?\\((?:CNN|AP|AFP|Reuters|VOA|BBC|UPI|dpa|Xinhua|EW\\.com|CNN Money|CNNMoney|[\\p{Lu}][\\p{L}.]{1,15})\\)\\s*(?:--|—|–|-|:)\\s*`,
  'u',
);
/** `WASHINGTON —`, `KYIV, Ukraine --`: a capitalised place and a dash. */
const CAPS_DATELINE = /^\p{Lu}[\p{Lu} .'’-]{1,30}(?:,\s*\p{Lu}[\p{L} .]{1,30})?\s+(?:--|—|–)\s+/u;

/**
 * The leading rules, each with a character test of what it needs at the start of the text, so that
 * a paragraph is matched only against the rules that can apply (most paragraphs are tried against
 * all of them once or twice, and the patterns are long).
 */
const LEADING_RULES: readonly { readonly rule: RegExp; readonly mayMatch: (text: string) => boolean }[] = [
  { rule: DOTTED_BYLINE, mayMatch: opensWithBy },
  // PUBLISHED, UPDATED, Published, Updated, Posted, Last updated.
  { rule: TIMESTAMP, mayMatch: opensWithStampWord },
  // A bracket, `(CNN)`, after the place if there is one.
  { rule: AGENCY_DATELINE, mayMatch: (text) => text.includes('(') },
  { rule: CAPS_DATELINE, mayMatch: mayOpenWithCapsDateline },
];

function opensWithStampWord(text: string): boolean {
  const first = codeAt(text, 0);
  return first === 80 || first === 85 || first === 76;
}

function opensWithBy(text: string): boolean {
  return codeAt(text, 0) === 66 && codeAt(text, 1) === 121;
}

/** `WASHINGTON —`: a capital, then a capital, space or one of `.'’-`, never a lower-case ASCII letter. */
function mayOpenWithCapsDateline(text: string): boolean {
  const first = codeAt(text, 0);
  const second = codeAt(text, 1);
  return (first >= 128 || (first >= 65 && first <= 90)) && !(second >= 97 && second <= 122);
}

/**
 * Every leading rule needs a byline or stamp word at the very start, or a bracket or dash near it
 * (datelines). Checking that first spares most paragraphs the pattern matching.
 */
function mayOpenWithFurniture(text: string): boolean {
  if (/^(?:By\b|PUBLISHED|UPDATED|Published|Updated|Posted|Last updated|\||\.)/.test(text)) return true;
  const head = text.slice(0, 90);
  return head.includes('(') || head.includes('--') || head.includes('—') || head.includes('–');
}

/**
 * Strips furniture from the start of a paragraph, rule after rule until none applies.
 * Returns the rest (possibly empty: the whole paragraph was furniture).
 */
export function stripLeadingFurniture(paragraph: string): string {
  let rest = paragraph.trimStart();
  if (!mayOpenWithFurniture(rest)) return rest.trim();
  for (let guard = 0; guard < 8; guard++) {
    const before = rest;
    const first = codeAt(rest, 0);
    if (first === 124 || first === 46) rest = rest.replace(/^(?:\||\.)\s+/, '');
    for (const { rule, mayMatch } of LEADING_RULES) if (mayMatch(rest)) rest = rest.replace(rule, '');
    const plain = opensWithBy(rest) ? PLAIN_BYLINE.exec(rest) : null;
    // A plain byline only counts when furniture or the end of the line follows it ("By Tuesday ..." is prose).
    if (plain) {
      const after = rest.slice(plain[0].length);
      if (after === '' || /[|—–]|--/.test(plain[0]) || TIMESTAMP.test(after) || AGENCY_DATELINE.test(after))
        rest = after;
    }
    if (rest === before) break;
  }
  return rest.trim();
}

/** Furniture that sits mid-text in scraped pages, after captions: the dotted byline and timestamps. */
const MID_BYLINE = new RegExp(
  `(^|[.!?'"”’]\\s+)By\\s+\\.\\s+${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*(?:\\s+(?:for|in)\\s+${NAME})?\\s+\\.\\s+`,
  'gu',
);
const MID_TIMESTAMP = new RegExp(
  `(?<!\\S)(?:PUBLISHED|UPDATED|Last updated)(?:\\s+at)?\\s*:?\\s*\\.?\\s*(?:${CLOCK}\\s*(?:,|on)?\\s*)?${DATE}\\s*\\.?\\s*(?:\\|\\s*\\.?\\s*)?`,
  'gu',
);

export function stripInlineFurniture(text: string): string {
  // Cheap substring checks first: most paragraphs carry neither, and the patterns are long.
  let out = text.includes('By .') ? text.replace(MID_BYLINE, '$1') : text;
  if (out.includes('PUBLISHED') || out.includes('UPDATED') || out.includes('Last updated'))
    out = out.replace(MID_TIMESTAMP, '');
  return out;
}

/** Calls to action that pages interleave with the story: `Scroll down for video`, `Click here to ...`. */
const PROMO =
  /(^|[.!?'"”’]\s+)(?:Scroll down (?:for|to) [^.!?]{0,80}|(?:Click|CLICK) (?:here|HERE) [^.!?]{0,80}|READ MORE:? [^.!?]{0,80}|Advertisement|ADVERTISEMENT)\s*[.!?]*(?=\s|$)\s*/gu;

/** Native substring searches: several times faster than one alternation regex. */
function hasPromoHint(text: string): boolean {
  return (
    text.includes('Scroll') ||
    text.includes('Click') ||
    text.includes('CLICK') ||
    text.includes('READ MORE') ||
    text.includes('Advertisement') ||
    text.includes('ADVERTISEMENT')
  );
}

export function stripPromos(text: string): string {
  return hasPromoHint(text) ? text.replace(PROMO, '$1').trim() : text;
}

/**
 * Scrapers that flatten line breaks leave ` . ` inside sentences ("a woman who . claims"). A full
 * stop between spaces followed by a lower-case word cannot end a sentence, so it is dropped.
 */
export function joinBrokenLines(text: string): string {
  // A scan from one ` .` to the next, as `/ \.\s+(?=\p{Ll})/gu` would replace, without the regex.
  let at = text.indexOf(' .');
  if (at < 0) return text;
  let out = '';
  let copied = 0;
  while (at >= 0) {
    let j = at + 2;
    while (j < text.length && isRegexSpace(text.charCodeAt(j))) j++;
    if (j > at + 2 && isLowerCodePoint(text, j)) {
      out += text.slice(copied, at) + ' ';
      copied = j;
      at = text.indexOf(' .', j);
    } else {
      at = text.indexOf(' .', at + 1);
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const LOWER = /^\p{Ll}/u;

function isLowerCodePoint(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 97 && c <= 122;
  if (Number.isNaN(c)) return false;
  return LOWER.test(String.fromCodePoint(text.codePointAt(at) ?? 0));
}
