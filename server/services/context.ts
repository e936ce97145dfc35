// Loading what a use case decides on, once: the actor's permission first, then the statement, the
// locale, the segment, the glossary and the current translation, each read once.
import { enabledLocales } from '../domain/locale-settings.js';
import { DomainError } from '../domain/errors.js';
import { STATEMENT_ID } from '../domain/limits.js';
import { describeLocale, type LocaleInfo } from '../domain/locales.js';
import { can, type Action, type Actor } from '../domain/permissions.js';
import type { TranslationContext } from '../domain/translation-decision.js';
import type { GlossaryEntry } from '../domain/glossary.js';
import type { LocaleSetting, Segment, Statement, Translation } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';
import { forbiddenOrUnauthenticated } from './locales.js';

export interface SegmentRef {
  statementId: string;
  locale: string;
  segmentId: string;
}

/** The part of a cache key that names an account and what it may see and do (its role, its languages). */
export const actorDependencies = (actor: Actor): string => [actor.id, actor.role, actor.locales.join(',')].join('\u0000');

/** The actor may do `action` in `locale`, or the refusal (401 for nobody, 403 for somebody). */
export function permit(actor: Actor | undefined, action: Action, locale?: string): Actor {
  if (!can(actor, action, locale)) throw forbiddenOrUnauthenticated(actor);
  return actor;
}

export interface LocaleContext {
  statement: Statement;
  setting: LocaleSetting;
  info: LocaleInfo;
  /** Every enabled locale, read once with this one. */
  locales: readonly LocaleSetting[];
}

/** The statement and the enabled locale it is translated into (not its source), or not_found. */
export async function loadLocaleContext(deps: ServiceDeps, statementId: string, locale: string): Promise<LocaleContext> {
  const [statement, settings] = await Promise.all([
    STATEMENT_ID.test(statementId) ? deps.store.getStatement(statementId) : undefined,
    deps.store.listLocales(),
  ]);
  if (!statement) throw new DomainError('not_found', 'statement.not_found', { id: statementId });
  if (locale === statement.sourceLocale) throw new DomainError('not_found', 'locale.is_source', { tag: locale });
  const locales = enabledLocales(settings);
  const setting = locales.find((l) => l.tag === locale);
  if (!setting) throw new DomainError('not_found', 'locale.not_enabled', { tag: locale });
  return { statement, setting, info: describeLocale(setting), locales };
}

/** A locale of a statement as decisions on its segments see it, read once for many segments. */
export interface LocaleWorkContext extends LocaleContext {
  glossary: readonly GlossaryEntry[];
  /** The context of a decision on `segment`, whose translation is now `current`. */
  contextOf(segment: Segment, current: Translation | undefined): TranslationContext;
}

/** The statement, the locale and its glossary, after the permission check. */
export async function loadLocaleWorkContext(
  deps: ServiceDeps,
  actor: Actor | undefined,
  action: 'translate' | 'review' | 'read_work',
  statementId: string,
  locale: string,
): Promise<LocaleWorkContext> {
  const permitted = permit(actor, action, locale);
  const [context, glossary] = await Promise.all([loadLocaleContext(deps, statementId, locale), deps.store.listGlossary(locale)]);
  const at = deps.now().toISOString();
  const selfReviewAllowed = context.setting.allowSelfReview === true;
  return {
    ...context,
    glossary,
    contextOf: (segment, current) => ({
      actor: permitted,
      statement: context.statement,
      segment,
      locale,
      info: context.info,
      selfReviewAllowed,
      glossary,
      current,
      at,
    }),
  };
}

/** Everything a decision on one segment's translation needs, after the permission check. */
export async function loadTranslationContext(
  deps: ServiceDeps,
  actor: Actor | undefined,
  action: 'translate' | 'review' | 'read_work',
  ref: SegmentRef,
): Promise<TranslationContext> {
  const [work, current] = await Promise.all([
    loadLocaleWorkContext(deps, actor, action, ref.statementId, ref.locale),
    deps.store.getTranslation(ref.statementId, ref.locale, ref.segmentId),
  ]);
  const segment = work.statement.segments.find((s) => s.id === ref.segmentId);
  if (!segment) throw new DomainError('not_found', 'segment.not_found', { id: ref.segmentId });
  return work.contextOf(segment, current);
}
