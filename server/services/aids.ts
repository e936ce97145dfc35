// What the workspace and the review queue show for one locale of a statement, loaded in one use
// case: the statement, the locale, its translations, its glossary, the other languages'
// translations, and the checks of the segments the page shows (computed on demand, cached).
import type { CheckProblem } from '../domain/checks.js';
import type { GlossaryEntry } from '../domain/glossary.js';
import { describeLocale, type LocaleInfo } from '../domain/locales.js';
import { can, type Actor } from '../domain/permissions.js';
import type { Statement, Translation } from '../domain/types.js';
import { checksOfSegments } from './checks.js';
import { actorDependencies, loadLocaleContext, permit } from './context.js';
import { editionDependencies } from './editions.js';
import type { ServiceDeps } from './deps.js';

export interface LocaleWork {
  statement: Statement;
  locale: string;
  info: LocaleInfo;
  translations: readonly Translation[];
  glossary: readonly GlossaryEntry[];
  /** Translations into the other enabled locales this actor may see (approved ones, or all where they work). */
  others: Translation[];
  locales: LocaleInfo[];
  /** Checks of the saved translations of these segments (pass those the page shows). */
  checksOf(segmentIds: Iterable<string>): Map<string, CheckProblem[]>;
}

/**
 * Everything the workspace (`translate`) or the review queue (`review`) shows for one locale of a
 * statement; refused unless the actor may do that in the locale. Each thing is read once.
 */
export async function openLocaleWork(
  deps: ServiceDeps,
  actor: Actor | undefined,
  ref: {
    statementId: string;
    locale: string;
    purpose: 'translate' | 'review';
    /** The segments the page will show, chosen once statement and translations are read (all when undefined). */
    shown?: (statement: Statement, translations: readonly Translation[]) => ReadonlySet<string> | undefined;
  },
): Promise<LocaleWork> {
  permit(actor, ref.purpose, ref.locale);
  const { statement, info, locales: settings } = await loadLocaleContext(deps, ref.statementId, ref.locale);
  const [translations, glossary, all] = await Promise.all([
    deps.store.listTranslations(ref.statementId, ref.locale),
    deps.store.listGlossary(ref.locale),
    deps.store.listAllTranslations(ref.statementId),
  ]);
  const enabled = new Set(settings.map((l) => l.tag));
  const others = all.filter(
    (t) =>
      t.locale !== ref.locale && enabled.has(t.locale) && t.status !== 'untranslated' && (t.status === 'approved' || can(actor, 'read_work', t.locale)),
  );
  const work = { statement, locale: ref.locale, info, translations, glossary, others, locales: settings.map(describeLocale) };
  return { ...work, checksOf: (segmentIds) => checksOfSegments(deps, work, segmentIds) };
}

/**
 * What the workspace or the review queue of a locale is built from, as a part of its cache key:
 * the actor's account, role and languages (what they may see and do), the statement and every
 * translation of it, the list of locales, the locale's glossary, the statement's publications.
 * Refused like `openLocaleWork` when the actor may not open the page. Checks depend on the same.
 */
export async function localeWorkDependencies(
  deps: ServiceDeps,
  actor: Actor | undefined,
  ref: { statementId: string; locale: string; purpose: 'translate' | 'review' },
): Promise<string> {
  const who = permit(actor, ref.purpose, ref.locale);
  // What a reader's page of the statement depends on, and the glossary and the account besides.
  return [actorDependencies(who), deps.store.glossaryVersion(ref.locale), await editionDependencies(deps, ref.statementId)].join('\u0000');
}
