// Translation memory matching: which earlier source texts look like this one, and how much.
// The score is Levenshtein similarity (1 - edits / length of the longer text) on a normalised form;
// a character-trigram index picks the few candidates worth measuring, so a lookup among tens of
// thousands of entries measures a handful, not all of them. Pure: the index is a plain value.
import { distance } from 'fastest-levenshtein';

export interface MemoryEntry {
  /** Source text (placeholder form, as the translator sees it). */
  source: string;
  /** Its approved translation. */
  target: string;
}

export interface MemoryMatch extends MemoryEntry {
  /** 0..1, 1 for the same text. */
  score: number;
}

export interface MemoryIndex {
  entries: ReadonlyArray<MemoryEntry & { key: string }>;
  /** Distinct trigrams of each entry's key, by position. */
  gramCounts: Int32Array;
  /** trigram -> positions of the entries containing it (each once) */
  postings: ReadonlyMap<string, Int32Array>;
}

const LINK_TAG = /<\/?\d+>/g;
const TOKEN = /\{\d+\}/g;

/** What is compared: no markers, NFC, lower case, single spaces. */
export function matchKey(text: string): string {
  return text.replace(LINK_TAG, '').replace(TOKEN, ' ').normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * Distinct trigrams of a key (UTF-16 code units, as the Levenshtein distance counts), padded so
 * that short texts have some. An edit of one unit changes at most three of them.
 */
export function trigrams(key: string): Set<string> {
  const padded = ` ${key} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.substring(i, i + 3));
  return grams;
}

/** Levenshtein similarity of two keys. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

export function buildMemoryIndex(items: readonly MemoryEntry[]): MemoryIndex {
  const entries: Array<MemoryEntry & { key: string }> = [];
  const counts: number[] = [];
  const lists = new Map<string, number[]>();
  const seen = new Set<string>();
  for (const item of items) {
    const key = matchKey(item.source);
    const identity = `${key}\u0000${item.target}`;
    if (key === '' || seen.has(identity)) continue;
    seen.add(identity);
    const grams = trigrams(key);
    const position = entries.push({ source: item.source, target: item.target, key }) - 1;
    counts.push(grams.size);
    for (const gram of grams) {
      const list = lists.get(gram);
      if (list) list.push(position);
      else lists.set(gram, [position]);
    }
  }
  const postings = new Map<string, Int32Array>();
  for (const [gram, list] of lists) postings.set(gram, Int32Array.from(list));
  return { entries, gramCounts: Int32Array.from(counts), postings };
}

export interface LookupOptions {
  limit?: number;
  /** Lowest score offered. */
  minScore?: number;
  /** At most this many candidates are measured with Levenshtein... */
  measured?: number;
  /**
   * ...and at most this much work, in character pairs (length x length, summed): together, a
   * ceiling on a lookup's time of a few milliseconds, whatever the texts' lengths.
   */
  maxWork?: number;
}

/**
 * Best matches first; an exact match scores 1. Candidates are the entries sharing trigrams with
 * the query, ranked by the Dice coefficient of their trigram sets (cheap, and close to the score).
 * Each also has an upper bound on its score: one edit removes at most three trigrams from a set,
 * and it takes at least as many edits as the lengths differ; an entry whose bound is below the
 * lowest score is never measured. The best candidates are measured with Levenshtein, within a
 * budget, and the measuring stops early once no candidate left can beat the results in hand.
 */
export function lookupMemory(index: MemoryIndex, query: string, options: LookupOptions = {}): MemoryMatch[] {
  const { limit = 5, minScore = 0.5, measured = 500, maxWork = 4_000_000 } = options;
  const key = matchKey(query);
  if (key === '' || limit < 1) return [];
  const grams = trigrams(key);
  const { shared, dice, bounds } = scratchOf(index);
  const touched: number[] = [];
  // Trigrams found in many entries (" th", "the") cost the most to count and tell the least: they
  // are counted as shared with every entry, which keeps the bound an upper bound.
  const common = index.entries.length > 1000 ? index.entries.length / 10 : Number.POSITIVE_INFINITY;
  let assumed = 0;
  for (const gram of grams) {
    const list = index.postings.get(gram);
    if (!list) continue;
    if (list.length > common) {
      assumed += 1;
      continue;
    }
    for (const position of list) {
      if (shared[position]++ === 0) touched.push(position);
    }
  }
  const candidates: number[] = [];
  for (const position of touched) {
    const length = index.entries[position]!.key.length;
    const entryGrams = index.gramCounts[position]!;
    const same = Math.min(shared[position]! + assumed, grams.size, entryGrams);
    const edits = Math.max(Math.ceil((Math.max(grams.size, entryGrams) - same) / 3), Math.abs(key.length - length));
    const bound = 1 - edits / Math.max(key.length, length);
    shared[position] = 0; // the scratch arrays are clean again for the next lookup
    if (bound < minScore) continue;
    bounds[position] = bound;
    dice[position] = (2 * same) / (grams.size + entryGrams);
    candidates.push(position);
  }
  const ranked = best(candidates, dice, measured);
  // The best bound among the candidates after each one, to stop as soon as none can do better.
  const boundAfter = new Float64Array(ranked.length + 1);
  for (let i = ranked.length - 1; i >= 0; i -= 1) boundAfter[i] = Math.max(boundAfter[i + 1]!, bounds[ranked[i]!]!);

  const found: MemoryMatch[] = [];
  let work = 0;
  for (let i = 0; i < ranked.length; i += 1) {
    if (found.length >= limit && boundAfter[i]! < found[limit - 1]!.score) break;
    const entry = index.entries[ranked[i]!]!;
    work += key.length * entry.key.length;
    if (i > 0 && work > maxWork) break;
    const score = round(similarity(key, entry.key));
    if (score < minScore) continue;
    found.push({ source: entry.source, target: entry.target, score });
    found.sort(byScore);
    if (found.length > limit) found.pop(); // only the best `limit` matter
  }
  return found;
}

/** The `count` candidates of highest value, highest first, without sorting them all. */
function best(candidates: number[], value: Float64Array, count: number): number[] {
  if (candidates.length > count * 4) {
    const BINS = 1000;
    const bins = new Int32Array(BINS + 1);
    for (const c of candidates) bins[Math.floor(value[c]! * BINS)]! += 1;
    let threshold = BINS;
    for (let kept = bins[BINS]!; threshold > 0 && kept < count;) kept += bins[--threshold]!;
    candidates = candidates.filter((c) => Math.floor(value[c]! * BINS) >= threshold);
  }
  return candidates.sort((a, b) => value[b]! - value[a]!).slice(0, count);
}

/** Per-index arrays reused by every lookup (a lookup runs to its end before another starts). */
const scratches = new WeakMap<MemoryIndex, { shared: Int32Array; dice: Float64Array; bounds: Float64Array }>();
function scratchOf(index: MemoryIndex) {
  let scratch = scratches.get(index);
  if (!scratch) {
    const n = index.entries.length;
    scratch = { shared: new Int32Array(n), dice: new Float64Array(n), bounds: new Float64Array(n) };
    scratches.set(index, scratch);
  }
  return scratch;
}

const byScore = (a: MemoryMatch, b: MemoryMatch) => b.score - a.score || a.source.localeCompare(b.source) || a.target.localeCompare(b.target);

/** The same lookup measuring every entry: the baseline the index is compared with (bench). */
export function lookupMemoryExhaustive(index: MemoryIndex, query: string, options: LookupOptions = {}): MemoryMatch[] {
  const { limit = 5, minScore = 0.5 } = options;
  const key = matchKey(query);
  return index.entries
    .map((entry) => ({ source: entry.source, target: entry.target, score: round(similarity(key, entry.key)) }))
    .filter((m) => m.score >= minScore)
    .sort(byScore)
    .slice(0, limit);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
