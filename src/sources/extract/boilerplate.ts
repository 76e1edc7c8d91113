/** Lines that are page furniture wherever they stand: ad labels, share prompts, datelines, bylines. */
const FURNITURE = [
  /^(advert(isement)?|sponsored( content)?|skip to (main )?content|continue reading( below)?|story continues below( advertisement)?|comments?|\d+ comments?|share( this( article| story)?)?|print|email|tweet|reddit)\W*$/i,
  /^this (slideshow|video|content|feature) requires javascript\W*$/i,
  /^(posted|updated|published|last (updated|modified))( on| at)?\b(?=.*\d).{0,60}$/i,
  /^[Bb]y\s+\p{Lu}[^.!?]{0,80}$/u,
  /^(©|\(c\)|copyright\b)|©\s*\d{4}|\bcopyright \d{4}\b/i,
  /^(have a (news )?tip|got a tip|sign up|subscribe|get the latest|follow us|click here|download (the|our) app)\b.{0,200}$/i,
];

/** Captions and photo credits, when they stand as lines of their own. */
const CREDIT = [
  /\b(credit|photo|photograph|picture|image|source)s?( credit)?\s*:\s*[^.:]{0,80}\)?$/i,
  /\|\s*(getty images|ap|afp|reuters|epa|shutterstock|bloomberg)\s*$/i,
  /\((ap|afp|reuters|epa) photo[^)]*\)\s*$/i,
];

/** Only short lines are judged: a long line that happens to match is a sentence of the story. */
const MAX_FURNITURE_CHARS = 200;
const MAX_CAPTION_CHARS = 300;

/**
 * Drops the lines of an article's text that are furniture rather than story: "Advertisement",
 * "Updated 5:27 am", "By Jo Ferris", "© 2031 ...", "Photo: AP". Works on the laid-out text, so it
 * catches them whatever markup they came in.
 */
export function dropBoilerplate(text: string): string {
  return text
    .split('\n\n')
    .map((paragraph) =>
      paragraph
        .split('\n')
        .filter((line) => !isFurniture(line))
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** Whether one line or block of text is furniture. */
export function isFurniture(line: string): boolean {
  if (line.length <= MAX_FURNITURE_CHARS && FURNITURE.some((re) => re.test(line))) return true;
  return line.length <= MAX_CAPTION_CHARS && CREDIT.some((re) => re.test(line));
}
