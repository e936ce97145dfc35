// The decisions on one translation, as pure functions of a context loaded once by the use case:
// save or submit, review, restore. Each returns the change to store (the new current value and
// the history entry it adds), the same answer as before for a request repeated after it succeeded
// (so a client that retries gets 200, not a conflict), or a refusal. No I/O, no clock: the time
// comes in with the context.
import { blocking, runChecks, warnings, type CheckProblem } from './checks.js';
import { DomainError } from './errors.js';
import type { GlossaryEntry } from './glossary.js';
import { canKeepOriginal, MAX_TRANSLATION_LENGTH, normalizeText } from './limits.js';
import type { LocaleInfo } from './locales.js';
import type { Actor } from './permissions.js';
import { publishedAfter } from './published.js';
import { transition, type StatusAction } from './status.js';
import type { HistoryAction, HistoryEntry, Segment, Statement, Status, Translation, TranslationChange } from './types.js';

export { STATEMENT_ID } from './limits.js';

/** Everything a decision on one segment's translation needs, read once. */
export interface TranslationContext {
  actor: Actor;
  statement: Statement;
  segment: Segment;
  locale: string;
  /** The locale as readers see it named (autonym, direction). */
  info: LocaleInfo;
  /** The locale lets its single editor approve their own translations. */
  selfReviewAllowed: boolean;
  glossary: readonly GlossaryEntry[];
  current: Translation | undefined;
  /** The time of the decision, ISO 8601. */
  at: string;
}

export type Decision<Extra = object> =
  | ({ outcome: 'change'; change: TranslationChange } & Extra)
  | ({ outcome: 'same'; translation: Translation } & Extra)
  | { outcome: 'refused'; refusal: DomainError };

/** What a translator may send with a submission: every warning (true) or the ids they read. */
export type WarningConfirmation = boolean | readonly string[];

export interface SaveRequest {
  text: string;
  baseRevision: number;
  action: 'save' | 'submit';
  confirmWarnings?: WarningConfirmation;
  /** The text is the source kept on purpose (a name); with no text given, the source itself. */
  keepOriginal?: boolean;
}

export function decideSave(context: TranslationContext, input: SaveRequest): Decision<{ checks: CheckProblem[] }> {
  return refusing(() => {
    const { segment, locale, current, actor } = context;
    const keepOriginal = input.keepOriginal === true;
    const text = normalizeText(keepOriginal && input.text === '' ? segment.source : input.text);
    if (text.length > MAX_TRANSLATION_LENGTH) throw new DomainError('too_large', 'translation.too_long', { count: MAX_TRANSLATION_LENGTH });
    if (keepOriginal) requireKeepable(segment, text);
    const checks = runChecks({ segment, text, locale, keepOriginal, glossary: context.glossary });
    // A draft may be incomplete; only an empty one is refused. Submitting needs every error fixed
    // and every warning confirmed; the confirmed warnings are recorded for the reviewer.
    const refused = input.action === 'submit' ? blocking(checks) : checks.filter((c) => c.id === 'empty');
    if (refused.length > 0) throw new DomainError('checks_failed', 'translation.checks_failed', {}, { checks: refused });
    const confirmed = input.action === 'submit' ? confirmedWarnings(checks, input.confirmWarnings) : [];
    const status = transition(current?.status ?? 'untranslated', { type: input.action });
    if ((current?.revision ?? 0) !== input.baseRevision) {
      const repeated =
        current !== undefined &&
        current.revision === input.baseRevision + 1 &&
        current.text === text &&
        current.status === status &&
        current.author === actor.id &&
        (current.keepOriginal === true) === keepOriginal;
      if (repeated) return { outcome: 'same', translation: current, checks };
      throw translationConflict(current);
    }
    const flags = { ...(keepOriginal ? { keepOriginal } : {}), ...(confirmed.length > 0 ? { confirmedWarnings: confirmed } : {}) };
    return { outcome: 'change', change: record(context, { text, status, action: input.action, flags }), checks };
  });
}

export interface ReviewRequest {
  decision: 'approve' | 'request_changes';
  /** The revision the editor reviewed. */
  revision: number;
  comment?: string;
}

export function decideReview(context: TranslationContext, input: ReviewRequest): Decision {
  return refusing(() => {
    const { current, actor } = context;
    const comment = input.comment?.trim() ?? '';
    if (input.decision === 'request_changes' && comment === '') throw new DomainError('invalid_input', 'review.comment_required');
    if (current && isRepeatedReview(current, input, comment)) return { outcome: 'same', translation: current };
    if (!current || current.revision !== input.revision) throw translationConflict(current);
    const action: StatusAction =
      input.decision === 'approve'
        ? { type: 'approve', reviewerIsAuthor: current.author === actor.id, selfReviewAllowed: context.selfReviewAllowed }
        : { type: 'request_changes' };
    const status = transition(current.status, action);
    return { outcome: 'change', change: record(context, { text: current.text, status, action: input.decision, ...(comment ? { comment } : {}) }) };
  });
}

/** The review was already made: this revision approved (or sent back with this comment) by the one before. */
function isRepeatedReview(current: Translation, input: ReviewRequest, comment: string): boolean {
  if (input.decision === 'approve') {
    return current.status === 'approved' && (current.revision === input.revision || current.revision === input.revision + 1);
  }
  return current.status === 'needs_work' && current.revision === input.revision + 1 && current.comment === comment;
}

export interface RestoreRequest {
  /** The earlier revision whose text comes back. */
  revision: number;
  /** The revision the editor saw as current. */
  baseRevision: number;
}

/**
 * An earlier revision's text comes back as a new revision (history action 'restore'), a draft to
 * be reviewed again like any other change. Nothing in the history is rewritten.
 */
export function decideRestore(context: TranslationContext, history: readonly HistoryEntry[], input: RestoreRequest): Decision {
  return refusing(() => {
    const { current } = context;
    if (!current || current.revision !== input.baseRevision) throw translationConflict(current);
    const earlier = input.revision < current.revision ? history.find((h) => h.revision === input.revision) : undefined;
    if (!earlier) throw new DomainError('not_found', 'history.revision_not_found', { revision: input.revision });
    if (earlier.text === current.text) throw new DomainError('invalid_input', 'history.restore_same_text', { revision: input.revision });
    const status = transition(current.status, { type: 'save' });
    return { outcome: 'change', change: record(context, { text: earlier.text, status, action: 'restore', restoredFrom: input.revision }) };
  });
}

/** A keep-original translation is the source text itself, for a name. */
export function requireKeepable(segment: Segment, text: string): void {
  if (!canKeepOriginal(segment)) throw new DomainError('invalid_input', 'translation.keep_original_kind');
  if (text !== segment.source.normalize('NFC')) throw new DomainError('invalid_input', 'translation.keep_original_text');
}

/**
 * The ids of the warnings a submission confirms, or DomainError('warnings_unconfirmed') listing
 * those the translator has not confirmed (Pontoon: warnings block until confirmed).
 */
export function confirmedWarnings(problems: readonly CheckProblem[], confirmation: WarningConfirmation | undefined): string[] {
  const found = warnings(problems);
  const confirmed = (id: string) => confirmation === true || (Array.isArray(confirmation) && confirmation.includes(id));
  const unconfirmed = found.filter((p) => !confirmed(p.id));
  if (unconfirmed.length > 0) {
    throw new DomainError('warnings_unconfirmed', 'translation.warnings_unconfirmed', {}, { checks: unconfirmed });
  }
  return [...new Set(found.map((p) => p.id))];
}

export interface TranslationView {
  segmentId: string;
  text: string;
  status: Status;
  revision: number;
}

export const translationView = (t: Translation): TranslationView => ({ segmentId: t.segmentId, text: t.text, status: t.status, revision: t.revision });

/** The refusal of a change made from a revision that is no longer the current one. */
export function translationConflict(current: Translation | undefined): DomainError {
  return new DomainError('conflict', 'translation.conflict', {}, { current: current ? translationView(current) : null });
}

function refusing<D>(decide: () => D): D | { outcome: 'refused'; refusal: DomainError } {
  try {
    return decide();
  } catch (error) {
    if (error instanceof DomainError) return { outcome: 'refused', refusal: error };
    throw error;
  }
}

/** Whose change it is, on which segment and translation, and when: what a recorded change needs. */
export interface ChangeBase {
  segment: Segment;
  locale: string;
  current: Translation | undefined;
  actorId: string;
  at: string;
}

const baseOf = (context: TranslationContext): ChangeBase => ({ ...context, actorId: context.actor.id });

function record(context: TranslationContext, change: Parameters<typeof recordChange>[1]): TranslationChange {
  return recordChange(baseOf(context), change);
}

/**
 * The next translation and its history entry. New text is the actor's, made against the current
 * source; a decision on the same text (an approval, a request for changes) keeps its author, its
 * source and its flags. Used by every decision, imports included.
 */
export function recordChange(
  base: ChangeBase,
  change: {
    text: string;
    status: Status;
    action: HistoryAction;
    comment?: string;
    restoredFrom?: number;
    /** Set by a save; a review keeps those of the text it reviews, another change drops them. */
    flags?: Pick<Translation, 'keepOriginal' | 'confirmedWarnings'>;
  },
): TranslationChange {
  const { current, segment, locale, actorId, at } = base;
  const revision = (current?.revision ?? 0) + 1;
  const flags = change.flags ?? (current && current.text === change.text ? flagsOf(current) : {});
  const textChanged = !current || current.text !== change.text || change.action === 'save' || change.action === 'submit';
  const sourceHash = textChanged ? segment.sourceHash : current.sourceHash;
  // Readers keep the last approved text while newer work goes on; only an approval replaces it.
  const published = publishedAfter(current, { approved: change.action === 'approve', text: change.text, revision, at, sourceHash });
  return {
    translation: {
      segmentId: segment.id,
      locale,
      text: change.text,
      status: change.status,
      revision,
      sourceHash,
      author: textChanged ? actorId : current.author,
      updatedAt: at,
      ...(change.comment ? { comment: change.comment } : {}),
      ...flags,
      ...(published ? { published } : {}),
    },
    entry: {
      revision,
      action: change.action,
      status: change.status,
      text: change.text,
      actor: actorId,
      at,
      ...(change.comment ? { comment: change.comment } : {}),
      ...(change.restoredFrom === undefined ? {} : { restoredFrom: change.restoredFrom }),
    },
  };
}

function flagsOf(t: Translation): Pick<Translation, 'keepOriginal' | 'confirmedWarnings'> {
  return { ...(t.keepOriginal ? { keepOriginal: true } : {}), ...(t.confirmedWarnings ? { confirmedWarnings: t.confirmedWarnings } : {}) };
}
