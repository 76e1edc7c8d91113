import { buildBriefing, type Briefing } from '../src/core/briefing/index.js';
import type { Topic } from '../src/core/types.js';
import type { Story } from '../src/store/types.js';
import type { CommandContext } from './types.js';

/** How many recent stories a topic search looks through. */
const TOPIC_SCAN = 300;

/** The newest stories for a region slug or a topic, newest first. */
export async function storiesFor(
  ctx: CommandContext,
  target: { readonly region: string } | { readonly topic: Topic },
  limit: number,
  since?: Date,
): Promise<Story[]> {
  const base = since === undefined ? {} : { since };
  if ('region' in target) {
    return ctx.store.articles.stories({ ...base, regions: [target.region], limit });
  }
  const { topic } = target;
  // Leads are matched on their text alone; only the stories that match are read whole.
  return ctx.store.articles.storiesWhere(
    { ...base, ...(topic.regions.length ? { regions: topic.regions } : {}), limit, scan: TOPIC_SCAN },
    (lead) => ctx.services.matchTopic(lead, topic),
  );
}

/** The briefing of a stored story, as of the command's `now`. */
export function briefingOf(ctx: CommandContext, story: Story): Briefing {
  return buildBriefing(
    {
      analysis: story.lead.analysis,
      url: story.lead.url,
      outlets: story.sources,
      outletNames: story.outlets,
      publishedAt: story.publishedAt,
    },
    ctx.now,
  );
}
