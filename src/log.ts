import { createRequire } from 'node:module';
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
 * Where the process's logs go: stderr, as JSON lines; on a terminal, as readable text when
 * pino-pretty (a development dependency) is installed. A production install has no pino-pretty, and
 * a container's or a service manager's stderr is no terminal: both get JSON, which log tools read.
 */
export function logDestination(isTty = process.stderr.isTTY): DestinationStream {
  if (isTty) {
    try {
      const pretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => DestinationStream;
      return pretty({ destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss.l', sync: true });
    } catch {
      // Not installed (npm ci --omit=dev): JSON it is.
    }
  }
  return pino.destination(2);
}

/**
 * The process logger. Writes JSON lines to stderr (stdout belongs to command output), with
 * secrets redacted by path and, as a second line of defence, by value wherever they occur in a message.
 */
export function createLogger(
  level: string,
  secrets: readonly (string | undefined)[] = [],
  destination: DestinationStream = logDestination(),
): Logger {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Errors arrive here already serialised by the formatter below; anything else is left alone.
      serializers: { err: (e: unknown) => (e instanceof Error ? pino.stdSerializers.err(e) : e) },
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
        // Runs before pino's serializers: errors are serialised here (message, stack, code, cause),
        // or JSON would see only their enumerable fields, then secrets are scrubbed from the result.
        log(object) {
          const serialised = serialiseErrors(object);
          return known.length
            ? (JSON.parse(scrubSecrets(JSON.stringify(serialised), known)) as Record<string, unknown>)
            : serialised;
        },
      },
    },
    destination,
  );
}

/** A logged object with every Error in it (at the top level) in pino's serialised form. */
function serialiseErrors(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object))
    out[key] = value instanceof Error ? pino.stdSerializers.err(value) : value;
  return out;
}

/** Replaces every occurrence of a known secret in `text`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}
