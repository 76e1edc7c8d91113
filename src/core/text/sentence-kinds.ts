import { codeAt } from './chars.js';

/**
 * Kinds of sentence that a briefing should not lead with: picture captions, questions,
 * sentences that are only a quotation. They stay in the article's sentences; the lede and the
 * summary avoid them.
 */

const PHOTO_MARK =
  /\((?:pictured|pictured\s+\w+|left|right|centre|center|above|below|top|bottom|inset|file|file photo|main picture|main)\)/i;
/** `Retread: David Cameron with ...`: a short label, a colon, then a description. */
const CAPTION_LABEL = /^[\p{Lu}][\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,3}:\s+\p{Lu}/u;
const SPEECH_LABEL =
  /\b(?:said|says|told|added|continued|wrote|writes|tweeted|explained|asked|warned|insisted|claimed|reads|read|stated|revealed|admitted|replied)\s*:/i;

/** A picture caption left in the text by the scraper. */
export function isCaption(sentence: string): boolean {
  if (sentence.includes('(') && PHOTO_MARK.test(sentence)) return true;
  const colon = sentence.indexOf(':');
  // The label is a few words: only a colon near the start can end one.
  return colon > 0 && colon < 50 && CAPTION_LABEL.test(sentence) && !SPEECH_LABEL.test(sentence);
}

/** Closing marks after a sentence's last word (" ” ’ ' ) ]), as character codes. */
function isClosing(c: number): boolean {
  return c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93;
}

export function isQuestion(sentence: string): boolean {
  // Walk back over closing marks rather than use an end-anchored regex, which scans the whole text.
  let i = sentence.length - 1;
  while (i >= 0 && isClosing(sentence.charCodeAt(i))) i--;
  return sentence.charCodeAt(i) === 63;
}

/** Opens with a quotation mark (" “ ‘ '): a character test, no regex. */
export function opensWithQuote(sentence: string): boolean {
  const first = codeAt(sentence, 0);
  return first === 34 || first === 0x201c || first === 0x2018 || first === 39;
}

/**
 * Part of a quotation: it opens with a quotation mark ("..." he said), or it is the second
 * sentence of a quotation, which shows as a closing mark with no opening one before it.
 */
export function isQuotation(sentence: string): boolean {
  if (opensWithQuote(sentence)) return true;
  if (!sentence.includes('"') && !sentence.includes('”')) return false;
  const curlyOpen = sentence.indexOf('“');
  const curlyClose = sentence.indexOf('”');
  if (curlyClose >= 0 && (curlyOpen < 0 || curlyClose < curlyOpen)) return true;
  let straight = 0;
  for (let i = sentence.indexOf('"'); i >= 0; i = sentence.indexOf('"', i + 1)) straight++;
  return straight % 2 === 1;
}

/** Openers that lean on an earlier sentence: a pronoun or a linking word with no subject of its own. */
const DEPENDENT_OPENER =
  /^(?:He|She|It|They|This|These|Those|That|We|I|You|His|Her|Its|Their|But|And|So|Yet|Instead|Still|Also)(?:['’]s)?\b/;

/** A sentence that does not stand on its own ("He was arrested on Monday."). */
export function isDependent(sentence: string): boolean {
  return DEPENDENT_OPENER.test(sentence);
}
