// Use cases for readers: editions and progress.
import { buildEdition, type EditionRow } from '../domain/edition.js';
import type { LocaleInfo } from '../domain/locales.js';
import { statementProgress, type LocaleProgress } from '../domain/progress.js';
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
}

export async function getProgress(deps: ServiceDeps, statementId: string): Promise<Record<string, LocaleProgress>> {
  const statement = await requireStatement(deps, statementId);
  const locales = (await listLocales(deps)).map((l) => l.tag).filter((tag) => tag !== statement.sourceLocale);
  return statementProgress(statement.segments, await deps.store.listAllTranslations(statementId), locales);
}

/** One or more editions of a statement, rows aligned by segment. */
export async function getEdition(deps: ServiceDeps, statementId: string, tags: readonly string[]): Promise<Edition> {
  const statement = await requireStatement(deps, statementId);
  const locales = await Promise.all(tags.map((tag) => requireLocale(deps, tag, statement.sourceLocale)));
  const translations = await deps.store.listAllTranslations(statementId);
  const available = (await listLocales(deps)).filter((l) => l.tag !== statement.sourceLocale);
  const source = sourceLocaleInfo(statement.sourceLocale, await deps.store.listLocales());
  return {
    statement,
    locales,
    source,
    rows: buildEdition(statement, translations, locales, source),
    progress: statementProgress(statement.segments, translations, available.map((l) => l.tag)),
    available,
  };
}
