// Use cases for readers: editions and progress.
import { targetLocales } from '../domain/locale-settings.js';
import { buildEdition, type EditionRow } from '../domain/edition.js';
import type { EditionVersion } from '../domain/edition-version.js';
import { DomainError } from '../domain/errors.js';
import { describeLocale, type LocaleInfo } from '../domain/locales.js';
import { statementProgress, type LocaleProgress } from '../domain/progress.js';
import { publishedProgress } from '../domain/published.js';
import type { Statement } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';
import { sourceLocaleInfo } from './locales.js';
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
  const [statement, settings, translations] = await Promise.all([
    requireStatement(deps, statementId),
    deps.store.listLocales(),
    deps.store.listAllTranslations(statementId),
  ]);
  const locales = targetLocales(settings, statement.sourceLocale).map((l) => l.tag);
  return statementProgress(statement.segments, translations, locales);
}

/**
 * One or more editions of a statement, rows aligned by segment. With `published`, a column whose
 * locale has a published version shows its latest version; the others show their approved text
 * (a preview). Statement, locales and translations are each read once.
 */
export async function getEdition(
  deps: ServiceDeps,
  statementId: string,
  tags: readonly string[],
  options: { published?: boolean } = {},
): Promise<Edition> {
  const [statement, settings, translations, latest] = await Promise.all([
    requireStatement(deps, statementId),
    deps.store.listLocales(),
    deps.store.listAllTranslations(statementId),
    deps.store.latestEditionVersions(statementId),
  ]);
  const source = sourceLocaleInfo(statement.sourceLocale, settings);
  const available = targetLocales(settings, statement.sourceLocale).map(describeLocale);
  const locales = tags.map((tag) => {
    if (tag === statement.sourceLocale) return source;
    const found = available.find((l) => l.tag === tag);
    if (!found) throw new DomainError('not_found', 'locale.not_enabled', { tag });
    return found;
  });
  const versions: Record<string, EditionVersion> = {};
  if (options.published) {
    const found = await Promise.all(tags.map(async (tag) => (latest[tag] ? deps.store.getEditionVersion(statementId, tag, latest[tag]) : undefined)));
    found.forEach((version, i) => {
      if (version) versions[tags[i]!] = version;
    });
  }
  return {
    statement,
    locales,
    source,
    rows: buildEdition(statement, translations, locales, source, versions),
    progress: statementProgress(
      statement.segments,
      translations,
      available.map((l) => l.tag),
    ),
    readersGet: publishedProgress(
      statement.segments,
      translations,
      available.map((l) => l.tag),
    ),
    available,
    published: latest,
    versions,
  };
}

/**
 * What the reader pages of a statement are built from, as a part of their cache key: the statement
 * and its translations, the list of locales, its published versions. Sessions, other statements
 * and glossaries change none of it.
 */
export async function editionDependencies(deps: ServiceDeps, statementId: string): Promise<string> {
  const latest = await deps.store.latestEditionVersions(statementId);
  return `${deps.store.statementVersion(statementId)}.${deps.store.localeVersion()}.${JSON.stringify(latest)}`;
}

/** The same for the list of statements: every statement, and what each has published. */
export async function statementListDependencies(deps: ServiceDeps): Promise<string> {
  const statements = await deps.store.listStatements();
  const latest = await Promise.all(statements.map((s) => deps.store.latestEditionVersions(s.id)));
  return `${deps.store.contentVersion()}.${JSON.stringify(latest)}`;
}
