// Builders for domain test data: a few lines per test instead of whole records.
import { describeLocale } from '../../server/domain/locales.js';
import { publishedOf } from '../../server/domain/published.js';
import { sourceHash } from '../../server/domain/source-hash.js';
import type { HistoryEntry, Segment, Statement, Status, Translation } from '../../server/domain/types.js';

export function segment(n: number, source = `Source ${n}.`, extra: Partial<Segment> = {}): Segment {
  return { id: `s${n}`, index: n - 1, kind: 'paragraph', source, sourceHash: sourceHash(source), placeholders: [], ...extra };
}

export function statement(segments: Segment[]): Statement {
  return { id: 'st', title: 'T', sourceLocale: 'en', sourceRevision: 1, segments, nextSegmentNumber: segments.length + 1, removedSegmentIds: [] };
}

/** History entries as `translation` numbers them: revision 1, 2, ...; by default saves of `text`. */
export function historyOf(status: Status, text: string, history: readonly Partial<HistoryEntry>[]): HistoryEntry[] {
  return history.map((h, i) => ({ revision: i + 1, action: 'save', status, text, actor: 'u1', at: '2026-01-01T00:00:00.000Z', ...h }));
}

/**
 * A current translation as the actions in `history` left it: its revision, and its published text
 * (the last approval). The history itself is kept apart, as the store keeps it.
 */
export function translation(
  seg: Segment,
  locale: string,
  status: Status,
  text = `${locale} ${seg.id}`,
  history: readonly Partial<HistoryEntry>[] = [],
): Translation {
  const current: Translation = {
    segmentId: seg.id,
    locale,
    text,
    status,
    revision: history.length || 1,
    sourceHash: seg.sourceHash,
    author: 'u1',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  const published = publishedOf(current, historyOf(status, text, history));
  return { ...current, ...(published ? { published } : {}) };
}

export const EN = describeLocale({ tag: 'en' });
export const MY = describeLocale({ tag: 'my' });
export const KM = describeLocale({ tag: 'km' });
