import { z } from 'zod';
import { findRegion, suggestRegions } from '../src/core/places/regions.js';
import type { Region, Topic } from '../src/core/types.js';
import type { SubscriptionTarget } from '../src/store/types.js';
import type { SlashOption } from './slash.js';
import { suggest, type Candidate } from './suggest.js';
import type { CommandContext } from './types.js';

/** A command's `<region|topic>` argument: a name, trimmed, with a clear error when missing or too long. */
export const targetOption = z
  .string({ error: 'Name a region or one of this chat’s topics' })
  .trim()
  .min(1, { error: 'Name a region or one of this chat’s topics' })
  .max(64, { error: 'That name is too long' });

/** The same argument as a slash command's option, with suggestions of regions and the chat's topics. */
export const TARGET_SLASH_OPTION: SlashOption = {
  name: 'region',
  description: 'A region (balkans, sahel…) or one of this server’s topics',
  type: 'string',
  required: true,
  maxLength: 64,
  autocomplete: 'target',
};

/** What a `<region|topic>` argument named. */
export type ResolvedTarget =
  | { readonly kind: 'region'; readonly region: Region }
  | { readonly kind: 'topic'; readonly topic: Topic }
  | { readonly kind: 'unknown'; readonly suggestions: readonly string[] };

/** Finds the region (first) or this chat's topic that `query` names, or close names when neither. */
export async function resolveTarget(ctx: CommandContext, query: string): Promise<ResolvedTarget> {
  const region = findRegion(query);
  if (region) return { kind: 'region', region };
  const topics = await ctx.store.topics.list(ctx.chat);
  const q = query.trim().toLowerCase();
  const topic = topics.find((t) => t.name.toLowerCase() === q);
  if (topic) return { kind: 'topic', topic };
  const candidates: Candidate[] = topics.map((t) => ({ value: t.name, spellings: [t.name] }));
  const suggestions = [...suggestRegions(query).slice(0, 3), ...suggest(query, candidates, 2)];
  return { kind: 'unknown', suggestions };
}

/** "Unknown region or topic "balkns". Did you mean balkans?" */
export function unknownTargetMessage(query: string, suggestions: readonly string[]): string {
  const shown = query.length > 40 ? `${query.slice(0, 40)}…` : query;
  const hint = suggestions.length
    ? ` Did you mean ${suggestions.join(' or ')}?`
    : ' /regions lists the regions, /topics list this chat’s topics.';
  return `Unknown region or topic "${shown}".${hint}`;
}

/** The stored form of a resolved target. */
export function toSubscriptionTarget(t: Exclude<ResolvedTarget, { kind: 'unknown' }>): SubscriptionTarget {
  return t.kind === 'region'
    ? { kind: 'region', slug: t.region.slug }
    : { kind: 'topic', name: t.topic.name };
}

/** How a stored target reads in a reply. */
export function describeTarget(t: SubscriptionTarget): string {
  if (t.kind === 'topic') return `topic ${t.name}`;
  return findRegion(t.slug)?.name ?? t.slug;
}
