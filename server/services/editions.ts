// Use cases for readers: editions and progress.
import { buildEdition, type EditionRow } from '../domain/edition.js';
import type { EditionVersion } from '../domain/edition-version.js';
import type { LocaleInfo } from '../domain/locales.js';
import { statementProgress, type LocaleProgress } from '../domain/progress.js';
import { publishedProgress } from '../domain/published.js';
import type { Statement } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';
import { listLocales, requireLocale, sourceLocaleInfo } from './locales.js';
import { requireStatement } from './statements.js';

export interface Edition {
  statement: Statement;
  locales: LocaleInfo[];
  source: LocaleInfo;
  rows: EditionRow[];
  /** Progress of every enabled locale (for the switcher and the notice). */
  progress: Record<string, LocaleProgress>;
  available: LocaleInfo[];
  /** Per locale, how many segments readers get translated (published text), whatever work goes on. */
  readersGet: Record<string, { published: number; total: number; percent: number }>;
  /** Latest published version number of each published locale. */
  published: Record<string, number>;
  /** The versions shown, by locale (columns that show a published version). */
  versions: Record<string, EditionVersion>;
}

export async function getProgress(deps: ServiceDeps, statementId: string): Promise<Record<string, LocaleProgress>> {
  const statement = await requireStatement(deps, statementId);
  const locales = (await listLocales(deps)).map((l) => l.tag).filter((tag) => tag !== statement.sourceLocale);
  return statementProgress(statement.segments, await deps.store.listAllTranslations(statementId), locales);
}

/**
 * One or more editions of a statement, rows aligned by segment. With `published`, a column whose
 * locale has a published version shows its latest version; the others show their approved text
 * (a preview).
 */
export async function getEdition(
  deps: ServiceDeps,
  statementId: string,
  tags: readonly string[],
  options: { published?: boolean } = {},
): Promise<Edition> {
  const statement = await requireStatement(deps, statementId);
  const locales = await Promise.all(tags.map((tag) => requireLocale(deps, tag, statement.sourceLocale)));
  const translations = await deps.store.listAllTranslations(statementId);
  const available = (await listLocales(deps)).filter((l) => l.tag !== statement.sourceLocale);
  const source = sourceLocaleInfo(statement.sourceLocale, await deps.store.listLocales());
  const latest = await deps.store.latestEditionVersions(statementId);
  const versions: Record<string, EditionVersion> = {};
  if (options.published) {
    for (const tag of tags) {
      const version = latest[tag] ? await deps.store.getEditionVersion(statementId, tag, latest[tag]) : undefined;
      if (version) versions[tag] = version;
    }
  }
  return {
    statement,
    locales,
    source,
    rows: buildEdition(statement, translations, locales, source, versions),
    progress: statementProgress(statement.segments, translations, available.map((l) => l.tag)),
    readersGet: publishedProgress(statement.segments, translations, available.map((l) => l.tag)),
    available,
    published: latest,
    versions,
  };
}
