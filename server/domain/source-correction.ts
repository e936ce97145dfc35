// A correction of a statement's source (MediaWiki Translate's per-unit "this change needs
// translations to be checked" choice). Pure: given the statement and every translation of it, and
// the corrected text's blocks, it decides the next source revision and which translations change.
//
// - changed, substantive (the default): translations become `outdated`, their text kept, with the
//   source they were made against and their status before, so the workspace can show the source's
//   word diff and a later revert can give the status back;
// - changed, small fix: translations stay as they are and count as made against the new source;
// - a correction that brings a segment back to the source a translation was made against gives
//   that translation its earlier status back (a revert);
// - new segments are untranslated; removed ones leave the statement, their translations kept.
import { DomainError } from './errors.js';
import type { ParsedBlock } from './segmenter.js';
import { reviseStatement, type SegmentChange } from './statement-revision.js';
import { transition } from './status.js';
import type { HistoryAction, Segment, Statement, Status, Translation, TranslationChange } from './types.js';

export interface CorrectionContext {
  statement: Statement;
  /** Every translation of the statement, every locale. */
  translations: readonly Translation[];
  actorId: string;
  /** ISO time of the correction. */
  at: string;
}

export interface CorrectionInput {
  blocks: ParsedBlock[];
  /** Ids of changed segments whose change is a small fix: their translations stay valid. */
  smallFixes: readonly string[];
}

export interface CorrectionDecision {
  statement: Statement;
  changes: SegmentChange[];
  /** The translations that change: their new form, and the history entry when the status changes. */
  translations: TranslationChange[];
}

export function decideCorrection(context: CorrectionContext, input: CorrectionInput): CorrectionDecision {
  const { statement, changes } = reviseStatement(context.statement, input.blocks);
  const changedIds = new Set(changes.filter((c) => c.type === 'changed').map((c) => c.segment.id));
  const wrong = input.smallFixes.find((id) => !changedIds.has(id));
  if (wrong !== undefined) throw new DomainError('invalid_input', 'correction.small_fix_not_changed', { id: wrong });
  if (sameStatement(context.statement, statement)) {
    throw new DomainError('import_failed', 'correction.nothing_changed');
  }

  const smallFixes = new Set(input.smallFixes);
  const previousOf = new Map(changes.flatMap((c) => (c.type === 'changed' ? [[c.segment.id, c.previous] as const] : [])));
  const segments = new Map(statement.segments.map((s) => [s.id, s]));
  const updated: TranslationChange[] = [];
  for (const translation of context.translations) {
    const segment = segments.get(translation.segmentId);
    if (!segment || translation.status === 'untranslated') continue; // removed: kept in history as it is
    const next = afterCorrection(translation, segment, previousOf.get(segment.id), smallFixes.has(segment.id), context);
    if (next.translation !== translation) updated.push(next);
  }
  return { statement, changes, translations: updated };
}

function afterCorrection(
  t: Translation,
  segment: Segment,
  previous: Segment | undefined,
  smallFix: boolean,
  context: CorrectionContext,
): TranslationChange {
  // A revert: the source is again the one this outdated translation was made against.
  if (t.status === 'outdated' && t.outdated && t.sourceHash === segment.sourceHash) {
    const { outdated, ...rest } = t;
    return withEntry(rest, transition(t.status, { type: 'source_reverted', before: outdated.status }), 'reinstate', context);
  }
  if (!previous) return { translation: t }; // unchanged or moved: nothing to check again
  if (smallFix) {
    // Still valid: it now counts as made against the corrected source (unless already outdated).
    return { translation: t.status === 'outdated' || t.sourceHash !== previous.sourceHash ? t : { ...t, sourceHash: segment.sourceHash } };
  }
  if (t.status === 'outdated') return { translation: t }; // keeps the source it was made against for the diff
  const outdated: Translation = { ...t, outdated: { source: previous.source, status: t.status } };
  return withEntry(outdated, transition(t.status, { type: 'source_changed' }), 'outdate', context);
}

/** Nothing a reader would see differs: the same segments, kinds, list numbers and title. */
function sameStatement(a: Statement, b: Statement): boolean {
  const shape = (s: Statement) => JSON.stringify([s.title, s.segments.map((g) => [g.id, g.kind, g.source, g.listNumber ?? null])]);
  return shape(a) === shape(b);
}

/** A status change with no new text: a new revision and a history entry, author and text kept. */
function withEntry(t: Translation, status: Status, action: HistoryAction, context: CorrectionContext): TranslationChange {
  const revision = t.revision + 1;
  return {
    translation: { ...t, status, revision, updatedAt: context.at },
    entry: { revision, action, status, text: t.text, actor: context.actorId, at: context.at },
  };
}
