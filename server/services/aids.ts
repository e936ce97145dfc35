// What the workspace and the review queue show beside each segment, gathered in one use case:
// the checks of the saved texts, the locale's glossary, and the other languages' translations.
import type { CheckProblem } from '../domain/checks.js';
import type { GlossaryEntry } from '../domain/glossary.js';
import type { LocaleInfo } from '../domain/locales.js';
import { can, type Actor } from '../domain/permissions.js';
import type { Statement, Translation } from '../domain/types.js';
import { checksOfLocale } from './checks.js';
import type { ServiceDeps } from './deps.js';
import { forbiddenOrUnauthenticated, listLocales, requireLocale } from './locales.js';
import { requireStatement } from './statements.js';
import { listTranslations } from './translations.js';

export interface WorkspaceAids {
  checks: Map<string, CheckProblem[]>;
  glossary: GlossaryEntry[];
  /** Translations into the other enabled locales this actor may see (approved ones, or all where they work). */
  others: Translation[];
  locales: LocaleInfo[];
}

/** `translations`: the locale's own, already read (and permitted) by the caller. */
export async function workspaceAids(
  deps: ServiceDeps,
  actor: Actor | undefined,
  statement: Statement,
  locale: string,
  translations: readonly Translation[],
): Promise<WorkspaceAids> {
  const [checks, glossary, all, locales] = await Promise.all([
    checksOfLocale(deps, statement, locale, translations),
    deps.store.listGlossary(locale),
    deps.store.listAllTranslations(statement.id),
    listLocales(deps),
  ]);
  const enabled = new Set(locales.map((l) => l.tag));
  const others = all.filter(
    (t) => t.locale !== locale && enabled.has(t.locale) && t.status !== 'untranslated' && (t.status === 'approved' || can(actor, 'read_work', t.locale)),
  );
  return { checks, glossary, others, locales };
}

export interface LocaleWork extends WorkspaceAids {
  statement: Statement;
  info: LocaleInfo;
  translations: readonly Translation[];
}

/**
 * Everything the workspace (`translate`) or the review queue (`review`) shows for one locale of a
 * statement; refused unless the actor may do that in the locale.
 */
export async function openLocaleWork(
  deps: ServiceDeps,
  actor: Actor | undefined,
  ref: { statementId: string; locale: string; purpose: 'translate' | 'review' },
): Promise<LocaleWork> {
  if (!can(actor, ref.purpose, ref.locale)) throw forbiddenOrUnauthenticated(actor);
  const statement = await requireStatement(deps, ref.statementId);
  const info = await requireLocale(deps, ref.locale);
  const translations = await listTranslations(deps, actor, ref.statementId, ref.locale);
  const aids = await workspaceAids(deps, actor, statement, ref.locale, translations);
  return { ...aids, statement, info, translations };
}
