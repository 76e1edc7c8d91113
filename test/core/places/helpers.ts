import { tagPlaces, type Places } from '../../../src/core/places/tag.js';

/** Tags an invented story: the first sentence is the lede; sentences split at ". ". */
export function tag(body: string, title: string | null = null): Places {
  const sentences = body
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return tagPlaces({ title, lede: sentences[0] ?? '', sentences });
}
