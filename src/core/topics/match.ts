import type { Topic } from '../types.js';
import { compilePhrase, phraseOccurs, words, type Meter } from './phrase.js';

/** What a topic is matched against: the analysed article's text and regions. */
export interface TopicArticle {
  readonly title: string | null;
  readonly body: string;
  readonly regions: readonly string[];
}

/** Whether an article matched a topic, and why. */
export type TopicMatch =
  | { readonly matched: true; readonly reason: 'phrase'; readonly phrase: string }
  /** The topic has no include phrases: every article in its regions matches. */
  | { readonly matched: true; readonly reason: 'any' }
  | { readonly matched: false; readonly reason: 'excluded'; readonly phrase: string }
  | { readonly matched: false; readonly reason: 'region'; readonly wanted: readonly string[] }
  | { readonly matched: false; readonly reason: 'no-phrase' };

/**
 * Matches an article against a moderator's topic: an exclude phrase vetoes, then the article must
 * be in one of the topic's regions (when it names any), then one include phrase must occur.
 * Case- and diacritic-insensitive, whole words, `elect*` as a prefix; never a regular expression
 * built from the topic, so time stays linear in the article whatever the moderator typed.
 */
export function matchTopic(article: TopicArticle, topic: Topic, meter?: Meter): TopicMatch {
  const text = words(`${article.title ?? ''}\n${article.body}`);
  for (const source of topic.exclude) {
    if (phraseOccurs(text, compilePhrase(source), meter))
      return { matched: false, reason: 'excluded', phrase: source };
  }
  if (topic.regions.length > 0 && !topic.regions.some((r) => article.regions.includes(r)))
    return { matched: false, reason: 'region', wanted: topic.regions };
  if (topic.include.length === 0) return { matched: true, reason: 'any' };
  for (const source of topic.include) {
    if (phraseOccurs(text, compilePhrase(source), meter))
      return { matched: true, reason: 'phrase', phrase: source };
  }
  return { matched: false, reason: 'no-phrase' };
}
