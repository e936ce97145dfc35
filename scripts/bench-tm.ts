// npm run bench:tm: translation-memory lookups among 20,000 entries, with the trigram index
// (what Tandem runs) and, in the same run, the baseline that measures every entry. Entries are
// made from the first statement: names like its signatories and paragraphs mixing its sentences,
// each changed a little, so that lookups find near matches as they do in real use. Prints a
// table and writes bench/TM-RESULTS.md (TM_RESULTS="-" writes none).
//
// Environment: TM_ENTRIES (default 20000), TM_QUERIES (per kind, default 100), TM_BASELINE (how many
// of them also run the full scan, default 20: it takes seconds per paragraph), TM_SEED (default 1).
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { segmentMarkdown, decodeStatementSource } from '../server/domain/segmenter.js';
import { buildMemoryIndex, lookupMemory, lookupMemoryExhaustive, type MemoryEntry } from '../server/domain/similarity.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRIES = Number(process.env.TM_ENTRIES ?? 20_000);
const QUERIES = Number(process.env.TM_QUERIES ?? 100);
const BASELINE = Math.min(QUERIES, Number(process.env.TM_BASELINE ?? 20));
const RESULTS = process.env.TM_RESULTS ?? path.join(root, 'bench', 'TM-RESULTS.md');
const SID = '2022-01-04-joint-statement-hun-sen-myanmar-junta';

// A small deterministic generator (mulberry32), so that every run measures the same data.
let seed = Number(process.env.TM_SEED ?? 1) >>> 0;
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let x = seed;
  x = Math.imul(x ^ (x >>> 15), x | 1);
  x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const blocks = segmentMarkdown(decodeStatementSource(readFileSync(path.join(root, 'content', `${SID}.md`))));
const names = blocks.filter((b) => b.kind === 'signatory' || b.kind === 'supporter').map((b) => b.source);
const sentences = blocks.filter((b) => b.kind === 'paragraph').flatMap((b) => b.source.split(/(?<=\.)\s+/));
const words = [...new Set(blocks.flatMap((b) => b.source.split(/\s+/)).filter((w) => /^[A-Za-z]{3,}$/.test(w)))];
const places = ['Australia', 'Thailand', 'Japan', 'Canada', 'Norway', 'Korea', 'USA', 'UK', 'Mae Sot', 'Yangon', 'Phnom Penh', 'Sagaing'];
const BURMESE = ['ကရင်', 'ချင်း', 'ကချင်', 'မွန်', 'ရှမ်း', 'အသိုင်းအဝိုင်း', 'အဖွဲ့', 'အမျိုးသမီး', 'လူငယ်', 'ကွန်ရက်', 'ပြည်သူ', 'စစ်ကောင်စီ'];

/** A text changed by a few word substitutions (what a similar segment of another statement looks like). */
function vary(text: string, changes: number): string {
  const parts = text.split(' ');
  for (let i = 0; i < changes; i += 1) parts[Math.floor(random() * parts.length)] = pick(words);
  return parts.join(' ');
}
function aName(): string {
  return random() < 0.5 ? `${vary(pick(names), 1)} (${pick(places)})` : vary(pick(names), 1 + Math.floor(random() * 2));
}
function aParagraph(): string {
  const count = 2 + Math.floor(random() * 5);
  return vary(Array.from({ length: count }, () => pick(sentences)).join(' '), 1 + Math.floor(random() * 4));
}
const target = (source: string) => Array.from({ length: Math.max(2, Math.round(source.length / 12)) }, () => pick(BURMESE)).join(' ');

// 85 % names and titles, 15 % paragraphs: the first statement's own mix, roughly.
const entries: MemoryEntry[] = Array.from({ length: ENTRIES }, () => {
  const source = random() < 0.85 ? aName() : aParagraph();
  return { source, target: target(source) };
});

const buildStart = performance.now();
const index = buildMemoryIndex(entries);
const buildMs = performance.now() - buildStart;

const shortEntries = entries.filter((e) => e.source.length <= 150);
const longEntries = entries.filter((e) => e.source.length > 150);
const kinds: Array<[string, () => string]> = [
  ['name, near an entry', () => vary(pick(shortEntries).source, 1)],
  ['name, new', () => `${pick(words)} ${pick(words)} ${pick(['Network', 'Union', 'Forum', 'Committee'])} (${pick(places)})`],
  ['paragraph, near an entry', () => vary(pick(longEntries).source, 2)],
  ['paragraph, new', () => Array.from({ length: 4 }, () => vary(pick(sentences), 3)).join(' ')],
];

interface Timing {
  kind: string;
  indexed: number[];
  baseline: number[];
  sameTop: number;
  found: number;
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
/** The fastest of three runs: what the lookup costs, without the pauses of a machine shared with others. */
const best3 = (fn: () => unknown) => Math.min(time(fn), time(fn), time(fn));
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);

// Warm-up, so that the JIT compiles both paths before anything is timed.
for (let i = 0; i < 40; i += 1) {
  const q = kinds[i % kinds.length]![1]();
  lookupMemory(index, q);
  if (i < 8) lookupMemoryExhaustive(index, q);
}

const timings: Timing[] = kinds.map(([kind, make]) => {
  const timing: Timing = { kind, indexed: [], baseline: [], sameTop: 0, found: 0 };
  for (let i = 0; i < QUERIES; i += 1) {
    const q = make();
    let fast: ReturnType<typeof lookupMemory> = [];
    let full: ReturnType<typeof lookupMemory> = [];
    timing.indexed.push(best3(() => (fast = lookupMemory(index, q))));
    if (fast.length > 0) timing.found += 1;
    if (i >= BASELINE) continue;
    timing.baseline.push(time(() => (full = lookupMemoryExhaustive(index, q))));
    if ((fast[0]?.score ?? 0) === (full[0]?.score ?? 0)) timing.sameTop += 1;
  }
  return timing;
});

const header = [
  'queries',
  'indexed p50 ms',
  'indexed p95 ms',
  'indexed max ms',
  'full scan p50 ms',
  'full scan p95 ms',
  'same best score',
  'with a suggestion',
];
const rows = timings.map((t) => [
  t.kind,
  ms(quantile(t.indexed, 0.5)),
  ms(quantile(t.indexed, 0.95)),
  ms(Math.max(...t.indexed)),
  ms(quantile(t.baseline, 0.5)),
  ms(quantile(t.baseline, 0.95)),
  `${t.sameTop}/${BASELINE}`,
  `${t.found}/${QUERIES}`,
]);
const allIndexed = timings.flatMap((t) => t.indexed);
const verdict = Math.max(...allIndexed) < 50 ? 'every indexed lookup under 50 ms' : 'SOME INDEXED LOOKUPS TOOK 50 ms OR MORE';

console.log(`${index.entries.length} entries (${ENTRIES} generated), index built in ${ms(buildMs)} ms; ${verdict}`);
console.table(Object.fromEntries(rows.map((r) => [r[0], Object.fromEntries(header.slice(1).map((h, i) => [h, r[i + 1]]))])));

if (RESULTS !== '-') {
  const md = [
    '# Translation memory lookups (npm run bench:tm)',
    '',
    `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores).`,
    `${index.entries.length} entries (${ENTRIES} generated from the first statement, seed ${process.env.TM_SEED ?? 1}),`,
    `${QUERIES} queries of each kind (the first ${BASELINE} also by full scan). Index built in ${ms(buildMs)} ms`,
    `(once per locale, and again on the first lookup after an approval).`,
    `Machine load when measured: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} (1, 5, 15 min).`,
    `Indexed: character trigrams, then Levenshtein on the best candidates (server/domain/similarity.ts);`,
    `each indexed lookup is timed as the fastest of three runs, the full scan (seconds) once.`,
    `Full scan: Levenshtein on every entry, the baseline. Result: ${verdict}.`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
  writeFileSync(RESULTS, md);
  console.log(`written to ${path.relative(root, RESULTS)}`);
}
