import {
  describeSchedule,
  describeTarget,
  findCommand,
  parseSchedule,
  type SlashOption,
  type SuggestionSource,
} from '../../../commands/index.js';
import { listRegions } from '../../core/places/regions.js';
import type { ChatRef, Store, Subscription } from '../../store/types.js';

/** One suggestion as Discord shows it (both at most 100 characters). */
export interface Choice {
  readonly name: string;
  readonly value: string;
}

/** Discord shows 25 suggestions at most. */
export const MAX_CHOICES = 25;
const TOPICS_TTL_MS = 60_000;
const STORE_WAIT_MS = 1_500;

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Choices whose name or value starts with the query first, then those that contain it. */
function rank(choices: readonly Choice[], query: string): Choice[] {
  const q = fold(query.trim());
  if (q === '') return choices.slice(0, MAX_CHOICES);
  const starts: Choice[] = [];
  const contains: Choice[] = [];
  for (const c of choices) {
    const name = fold(c.name);
    const value = fold(c.value);
    const words = name.split(/[\s/_-]+/);
    if (value.startsWith(q) || name.startsWith(q) || words.some((w) => w.startsWith(q))) starts.push(c);
    else if (name.includes(q) || value.includes(q)) contains.push(c);
  }
  return [...starts, ...contains].slice(0, MAX_CHOICES);
}

const clip = (s: string): string => (s.length > 100 ? `${s.slice(0, 99)}…` : s);

const REGION_CHOICES: Choice[] = listRegions().map((r) => ({ name: r.name, value: r.slug }));
const TIMEZONE_CHOICES: Choice[] = ['UTC', ...Intl.supportedValuesOf('timeZone')].map((z) => ({
  name: z,
  value: z,
}));
const SCHEDULE_PRESETS = [
  'daily',
  'hourly',
  'twice-daily',
  'weekdays',
  'weekly',
  'daily@07:00',
  'weekdays@07:30',
];

function scheduleChoices(query: string): Choice[] {
  const typed = parseSchedule(query);
  const presets = SCHEDULE_PRESETS.map((p) => ({
    name: `${p}: ${describeSchedule(parseSchedule(p) ?? '')}`,
    value: p,
  }));
  // What the user typed, if it is a schedule, comes first with what it means.
  const own =
    typed === null
      ? []
      : [{ name: clip(`${query.trim()}: ${describeSchedule(typed)}`), value: query.trim().slice(0, 100) }];
  return [...own, ...rank(presets, typed === null ? query : '')].slice(0, MAX_CHOICES);
}

/** The option a user is typing in, from the command's platform-free slash definition. */
export function focusedOption(
  command: string,
  subcommand: string | null,
  option: string,
): SlashOption | undefined {
  const slash = findCommand(command)?.slash;
  const list =
    subcommand === null ? slash?.options : slash?.subcommands?.find((s) => s.name === subcommand)?.options;
  return list?.find((o) => o.name === option);
}

/**
 * Suggestions from memory, so Discord gets its answer well within its 3 seconds: regions and
 * time zones are in the process, a chat's topics are cached for a minute and read from the store
 * at most once in that time (a slow store gives suggestions without them rather than none).
 */
export function createSuggester(store: Store, now: () => number = () => Date.now()) {
  const topics = new Map<string, { names: string[]; until: number }>();
  const key = (chat: ChatRef): string => `${chat.platform}:${chat.chatId}`;

  async function topicNames(chat: ChatRef): Promise<string[]> {
    const hit = topics.get(key(chat));
    if (hit && hit.until > now()) return hit.names;
    const read = store.topics.list(chat).then((list) => {
      const names = list.map((t) => t.name);
      topics.set(key(chat), { names, until: now() + TOPICS_TTL_MS });
      if (topics.size > 10_000) topics.delete(topics.keys().next().value ?? '');
      return names;
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string[]>((resolve) => {
      timer = setTimeout(() => resolve(hit?.names ?? []), STORE_WAIT_MS);
    });
    try {
      return await Promise.race([read, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function subscriptionChoices(chat: ChatRef & { threadId: string | null }): Promise<Choice[]> {
    const subs: Subscription[] = await store.subscriptions.forChat(chat);
    return subs
      .filter((s) => chat.threadId === null || s.threadId === chat.threadId)
      .map((s) => ({
        name: clip(`#${s.id} ${describeTarget(s.target)}, ${describeSchedule(s.schedule)}`),
        value: String(s.id),
      }));
  }

  return {
    /** A chat's topics changed: the next suggestion reads them again. */
    forget(chat: ChatRef): void {
      topics.delete(key(chat));
    },
    async suggest(
      source: SuggestionSource,
      query: string,
      chat: ChatRef & { threadId: string | null },
    ): Promise<Choice[]> {
      switch (source) {
        case 'target': {
          const names = await topicNames(chat);
          const topicChoices = names.map((n) => ({ name: clip(`Topic: ${n}`), value: n }));
          return rank([...REGION_CHOICES, ...topicChoices], query);
        }
        case 'topic':
          return rank(
            (await topicNames(chat)).map((n) => ({ name: n, value: n })),
            query,
          );
        case 'timezone':
          return rank(TIMEZONE_CHOICES, query);
        case 'schedule':
          return scheduleChoices(query);
        case 'subscription':
          return rank(await subscriptionChoices(chat), query.replace(/^#/, ''));
      }
    },
  };
}

export type Suggester = ReturnType<typeof createSuggester>;
