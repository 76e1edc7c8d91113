// The people of an article as records: who they are, where they are mentioned, and the index that
// finds them by name and surname (filled by people.ts, read by resolve.ts).
import { countBelow } from './marks.js';
import { countSteps } from '../work.js';

/** A group or organisation the article has speak ("U.S. officials said"), for a later "they" or "it". */
export interface GroupMention {
  readonly name: string;
  readonly plural: boolean;
  readonly at: number;
}

/**
 * Mentions of people in text order, as two parallel lists (offsets and people) rather than an
 * object a mention: people live for the whole article, and so would such objects.
 */
export interface Mentions {
  readonly at: number[];
  readonly person: Person[];
}

export interface PeopleIndex {
  readonly people: Person[];
  /** Groups seen speaking, in text order. */
  readonly groups: GroupMention[];
  /** Full names keyed by lower-cased surname, in order of first mention. */
  readonly bySurname: Map<string, Person[]>;
  /** Everyone by full name: a name met again needs no surname worked out. */
  readonly byName: Map<string, Person>;
  /** Every mention the reading of the text found (`indexPeople`), in text order. */
  readonly timeline: Mentions;
  /** The mentions resolution has made (a speaker's name, "he" or "the mayor" resolved), in text order. */
  readonly resolved: Mentions;
  /** Reads genders from he/she usage; done once, and only when a pronoun needs it. */
  genders: (() => void) | null;
}

const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv)$/i;

function surnameOf(name: string): string {
  const cut = name.lastIndexOf(' ');
  let last = name.slice(cut + 1);
  // a suffix ("Jr.") is no surname, but only after a first name and a surname
  if (last.length <= 3 && SUFFIX.test(last) && name.indexOf(' ') < cut) {
    last = name.slice(name.lastIndexOf(' ', cut - 1) + 1, cut);
  }
  const lower = last.toLowerCase();
  const n = lower.length;
  // "Stoltenberg’s": the possessive is no part of the surname
  const before = lower.charCodeAt(n - 2);
  return lower.charCodeAt(n - 1) === 115 && (before === 0x2019 || before === 39) ? lower.slice(0, -2) : lower;
}

/** Records a mention of `p` at `at`, found by reading the text in order (see `indexPeople`). */
export function mention(index: PeopleIndex, p: Person, at: number): void {
  const ms = p.mentions;
  if (ms.length && (ms[ms.length - 1] as number) >= at) return;
  ms.push(at);
  index.timeline.at.push(at);
  index.timeline.person.push(p);
}

/**
 * Records that resolution credited `p` with the mention at `at`: the person is then the latest one
 * named there, for a later "he" or "the mayor". Resolution goes in text order.
 */
export function noteResolved(index: PeopleIndex, p: Person, at: number): void {
  index.resolved.at.push(at);
  index.resolved.person.push(p);
  // the person's own mentions (read for gender votes) take it unless the text's reading has it or
  // a later one already
  const ms = p.mentions;
  if (!ms.length || (ms[ms.length - 1] as number) < at) ms.push(at);
}

/**
 * The person of the latest mention before `at` that `accept` takes, looking back over at most
 * `reach` mentions: a pronoun or a title refers to someone named recently, and the look back stays
 * bounded however long the text. Null when none is found that near.
 */
export function latestBefore(
  index: PeopleIndex,
  at: number,
  reach: number,
  accept: (p: Person) => boolean,
): Person | null {
  const { timeline, resolved } = index;
  let i = countBelow(timeline.at, at) - 1;
  let j = countBelow(resolved.at, at) - 1;
  let seen = 0;
  let found: Person | null = null;
  for (; seen < reach && !found && (i >= 0 || j >= 0); seen++) {
    // the later of the two lists' next mentions back
    const fromResolved = j >= 0 && (i < 0 || (resolved.at[j] as number) >= (timeline.at[i] as number));
    const p = fromResolved ? (resolved.person[j--] as Person) : (timeline.person[i--] as Person);
    if (accept(p)) found = p;
  }
  countSteps(seen);
  return found;
}

/**
 * Empty arrays to copy (`slice`) for a person's mentions and a surname's people. A copy made by a
 * builtin carries no allocation site (see `Person`), and costs about a third of `Array.of()`, which
 * sets the new array's length through a generic runtime call. Never written to.
 */
const NO_OFFSETS: number[] = [];
/**
 * Emptied from a list that held an object, so that its copies hold objects from the start: a copy of
 * `[]` holds small integers, and pushing a person onto it changes its kind through a generic store.
 */
const NO_PEOPLE = emptiedObjectList<Person>();

function emptiedObjectList<T>(): T[] {
  const list = [null] as unknown as T[];
  list.length = 0;
  return list;
}

/**
 * A person as the article knows them.
 *
 * A class, made by a constructor with arrays copied by a builtin, not an object literal with
 * array literals: V8 may decide from a few early collections that every later object of a literal
 * is to be allocated straight in the old generation (allocation-site pretenuring), and never goes
 * back. People live for a whole article, the longest of the analysis's many objects, so theirs was
 * the literal it picked, in about half of all processes: the old records then kept each article's
 * young strings alive through two collections (800 KB promoted at every one), and the whole
 * analysis ran about 15% slower for the life of the process. A constructor's objects, and a
 * builtin's arrays, carry no such decision.
 */
export class Person {
  readonly name: string;
  /** Lower-cased last word of the name: what a bare surname is matched against. */
  readonly surname: string;
  role: string | null = null;
  gender: 'm' | 'f' | null = null;
  possessor: string | null = null;
  /** Offsets of every mention of the person (full name or surname), in order. */
  readonly mentions: number[] = NO_OFFSETS.slice();
  /** Named as a speaker, or with a title: a person, not a place or a firm. */
  person = false;
  /** He/his/him and she/her read near the person alone (see voteGenders). */
  maleVotes = 0;
  femaleVotes = 0;

  constructor(name: string, surname: string) {
    this.name = name;
    this.surname = surname;
  }
}

/** Finds the person called `name`, or adds them (with no mention yet). */
export function personNamed(index: PeopleIndex, name: string): Person {
  let p = index.byName.get(name);
  if (!p) {
    const surname = surnameOf(name);
    const list = index.bySurname.get(surname) ?? NO_PEOPLE.slice();
    p = new Person(name, surname);
    list.push(p);
    index.bySurname.set(surname, list);
    index.byName.set(name, p);
    index.people.push(p);
  }
  return p;
}

/** Adds or finds the person called `name`, mentioned at `at` (see `mention`). */
export function addPerson(index: PeopleIndex, name: string, at: number): Person {
  const p = personNamed(index, name);
  mention(index, p, at);
  return p;
}

/** An index with nobody in it yet: speakers named in full are added as they are met. */
export function emptyIndex(): PeopleIndex {
  return {
    people: [],
    groups: [],
    bySurname: new Map(),
    byName: new Map(),
    timeline: { at: [], person: [] },
    resolved: { at: [], person: [] },
    genders: null,
  };
}
