// Statements and their translations: one JSON file per statement, `<dir>/<id>.json`, so a save
// rewrites only its own statement's file.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '../domain/errors.js';
import type { Statement, Translation } from '../domain/types.js';
import { makeDataDirectory, type DurableJsonFileOptions } from './durable-json-file.js';
import type { AidsStore, StatementStore, TranslationUpdate } from './interface.js';
import { schemaProblem, statementFileSchema } from './file-schemas.js';
import { newJsonDocument, openJsonDocument, type JsonDocument } from './write-queue.js';

export interface StatementFile {
  statement: Statement;
  /** locale -> segment id -> translation */
  translations: Record<string, Record<string, Translation>>;
}

/** Statement ids become file names: a slug cannot climb out of the directory. */
const STATEMENT_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** Locale tags and segment ids become object keys: this excludes `__proto__` and the like. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;

export async function openStatementFiles(
  dir: string,
  options: DurableJsonFileOptions,
): Promise<StatementStore & Pick<AidsStore, 'approvedRevision'> & { close(): Promise<void> }> {
  await makeDataDirectory(dir);
  const files = new Map<string, JsonDocument<StatementFile>>();
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.'))
    .map((entry) => entry.name);
  const opened = await Promise.all(
    names.map((name) => {
      const id = name.slice(0, -'.json'.length);
      return openJsonDocument<StatementFile>(join(dir, name), undefined, {
        ...options,
        check: (data) => checkStatementFile(data, id),
      });
    }),
  );
  for (const document of opened) files.set(document.data.statement.id, document);
  /** Ids whose file is being written for the first time: taken, but not yet visible. */
  const creating = new Set<string>();
  /** Grows with every change that may touch an approved translation (translation memory). */
  let approvedChanges = 0;

  function existing(id: string): JsonDocument<StatementFile> {
    const document = files.get(id);
    if (!document) throw new DomainError('not_found', 'not_found', { statement: id });
    return document;
  }

  return {
    async listStatements() {
      return [...files.keys()].sort().map((id) => structuredClone(files.get(id)!.data.statement));
    },

    async getStatement(id) {
      const document = files.get(id);
      return document && structuredClone(document.data.statement);
    },

    async createStatement(statement) {
      const copy = structuredClone(statement);
      if (!STATEMENT_ID.test(copy.id)) throw new DomainError('invalid_input', 'invalid_input', { statement: copy.id });
      if (files.has(copy.id) || creating.has(copy.id)) throw new DomainError('duplicate', 'duplicate', { statement: copy.id });
      creating.add(copy.id);
      try {
        const document = newJsonDocument<StatementFile>(join(dir, `${copy.id}.json`), { statement: copy, translations: {} }, options);
        await document.update(() => undefined);
        files.set(copy.id, document);
      } finally {
        creating.delete(copy.id);
      }
    },

    async replaceStatement(statement, changed, expected) {
      const document = existing(statement.id);
      const copy = structuredClone(statement);
      const translations = structuredClone(changed);
      for (const translation of translations) checkKeys(translation.locale, translation.segmentId);
      approvedChanges += 1;
      await document.update((data) => {
        if (expected) {
          const stale =
            data.statement.sourceRevision !== expected.sourceRevision ||
            expected.translations.some((t) => (own(own(data.translations, t.locale), t.segmentId)?.revision ?? 0) !== t.revision);
          if (stale) throw new DomainError('conflict', 'statement.changed_meanwhile', { statement: statement.id });
        }
        data.statement = copy;
        for (const translation of translations) localeTable(data, translation.locale)[translation.segmentId] = translation;
      });
    },

    async listTranslations(statementId, locale) {
      const data = files.get(statementId)?.data;
      const table = data && own(data.translations, locale);
      return data && table ? inSegmentOrder(data.statement, Object.values(table)).map((t) => structuredClone(t)) : [];
    },

    async listAllTranslations(statementId) {
      const data = files.get(statementId)?.data;
      if (!data) return [];
      return Object.keys(data.translations)
        .sort()
        .flatMap((locale) => inSegmentOrder(data.statement, Object.values(data.translations[locale]!)))
        .map((t) => structuredClone(t));
    },

    async getTranslation(statementId, locale, segmentId) {
      const data = files.get(statementId)?.data;
      const translation = data && own(own(data.translations, locale), segmentId);
      return translation && structuredClone(translation);
    },

    async updateTranslation(statementId, locale, segmentId, update: TranslationUpdate) {
      const document = existing(statementId);
      checkKeys(locale, segmentId);
      return document.update((data) => {
        const current = own(own(data.translations, locale), segmentId);
        // The update works on a copy: if it changes its argument and then throws, nothing changed.
        const next = update(current && structuredClone(current));
        if (next.locale !== locale || next.segmentId !== segmentId) {
          throw new DomainError('invalid_input', 'invalid_input', { locale: next.locale, segment: next.segmentId });
        }
        const stored = structuredClone(next);
        if (current?.status === 'approved' || stored.status === 'approved') approvedChanges += 1;
        localeTable(data, locale)[segmentId] = stored;
        return structuredClone(stored);
      });
    },

    async approvedRevision() {
      return approvedChanges;
    },

    async close() {
      await Promise.all([...files.values()].map((document) => document.close()));
    },
  };
}

function checkKeys(locale: string, segmentId: string): void {
  if (!KEY.test(locale) || !KEY.test(segmentId)) {
    throw new DomainError('invalid_input', 'invalid_input', { locale, segment: segmentId });
  }
}

function localeTable(data: StatementFile, locale: string): Record<string, Translation> {
  if (!Object.hasOwn(data.translations, locale)) data.translations[locale] = {};
  return data.translations[locale]!;
}

/** Own properties only: `translations.constructor` must not find Object's. */
function own<V>(record: Record<string, V> | undefined, key: string): V | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Translations in the order of their segments; those of removed segments last, by id. */
function inSegmentOrder(statement: Statement, translations: Translation[]): Translation[] {
  const position = new Map(statement.segments.map((segment) => [segment.id, segment.index]));
  const rank = (t: Translation) => position.get(t.segmentId) ?? Number.MAX_SAFE_INTEGER;
  return [...translations].sort((a, b) => rank(a) - rank(b) || a.segmentId.localeCompare(b.segmentId));
}

/** Returns what is wrong with a statement file's content, worded to follow its path. */
function checkStatementFile(data: StatementFile, id: string): string | undefined {
  if (!STATEMENT_ID.test(id)) return 'is not named after a statement id (lower-case letters, digits and hyphens)';
  const statement = data.statement as Partial<Statement> | undefined;
  if (typeof statement !== 'object' || statement === null || !Array.isArray(statement.segments)) {
    return 'does not hold a statement ("statement" with "segments" is missing)';
  }
  if (statement.id !== id) return `holds statement "${String(statement.id)}", not "${id}" as its name says`;
  if (typeof data.translations !== 'object' || data.translations === null || Array.isArray(data.translations)) {
    return 'does not hold a "translations" object';
  }
  return schemaProblem(statementFileSchema, data);
}
