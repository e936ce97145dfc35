// Statement files written before journals held each translation's whole history inside the
// statement file. At start such a file is migrated: its original is kept (pre-journal-<time>/),
// the history goes to the statement's new journal, and the file becomes a snapshot of current
// translations. Each step replaces a file atomically; a crash in between leaves the old format,
// and the next start migrates again from the original.
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { publishedOf } from '../domain/published.js';
import type { HistoryEntry, Statement, Translation } from '../domain/types.js';
import { DurableJsonFile, makeDataDirectory, serializeJson } from './durable-json-file.js';
import type { JournalRecord, StatementFilesOptions, StatementSnapshot } from './statement-format.js';

/** A translation as files before journals kept it: with its history. */
type LegacyTranslation = Translation & { history?: HistoryEntry[] };

export interface LegacyStatementFile {
  statement: Statement;
  translations: Record<string, Record<string, LegacyTranslation>>;
}

/** Ids of the statements in `dir` (one snapshot file each). */
export async function listStatementFiles(dir: string): Promise<string[]> {
  await makeDataDirectory(dir);
  return (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.'))
    .map((entry) => entry.name.slice(0, -'.json'.length));
}

export async function migrateStatementFile(
  file: DurableJsonFile<object>,
  journalPath: string,
  legacy: LegacyStatementFile,
  options: StatementFilesOptions,
): Promise<StatementSnapshot> {
  const statementsDir = dirname(file.path);
  const now = options.now ?? Date.now;
  const keepDir =
    options.migrationCopyDir ?? join(dirname(statementsDir), `pre-journal-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`, 'statements');
  await new DurableJsonFile(join(keepDir, basename(file.path)), { backups: 0 }).writeText(await readFile(file.path));

  const translations: Record<string, Record<string, Translation>> = {};
  const lines: string[] = [];
  for (const [locale, table] of Object.entries(legacy.translations)) {
    translations[locale] = {};
    for (const [segmentId, old] of Object.entries(table)) {
      const { history = [], ...current } = old;
      // Files older still had no published text: it comes from the history, as their editions showed it.
      const published = publishedOf(current, history);
      const translation: Translation = { ...current, ...(published ? { published } : {}) };
      translations[locale][segmentId] = translation;
      const record: JournalRecord = { seq: lines.length + 1, keys: [`${locale}/${segmentId}`], changes: [{ translation, history }] };
      lines.push(`${JSON.stringify(record)}\n`);
    }
  }
  const text = lines.join('');
  await new DurableJsonFile(journalPath, { backups: 0 }).writeText(text);
  const snapshot: StatementSnapshot = {
    format: 2,
    statement: legacy.statement,
    translations,
    journal: { seq: lines.length, bytes: Buffer.byteLength(text), lines: lines.length },
  };
  await file.writeText(serializeJson(snapshot));
  return snapshot;
}
