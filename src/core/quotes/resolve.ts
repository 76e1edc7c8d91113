// Turns a speaker mention into a speaker: a surname into the full name introduced earlier, he/she
// into the nearest earlier person of that gender, "the mayor" into the person who holds the title.
import {
  addPerson,
  lastMentionBefore,
  mention,
  type GroupMention,
  type PeopleIndex,
  type Person,
} from './person.js';
import type { Mention } from './phrase.js';

/** A speaker once resolved: the name and role the quote is credited to. */
export interface Resolved {
  readonly name: string | null;
  readonly role: string | null;
  /** Set when the speaker is a named person, so later pronouns can find them. */
  readonly person: Person | null;
}

function fullNameFor(index: PeopleIndex, surname: string, at: number): Person | null {
  let first: Person | null = null;
  let best: Person | null = null;
  let bestAt = -1;
  for (const p of index.bySurname.get(surname.toLowerCase()) ?? []) {
    if (!p.name.includes(' ')) continue;
    first ??= p;
    const m = lastMentionBefore(p, at);
    if (m > bestAt) {
      best = p;
      bestAt = m;
    }
  }
  return best ?? first;
}

function byPronoun(index: PeopleIndex, gender: 'm' | 'f', at: number): Person | null {
  index.genders?.();
  let best: Person | null = null;
  let bestAt = -1;
  for (const p of index.people) {
    if (!p.person && p.maleVotes + p.femaleVotes === 0) continue;
    if (p.gender && p.gender !== gender) continue;
    const m = lastMentionBefore(p, at);
    if (m > bestAt) {
      best = p;
      bestAt = m;
    }
  }
  return best;
}

function byTitle(index: PeopleIndex, m: Mention): Person | null {
  const words = (m.role ?? '').toLowerCase().split(' ');
  const head = words[words.length - 1];
  if (!head) return null;
  let best: Person | null = null;
  let bestAt = -1;
  for (const p of index.people) {
    const role = (p.role ?? '').toLowerCase().split(' ');
    const owned = m.possessor !== null && p.possessor === m.possessor;
    if (!role.includes(head) && !owned) continue;
    if (owned && !role.includes(head) && p.role) continue;
    const at = lastMentionBefore(p, Number.MAX_SAFE_INTEGER);
    if (at > bestAt) {
      best = p;
      bestAt = at;
    }
  }
  return best;
}

const none: Resolved = { name: null, role: null, person: null };

function lastGroupBefore(index: PeopleIndex, plural: boolean, at: number): GroupMention | null {
  // groups are met in text order: the latest one before `at` is near the end
  for (let k = index.groups.length - 1; k >= 0; k--) {
    const g = index.groups[k] as GroupMention;
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
      const p = (single ? fullNameFor(index, name, at) : null) ?? addPerson(index, name, at);
      mention(p, at);
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
        mention(p, at);
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
      mention(p, at);
      return { name: p.name, role: p.role, person: p };
    }
    case 'group': {
      const name = m.name ?? '';
      index.groups.push({ name, plural: m.gender === 'plural', at });
      return { name, role: null, person: null };
    }
  }
}
