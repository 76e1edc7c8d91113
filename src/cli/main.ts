import { parseArgs } from 'node:util';
import { ConfigError } from '../config.js';
import { PlatformStartError } from '../platform.js';
import { listRegions } from '../core/places/regions.js';
import { extractArticle } from '../sources/extract/index.js';
import { databaseReason, StoreOpenError } from '../store/store-errors.js';
import { analyzeFile, type PageExtractor, runJsonl } from './analyze.js';
import { formatAnalysis } from './briefing-text.js';
import { formatRegions } from './regions-text.js';

const USAGE = `usage: newsdesk <command> [options]

commands:
  analyze --jsonl [--sentences N]   analyse JSON lines {"id","text"} or {"id","url","html"} from stdin
  analyze FILE [--sentences N]      print a readable briefing of one article
  start                             run the bots (TELEGRAM_BOT_TOKEN, DISCORD_TOKEN) or, without a token,
                                    a terminal chat
  register-commands                 register the Discord slash commands (globally, or DISCORD_GUILD_ID)
  regions                           list the region table (slugs, members, aliases)
  bench [--only analysis|ingest|fanout]
                                    time the analysis against an npm summarizer, ingestion and
                                    the digest fan-out (see the README's Benchmark)
  feeds list|add|remove|enable|import|export
                                    manage the feeds (see "newsdesk feeds help")
  ingest FILE|URL                   analyse and store one article (text or HTML file, or a page)
  poll [--all]                      fetch the due feeds once (--all: every enabled feed)
  migrate-store [--from FILE]       copy the SQLite store into the (empty) PostgreSQL of DATABASE_URL
  backup FILE                       a consistent copy of the SQLite store, safe while the bot runs
`;

/** A wrong command line: printed with the usage, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50)
    throw new UsageError(`${flag} takes a whole number from 1 to 50, got "${value}"`);
  return n;
}

async function analyzeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { jsonl: { type: 'boolean' }, sentences: { type: 'string' } },
    allowPositionals: true,
  });
  const sentences = parseCount(values.sentences, '--sentences');
  const options = sentences === undefined ? {} : { sentences };
  if (values.jsonl) {
    const bad = await runJsonl(process.stdin, process.stdout, process.stderr, { ...options, extractPage });
    return bad > 0 ? 1 : 0;
  }
  const file = positionals[0];
  if (!file) throw new UsageError('analyze needs --jsonl or a FILE');
  process.stdout.write(formatAnalysis(await analyzeFile(file, options)) + '\n');
  return 0;
}

/** Page lines of `analyze --jsonl` go through the sources layer's article extractor. */
const extractPage: PageExtractor = (html, url) => {
  const result = extractArticle(html, url);
  return result.ok ? result.value : { error: `${result.error.code}: ${result.error.message}` };
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'analyze':
      return analyzeCommand(rest);
    case 'start': {
      const [{ startNewsdesk }, { loadConfig }] = await Promise.all([
        import('../main.js'),
        import('../config.js'),
      ]);
      const status = await startNewsdesk(loadConfig(), {
        stdin: process.stdin,
        stdout: process.stdout,
        waitForStop: () =>
          new Promise((resolve) => {
            let askedAt: number | undefined;
            const onSignal = (signal: NodeJS.Signals): void => {
              // The first signal stops cleanly (within 10 s); a second one means now. A repeat
              // within a second is the same request: Ctrl-C or a service manager signals the whole
              // process group, and npm passes the signal on to the bot as well.
              if (askedAt !== undefined) {
                if (Date.now() - askedAt > 1000) process.exit(signal === 'SIGINT' ? 130 : 143);
                return;
              }
              askedAt = Date.now();
              resolve();
            };
            process.on('SIGINT', onSignal);
            process.on('SIGTERM', onSignal);
          }),
      });
      // Everything is stopped and closed; a library's stray timer or socket (a gateway reconnect
      // to a server that went away) must not keep the process alive past its stop.
      setTimeout(() => process.exit(status), 1_000).unref();
      return status;
    }
    case 'feeds': {
      const { feedsCommand } = await import('./feeds.js');
      return feedsCommand(rest, process.stdout, process.stderr);
    }
    case 'regions':
      process.stdout.write(formatRegions(listRegions()) + '\n');
      return 0;
    case 'ingest': {
      const { ingestCommand } = await import('./ingest.js');
      return ingestCommand(rest, process.stdout, process.stderr);
    }
    case 'poll': {
      const { pollCommand } = await import('./poll.js');
      return pollCommand(rest, process.stdout);
    }
    case 'backup': {
      const { backupCommand } = await import('./backup.js');
      return backupCommand(rest, process.stdout, process.stderr);
    }
    case 'migrate-store': {
      const { migrateStoreCommand } = await import('./migrate-store.js');
      return migrateStoreCommand(rest, process.stdout, process.stderr);
    }
    case 'register-commands': {
      const { registerCommandsCommand } = await import('./register-commands.js');
      return registerCommandsCommand(process.stdout, process.stderr);
    }
    case 'bench': {
      const { runBench } = await import('../../bench/run.js');
      return runBench(rest);
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** An error from the database while a command ran (SQLite, or PostgreSQL and its connection). */
function isDatabaseError(err: unknown): err is Error {
  if (!(err instanceof Error)) return false;
  return (
    err.name === 'SqliteError' ||
    ('severity' in err && 'code' in err) ||
    /^Connection terminated|^Client has encountered a connection error/.test(err.message)
  );
}

// `newsdesk feeds list | head`: the reader has gone, so what is left to print has nobody to read it.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (
    err instanceof UsageError ||
    (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
  ) {
    process.stderr.write(`newsdesk: ${err.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (err instanceof Error && 'code' in err && err.code === 'ENOENT') {
    process.stderr.write(`newsdesk: ${err.message}\n`);
    process.exitCode = 1;
  } else if (
    err instanceof ConfigError ||
    err instanceof StoreOpenError ||
    err instanceof PlatformStartError
  ) {
    // One line a person can act on; the stack would only bury it.
    process.stderr.write(`newsdesk: ${err.message.replace(/:\n\s*/g, ': ').replace(/\n\s*/g, '; ')}\n`);
    process.exitCode = 1;
  } else if (isDatabaseError(err)) {
    process.stderr.write(`newsdesk: database error: ${databaseReason(err)}\n`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
