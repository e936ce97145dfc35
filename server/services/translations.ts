// Use cases for translations: list, save or submit, review, history.
import { blocking, MAX_TRANSLATION_LENGTH, type CheckProblem } from '../domain/checks.js';
import { DomainError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';
import { publishedAfter, publishedOf } from '../domain/published.js';
import { isRepeat } from '../domain/repeat.js';
import { transition } from '../domain/status.js';
import type { HistoryAction, Segment, Statement, Translation } from '../domain/types.js';
import { checkText, confirmedWarnings, requireKeepable, type WarningConfirmation } from './checks.js';
import type { ServiceDeps } from './deps.js';
import { forbiddenOrUnauthenticated, requireTargetLocale } from './locales.js';
import { requireStatement } from './statements.js';

export interface TranslationView {
  segmentId: string;
  text: string;
  status: Translation['status'];
  revision: number;
}

export const toView = (t: Translation): TranslationView => ({
  segmentId: t.segmentId,
  text: t.text,
  status: t.status,
  revision: t.revision,
});

/** Translations of a locale. Who may not see work in progress sees approved text only. */
export async function listTranslations(
  deps: ServiceDeps,
  actor: Actor | undefined,
  statementId: string,
  locale: string,
): Promise<Translation[]> {
  await requireTargetLocale(deps, await requireStatement(deps, statementId), locale);
  const all = await deps.store.listTranslations(statementId, locale);
  return can(actor, 'read_work', locale) ? all : publishedOnly(all);
}

/** What anonymous callers get: the published text of each translation that has one, as approved. */
function publishedOnly(all: readonly Translation[]): Translation[] {
  return all.flatMap((t) => {
    const published = publishedOf(t);
    return published ? [{ ...t, text: published.text, status: 'approved' as const, revision: published.revision }] : [];
  });
}

export interface SaveInput {
  statementId: string;
  locale: string;
  segmentId: string;
  text: string;
  baseRevision: number;
  action: 'save' | 'submit';
  /** Warnings the translator confirmed for a submission: all (true) or these check ids. */
  confirmWarnings?: WarningConfirmation;
  /** The text is the source kept on purpose (a signatory's or supporter's name). */
  keepOriginal?: boolean;
}

export interface SaveResult {
  translation: Translation;
  checks: CheckProblem[];
}

export async function saveTranslation(deps: ServiceDeps, actor: Actor | undefined, input: SaveInput): Promise<SaveResult> {
  const { segment } = await authorize(deps, actor, 'translate', input);
  const keepOriginal = input.keepOriginal === true;
  // Keeping the original with no text given (the workspace's button) means the source itself.
  const text = normalizeText(keepOriginal && input.text === '' ? segment.source : input.text);
  if (text.length > MAX_TRANSLATION_LENGTH) {
    throw new DomainError('too_large', 'translation.too_long', { count: MAX_TRANSLATION_LENGTH });
  }
  if (keepOriginal) requireKeepable(segment, text);
  const checks = await checkText(deps, { segment, locale: input.locale, text, keepOriginal });
  // A draft may be incomplete; only an empty one is refused. Submitting needs every error fixed
  // and every warning confirmed; the confirmed warnings are recorded for the reviewer.
  const refused = input.action === 'submit' ? blocking(checks) : checks.filter((c) => c.id === 'empty');
  if (refused.length > 0) throw new DomainError('checks_failed', 'translation.checks_failed', {}, { checks: refused });
  const confirmed = input.action === 'submit' ? confirmedWarnings(checks, input.confirmWarnings) : [];
  const flags = { ...(keepOriginal ? { keepOriginal } : {}), ...(confirmed.length > 0 ? { confirmedWarnings: confirmed } : {}) };

  const translation = await deps.store.updateTranslation(input.statementId, input.locale, input.segmentId, (current) => {
    const revision = current?.revision ?? 0;
    if (isRepeat(current, { from: input.baseRevision, action: input.action, actor: actor!.id, text })) return current!;
    if (input.baseRevision !== revision) throw conflict(current);
    const status = transition(current?.status ?? 'untranslated', { type: input.action });
    return record(current, segment, input.locale, { text, status, action: input.action, actor: actor!.id, at: deps.now(), flags });
  });
  return { translation, checks };
}

export interface ReviewInput {
  statementId: string;
  locale: string;
  segmentId: string;
  decision: 'approve' | 'request_changes';
  revision: number;
  comment?: string;
}

export async function reviewTranslation(deps: ServiceDeps, actor: Actor | undefined, input: ReviewInput): Promise<Translation> {
  const { segment, selfReviewAllowed } = await authorize(deps, actor, 'review', input);
  const comment = input.comment?.trim() ?? '';
  if (input.decision === 'request_changes' && comment === '') {
    throw new DomainError('invalid_input', 'review.comment_required');
  }
  return deps.store.updateTranslation(input.statementId, input.locale, input.segmentId, (current) => {
    if (current && isRepeat(current, { from: input.revision, action: input.decision, actor: actor!.id, text: current.text, comment })) return current;
    if (!current || current.revision !== input.revision) throw conflict(current);
    const status = transition(
      current.status,
      input.decision === 'approve'
        ? { type: 'approve', reviewerIsAuthor: current.author === actor!.id, selfReviewAllowed }
        : { type: 'request_changes' },
    );
    return record(current, segment, input.locale, {
      text: current.text,
      status,
      action: input.decision,
      actor: actor!.id,
      at: deps.now(),
      ...(comment ? { comment } : {}),
    });
  });
}

/** History of one segment in one locale, for that locale's translators and editors. */
export async function translationHistory(
  deps: ServiceDeps,
  actor: Actor | undefined,
  ref: { statementId: string; locale: string; segmentId: string },
): Promise<Translation | undefined> {
  await authorize(deps, actor, 'read_work', ref);
  return deps.store.getTranslation(ref.statementId, ref.locale, ref.segmentId);
}

async function authorize(
  deps: ServiceDeps,
  actor: Actor | undefined,
  action: 'translate' | 'review' | 'read_work',
  ref: { statementId: string; locale: string; segmentId: string },
): Promise<{ statement: Statement; segment: Segment; selfReviewAllowed: boolean }> {
  if (!can(actor, action, ref.locale)) throw forbiddenOrUnauthenticated(actor);
  const statement = await requireStatement(deps, ref.statementId);
  await requireTargetLocale(deps, statement, ref.locale);
  const segment = statement.segments.find((s) => s.id === ref.segmentId);
  if (!segment) throw new DomainError('not_found', 'segment.not_found', { id: ref.segmentId });
  const setting = (await deps.store.listLocales()).find((l) => l.tag === ref.locale);
  return { statement, segment, selfReviewAllowed: setting?.allowSelfReview === true };
}

/** NFC (one spelling per character, so checks and memory compare like with like), LF newlines. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n');
}

function conflict(current: Translation | undefined): DomainError {
  const view = current ? toView(current) : null;
  return new DomainError('conflict', 'translation.conflict', {}, { current: view });
}

function record(
  current: Translation | undefined,
  segment: Segment,
  locale: string,
  change: {
    text: string;
    status: Translation['status'];
    action: HistoryAction;
    actor: string;
    at: Date;
    comment?: string;
    /** Set by a save; a review keeps those of the text it reviews, another change drops them. */
    flags?: Pick<Translation, 'keepOriginal' | 'confirmedWarnings'>;
  },
): Translation {
  const revision = (current?.revision ?? 0) + 1;
  const flags = change.flags ?? (current && current.text === change.text ? flagsOf(current) : {});
  const at = change.at.toISOString();
  const textChanged = !current || current.text !== change.text || change.action === 'save' || change.action === 'submit';
  const sourceHash = textChanged ? segment.sourceHash : current.sourceHash;
  // Readers keep the last approved text while newer work goes on; only an approval replaces it.
  const published = publishedAfter(current, { approved: change.action === 'approve', text: change.text, revision, at, sourceHash });
  return {
    segmentId: segment.id,
    locale,
    text: change.text,
    status: change.status,
    revision,
    sourceHash,
    author: textChanged ? change.actor : current.author,
    updatedAt: at,
    ...(change.comment ? { comment: change.comment } : {}),
    ...flags,
    ...(published ? { published } : {}),
    history: [
      ...(current?.history ?? []),
      {
        revision,
        action: change.action,
        status: change.status,
        text: change.text,
        actor: change.actor,
        at,
        ...(change.comment ? { comment: change.comment } : {}),
      },
    ],
  };
}

function flagsOf(t: Translation): Pick<Translation, 'keepOriginal' | 'confirmedWarnings'> {
  return { ...(t.keepOriginal ? { keepOriginal: true } : {}), ...(t.confirmedWarnings ? { confirmedWarnings: t.confirmedWarnings } : {}) };
}

export interface RestoreInput {
  statementId: string;
  locale: string;
  segmentId: string;
  /** The earlier revision whose text comes back. */
  revision: number;
  /** The revision the editor saw as current: a stale one is a conflict, as for a save. */
  baseRevision: number;
}

/**
 * An editor (or admin) of the locale brings back an earlier revision's text. Nothing is rewritten:
 * the text becomes a new revision (history action 'restore'), with status draft, so that it goes
 * through review again like any other change.
 */
export async function restoreRevision(deps: ServiceDeps, actor: Actor | undefined, input: RestoreInput): Promise<Translation> {
  const { segment } = await authorize(deps, actor, 'review', input);
  return deps.store.updateTranslation(input.statementId, input.locale, input.segmentId, (current) => {
    if (!current || current.revision !== input.baseRevision) throw conflict(current);
    const earlier = input.revision < current.revision ? current.history.find((h) => h.revision === input.revision) : undefined;
    if (!earlier) throw new DomainError('not_found', 'history.revision_not_found', { revision: input.revision });
    if (earlier.text === current.text) throw new DomainError('invalid_input', 'history.restore_same_text', { revision: input.revision });
    const status = transition(current.status, { type: 'save' });
    const next = record(current, segment, input.locale, { text: earlier.text, status, action: 'restore', actor: actor!.id, at: deps.now() });
    next.history.at(-1)!.restoredFrom = input.revision;
    return next;
  });
}
