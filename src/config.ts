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
  /** Ingestion budgets (src/sources/work/budgets.ts); unset, each has its default. */
  NEWSDESK_FEED_ITEMS: z.coerce.number().int().min(1).optional(),
  NEWSDESK_ITEM_CHARS: z.coerce.number().int().min(1000).optional(),
  NEWSDESK_FEED_SECONDS: z.coerce.number().int().min(1).optional(),
  NEWSDESK_TEASER_FETCHES: z.coerce.number().int().min(1).max(64).optional(),
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
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const variable = issue.path.join('.');
    // zod messages never echo the value, so secrets stay out of the error.
    return `${variable}: ${issue.message}`;
  });
  throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
}
