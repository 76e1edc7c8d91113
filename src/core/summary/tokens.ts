/** Words that carry no topic: ignored when comparing sentences. */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor so yet if then than that this these those there here of in on at to for from by with ' +
    'without into onto over under about above below after before during since until upon within as is are was were ' +
    'be been being am do does did done have has had having will would shall should can could may might must not no ' +
    "yes it its it's he him his she her hers they them their theirs we us our ours you your yours i me my mine who " +
    'whom whose which what when where why how all any both each few more most other some such only own same too very ' +
    'just also now said says say told according one two new first last year years time like get got go went up out ' +
    'off down again further once s t don didn doesn isn wasn weren won ll re ve d m mr mrs ms'
  ).split(' '),
);

/** Lower-cased word tokens, letters and digits only. */
export function words(sentence: string): string[] {
  return sentence.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** The topic words of a sentence: no stopwords, no one-letter tokens. */
export function contentWords(sentence: string): string[] {
  return words(sentence).filter((w) => w.length > 1 && !STOPWORDS.has(w));
}
