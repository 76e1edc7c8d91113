import { leadFirst } from './lead-first.js';
import type { StoredArticle, Story } from './types.js';

/** A story row as both stores read it, its times already as dates. */
export interface StoryHead {
  readonly id: number;
  readonly publishedAt: Date;
  readonly firstSeenAt: Date;
}

/**
 * Builds stories from what a store read for a page of them: each story's lead article, the outlets
 * of its articles (in filing order) and its place codes. Shared by the SQLite and PostgreSQL stores.
 */
export function assembleStories(
  heads: readonly StoryHead[],
  leads: readonly StoredArticle[],
  outlets: readonly { story_id: number; outlet: string }[],
  places: readonly { story_id: number; kind: string; code: string }[],
): Story[] {
  const leadById = new Map(leads.map((a) => [a.storyId, a]));
  const outletsOf = new Map<number, string[]>();
  for (const r of outlets) {
    const list = outletsOf.get(r.story_id);
    if (list) list.push(r.outlet);
    else outletsOf.set(r.story_id, [r.outlet]);
  }
  const placesOf = new Map<number, { country: string[]; region: string[] }>();
  for (const p of places) {
    const entry = placesOf.get(p.story_id) ?? { country: [], region: [] };
    (p.kind === 'country' ? entry.country : entry.region).push(p.code);
    placesOf.set(p.story_id, entry);
  }
  const stories: Story[] = [];
  for (const head of heads) {
    const lead = leadById.get(head.id);
    // A story whose lead was deleted has nothing to tell; it is skipped, not shown empty.
    if (!lead) continue;
    const storyOutlets = leadFirst([lead.outlet], outletsOf.get(head.id) ?? []);
    const storyPlaces = placesOf.get(head.id) ?? { country: [], region: [] };
    stories.push({
      id: head.id,
      lead,
      sources: storyOutlets.length,
      outlets: storyOutlets,
      publishedAt: head.publishedAt,
      firstSeenAt: head.firstSeenAt,
      countries: leadFirst(lead.analysis.countries, storyPlaces.country),
      regions: leadFirst(lead.analysis.regions, storyPlaces.region),
    });
  }
  return stories;
}
