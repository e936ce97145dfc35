// Statements from parsed blocks, and new source revisions compared with the stored segments
// (MediaWiki Translate's TranslatablePageMarker): each segment is new, changed, moved, unchanged
// or removed. Only changed segments can make translations outdated; ids are never reused.
import { plainText } from './placeholders.js';
import { matchKey } from './similarity.js';
import { distance } from 'fastest-levenshtein';
import type { ParsedBlock } from './segmenter.js';
import { sourceHash } from './source-hash.js';
import type { Segment, Statement } from './types.js';

export type SegmentChange =
  | { type: 'new'; segment: Segment }
  | { type: 'changed'; segment: Segment; previous: Segment }
  | { type: 'unchanged'; segment: Segment }
  /** The same text, found elsewhere than where the other segments' order puts it. */
  | { type: 'moved'; segment: Segment; previous: Segment }
  | { type: 'removed'; previous: Segment };

/** A new statement at source revision 1, with segment ids s1..sN. */
export function createStatement(id: string, blocks: ParsedBlock[], sourceLocale = 'en', about: { title?: string; date?: string } = {}): Statement {
  const date = about.date ?? dateOf(blocks);
  return {
    id,
    title: about.title?.trim() || (titleOf(blocks) ?? id),
    ...(date ? { date } : {}),
    sourceLocale,
    sourceRevision: 1,
    segments: blocks.map((block, index) => toSegment(`s${index + 1}`, index, block)),
    nextSegmentNumber: blocks.length + 1,
    removedSegmentIds: [],
  };
}

/** The next source revision of `previous`, with what happened to each segment. */
export function reviseStatement(previous: Statement, blocks: ParsedBlock[]): { statement: Statement; changes: SegmentChange[] } {
  const old = previous.segments;
  const oldFor: (number | undefined)[] = blocks.map(() => undefined); // new index -> old index
  const taken = new Set<number>();
  const changed = new Set<number>();
  const moved = new Set<number>();
  const pair = (oldIndex: number, newIndex: number) => {
    oldFor[newIndex] = oldIndex;
    taken.add(oldIndex);
  };

  // 1. Unchanged anchors: the longest common subsequence of source texts.
  const anchors = commonSubsequence(
    old.map((s) => s.source),
    blocks.map((b) => b.source),
  );
  anchors.forEach(([o, n]) => pair(o, n));

  // 2. Unchanged but moved: identical text elsewhere (first unused match in order).
  blocks.forEach((block, n) => {
    if (oldFor[n] !== undefined) return;
    const o = old.findIndex((segment, k) => !taken.has(k) && segment.source === block.source);
    if (o !== -1) {
      pair(o, n);
      moved.add(n);
    }
  });

  // 3. Changed: between two consecutive anchors, remaining old and new segments of the same kind
  // are paired in order (an edited signatory stays the same signatory). A name or an address is
  // paired only with one that looks alike: another organisation in its place is removed + new.
  const bounds: Array<[number, number]> = [[-1, -1], ...anchors, [old.length, blocks.length]];
  for (let b = 1; b < bounds.length; b++) {
    const [oldStart, newStart] = bounds[b - 1];
    const [oldEnd, newEnd] = bounds[b];
    let o = oldStart + 1;
    for (let n = newStart + 1; n < newEnd; n++) {
      if (oldFor[n] !== undefined) continue;
      let k = o;
      while (k < oldEnd && (taken.has(k) || old[k].kind !== blocks[n].kind || !alike(old[k], blocks[n]))) k++;
      if (k < oldEnd) {
        pair(k, n);
        changed.add(n);
        o = k + 1;
      }
    }
  }

  let next = previous.nextSegmentNumber;
  const changes: SegmentChange[] = [];
  const segments = blocks.map((block, n) => {
    const o = oldFor[n];
    const segment = toSegment(o === undefined ? `s${next++}` : old[o].id, n, block);
    if (o === undefined) changes.push({ type: 'new', segment });
    else if (changed.has(n)) changes.push({ type: 'changed', segment, previous: old[o] });
    else if (moved.has(n)) changes.push({ type: 'moved', segment, previous: old[o] });
    else changes.push({ type: 'unchanged', segment });
    return segment;
  });
  const removed = old.filter((_, k) => !taken.has(k));
  removed.forEach((segment) => changes.push({ type: 'removed', previous: segment }));

  return {
    statement: {
      ...previous,
      // A title the admin gave stays; one taken from the first segment follows it.
      title: previous.title !== titleOf(previous.segments) ? previous.title : (titleOf(blocks) ?? previous.title),
      sourceRevision: previous.sourceRevision + 1,
      segments,
      nextSegmentNumber: next,
      removedSegmentIds: [...previous.removedSegmentIds, ...removed.map((s) => s.id)],
    },
    changes,
  };
}

const NAME_KINDS: ReadonlySet<string> = new Set(['signatory', 'supporter', 'contact']);

/** Paragraphs pair by position; names and addresses only when at least half their letters stay. */
function alike(previous: Segment, block: ParsedBlock): boolean {
  if (!NAME_KINDS.has(block.kind)) return true;
  const a = matchKey(previous.source);
  const b = matchKey(block.source);
  return distance(a, b) <= Math.max(a.length, b.length) / 2;
}

function toSegment(id: string, index: number, block: ParsedBlock): Segment {
  const segment: Segment = {
    id,
    index,
    kind: block.kind,
    source: block.source,
    sourceHash: sourceHash(block.source),
    placeholders: block.placeholders.map((p) => ({ ...p })),
  };
  if (block.listNumber !== undefined) segment.listNumber = block.listNumber;
  return segment;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The ISO day of the statement's date line when it is written "4 January 2022", "January 4, 2022" or "2022-01-04". */
export function dateOf(blocks: ParsedBlock[]): string | undefined {
  const line = blocks.find((block) => block.kind === 'date')?.source.toLowerCase();
  if (!line) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(line);
  if (iso) return line;
  const dayFirst = /^(\d{1,2}) ([a-z]+) (\d{4})$/.exec(line);
  const monthFirst = /^([a-z]+) (\d{1,2}), (\d{4})$/.exec(line);
  const [day, month, year] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : monthFirst ? [monthFirst[2], monthFirst[1], monthFirst[3]] : [];
  const m = month === undefined ? -1 : MONTHS.indexOf(month);
  if (m === -1) return undefined;
  return `${year}-${String(m + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** A statement's day: as given, else from its date line (statements stored before dates were kept). */
export function statementDate(statement: Statement): string | undefined {
  return statement.date ?? dateOf(statement.segments);
}

function titleOf(blocks: ParsedBlock[]): string | undefined {
  const title = blocks.find((block) => block.kind === 'title');
  return title && plainText(title.source, title.placeholders);
}

/**
 * Index pairs [old, new] of a longest common subsequence, preferring the earliest matches.
 * Quadratic in time and memory: fine for statements of a few thousand segments.
 */
function commonSubsequence(a: string[], b: string[]): Array<[number, number]> {
  const width = b.length + 1;
  // suffix[i * width + j]: length of an LCS of a[i..] and b[j..].
  const suffix = new Int32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      suffix[i * width + j] = a[i] === b[j] ? suffix[(i + 1) * width + j + 1] + 1 : Math.max(suffix[(i + 1) * width + j], suffix[i * width + j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (suffix[(i + 1) * width + j] >= suffix[i * width + j + 1]) i++;
    else j++;
  }
  return pairs;
}
