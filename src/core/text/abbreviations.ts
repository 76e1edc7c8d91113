/**
 * Abbreviations that end in a full stop without ending the sentence.
 *
 * `TITLES` precede a name or number and never end a sentence ("Gen. Smith", "No. 10").
 * `AMBIGUOUS` often end a sentence too ("... in the U.S. The ..."): after them the text is split
 * only when the next word is a capitalised function word, which a name or proper noun never is.
 */
export const TITLES: ReadonlySet<string> = new Set(
  'mr mrs ms dr prof gen sen rep gov lt col maj capt cpl sgt adm cmdr brig pres supt insp rev hon fr sr st mt ft messrs vs v nos fig approx dept ave blvd rd'.split(
    ' ',
  ),
);

export const AMBIGUOUS: ReadonlySet<string> = new Set(
  'inc co corp ltd jr bros plc llc etc al jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo'.split(
    ' ',
  ),
);

/** Capitalised function words: a sentence may start with them, a name after "Inc." or "U.S." does not. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set(
  'a an the he she it they we i you his her its their our this that these those there but and or so yet in on at as after before when while if since for from with by to of about however meanwhile still also then now some many most all no one what who why how where last earlier later officials police'.split(
    ' ',
  ),
);

/** Abbreviations also written in lower case ("vs.", "etc.", "et al."). */
export const LOWER_CASE_ABBREVIATIONS: ReadonlySet<string> = new Set('vs v etc al approx fig nos'.split(' '));
