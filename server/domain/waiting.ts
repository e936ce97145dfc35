// What is waiting for a volunteer in one locale of one statement: their own translations an
// editor sent back, segments nobody has translated yet, and (for those who review) submissions
// waiting for review. Pure: counts from the statement, the locale's translations and the actor.
import { can, type Actor } from './permissions.js';
import type { Statement, Translation } from './types.js';

export interface Waiting {
  /** The actor's own translations an editor asked to change. */
  needsWork: number;
  /** Segments with no text yet in the locale. */
  untranslated: number;
  /** Submissions this actor may review (not their own, unless self-review is allowed). */
  toReview: number;
}

export function waitingIn(
  actor: Actor,
  statement: Statement,
  locale: string,
  translations: readonly Translation[],
  options: { selfReviewAllowed?: boolean } = {},
): Waiting {
  const byId = new Map(translations.map((t) => [t.segmentId, t]));
  const reviews = can(actor, 'review', locale);
  let needsWork = 0;
  let untranslated = 0;
  let toReview = 0;
  for (const segment of statement.segments) {
    const t = byId.get(segment.id);
    if (!t || t.status === 'untranslated') untranslated += 1;
    else if (t.status === 'needs_work' && t.author === actor.id) needsWork += 1;
    else if (t.status === 'submitted' && reviews && (t.author !== actor.id || options.selfReviewAllowed === true)) toReview += 1;
  }
  return { needsWork, untranslated, toReview };
}

export const total = (w: Waiting) => w.needsWork + w.untranslated + w.toReview;
