// Scores quotes and speakers on PolNeAR splits as ../shared/eval/score.mjs does, by group, with the
// errors sorted by kind. A guard against fitting: rules are tuned on half A of train (and dev) and
// half B is only reported; the seven outlets are reported apart, so a rule that helps one and hurts
// the others shows.
//
//   npx tsx scripts/quotes-eval.ts [--corpus DIR]... [--half a|b] [--by outlet|half] [--kinds] [--show KIND] [--max N]
//
// Defaults: ../shared/corpus/polnear/train, both halves, grouped by half. --kinds breaks the speakers'
// precision down by how each was found. --show prints the errors of
// one kind (or "all") with their context, to read on the terminal; never copy them into the project.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeArticle } from '../src/core/analyze.js';
import { quoteDetails, type QuoteDetail } from '../src/core/quotes/extract.js';
import type { Quote } from '../src/core/types.js';

type Frag = [number, number];

interface Content {
  readonly frags: Frag[];
  readonly source: Frag[];
  readonly direct: boolean;
  readonly set: Set<number>;
}

interface Doc {
  readonly id: string;
  readonly outlet: string;
  readonly half: 'a' | 'b';
  readonly text: string;
  readonly ann: string;
}

const QUOTE_MARKS = '"“”‘’\'«»„';
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'his', 'her', 'their', 'him', 'them']);

/** The half a document falls in: a stable hash of its name, so the halves never change. */
function halfOf(id: string): 'a' | 'b' {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % 2 === 0 ? 'a' : 'b';
}

function loadDocs(dir: string): Doc[] {
  const anns = readdirSync(join(dir, 'attributions')).sort();
  const docs: Doc[] = [];
  for (const f of readdirSync(join(dir, 'text')).sort()) {
    if (!f.endsWith('.txt')) continue;
    const stem = basename(f, '.txt');
    const ann = anns.find((a) => a.startsWith(stem + '_'));
    if (!ann) continue;
    docs.push({
      id: stem,
      outlet: stem.slice(0, stem.indexOf('_')),
      half: halfOf(stem),
      text: readFileSync(join(dir, 'text', f), 'utf8'),
      ann: readFileSync(join(dir, 'attributions', ann), 'utf8'),
    });
  }
  return docs;
}

// ---------- the scorer's reading of the annotations (as score.mjs) ----------

function codePointToUtf16(text: string): (cp: number) => number {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (cp) => map[cp] ?? u;
}

function trimmed([s, e]: Frag, text: string): Frag {
  while (s < e && (QUOTE_MARKS.includes(text[s] ?? '') || /\s/.test(text[s] ?? ''))) s++;
  while (e > s && (QUOTE_MARKS.includes(text[e - 1] ?? '') || /\s|[,.]/.test(text[e - 1] ?? ''))) e--;
  return [s, e];
}

function parseAnn(ann: string, text: string): Content[] {
  const at = codePointToUtf16(text);
  const spans = new Map<string, Frag[]>();
  const events: Record<string, string[]>[] = [];
  for (const line of ann.split('\n')) {
    const p = line.split('\t');
    if (/^T\d+$/.test(p[0] ?? '') && p.length >= 3) {
      const offs = (p[1] ?? '').split(' ').slice(1).join(' ');
      const frags = offs
        .split(';')
        .map((s) => s.trim().split(' ').map(Number))
        .map(([s, e]) => [at(s ?? 0), at(e ?? 0)] as Frag);
      spans.set(p[0] ?? '', frags);
    } else if (/^E\d+$/.test(p[0] ?? '') && p.length >= 2) {
      const roles: Record<string, string[]> = {};
      for (const part of (p[1] ?? '').split(' ')) {
        const [role, id] = part.split(':');
        if (role && id) (roles[role.replace(/\d+$/, '')] ??= []).push(id);
      }
      events.push(roles);
    }
  }
  const out: Content[] = [];
  for (const ev of events) {
    const frags = (ev.Content ?? []).flatMap((id) => spans.get(id) ?? []);
    if (!frags.length) continue;
    const source = (ev.Source ?? []).flatMap((id) => spans.get(id) ?? []);
    const first = frags.reduce((a, b) => (b[0] < a[0] ? b : a));
    const direct = QUOTE_MARKS.slice(0, 2).includes(text.slice(first[0], first[1]).trimStart()[0] ?? '');
    const set = new Set<number>();
    for (const f of frags) {
      const [s, e] = trimmed(f, text);
      for (let i = s; i < e; i++) set.add(i);
    }
    out.push({ frags, source, direct, set });
  }
  return out;
}

function overlapCount(set: Set<number>, [s, e]: Frag): number {
  let n = 0;
  for (let i = s; i < e; i++) if (set.has(i)) n++;
  return n;
}

function normName(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\b(the|a|an|mr|mrs|ms|dr)\b/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

function sourceText(c: Content, text: string): string {
  return c.source.map(([s, e]) => text.slice(s, e)).join(' ');
}

function speakerRight(q: Quote, gold: Content, text: string): boolean {
  const m = q.speaker.mention;
  if (m && gold.source.some(([s, e]) => m.start < e && s < m.end)) return true;
  const goldWords = normName(sourceText(gold, text));
  const name = q.speaker.name;
  if (!name || !goldWords.length || goldWords.every((w) => PRONOUNS.has(w))) return false;
  const predWords = normName(name);
  return (
    predWords.includes(goldWords[goldWords.length - 1] ?? '') ||
    goldWords.includes(predWords[predWords.length - 1] ?? '')
  );
}

// ---------- figures and errors ----------

interface Tally {
  articles: number;
  preds: number;
  predsRight: number;
  golds: number;
  goldsFound: number;
  withSource: number;
  judged: number;
  speakerOk: number;
  /** Found gold quotes with a source that were given a speaker. */
  judgedNamed: number;
  named: number;
  namedRight: number;
  /** Key quotes judged (inside an attribution with a source) and those whose speaker is right. */
  keys: number;
  keysRight: number;
}

const tally = (): Tally => ({
  articles: 0,
  preds: 0,
  predsRight: 0,
  golds: 0,
  goldsFound: 0,
  withSource: 0,
  judged: 0,
  speakerOk: 0,
  judgedNamed: 0,
  named: 0,
  namedRight: 0,
  keys: 0,
  keysRight: 0,
});

interface ErrorCase {
  readonly kind: string;
  readonly doc: Doc;
  readonly at: number;
  readonly detail: string;
}

const PRONOUN_MENTION = /^(he|she|they|it|we|i)$/i;

/** The kind of a wrong speaker: what the predicted mention is, against the annotated source. */
function wrongKind(q: Quote, gold: Content, text: string, merged: boolean): string {
  if (merged) return 'quote merged';
  const m = q.speaker.mention;
  const said = m ? text.slice(m.start, m.end) : '';
  const src = sourceText(gold, text);
  if (PRONOUN_MENTION.test(said)) return 'pronoun wrong';
  if (!q.speaker.name && m) return 'title without holder';
  const goldPerson = /^[A-Z][a-z]+(?: [A-Z][a-z.]*)*$/.test(src.replace(/^(Mr|Mrs|Ms|Dr)\.? /, ''));
  const predGroup = /^(the |a |an )/i.test(said) || /s$/.test(said);
  if (goldPerson !== !predGroup) return 'organisation vs person';
  return 'wrong speaker';
}

function context(text: string, at: number, width = 160): string {
  return text
    .slice(Math.max(0, at - width), Math.min(text.length, at + width))
    .replace(/\s+/g, ' ')
    .trim();
}

/** By how a speaker was found: quotes given a speaker and how many were right (as attributed precision). */
const byKind = new Map<string, { given: number; right: number; recalled: number }>();

function countKind(d: QuoteDetail | undefined, right: boolean, recalled = false): void {
  const key = `${d?.kind ?? 'none'}${d?.fragment ? ' (fragment)' : ''}`;
  const k = byKind.get(key) ?? byKind.set(key, { given: 0, right: 0, recalled: 0 }).get(key);
  if (!k) return;
  if (recalled) {
    k.recalled++;
    return;
  }
  k.given++;
  if (right) k.right++;
}

function scoreDoc(doc: Doc, errors: ErrorCase[]): Tally {
  const t = tally();
  const text = doc.text;
  const analysis = analyzeArticle({ text });
  const quotes = analysis.quotes;
  const details = new Map(
    quoteDetails(text, { title: analysis.title, lede: analysis.lede }).map((d) => [d.quote.start, d]),
  );
  const contents = parseAnn(doc.ann, text);
  const anyContent = new Set<number>();
  for (const c of contents) for (const x of c.set) anyContent.add(x);
  const preds = quotes
    .map((q) => ({ q, span: trimmed([q.start, q.end], text) }))
    .filter(({ span }) => span[1] > span[0]);
  t.articles++;
  const describe = (q: Quote): string => {
    const m = q.speaker.mention;
    const d = details.get(q.start);
    const how = `${d?.kind ?? 'none'}${d?.fragment ? ', fragment' : ''}`;
    return `said by ${q.speaker.name ?? '-'} (mention "${m ? text.slice(m.start, m.end) : '-'}", ${how})`;
  };
  for (const { q, span } of preds) {
    t.preds++;
    const len = span[1] - span[0];
    if (overlapCount(anyContent, span) >= 0.5 * len) t.predsRight++;
    if (!q.speaker.name && !q.speaker.mention) continue;
    let home: { c: Content; n: number } | undefined;
    for (const c of contents) {
      const n = overlapCount(c.set, span);
      if (!home || n > home.n) home = { c, n };
    }
    if (home && home.n >= 0.5 * len && !home.c.source.length) continue;
    t.named++;
    const right = !!home && home.n >= 0.5 * len && speakerRight(q, home.c, text);
    countKind(details.get(q.start), right);
    if (q.key && home && home.n >= 0.5 * len) {
      t.keys++;
      if (right) t.keysRight++;
    }
    if (right) t.namedRight++;
    else if (!home || home.n < 0.5 * len)
      errors.push({ kind: 'P: not an attribution', doc, at: q.start, detail: `${describe(q)}: ${q.text}` });
    else
      errors.push({
        kind: 'P: wrong speaker',
        doc,
        at: q.start,
        detail: `${describe(q)}; gold "${sourceText(home.c, text)}": ${q.text}`,
      });
  }
  const predCover = new Set<number>();
  for (const { span } of preds) for (let x = span[0]; x < span[1]; x++) predCover.add(x);
  for (const gold of contents) {
    if (!gold.direct || !gold.set.size) continue;
    t.golds++;
    const hasSource = gold.source.length > 0;
    if (hasSource) t.withSource++;
    let covered = 0;
    for (const x of gold.set) if (predCover.has(x)) covered++;
    const first = Math.min(...gold.set);
    if (covered < 0.5 * gold.set.size) {
      if (hasSource) {
        const touching = preds.filter(({ span }) => overlapCount(gold.set, span) > 0).length;
        errors.push({
          kind: touching > 0 ? 'quote split' : 'quote missing',
          doc,
          at: first,
          detail: `gold "${sourceText(gold, text)}": ${text.slice(first, first + 100)}`,
        });
      }
      continue;
    }
    t.goldsFound++;
    if (!hasSource) continue;
    let best: { q: Quote; n: number; span: Frag } | undefined;
    for (const { q, span } of preds) {
      const n = overlapCount(gold.set, span);
      if (!best || n > best.n) best = { q, n, span };
    }
    t.judged++;
    if (!best) continue;
    const given = !!(best.q.speaker.name || best.q.speaker.mention);
    if (given) t.judgedNamed++;
    if (speakerRight(best.q, gold, text)) {
      t.speakerOk++;
      countKind(details.get(best.q.start), true, true);
      continue;
    }
    const others = contents.filter(
      (c) => c !== gold && c.direct && best && overlapCount(c.set, best.span) > 0.3 * c.set.size,
    ).length;
    const kind = given ? wrongKind(best.q, gold, text, others > 0) : 'speaker missing';
    errors.push({
      kind,
      doc,
      at: best.q.start,
      detail: `${describe(best.q)}; gold "${sourceText(gold, text)}": ${best.q.text.slice(0, 100)}`,
    });
  }
  return t;
}

function addInto(into: Tally, t: Tally): void {
  for (const k of Object.keys(into) as (keyof Tally)[]) into[k] += t[k];
}

const ratio = (a: number, b: number): number => (b ? a / b : 0);
const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);
const fmt = (x: number): string => x.toFixed(4);

function figures(t: Tally): Record<string, string> {
  const p = ratio(t.namedRight, t.named);
  const r = ratio(t.speakerOk, t.withSource);
  return {
    articles: String(t.articles),
    attr_f1: fmt(f1(p, r)),
    attr_p: fmt(p),
    attr_r: fmt(r),
    span_f1: fmt(f1(ratio(t.predsRight, t.preds), ratio(t.goldsFound, t.golds))),
    spk_acc: fmt(ratio(t.speakerOk, t.judged)),
    // of found quotes given a speaker, the share right; of found quotes, the share given one
    spk_p: fmt(ratio(t.speakerOk, t.judgedNamed)),
    spk_given: fmt(ratio(t.judgedNamed, t.judged)),
    // of key quotes inside an attribution with a source, the share whose speaker is right
    key_p: fmt(ratio(t.keysRight, t.keys)),
    keys: String(t.keys),
  };
}

function printTable(rows: [string, Tally][]): void {
  const head = Object.keys(figures(tally()));
  console.log(['group'.padEnd(14), ...head.map((h) => h.padStart(10))].join(''));
  for (const [name, t] of rows)
    console.log([name.padEnd(14), ...Object.values(figures(t)).map((v) => v.padStart(10))].join(''));
}

function main(): void {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', multiple: true },
      half: { type: 'string' },
      by: { type: 'string', default: 'half' },
      show: { type: 'string' },
      max: { type: 'string', default: '40' },
      kinds: { type: 'boolean', default: false },
    },
  });
  const dirs = values.corpus ?? [
    join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'polnear', 'train'),
  ];
  let docs = dirs.flatMap(loadDocs);
  if (values.half === 'a' || values.half === 'b') docs = docs.filter((d) => d.half === values.half);
  const groups = new Map<string, Tally>();
  const all = tally();
  const errors: ErrorCase[] = [];
  for (const doc of docs) {
    const key = values.by === 'outlet' ? doc.outlet : `half ${doc.half}`;
    const t = groups.get(key) ?? groups.set(key, tally()).get(key) ?? tally();
    const d = scoreDoc(doc, errors);
    addInto(t, d);
    addInto(all, d);
  }
  printTable([...[...groups].sort(([a], [b]) => a.localeCompare(b)), ['all', all]]);
  if (values.kinds) {
    console.log(
      '\nquotes given a speaker, by how it was found: given, right, precision, gold quotes recalled',
    );
    for (const [k, v] of [...byKind].sort((a, b) => b[1].given - a[1].given)) {
      const cells = [v.given, v.right, fmt(ratio(v.right, v.given)), v.recalled].map((x) =>
        String(x).padStart(8),
      );
      console.log(`  ${k.padEnd(24)}${cells.join('')}`);
    }
  }
  const kinds = new Map<string, number>();
  for (const e of errors) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  console.log('\nerrors by kind:');
  for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(24)} ${n}`);
  if (!values.show) return;
  const shown = errors.filter((e) => values.show === 'all' || e.kind === values.show);
  for (const e of shown.slice(0, Number(values.max))) {
    console.log(`\n[${e.kind}] ${e.doc.id} @${e.at}\n  ${e.detail}\n  ... ${context(e.doc.text, e.at)} ...`);
  }
}

main();
