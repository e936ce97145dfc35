// Loading what a use case decides on, once: the actor's permission first, then the statement, the
// locale, the segment, the glossary and the current translation, each read once.
import { enabledLocales } from '../domain/locale-settings.js';
import { DomainError } from '../domain/errors.js';
import { STATEMENT_ID } from '../domain/limits.js';
import { describeLocale, type LocaleInfo } from '../domain/locales.js';
import { can, type Action, type Actor } from '../domain/permissions.js';
import type { TranslationContext } from '../domain/translation-decision.js';
import type { LocaleSetting, Statement } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';
import { forbiddenOrUnauthenticated } from './locales.js';

export interface SegmentRef {
  statementId: string;
  locale: string;
  segmentId: string;
}

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

/** Everything a decision on one segment's translation needs, after the permission check. */
export async function loadTranslationContext(
  deps: ServiceDeps,
  actor: Actor | undefined,
  action: 'translate' | 'review' | 'read_work',
  ref: SegmentRef,
): Promise<TranslationContext> {
  const permitted = permit(actor, action, ref.locale);
  const [{ statement, setting, info }, glossary, current] = await Promise.all([
    loadLocaleContext(deps, ref.statementId, ref.locale),
    deps.store.listGlossary(ref.locale),
    deps.store.getTranslation(ref.statementId, ref.locale, ref.segmentId),
  ]);
  const segment = statement.segments.find((s) => s.id === ref.segmentId);
  if (!segment) throw new DomainError('not_found', 'segment.not_found', { id: ref.segmentId });
  return {
    actor: permitted,
    statement,
    segment,
    locale: ref.locale,
    info,
    selfReviewAllowed: setting.allowSelfReview === true,
    glossary,
    current,
    at: deps.now().toISOString(),
  };
}
