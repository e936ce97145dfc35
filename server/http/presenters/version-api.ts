// JSON shapes of published edition versions (API and downloads); never the publisher's name.
import { stampOf, type EditionVersion, type VersionSummary } from '../../domain/edition-version.js';

export function presentVersionSummary(v: VersionSummary, latest: number, currentSourceRevision: number) {
  const stamp = stampOf(v, latest, currentSourceRevision);
  return {
    statementId: v.statementId,
    locale: v.locale,
    version: v.version,
    sourceLocale: v.sourceLocale,
    sourceRevision: v.sourceRevision,
    ...(v.sourceDate ? { sourceDate: v.sourceDate } : {}),
    publishedAt: v.publishedAt,
    approved: v.approved,
    total: v.total,
    percentApproved: v.percentApproved,
    ...(v.note ? { note: v.note } : {}),
    title: v.title,
    latest: stamp.newerVersion === undefined,
    ...(stamp.newerVersion ? { newerVersion: stamp.newerVersion } : {}),
    sourceCorrected: stamp.sourceCorrected,
  };
}

export function presentVersion(v: EditionVersion, latest: number, currentSourceRevision: number) {
  return {
    ...presentVersionSummary(v, latest, currentSourceRevision),
    segments: v.segments.map((s) => ({
      segmentId: s.segmentId,
      kind: s.kind,
      ...(s.listNumber === undefined ? {} : { listNumber: s.listNumber }),
      text: s.text,
      fallback: s.fallback,
      ...(s.outdated ? { outdated: true } : {}),
    })),
  };
}
