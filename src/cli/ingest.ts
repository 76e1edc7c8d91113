import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config.js';
import { analyzeArticle } from '../core/analyze.js';
import { describeLink } from '../sources/fetch/errors.js';
import { createFetchContext, fetchPage, type FetchContext } from '../sources/fetch/index.js';
import { extractPage, pageText, type ExtractPage } from '../sources/poll/index.js';
import { fileArticle } from '../store/file-article.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/types.js';

/** What `newsdesk ingest` works with. */
export interface IngestContext {
  readonly store: Store;
  readonly fetch: FetchContext;
  readonly extract: ExtractPage;
  readonly out: { write(s: string): unknown };
  readonly now: Date;
}

/** An article that could not be ingested (unreadable file, failed fetch, no article): exit status 1. */
export class IngestError extends Error {
  override readonly name = 'IngestError';
}

/**
 * The address a local file is stored under. The store keeps http(s) addresses only, so a file gets
 * one under the reserved `.invalid` domain (RFC 2606: it never resolves, so it can never be fetched or
 * collide with a real article), built from its absolute path: ingesting the same file again finds it.
 */
export function fileArticleUrl(absolutePath: string): string {
  return `https://local-file.invalid${pathToFileURL(absolutePath).pathname}`;
}

interface Loaded {
  readonly url: string;
  readonly guid: string | null;
  readonly title: string | null;
  readonly text: string;
}

async function loadUrl(target: string, ctx: IngestContext): Promise<Loaded> {
  const page = await fetchPage(target, ctx.fetch);
  const shown = describeLink(target);
  if (!page.ok) throw new IngestError(`cannot fetch ${shown}: ${page.error.message}`);
  const article = pageText(page, ctx);
  if (!article) throw new IngestError(`${shown}: no article found in the page`);
  return { url: target, guid: null, ...article };
}

async function loadFile(target: string, ctx: IngestContext): Promise<Loaded> {
  const path = resolve(target);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    throw new IngestError(
      `cannot read ${target}: ${e instanceof Error && 'code' in e ? String(e.code) : String(e)}`,
    );
  }
  const isHtml = ['.html', '.htm', '.xhtml'].includes(extname(path).toLowerCase());
  const article = isHtml ? ctx.extract(raw, pathToFileURL(path).href) : { title: null, text: raw };
  if (!article) throw new IngestError(`${target}: no article found in the page`);
  return { url: fileArticleUrl(path), guid: pathToFileURL(path).href, ...article };
}

/** `newsdesk ingest FILE|URL`: analyses one article, files it under a story, prints what was stored. */
export async function runIngest(target: string, ctx: IngestContext): Promise<number> {
  const isUrl = /^https?:\/\//i.test(target);
  const loaded = isUrl ? await loadUrl(target, ctx) : await loadFile(target, ctx);
  if (!/[\p{L}\p{N}]/u.test(loaded.text))
    throw new IngestError(`${isUrl ? describeLink(target) : target}: no text to analyse`);
  const analysis = analyzeArticle({ text: loaded.text, title: loaded.title ?? undefined, url: loaded.url });
  const filed = await fileArticle(ctx.store, {
    url: loaded.url,
    guid: loaded.guid,
    feedId: null,
    source: null,
    publishedAt: null,
    fetchedAt: ctx.now,
    analysis,
  });
  if (filed.kind === 'invalid') throw new IngestError(filed.reason);
  const a = filed.article;
  const story = await ctx.store.articles.story(a.storyId);
  const verdict =
    filed.kind === 'duplicate'
      ? 'already stored'
      : filed.joined
        ? `stored (joins story ${a.storyId})`
        : 'stored (new story)';
  const lines = [
    `${verdict}: article ${a.id}`,
    `  title:     ${a.analysis.title ?? '(none found)'}`,
    `  story:     ${a.storyId}${story ? ` (${story.sources} source${story.sources === 1 ? '' : 's'})` : ''}`,
    `  countries: ${a.analysis.countries.join(', ') || '-'}`,
    `  regions:   ${a.analysis.regions.join(', ') || '-'}`,
  ];
  ctx.out.write(lines.join('\n') + '\n');
  return 0;
}

/** Entry from main: opens the store and a fetch context from the configuration. */
export async function ingestCommand(
  args: readonly string[],
  out: IngestContext['out'],
  err: { write(s: string): unknown },
): Promise<number> {
  const target = args[0];
  if (target === undefined || args.length > 1) {
    err.write('newsdesk: usage: newsdesk ingest FILE|URL\n');
    return 2;
  }
  const config = loadConfig();
  const store = await openStore(config);
  const fetch = createFetchContext({ allowlist: config.NEWSDESK_ALLOW_HOSTS });
  try {
    return await runIngest(target, { store, fetch, extract: extractPage, out, now: new Date() });
  } catch (e) {
    if (e instanceof IngestError) {
      err.write(`newsdesk: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await fetch.close();
    await store.close();
  }
}
