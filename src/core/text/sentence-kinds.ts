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
  if (PHOTO_MARK.test(sentence)) return true;
  return CAPTION_LABEL.test(sentence) && !SPEECH_LABEL.test(sentence);
}

export function isQuestion(sentence: string): boolean {
  return /\?["”’')\]]*$/.test(sentence);
}

/** Opens with a quotation mark: a quotation, perhaps with its attribution ("..." he said). */
export function isQuotation(sentence: string): boolean {
  return /^["“‘']/.test(sentence);
}
