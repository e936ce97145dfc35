// Use cases for readers: editions and progress.
import { buildEdition, type EditionRow } from '../domain/edition.js';
import { DomainError } from '../domain/errors.js';
import { describeLocale, SOURCE_LOCALE, type LocaleInfo } from '../domain/locales.js';
import { statementProgress, type LocaleProgress } from '../domain/progress.js';
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
}

export async function getProgress(deps: ServiceDeps, statementId: string): Promise<Record<string, LocaleProgress>> {
  const [statement, settings, translations] = await Promise.all([
    requireStatement(deps, statementId),
    deps.store.listLocales(),
    deps.store.listAllTranslations(statementId),
  ]);
  return statementProgress(statement.segments, translations, settings.map((l) => l.tag));
}

/** One or more editions of a statement, rows aligned by segment. Each thing is read once. */
export async function getEdition(deps: ServiceDeps, statementId: string, tags: readonly string[]): Promise<Edition> {
  const [statement, settings, translations] = await Promise.all([
    requireStatement(deps, statementId),
    deps.store.listLocales(),
    deps.store.listAllTranslations(statementId),
  ]);
  const available = settings.map(describeLocale);
  const source = sourceLocaleInfo();
  const locales = tags.map((tag) => {
    if (tag === SOURCE_LOCALE) return source;
    const found = available.find((l) => l.tag === tag);
    if (!found) throw new DomainError('not_found', 'locale.not_enabled', { tag });
    return found;
  });
  return {
    statement,
    locales,
    source,
    rows: buildEdition(statement, translations, locales, source),
    progress: statementProgress(statement.segments, translations, available.map((l) => l.tag)),
    available,
  };
}
