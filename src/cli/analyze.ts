import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { analyzeArticle } from '../core/analyze.js';
import type { Analysis } from '../core/types.js';

const textLine = z.object({
  id: z.string(),
  text: z.string().refine((t) => t.trim().length > 0, 'text is empty'),
  title: z.string().optional(),
  url: z.string().optional(),
});
const pageLine = z.object({ id: z.string(), url: z.string().optional(), html: z.string() });

/**
 * Turns an HTML page into article text (paragraphs separated by blank lines), or says why it
 * cannot; provided by the sources layer.
 */
export type PageExtractor = (
  html: string,
  url: string | undefined,
) => { title: string | null; text: string } | { error: string };

export interface JsonlOptions {
  readonly sentences?: number;
  readonly extractPage?: PageExtractor;
}

/** One output line of `analyze --jsonl`. */
export type JsonlResult = ({ id: string } & Analysis) | { id: string | null; line: number; error: string };

/**
 * Answers one JSON-lines request. A bad line gets an error object (and the caller reports it on
 * stderr) so that output stays aligned with input, one line each.
 */
export function analyzeJsonLine(raw: string, lineNo: number, options: JsonlOptions = {}): JsonlResult {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { id: null, line: lineNo, error: 'not JSON' };
  }
  const id =
    typeof value === 'object' && value && 'id' in value && typeof value.id === 'string' ? value.id : null;
  const page = pageLine.safeParse(value);
  if (page.success && !(typeof value === 'object' && value && 'text' in value)) {
    if (!options.extractPage) return { id, line: lineNo, error: 'page input (html) is not supported here' };
    const extracted = options.extractPage(page.data.html, page.data.url);
    if ('error' in extracted) return { id, line: lineNo, error: extracted.error };
    const analysis = analyzeArticle(
      { text: extracted.text, title: extracted.title ?? undefined, url: page.data.url },
      withSentences(options),
    );
    // The body is the extracted text itself, the very string the quote offsets index.
    return { id: page.data.id, ...analysis, body: extracted.text };
  }
  const parsed = textLine.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'line';
    const message = issue?.code === 'invalid_type' && issue.input === undefined ? 'missing' : issue?.message;
    return { id, line: lineNo, error: `${field}: ${message ?? 'invalid'}` };
  }
  const { id: docId, text, title, url } = parsed.data;
  return { id: docId, ...analyzeArticle({ text, title, url }, withSentences(options)) };
}

function withSentences(options: JsonlOptions): { sentences?: number } {
  return options.sentences === undefined ? {} : { sentences: options.sentences };
}

/**
 * The lines of a stream, split at "\n" only (a trailing "\r" of CRLF dropped): a lone CR inside a
 * line is part of it, not a break, as readline would take it. A last line without "\n" counts.
 */
export async function* inputLines(input: Readable): AsyncGenerator<string> {
  input.setEncoding('utf8');
  let pending = '';
  for await (const chunk of input as AsyncIterable<string>) {
    // Only the new chunk is searched, so a long line costs no repeated scans of its start.
    const parts = chunk.split('\n');
    parts[0] = pending + parts[0]!;
    pending = parts.pop()!;
    for (const line of parts) yield line.replace(/\r$/, '');
  }
  if (pending !== '') yield pending.replace(/\r$/, '');
}

/**
 * Streams JSON lines from `input` to `output`, one answer for every input line, blank ones too
 * (decision 0002); returns how many lines were bad.
 */
export async function runJsonl(
  input: Readable,
  output: Writable,
  errors: Writable,
  options: JsonlOptions = {},
): Promise<number> {
  let lineNo = 0;
  let bad = 0;
  for await (const raw of inputLines(input)) {
    lineNo++;
    const result: JsonlResult =
      raw.trim() === ''
        ? { id: null, line: lineNo, error: 'empty line' }
        : analyzeJsonLine(raw, lineNo, options);
    if ('error' in result) {
      bad++;
      errors.write(
        `newsdesk analyze: line ${lineNo}${result.id ? ` (id ${result.id})` : ''}: ${result.error}\n`,
      );
    }
    if (!output.write(JSON.stringify(result) + '\n')) await new Promise((r) => output.once('drain', r));
  }
  return bad;
}

/** Analyses one article file (plain text) for a reader. */
export async function analyzeFile(path: string, options: JsonlOptions = {}): Promise<Analysis> {
  const text = await readFile(path, 'utf8');
  if (text.trim() === '') throw new Error(`${path}: the file is empty`);
  return analyzeArticle({ text }, withSentences(options));
}
