import { z } from 'zod';

const optionalSecret = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const schema = z.object({
  NEWSDESK_DATA_DIR: z.string().trim().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TELEGRAM_BOT_TOKEN: optionalSecret,
  DISCORD_TOKEN: optionalSecret,
  DATABASE_URL: optionalSecret,
  /** Telegram webhook mode (instead of long polling): the local port, the shared secret, the public URL. */
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  TELEGRAM_WEBHOOK_SECRET: optionalSecret,
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  /** The address the webhook listens on: loopback unless set (the container sets 0.0.0.0). */
  TELEGRAM_WEBHOOK_HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** The operator's endpoints (/healthz, /readyz, /metrics) on this port; off when unset. */
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** The address those endpoints listen on: loopback unless set (the container sets 0.0.0.0). */
  HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** The Bot API root (default https://api.telegram.org): a local Bot API server, or a fake in tests. */
  TELEGRAM_API_ROOT: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /** Discord's API base (default https://discord.com/api): a REST proxy, or a fake in tests. */
  DISCORD_API_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  /** Register the slash commands in this one guild (instant, for development) instead of globally. */
  DISCORD_GUILD_ID: z
    .string()
    .trim()
    .regex(/^\d{17,20}$/, { error: 'expected a guild id (a number of 17 to 20 digits)' })
    .optional(),
  /** How many shards the whole bot runs (default: as Discord recommends). */
  DISCORD_SHARD_COUNT: z.coerce.number().int().min(1).max(10_000).optional(),
  /** The shards this process runs, e.g. "0,1" or "0-3" (default: all of them). */
  DISCORD_SHARD_IDS: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const ids = parseShardIds(s);
      if (ids === null) {
        ctx.addIssue({ code: 'custom', message: 'expected shard numbers such as "0,1" or "0-3"' });
        return z.NEVER;
      }
      return ids;
    }),
  /** A digest later than this after its time is skipped (its stories go in the next): 90m, 3h, 1d. */
  DIGEST_MAX_LATENESS: z
    .string()
    .default('3h')
    .transform((s, ctx) => {
      const ms = parseDuration(s);
      if (ms === null) {
        ctx.addIssue({ code: 'custom', message: 'expected a duration such as 90m, 3h or 1d' });
        return z.NEVER;
      }
      return ms;
    }),
  /**
   * How long an instance's claim on a digest lasts without renewal: the time a crashed instance's
   * digests wait before another instance (or the restarted one) takes them over. Renewed every third.
   */
  DIGEST_LEASE: z
    .string()
    .default('60s')
    .transform((s, ctx) => {
      const ms = parseDuration(s);
      if (ms === null || ms < 1000) {
        ctx.addIssue({ code: 'custom', message: 'expected a duration of at least 1s, such as 30s or 2m' });
        return z.NEVER;
      }
      return ms;
    }),
  /** Ingestion budgets (src/sources/work/budgets.ts); unset, each has its default. */
  NEWSDESK_FEED_ITEMS: z.coerce.number().int().min(1).optional(),
  NEWSDESK_ITEM_CHARS: z.coerce.number().int().min(1000).optional(),
  NEWSDESK_FEED_SECONDS: z.coerce.number().int().min(1).optional(),
  NEWSDESK_TEASER_FETCHES: z.coerce.number().int().min(1).max(64).optional(),
  /** Days of news the store keeps; older stories, their articles and deliveries are deleted (30). */
  NEWSDESK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Worker threads for parsing and analysis (default: one a core). */
  NEWSDESK_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  /** Comma-separated hosts or CIDRs the SSRF guard lets through (tests use 127.0.0.1). */
  NEWSDESK_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    ),
});

/** "90m", "3h", "1d", "45s" → milliseconds (a bare number is minutes); null when it is not one. */
function parseDuration(text: string): number | null {
  const m = /^(\d{1,6})\s*(s|m|h|d)?$/.exec(text.trim().toLowerCase());
  if (!m) return null;
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 'm') as 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

/** "0,2,4-6" → [0, 2, 4, 5, 6]; null when it is not such a list. */
function parseShardIds(text: string): number[] | null {
  const ids = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim())) {
    const range = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
    if (!range) return null;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from) return null;
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** Every variable the configuration reads (`.env.example` lists the same, a test checks). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

/** The whole configuration, parsed once from the environment. */
export type Config = z.infer<typeof schema>;

/** A configuration problem, naming every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The names of the variables that hold secrets: they never reach logs or errors. */
export const SECRET_VARIABLES = [
  'TELEGRAM_BOT_TOKEN',
  'DISCORD_TOKEN',
  'DATABASE_URL',
  'TELEGRAM_WEBHOOK_SECRET',
] as const;

/** Parses the environment (default: `process.env`); throws a `ConfigError` naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (as `.env.example` leaves them) means "not set", whatever its type.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(given);
  if (parsed.success) {
    const shards = parsed.data.DISCORD_SHARD_IDS;
    const count = parsed.data.DISCORD_SHARD_COUNT;
    if (shards !== undefined && (count === undefined || shards.some((id) => id >= count)))
      throw new ConfigError(
        'invalid configuration:\n  DISCORD_SHARD_IDS: needs DISCORD_SHARD_COUNT, and every id below it',
      );
    return parsed.data;
  }
  const problems = parsed.error.issues.map((issue) => {
    const variable = issue.path.join('.');
    // zod messages never echo the value, so secrets stay out of the error.
    return `${variable}: ${issue.message}`;
  });
  throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
}
