// JSON shapes of published edition versions (API and downloads); never the publisher's name.
import { stampOf, type EditionVersion, type VersionSummary } from '../../domain/edition-version.js';

/** A version's facts as its stamp tells them (nothing more of the stored record), and whether it is the latest. */
export function presentVersionSummary(v: VersionSummary, latest: number, currentSourceRevision: number) {
  const { newerVersion, sourceCorrected, ...facts } = stampOf(v, latest, currentSourceRevision);
  return {
    statementId: v.statementId,
    sourceLocale: v.sourceLocale,
    ...facts,
    title: v.title,
    latest: newerVersion === undefined,
    ...(newerVersion ? { newerVersion } : {}),
    sourceCorrected,
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
