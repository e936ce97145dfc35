// Use cases for translations: list, save or submit, review, restore, history. Each loads its
// context once (services/context.ts), asks the domain for the decision
// (domain/translation-decision.ts) and hands the change to the store, which only checks that the
// revision it was decided from is still the current one.
import type { CheckProblem } from '../domain/checks.js';
import { can, type Actor } from '../domain/permissions.js';
import { publishedOf } from '../domain/published.js';
import {
  decideRestore,
  decideReview,
  decideSave,
  translationView,
  type Decision,
  type RestoreRequest,
  type ReviewRequest,
  type SaveRequest,
  type TranslationContext,
  type TranslationView,
} from '../domain/translation-decision.js';
import type { LocaleInfo } from '../domain/locales.js';
import type { HistoryEntry, Segment, Statement, Translation } from '../domain/types.js';
import { loadLocaleContext, loadTranslationContext, permit, type SegmentRef } from './context.js';
import type { ServiceDeps } from './deps.js';
import { noteCommitted } from './tm.js';

export type { TranslationView };
export { normalizeText } from '../domain/limits.js';
export const toView = translationView;

/** Translations of a locale. Who may not see work in progress sees approved text only. */
export async function listTranslations(deps: ServiceDeps, actor: Actor | undefined, statementId: string, locale: string): Promise<readonly Translation[]> {
  await loadLocaleContext(deps, statementId, locale);
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

export type SaveInput = SegmentRef & SaveRequest;

export interface SaveResult {
  translation: Translation;
  checks: CheckProblem[];
}

export async function saveTranslation(deps: ServiceDeps, actor: Actor | undefined, input: SaveInput): Promise<SaveResult> {
  const decided = await decideAndCommit(deps, actor, 'translate', input, (context) => decideSave(context, input));
  return { translation: decided.translation, checks: decided.checks };
}

export type ReviewInput = SegmentRef & ReviewRequest;

export async function reviewTranslation(deps: ServiceDeps, actor: Actor | undefined, input: ReviewInput): Promise<Translation> {
  return (await decideAndCommit(deps, actor, 'review', input, (context) => decideReview(context, input))).translation;
}

export type RestoreInput = SegmentRef & RestoreRequest;

/** An editor (or admin) of the locale brings back an earlier revision's text, as a new draft revision. */
export async function restoreRevision(deps: ServiceDeps, actor: Actor | undefined, input: RestoreInput): Promise<Translation> {
  const history = () => deps.store.translationHistory(input.statementId, input.locale, input.segmentId);
  return (await decideAndCommit(deps, actor, 'review', input, async (context) => decideRestore(context, await history(), input))).translation;
}

export interface SegmentHistory {
  statement: Statement;
  segment: Segment;
  locale: LocaleInfo;
  translation: Translation | undefined;
  history: readonly HistoryEntry[];
}

/** One segment's current translation and its history, for that locale's translators and editors. */
export async function translationHistory(deps: ServiceDeps, actor: Actor | undefined, ref: SegmentRef): Promise<SegmentHistory> {
  const context = await loadTranslationContext(deps, actor, 'read_work', ref);
  const history = context.current ? await deps.store.translationHistory(ref.statementId, ref.locale, ref.segmentId) : [];
  return { statement: context.statement, segment: context.segment, locale: context.info, translation: context.current, history };
}

/**
 * Load the context, decide, store. When the store finds the translation changed since the context
 * was read (another save won the race), the decision is made once more on the new context: a
 * request repeated by a client is then answered as the first one was, and a real conflict is refused.
 */
async function decideAndCommit<Extra extends object>(
  deps: ServiceDeps,
  actor: Actor | undefined,
  action: 'translate' | 'review',
  ref: SegmentRef,
  decide: (context: TranslationContext) => Decision<Extra> | Promise<Decision<Extra>>,
): Promise<Extra & { translation: Translation }> {
  for (let attempt = 1; ; attempt++) {
    const context = await loadTranslationContext(deps, actor, action, ref);
    const decision = await decide(context);
    if (decision.outcome === 'refused') throw decision.refusal;
    if (decision.outcome === 'same') return decision;
    try {
      const translation = await deps.store.commitTranslation(ref.statementId, decision.change, context.current?.revision ?? 0);
      noteCommitted(deps, context.statement, context.current, translation);
      return { ...decision, translation };
    } catch (error) {
      if (attempt >= 2 || (error as { code?: string }).code !== 'conflict') throw error;
    }
  }
}

export { permit };
