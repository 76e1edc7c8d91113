// The people an article names, read in one pass over its tokens: full names (for surnames),
// roles from titles ("Kosovar President Vjosa Osmani") and possessives ("NATO’s secretary general"
// beside "NATO’s Jens Stoltenberg"), and gender from courtesy titles and nearby he/she.
import {
  DETERMINERS,
  GENDERED_WORDS,
  HONORIFICS,
  NAME_PARTICLES,
  PHRASE_BREAKERS,
  REPORTING_VERBS,
  TITLES,
} from './lexicon.js';
import { plainRole, readPhrase } from './phrase.js';
import type { Token } from './tokens.js';

/** A person as the article knows them. */
export interface Person {
  readonly name: string;
  /** Lower-cased last word of the name: what a bare surname is matched against. */
  readonly surname: string;
  role: string | null;
  gender: 'm' | 'f' | null;
  possessor: string | null;
  /** Offsets of every mention of the person (full name or surname), in order. */
  readonly mentions: number[];
  /** Named as a speaker, or with a title: a person, not a place or a firm. */
  person: boolean;
  votes: { m: number; f: number };
}

/** A group or organisation the article has speak ("U.S. officials said"), for a later "they" or "it". */
export interface GroupMention {
  readonly name: string;
  readonly plural: boolean;
  readonly at: number;
}

export interface PeopleIndex {
  readonly people: Person[];
  /** Groups seen speaking, in text order. */
  readonly groups: GroupMention[];
  /** Full names keyed by lower-cased surname, in order of first mention. */
  readonly bySurname: Map<string, Person[]>;
}

const isRoleWord = (t: Token): boolean =>
  t.word && !t.capital && !PHRASE_BREAKERS.has(t.norm) && !REPORTING_VERBS.has(t.norm);
const isReportingVerb = (t: Token | undefined): boolean => !!t && t.word && REPORTING_VERBS.has(t.norm);

const isNameToken = (t: Token | undefined): t is Token =>
  !!t && t.word && t.capital && !/^\p{N}/u.test(t.text);

function surnameOf(name: string): string {
  const words = name.split(' ');
  let last = words[words.length - 1] ?? '';
  if (/^(jr\.?|sr\.?|ii|iii|iv)$/i.test(last) && words.length > 2) last = words[words.length - 2] ?? last;
  return last.toLowerCase().replace(/[’']s$/, '');
}

/** Adds or finds the person called `name`. */
export function addPerson(index: PeopleIndex, name: string, at: number): Person {
  const surname = surnameOf(name);
  const list = index.bySurname.get(surname) ?? [];
  let p = list.find((x) => x.name === name);
  if (!p) {
    p = {
      name,
      surname,
      role: null,
      gender: null,
      possessor: null,
      mentions: [],
      person: false,
      votes: { m: 0, f: 0 },
    };
    list.push(p);
    index.bySurname.set(surname, list);
    index.people.push(p);
  }
  p.mentions.push(at);
  return p;
}

/** Reads the people named in `tokens` (the whole article). Linear in the number of tokens. */
export function indexPeople(text: string, tokens: readonly Token[]): PeopleIndex {
  const index: PeopleIndex = { people: [], groups: [], bySurname: new Map() };
  const titlesByOwner = new Map<string, string[]>();
  const ownedPeople = new Map<string, Person[]>();
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (!isNameToken(t)) {
      i++;
      continue;
    }
    // a possessive organisation followed by a title or a name: "NATO’s secretary general", "NATO’s Jens Stoltenberg"
    if (t.possessive) {
      const owner = t.text.slice(0, -2);
      let j = i + 1;
      while (j < tokens.length && j - i <= 3 && isRoleWord(tokens[j] as Token)) j++;
      const words = tokens.slice(i + 1, j);
      // "NATO’s secretary general", or any "ORG’s <words> said": a title held by someone
      const titled =
        words.length > 0 && (words.every((w) => TITLES.has(w.norm)) || isReportingVerb(tokens[j]));
      if (titled)
        (titlesByOwner.get(owner) ?? titlesByOwner.set(owner, []).get(owner))?.push(
          plainRole(tokens.slice(i, j)) ?? '',
        );
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length) {
      const u = tokens[j] as Token;
      // a name never runs over a line break (a headline above the first paragraph)
      if (j > i && text.slice((tokens[j - 1] as Token).end, u.start).includes('\n')) break;
      if (isNameToken(u) && !u.possessive) j++;
      else if (NAME_PARTICLES.has(u.norm) && isNameToken(tokens[j + 1])) j++;
      else break;
    }
    const runEnd = j;
    let s = i;
    // sentence-initial function words are capitalised too: "In Bosnia", "The Post"
    while (
      s < j &&
      (PHRASE_BREAKERS.has((tokens[s] as Token).norm) || DETERMINERS.has((tokens[s] as Token).norm))
    )
      s++;
    const m = s < runEnd ? readPhrase(tokens, s, runEnd) : null;
    if (m && m.kind === 'name' && m.name) {
      const nameWords = m.name.split(' ').length;
      if (nameWords >= 2 && nameWords <= 4) {
        const p = addPerson(index, m.name.replace(/[’']s$/, ''), (tokens[s] as Token).start);
        if (m.role && !p.role) p.role = m.role;
        if (m.gender === 'm' || m.gender === 'f') p.gender = m.gender;
        if (m.role || m.gender === 'm' || m.gender === 'f') p.person = true;
        const prev = tokens[s - 1];
        if (prev?.possessive && isNameToken(prev)) {
          const owner = prev.text.slice(0, -2);
          p.possessor = owner;
          (ownedPeople.get(owner) ?? ownedPeople.set(owner, []).get(owner))?.push(p);
        }
      } else if (nameWords === 1) {
        // a surname alone: a mention of someone already named in full
        const known = index.bySurname.get(m.name.toLowerCase().replace(/[’']s$/, ''));
        const p = known?.[known.length - 1];
        if (p) {
          p.mentions.push((tokens[s] as Token).start);
          const g = HONORIFICS.get(tokens[s]?.norm ?? '');
          if (g) p.gender = g;
        }
      }
    }
    i = Math.max(runEnd, i + 1);
  }
  // "NATO’s secretary general" and, alone of NATO's people, "NATO’s Jens Stoltenberg": the same person
  for (const [owner, titles] of titlesByOwner) {
    const owned = ownedPeople.get(owner);
    const title = titles[0];
    if (owned && new Set(owned).size === 1 && title) {
      const p = owned[0] as Person;
      p.role ??= title;
      p.person = true;
    }
  }
  voteGenders(tokens, index);
  return index;
}

const PRONOUN_GENDER = new Map<string, 'm' | 'f'>([
  ['he', 'm'],
  ['his', 'm'],
  ['him', 'm'],
  ['she', 'f'],
  ['her', 'f'],
]);

/** He/she near a single named person says that person's gender; gendered role words say it too. */
function voteGenders(tokens: readonly Token[], index: PeopleIndex): void {
  const starts = new Map<number, Person>();
  for (const p of index.people) {
    for (const at of p.mentions) starts.set(at, p);
    for (const w of (p.role ?? '').toLowerCase().split(' ')) {
      const g = GENDERED_WORDS.get(w);
      if (g) p.gender ??= g;
    }
  }
  const recent: { p: Person; k: number }[] = [];
  let sentence = 0;
  tokens.forEach((t, k) => {
    if (t.text === '.' || t.text === '?' || t.text === '!') sentence = k;
    const p = starts.get(t.start);
    if (p) recent.push({ p, k });
    while (recent.length && k - (recent[0] as { k: number }).k > 25) recent.shift();
    const g = PRONOUN_GENDER.get(t.norm);
    if (!g || !recent.length) return;
    // the people of this sentence if any, else of the last few sentences: one person, one vote
    const local = recent.filter((r) => r.k > sentence);
    const who = new Set((local.length ? local : recent).map((r) => r.p));
    if (who.size === 1) (recent[recent.length - 1] as { p: Person }).p.votes[g]++;
  });
  for (const p of index.people) {
    if (!p.gender && p.votes.m !== p.votes.f) p.gender = p.votes.m > p.votes.f ? 'm' : 'f';
  }
}
