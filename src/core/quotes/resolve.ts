// Turns a speaker mention into a speaker: a surname into the full name introduced earlier, he/she
// into the nearest earlier person of that gender, "the mayor" into the person who holds the title.
import {
  latestBefore,
  noteResolved,
  personNamed,
  type GroupMention,
  type PeopleIndex,
  type Person,
} from './person.js';
import type { Mention } from './phrase.js';
import { countSteps } from '../work.js';

/** A speaker once resolved: the name and role the quote is credited to. */
export interface Resolved {
  readonly name: string | null;
  readonly role: string | null;
  /** Set when the speaker is a named person, so later pronouns can find them. */
  readonly person: Person | null;
}

/** How many mentions back a pronoun or a surname shared by several people looks for its person. */
const PRONOUN_REACH = 30;
/** How many mentions back a title ("the mayor") looks for its holder, who may have been named early. */
const TITLE_REACH = 100;
/** How many groups back a "they" or an "it" looks. */
const GROUP_REACH = 10;

function fullNameFor(index: PeopleIndex, surname: string, at: number): Person | null {
  const people = index.bySurname.get(surname.toLowerCase()) ?? [];
  let first: Person | null = null;
  let count = 0;
  for (const p of people) {
    if (!p.name.includes(' ')) continue;
    first ??= p;
    count++;
  }
  countSteps(people.length);
  if (count <= 1) return first;
  // several people share the surname: the one named last
  const isFull = (p: Person): boolean => p.surname === first?.surname && p.name.includes(' ');
  return latestBefore(index, at, PRONOUN_REACH, isFull) ?? first;
}

function byPronoun(index: PeopleIndex, gender: 'm' | 'f', at: number): Person | null {
  index.genders?.();
  return latestBefore(
    index,
    at,
    PRONOUN_REACH,
    (p) => (p.person || p.maleVotes + p.femaleVotes > 0) && (!p.gender || p.gender === gender),
  );
}

function byTitle(index: PeopleIndex, m: Mention): Person | null {
  const words = (m.role ?? '').toLowerCase().split(' ');
  const head = words[words.length - 1];
  if (!head) return null;
  return latestBefore(index, m.start, TITLE_REACH, (p) => {
    const role = (p.role ?? '').toLowerCase().split(' ');
    const owned = m.possessor !== null && p.possessor === m.possessor;
    if (!role.includes(head) && !owned) return false;
    return !(owned && !role.includes(head) && p.role);
  });
}

const none: Resolved = { name: null, role: null, person: null };

function lastGroupBefore(index: PeopleIndex, plural: boolean, at: number): GroupMention | null {
  // groups are met in text order: the latest one before `at` is near the end
  const { groups } = index;
  for (let k = groups.length - 1; k >= 0 && k >= groups.length - GROUP_REACH; k--) {
    const g = groups[k] as GroupMention;
    if (g.at < at && g.plural === plural) return g;
  }
  return null;
}

/** Resolves `m`, a speaker mention, against the people and groups the article has named. */
export function resolveMention(index: PeopleIndex, m: Mention): Resolved {
  const at = m.start;
  switch (m.kind) {
    case 'name': {
      const name = m.name ?? '';
      const single = !name.includes(' ');
      const p = (single ? fullNameFor(index, name, at) : null) ?? personNamed(index, name);
      noteResolved(index, p, at);
      p.person = true;
      p.role ??= m.role;
      if (m.gender === 'm' || m.gender === 'f') p.gender ??= m.gender;
      p.possessor ??= m.possessor;
      return { name: p.name, role: p.role, person: p };
    }
    case 'pronoun': {
      if (m.gender === 'm' || m.gender === 'f') {
        const p = byPronoun(index, m.gender, at);
        if (!p) return none;
        noteResolved(index, p, at);
        return { name: p.name, role: p.role, person: p };
      }
      if (m.gender !== 'plural' && m.gender !== 'thing') return none;
      return {
        name: lastGroupBefore(index, m.gender === 'plural', at)?.name ?? null,
        role: null,
        person: null,
      };
    }
    case 'title': {
      const p = byTitle(index, m);
      if (!p) return { name: null, role: m.role, person: null };
      p.role ??= m.role;
      noteResolved(index, p, at);
      return { name: p.name, role: p.role, person: p };
    }
    case 'group': {
      const name = m.name ?? '';
      index.groups.push({ name, plural: m.gender === 'plural', at });
      return { name, role: null, person: null };
    }
  }
}
