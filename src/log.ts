import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they appear in a logged object. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'config.TELEGRAM_BOT_TOKEN',
  'config.DISCORD_TOKEN',
  'config.DATABASE_URL',
  'TELEGRAM_BOT_TOKEN',
  'DISCORD_TOKEN',
  'DATABASE_URL',
  'headers.authorization',
  '*.headers.authorization',
  'password',
  '*.password',
];

/**
 * The process logger. Writes JSON lines to stderr (stdout belongs to command output), with
 * secrets redacted by path and, as a second line of defence, by value wherever they occur in a message.
 */
export function createLogger(
  level: string,
  secrets: readonly (string | undefined)[] = [],
  destination: DestinationStream = pino.destination(2),
): Logger {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? scrubSecrets(a, known) : a)) as Parameters<
              typeof method
            >,
          );
        },
      },
      formatters: {
        log(object) {
          return known.length
            ? (JSON.parse(scrubSecrets(JSON.stringify(object), known)) as Record<string, unknown>)
            : object;
        },
      },
    },
    destination,
  );
}

/** Replaces every occurrence of a known secret in `text`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}
