// Word lists for quote attribution. Kept in one place so the rules read as grammar, not as lists.

const REPORTING_BASES = [
  'say',
  'tell',
  'add',
  'ask',
  'write',
  'warn',
  'explain',
  'note',
  'insist',
  'argue',
  'claim',
  'declare',
  'state',
  'tweet',
  'post',
  'recall',
  'continue',
  'conclude',
  'reply',
  'respond',
  'answer',
  'announce',
  'acknowledge',
  'admit',
  'agree',
  'allege',
  'assert',
  'boast',
  'caution',
  'comment',
  'complain',
  'concede',
  'confirm',
  'contend',
  'counter',
  'demand',
  'emphasize',
  'exclaim',
  'joke',
  'lament',
  'maintain',
  'mention',
  'muse',
  'observe',
  'predict',
  'proclaim',
  'quip',
  'remark',
  'report',
  'retort',
  'reveal',
  'scoff',
  'scold',
  'shout',
  'snap',
  'stress',
  'testify',
  'vow',
  'whisper',
  'yell',
  'chant',
  'cry',
  'read',
  'sing',
  'wonder',
  'suggest',
  'pledge',
  'promise',
  'recount',
  'echo',
  'interject',
  'reiterate',
];

const IRREGULAR_FORMS = [
  'said',
  'told',
  'wrote',
  'written',
  'sang',
  'sung',
  'cried',
  'cries',
  'began',
  'begun',
  // "quip" doubles its p though its vowel is a digraph: the rule in `inflections` misses it
  'quipped',
  'quipping',
];

function inflections(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const doubled = /[^aeiou][aeiou][pt]$/.test(base) && base.length <= 4 ? base + base.slice(-1) : base;
  const yStem = /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'i' : null;
  return [
    base,
    yStem ? yStem + 'es' : /(s|sh|ch|x)$/.test(base) ? base + 'es' : base + 's',
    yStem ? yStem + 'ed' : base.endsWith('e') ? base + 'd' : doubled + 'ed',
    (base.endsWith('e') && !base.endsWith('ee') ? stem : doubled) + 'ing',
  ];
}

/** Every form of a verb that introduces speech ("said", "tells", "warning"). */
export const REPORTING_VERBS: ReadonlySet<string> = new Set([
  ...REPORTING_BASES.flatMap(inflections),
  ...IRREGULAR_FORMS,
]);

/** Verbs that introduce speech only with a colon or a quote right after them ("he continued:"). */
export const WEAK_REPORTING_VERBS: ReadonlySet<string> = new Set(
  [
    'continue',
    'read',
    'post',
    'report',
    'state',
    'note',
    'add',
    'answer',
    'comment',
    'post',
    'tweet',
  ].flatMap(inflections),
);

/** Titles that stand before a name and belong to the role, not the name. */
export const TITLES: ReadonlySet<string> = new Set(
  (
    'president vice prime minister chancellor secretary senator sen. rep. representative gov. governor mayor ' +
    'chairman chairwoman chair chief judge justice general gen. col. lt. adm. sgt. capt. commander dr. ' +
    'sir lord king queen pope prince princess rev. reverend father sister speaker leader attorney commissioner ' +
    'director ambassador del. delegate officer coach professor prof. host pastor bishop rabbi imam sheriff ' +
    'councilman councilwoman congressman congresswoman spokesman spokeswoman spokesperson economist ' +
    'minority majority deputy assistant acting state foreign defense interior finance press emir sheikh ' +
    'cardinal archbishop detective inspector superintendent treasurer auditor comptroller chairperson'
  ).split(' '),
);

/** Courtesy titles: they say the gender but are no part of a role. */
export const HONORIFICS: ReadonlyMap<string, 'm' | 'f' | null> = new Map<string, 'm' | 'f' | null>([
  ['mr.', 'm'],
  ['mr', 'm'],
  ['mrs.', 'f'],
  ['mrs', 'f'],
  ['ms.', 'f'],
  ['ms', 'f'],
  ['miss', 'f'],
  ['dr.', null],
]);

/** Abbreviations after which a period does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms dr rep sen gov gen col lt sgt capt adm st jr sr prof rev del inc corp co ltd vs etc no ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd gov’t'
  ).split(' '),
);

/** Words that name a day or a month: capitalized, but never part of a speaker's name. */
export const CALENDAR: ReadonlySet<string> = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december sept. jan. feb. aug. oct. nov. dec.'
  ).split(' '),
);

export const PRONOUNS: ReadonlyMap<string, 'm' | 'f' | 'plural' | 'thing' | 'first'> = new Map([
  ['he', 'm'],
  ['she', 'f'],
  ['they', 'plural'],
  ['it', 'thing'],
  ['we', 'first'],
  ['i', 'first'],
] as const);

/** Words that end a speaker phrase read backwards or forwards: adverbs, auxiliaries, links. */
export const PHRASE_BREAKERS: ReadonlySet<string> = new Set(
  (
    'later also then again once still recently previously repeatedly earlier first further finally simply ' +
    'has had have was were is are will would could can may might should did does do been being ' +
    'who which that whose whom where when while as because if after before since although though so ' +
    'but or nor yet on in at during for with from to by about into over under than like not never ' +
    'just even only already often always once reportedly publicly privately angrily quickly flatly ' +
    'it this these those there here today yesterday tonight tomorrow last next ago'
  ).split(' '),
);

/** Words that may open a speaker phrase that is not a name ("the mayor", "a source", "two officials"). */
export const DETERMINERS: ReadonlySet<string> = new Set(
  'the a an another one two three several some many most other his her their its our my your each both'.split(
    ' ',
  ),
);

/** Lower-case words inside a name ("Bill de Blasio", "Ludwig van Beethoven"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  'de van von da del der di du la le bin al ibn st.'.split(' '),
);

/** Role nouns that say the holder's gender. */
export const GENDERED_WORDS: ReadonlyMap<string, 'm' | 'f'> = new Map<string, 'm' | 'f'>([
  ...'spokesman chairman congressman councilman businessman father husband son brother man boy king prince uncle grandfather actor nephew'
    .split(' ')
    .map((w) => [w, 'm'] as [string, 'm']),
  ...'spokeswoman chairwoman congresswoman councilwoman businesswoman mother wife daughter sister woman girl queen princess aunt grandmother actress widow niece'
    .split(' ')
    .map((w) => [w, 'f'] as [string, 'f']),
]);

/** Lower-case nouns that often name a speaker but carry none of the endings `isSpeakerHead` knows. */
const SPEAKER_NOUNS = new Set(
  (
    'source aide staff police campaign statement letter ruling book ad article memo poll survey study report website group team chief judge court press media friend doctor ' +
    'official candidate nominee colleague analyst critic pundit expert veteran host anchor delegate wife'
  ).split(' '),
);

const NOT_NOUNS = new Set(
  'her other after over under never ever whether either neither together rather further later former per for or nor their its our your his this there'.split(
    ' ',
  ),
);

/** Words that open sentences with a capital but never name anyone: "What", "This", "There". */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  'what who whom whose how why where when which there here this that these those it its all some any each every no none such many much more most few both either neither yes so'.split(
    ' ',
  ),
);

/** Intro words of a sentence, before its subject: "In an interview, Trump said...". */
export const SENTENCE_INTROS: ReadonlySet<string> = new Set(
  (
    'in on at after before during with as while when since although though if because for from asked speaking meanwhile however but and so yet also still earlier later then now instead once until unless whether despite ' +
    'alongside amid among against unlike without within throughout beyond besides across toward towards through likewise similarly otherwise'
  ).split(' '),
);

/** True when a word can end a phrase naming a speaker: a name, a pronoun, or a person-like noun. */
export function isSpeakerHead(norm: string, capital: boolean): boolean {
  if (capital)
    return (
      !CALENDAR.has(norm) && !PHRASE_BREAKERS.has(norm) && !SENTENCE_INTROS.has(norm) && !NOT_NAMES.has(norm)
    );
  if (PRONOUNS.has(norm)) return norm !== 'it' && norm !== 'we';
  if (NOT_NOUNS.has(norm) || PHRASE_BREAKERS.has(norm)) return false;
  if (SPEAKER_NOUNS.has(norm)) return true;
  if (/[^s]s$/.test(norm) && !/(us|is|ous)$/.test(norm)) return true;
  return /(er|or|ist|ian|man|woman|person|ent|ant|ee|ive|ary|cy|ion|ure)$/.test(norm);
}

/**
 * True when a lower-case word can head a noun phrase that speaks for someone ("the ministry", "the
 * tycoon", "the crowd"): not an adverb, a link word or a pronoun. Read only where the grammar has a
 * subject already (after "the", before a reporting verb), so any such noun is one.
 */
export function isNounHead(norm: string): boolean {
  if (norm.length < 3 || norm.endsWith('ly') || PRONOUNS.has(norm)) return false;
  return !NOT_NOUNS.has(norm) && !PHRASE_BREAKERS.has(norm) && !SENTENCE_INTROS.has(norm);
}
