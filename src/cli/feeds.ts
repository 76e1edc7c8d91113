import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { findRegion, listRegions, suggestRegions } from '../core/places/regions.js';
import { seedDefaultFeeds } from '../sources/default-feeds.js';
import { parseOpml } from '../sources/opml/parse-opml.js';
import { writeOpml } from '../sources/opml/write-opml.js';
import { openStore } from '../store/open-store.js';
import type { Feed, Store } from '../store/types.js';
import { printable } from './printable.js';

export const FEEDS_USAGE = `usage: newsdesk feeds <command>

  list                          every feed, with its state
  add URL [--region R] [--title T]
                                follow a feed (R: a region slug, e.g. balkans)
  remove ID                     stop following a feed
  enable ID                     re-enable a feed that was disabled after failures
  import FILE.opml              add the feeds of an OPML file
  export                        print every feed as OPML
`;

/** Where the feeds commands write, and what they work on. */
export interface FeedsContext {
  readonly store: Store;
  readonly out: { write(s: string): unknown };
  readonly now: Date;
}

/** A wrong feeds command line: exit status 2. */
export class FeedsUsageError extends Error {
  override readonly name = 'FeedsUsageError';
}

/** A command that could not be carried out (unknown id, bad OPML): exit status 1. */
export class FeedsError extends Error {
  override readonly name = 'FeedsError';
}

function feedId(value: string | undefined, command: string): number {
  if (value === undefined)
    throw new FeedsUsageError(`feeds ${command} needs a feed ID (see "newsdesk feeds list")`);
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new FeedsUsageError(`feeds ${command} takes a feed ID, a whole number; got "${value}"`);
  }
  return Number(value);
}

function regionSlug(value: string): string {
  const region = findRegion(value);
  if (region) return region.slug;
  const close = suggestRegions(value);
  if (close.length > 0)
    throw new FeedsUsageError(`unknown region "${value}"; did you mean ${close.join(', ')}?`);
  const known = listRegions().map((r) => r.slug);
  throw new FeedsUsageError(`unknown region "${value}"; known regions: ${known.join(', ')}`);
}

function feedUrl(value: string | undefined): string {
  if (value === undefined) throw new FeedsUsageError('feeds add needs the URL of a feed');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FeedsUsageError(`"${value}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedsUsageError(`a feed URL must start with http:// or https://, got "${value}"`);
  }
  return url.toString();
}

function describe(f: Feed): string {
  // Titles and errors come from feeds and servers: printed inert, whatever they hold.
  const state = f.enabled ? (f.failures > 0 ? `failing (${f.failures})` : 'ok') : 'disabled';
  const line = `${String(f.id).padStart(4)}  ${state.padEnd(12)} ${printable(f.region ?? '-').padEnd(16)} ${printable(f.url)}`;
  const notes = [
    f.title,
    f.enabled ? f.lastError && `last error: ${f.lastError}` : f.disabledReason && `why: ${f.disabledReason}`,
  ];
  return [line, ...notes.filter(Boolean).map((n) => `${' '.repeat(6)}${printable(n!)}`)].join('\n');
}

function parseAddArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      options: { region: { type: 'string' }, title: { type: 'string' } },
      allowPositionals: true,
    });
  } catch (e) {
    // node:util reports an unknown or valueless option as a TypeError with an ERR_PARSE_ARGS code.
    if (e instanceof TypeError) throw new FeedsUsageError(`feeds add: ${e.message}`);
    throw e;
  }
}

async function existing(store: Store, id: number): Promise<Feed> {
  const feed = await store.feeds.get(id);
  if (!feed) throw new FeedsError(`no feed with ID ${id} (see "newsdesk feeds list")`);
  return feed;
}

function noMoreThan(args: readonly string[], count: number, command: string): void {
  if (args.length > count) throw new FeedsUsageError(`feeds ${command}: unexpected "${args[count]}"`);
}

/** Runs one feeds subcommand against `ctx.store`. Returns the exit status. */
export async function runFeeds(args: readonly string[], ctx: FeedsContext): Promise<number> {
  const [command, ...rest] = args;
  const { store, out, now } = ctx;
  switch (command) {
    case 'list': {
      noMoreThan(rest, 0, 'list');
      const feeds = await store.feeds.list();
      if (feeds.length === 0) out.write('no feeds; add one with "newsdesk feeds add URL"\n');
      for (const f of feeds) out.write(describe(f) + '\n');
      return 0;
    }
    case 'add': {
      const { values, positionals } = parseAddArgs(rest);
      noMoreThan(positionals, 1, 'add');
      const url = feedUrl(positionals[0]);
      const region = values.region === undefined ? null : regionSlug(values.region);
      const known = await store.feeds.byUrl(url);
      if (known) throw new FeedsError(`already following ${url} (ID ${known.id})`);
      const feed = await store.feeds.add({ url, region, title: values.title?.trim() || null }, now);
      out.write(`added feed ${feed.id}: ${feed.url}${region ? ` (${region})` : ''}\n`);
      return 0;
    }
    case 'remove': {
      noMoreThan(rest, 1, 'remove');
      const feed = await existing(store, feedId(rest[0], 'remove'));
      await store.feeds.remove(feed.id);
      out.write(`removed feed ${feed.id}: ${feed.url}\n`);
      return 0;
    }
    case 'enable': {
      noMoreThan(rest, 1, 'enable');
      const feed = await existing(store, feedId(rest[0], 'enable'));
      // A fresh start: the failure count that disabled it would otherwise disable it again at once.
      await store.feeds.update(feed.id, {
        enabled: true,
        disabledReason: null,
        failures: 0,
        nextFetchAt: now,
      });
      out.write(
        `${feed.enabled ? 'feed was enabled already; it is due now' : 'enabled feed'} ${feed.id}: ${feed.url}\n`,
      );
      return 0;
    }
    case 'import':
      noMoreThan(rest, 1, 'import');
      return importOpml(rest[0], ctx);
    case 'export':
      noMoreThan(rest, 0, 'export');
      out.write(writeOpml(await store.feeds.list(), 'newsdesk feeds', now));
      return 0;
    case 'help':
    case '--help':
      out.write(FEEDS_USAGE);
      return 0;
    case undefined:
      throw new FeedsUsageError('feeds needs a command');
    default:
      throw new FeedsUsageError(`unknown feeds command "${command}"`);
  }
}

async function importOpml(file: string | undefined, { store, out, now }: FeedsContext): Promise<number> {
  if (file === undefined) throw new FeedsUsageError('feeds import needs an OPML file');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new FeedsError(
      `cannot read ${file}: ${e instanceof Error && 'code' in e ? String(e.code) : String(e)}`,
    );
  }
  const parsed = parseOpml(text);
  if (!parsed.ok) throw new FeedsError(`${file}: ${parsed.error}`);
  let added = 0;
  for (const f of parsed.feeds) {
    if (await store.feeds.byUrl(f.url)) continue;
    await store.feeds.add(
      { url: f.url, title: f.title, region: f.region && (findRegion(f.region)?.slug ?? f.region) },
      now,
    );
    added++;
  }
  const skipped = parsed.feeds.length - added;
  out.write(
    `imported ${added} feed${added === 1 ? '' : 's'} from ${file}${skipped ? `; ${skipped} already followed` : ''}\n`,
  );
  return 0;
}

/** `newsdesk feeds ...`: opens the store in NEWSDESK_DATA_DIR (default feeds on first use) and runs. */
export async function feedsCommand(
  args: readonly string[],
  out: FeedsContext['out'],
  err: { write(s: string): unknown },
): Promise<number> {
  const store = await openStore(loadConfig());
  try {
    const now = new Date();
    await seedDefaultFeeds(store, now);
    return await runFeeds(args, { store, out, now });
  } catch (e) {
    if (e instanceof FeedsUsageError) {
      err.write(`newsdesk: ${e.message}\n\n${FEEDS_USAGE}`);
      return 2;
    }
    if (e instanceof FeedsError) {
      err.write(`newsdesk: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await store.close();
  }
}
