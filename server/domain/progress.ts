// Completion per locale, derived from translations and never stored.
import { STATUSES, type Segment, type Status, type Translation } from './types.js';

export type StatusCounts = Record<Status, number>;

export interface LocaleProgress extends StatusCounts {
  total: number;
  /** Submitted + approved, in percent of total, rounded down (100 only when complete). */
  percentTranslated: number;
  percentApproved: number;
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Progress of one locale: every segment counts once; missing translations are untranslated. */
export function localeProgress(segments: readonly Segment[], translations: readonly Translation[]): LocaleProgress {
  const bySegment = new Map(translations.map((t) => [t.segmentId, t.status]));
  const counts = emptyCounts();
  for (const segment of segments) counts[bySegment.get(segment.id) ?? 'untranslated'] += 1;
  const total = segments.length;
  return {
    total,
    ...counts,
    percentTranslated: percent(counts.submitted + counts.approved, total),
    percentApproved: percent(counts.approved, total),
  };
}

/** Rounded down so that a nearly finished locale never shows 100 %. */
function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.floor((part * 100) / total);
}

/** Progress of several locales from all translations of a statement. */
export function statementProgress(
  segments: readonly Segment[],
  translations: readonly Translation[],
  locales: readonly string[],
): Record<string, LocaleProgress> {
  const result: Record<string, LocaleProgress> = {};
  for (const locale of locales) {
    result[locale] = localeProgress(
      segments,
      translations.filter((t) => t.locale === locale),
    );
  }
  return result;
}
