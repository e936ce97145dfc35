// Shapes for statements in the JSON API and the admin pages: the segments with their locked links
// and tokens (so an API reader can rebuild the source), and a correction's changes.
import type { SegmentChange } from '../../domain/statement-revision.js';
import type { Segment, Statement } from '../../domain/types.js';

export function presentSegment(s: Segment) {
  return {
    id: s.id,
    index: s.index,
    kind: s.kind,
    source: s.source,
    ...(s.listNumber === undefined ? {} : { listNumber: s.listNumber }),
    links: s.placeholders.filter((p) => p.kind === 'link').map((p) => ({ n: p.n, href: p.value })),
    tokens: s.placeholders.filter((p) => p.kind === 'token').map((p) => ({ n: p.n, value: p.value })),
  };
}

export function presentStatement(s: Statement) {
  return {
    id: s.id,
    title: s.title,
    sourceLocale: s.sourceLocale,
    sourceRevision: s.sourceRevision,
    ...(s.date ? { date: s.date } : {}),
    archived: s.archived === true,
    segments: s.segments.map(presentSegment),
  };
}

/** `{ type, segmentId, before?, after? }`: the text before for changed, moved and removed, after for new, changed and moved. */
export function presentChange(c: SegmentChange) {
  switch (c.type) {
    case 'new':
      return { type: c.type, segmentId: c.segment.id, after: c.segment.source };
    case 'changed':
    case 'moved':
      return { type: c.type, segmentId: c.segment.id, before: c.previous.source, after: c.segment.source };
    case 'unchanged':
      return { type: c.type, segmentId: c.segment.id };
    case 'removed':
      return { type: c.type, segmentId: c.previous.id, before: c.previous.source };
  }
}
