// Builders for domain test data: a few lines per test instead of whole records.
import { describeLocale } from '../../server/domain/locales.js';
import { sourceHash } from '../../server/domain/source-hash.js';
import type { HistoryEntry, Segment, Statement, Status, Translation } from '../../server/domain/types.js';

export function segment(n: number, source = `Source ${n}.`, extra: Partial<Segment> = {}): Segment {
  return { id: `s${n}`, index: n - 1, kind: 'paragraph', source, sourceHash: sourceHash(source), placeholders: [], ...extra };
}

export function statement(segments: Segment[]): Statement {
  return { id: 'st', title: 'T', sourceLocale: 'en', sourceRevision: 1, segments, nextSegmentNumber: segments.length + 1, removedSegmentIds: [] };
}

/** A current translation as the actions in `history` left it (the history itself is kept apart). */
export function translation(seg: Segment, locale: string, status: Status, text = `${locale} ${seg.id}`, history: Pick<HistoryEntry, 'action'>[] = []): Translation {
  const last = history.filter((h) => h.action !== 'outdate').at(-1);
  return {
    segmentId: seg.id,
    locale,
    text,
    status,
    revision: history.length || 1,
    sourceHash: seg.sourceHash,
    author: 'u1',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...(last?.action === 'approve' ? { approvedText: text } : {}),
  };
}

export const EN = describeLocale({ tag: 'en' });
export const MY = describeLocale({ tag: 'my' });
export const KM = describeLocale({ tag: 'km' });
