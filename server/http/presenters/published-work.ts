// What the workspace and the review queue say about published text: "approved; a change is in
// progress", and for the reviewer the word diff from the published text to the proposed one.
import { changeInProgress, publishedOf } from '../../domain/published.js';
import { diffText, type DiffPart } from '../../domain/text-diff.js';
import type { Translation } from '../../domain/types.js';

export interface PublishedWork {
  /** Text readers get now, while newer work on the segment goes on. */
  publishedText: string;
  /** From the published text to the current one. */
  diff: DiffPart[];
}

/** For the rows shown (`shown`) whose approved text has a change in progress. */
export function publishedWork(translations: readonly Translation[], locale: string, shown: ReadonlySet<string>): Map<string, PublishedWork> {
  const result = new Map<string, PublishedWork>();
  for (const t of translations) {
    if (!shown.has(t.segmentId) || !changeInProgress(t)) continue;
    const published = publishedOf(t)!;
    result.set(t.segmentId, { publishedText: published.text, diff: diffText(published.text, t.text, locale) });
  }
  return result;
}
