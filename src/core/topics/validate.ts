import { findRegion, suggestRegions } from '../places/regions.js';
import type { Topic } from '../types.js';
import { MAX_PHRASE_WORDS } from './phrase.js';

/** Limits on what a moderator may type, so a topic stays cheap to match and readable. */
export const TOPIC_LIMITS = {
  nameLength: 40,
  phraseLength: 60,
  phrases: 30,
  phraseWords: MAX_PHRASE_WORDS,
  /** A wildcard needs this many letters before the `*` ("ele*" is too broad). */
  wildcardStem: 3,
  regions: 10,
} as const;

/** A topic as typed, before it is checked. */
export interface TopicDraft {
  readonly name: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly regions: readonly string[];
}

/** Why a draft topic was refused: the field, the offending value, and a sentence for the moderator. */
export interface TopicError {
  readonly field: 'name' | 'include' | 'exclude' | 'regions';
  readonly value: string;
  readonly message: string;
  /** For an unknown region, the slugs it might have meant. */
  readonly suggestions?: readonly string[];
}

/** The checked topic, or the first problem found. */
export type TopicResult =
  { readonly ok: true; readonly topic: Topic } | { readonly ok: false; readonly error: TopicError };

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u;
// Letters of any script, digits, spaces, and the punctuation names carry: - ' . &; `*` only ends a word.
const PHRASE = /^[\p{L}\p{M}\p{N} '’.&-]+$/u;
const WILDCARD_WORD = /^[\p{L}\p{M}\p{N}'’.&-]*\*$/u;

function checkPhrase(field: 'include' | 'exclude', raw: string): TopicError | null {
  const p = raw.trim();
  const fail = (message: string): TopicError => ({ field, value: raw, message });
  if (!p) return fail('a phrase is empty');
  if (p.length > TOPIC_LIMITS.phraseLength)
    return fail(`"${p.slice(0, 20)}…" is longer than ${TOPIC_LIMITS.phraseLength} characters`);
  const parts = p.split(/\s+/);
  if (parts.length > TOPIC_LIMITS.phraseWords)
    return fail(`"${p}" has more than ${TOPIC_LIMITS.phraseWords} words`);
  for (const w of parts) {
    if (w.includes('*')) {
      if (!WILDCARD_WORD.test(w)) return fail(`"${w}": * may only end a word, as in elect*`);
      if ((w.match(/[\p{L}\p{N}]/gu) ?? []).length < TOPIC_LIMITS.wildcardStem)
        return fail(`"${w}": a wildcard needs at least ${TOPIC_LIMITS.wildcardStem} letters before *`);
    } else if (!PHRASE.test(w)) {
      return fail(`"${w}" has characters a phrase cannot hold (use letters, digits, - ' . & and a final *)`);
    }
  }
  return null;
}

/** Checks a topic typed by a moderator; expected mistakes come back as a value, never thrown. */
export function validateTopic(draft: TopicDraft): TopicResult {
  const name = draft.name.trim();
  if (!name || name.length > TOPIC_LIMITS.nameLength || !NAME.test(name))
    return {
      ok: false,
      error: {
        field: 'name',
        value: draft.name,
        message: `a topic name is 1 to ${TOPIC_LIMITS.nameLength} letters, digits, spaces, - or _`,
      },
    };
  for (const field of ['include', 'exclude'] as const) {
    const list = draft[field];
    if (list.length > TOPIC_LIMITS.phrases)
      return {
        ok: false,
        error: { field, value: String(list.length), message: `at most ${TOPIC_LIMITS.phrases} phrases` },
      };
    for (const p of list) {
      const error = checkPhrase(field, p);
      if (error) return { ok: false, error };
    }
  }
  if (draft.regions.length > TOPIC_LIMITS.regions)
    return {
      ok: false,
      error: {
        field: 'regions',
        value: String(draft.regions.length),
        message: `at most ${TOPIC_LIMITS.regions} regions`,
      },
    };
  const regions: string[] = [];
  for (const r of draft.regions) {
    const region = findRegion(r.slice(0, TOPIC_LIMITS.phraseLength));
    if (!region) {
      const suggestions = suggestRegions(r);
      const hint = suggestions.length ? ` (did you mean ${suggestions.join(', ')}?)` : '';
      return {
        ok: false,
        error: { field: 'regions', value: r, message: `unknown region "${r}"${hint}`, suggestions },
      };
    }
    regions.push(region.slug);
  }
  const clean = (l: readonly string[]): string[] => [...new Set(l.map((p) => p.trim()))];
  return {
    ok: true,
    topic: {
      name,
      include: clean(draft.include),
      exclude: clean(draft.exclude),
      regions: [...new Set(regions)],
    },
  };
}
