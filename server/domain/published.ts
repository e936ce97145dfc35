// Published text of a translation: the text of its last approved revision, which readers keep
// getting while newer work on the segment goes on. Only an approval replaces it.
import type { HistoryEntry, PublishedText, Translation } from './types.js';

/**
 * The published text of a translation, or undefined when none of its revisions was approved.
 * Translations stored before `published` existed get it from their history (passed by the
 * migration of such files): the last approval, as the old editions showed it.
 */
export function publishedOf(t: Translation | undefined, history: readonly HistoryEntry[] = []): PublishedText | undefined {
  if (!t) return undefined;
  if (t.published) return t.published;
  // Approved now: the current text is the approved one.
  if (t.status === 'approved') return { text: t.text, revision: t.revision, at: t.updatedAt, sourceHash: t.sourceHash };
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const entry = history[i]!;
    if (entry.action !== 'approve') continue;
    // Legacy data keeps one source hash per translation, that of its latest text.
    return { text: entry.text, revision: entry.revision, at: entry.at, sourceHash: t.sourceHash };
  }
  return undefined;
}

/** The published text after a change: an approval publishes the approved text; anything else keeps it. */
export function publishedAfter(
  current: Translation | undefined,
  change: { approved: boolean; text: string; revision: number; at: string; sourceHash: string },
): PublishedText | undefined {
  if (change.approved) return { text: change.text, revision: change.revision, at: change.at, sourceHash: change.sourceHash };
  return publishedOf(current);
}

/** "Approved; a change is in progress": published text exists and the current text is newer work. */
export function changeInProgress(t: Translation | undefined): boolean {
  const published = publishedOf(t);
  return !!t && !!published && t.status !== 'approved' && t.status !== 'outdated' && published.revision !== t.revision;
}

/** How much of each locale readers get translated: segments whose published text matches the current source. */
export function publishedProgress(
  segments: readonly { id: string; sourceHash: string }[],
  translations: readonly Translation[],
  locales: readonly string[],
): Record<string, { published: number; total: number; percent: number }> {
  const result: Record<string, { published: number; total: number; percent: number }> = {};
  const current = new Map(segments.map((s) => [s.id, s.sourceHash]));
  for (const locale of locales) {
    const published = translations.filter((t) => {
      if (t.locale !== locale || !current.has(t.segmentId) || t.status === 'outdated') return false;
      return publishedOf(t)?.sourceHash === current.get(t.segmentId);
    }).length;
    const total = segments.length;
    result[locale] = { published, total, percent: total === 0 ? 0 : Math.floor((published * 100) / total) };
  }
  return result;
}
