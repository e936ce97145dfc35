// Statements and their translations: per statement, a snapshot and a journal.
//
//   <dir>/<id>.json            snapshot (lowdb's durable JSON file): the statement, the current
//                              translations (no history), and how much of the journal it holds
//   <dir>/<id>.journal.jsonl   every change since the statement exists, one JSON line each:
//                              the current value it leaves and the history entries it adds
//
// A save appends one line to its statement's journal and is acknowledged once the line is
// fsync'd; saves arriving while a write is in flight share the next fsync (journal.ts). A save
// therefore costs the same whatever the history length. Past `journalFoldBytes` of journal since
// the snapshot, the current translations are folded into the snapshot in the background (one
// atomic file replacement), and at a clean stop; at start, the lines after the snapshot's
// position are replayed (after a crash: at most `journalFoldBytes` per statement). The
// journal is never shortened: it is also the history, read by `translationHistory` only.
//
// Values handed out are frozen and shared: never copied, never changed in place.
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '../domain/errors.js';
import { STATEMENT_ID, translationConflict } from '../domain/translation-decision.js';
import type { HistoryEntry, Statement, Translation, TranslationChange } from '../domain/types.js';
import { DurableJsonFile, serializeJson, StoreFileError } from './durable-json-file.js';
import type { StatementStore } from './interface.js';
import { Journal, readJournal, type JournalPosition } from './journal.js';
import { deepFreeze } from './frozen.js';
import type { JournalRecord, StatementFilesOptions, StatementSnapshot } from './statement-format.js';
import { journalRecordSchema, legacyStatementFileSchema, schemaProblem, statementFileSchema } from './file-schemas.js';
import { listStatementFiles, migrateStatementFile, type LegacyStatementFile } from './statement-migration.js';

export type { StatementFilesOptions } from './statement-format.js';

/** Locale tags and segment ids become object keys: this excludes `__proto__` and the like. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;
const SNAPSHOT = '.json';
const JOURNAL = '.journal.jsonl';

interface StatementState {
  statement: Statement;
  tables: Map<string, Map<string, Translation>>;
  /** Frozen per-locale lists in segment order, rebuilt after a change to that locale. */
  lists: Map<string, readonly Translation[]>;
  all: readonly Translation[] | undefined;
  /** Sequence number of the last applied change (durable or on its way). */
  seq: number;
  journal: Journal;
  snapshot: DurableJsonFile<StatementSnapshot>;
  folded: JournalPosition & { seq: number };
  /** Grows with every change to the statement or its translations (and every undo). */
  version: number;
  /** Resolves when every change applied so far is durable or undone. */
  lastAppend: Promise<unknown>;
  failures: number;
  folding: Promise<void> | undefined;
}

export type StatementFiles = StatementStore & {
  /** Grows with any change to the statement or its translations. */
  statementVersion(statementId: string): number;
  /** Grows with any change to a statement (for caches of pages built from every statement). */
  statementsVersion(): number;
  /** Grows whenever an approved translation may have changed by other means than one commit (a new source revision). */
  approvedRevision(): number;
  close(): Promise<void>;
};

export async function openStatementFiles(dir: string, options: StatementFilesOptions): Promise<StatementFiles> {
  const log = options.log ?? ((line: string) => console.warn(line));
  const foldBytes = options.journalFoldBytes ?? 1024 * 1024;
  const states = new Map<string, StatementState>();
  const ids = await listStatementFiles(dir);
  const opened = await Promise.all(ids.map((id) => openState(dir, id, options, log)));
  for (const state of opened) states.set(state.statement.id, state);
  /** Ids whose file is being written for the first time: taken, but not yet visible. */
  const creating = new Set<string>();
  let approvedChanges = 0;
  let closed = false;

  function existing(id: string): StatementState {
    const state = states.get(id);
    if (!state) throw new DomainError('not_found', 'not_found', { statement: id });
    if (closed) throw new Error('The store is closed.');
    return state;
  }

  /** Applies a change in memory now, appends it to the journal, and undoes it if the journal write fails. */
  async function commit(state: StatementState, statement: Statement | undefined, changes: readonly TranslationChange[]): Promise<void> {
    const previous = changes.map((c) => state.tables.get(c.translation.locale)?.get(c.translation.segmentId));
    const previousStatement = state.statement;
    const record: JournalRecord = {
      seq: state.seq + 1,
      keys: changes.map((c) => `${c.translation.locale}/${c.translation.segmentId}`),
      ...(statement ? { statement } : {}),
      changes: changes.map((c) => ({ translation: c.translation, history: c.entry ? [c.entry] : [] })),
    };
    if (statement) state.statement = statement;
    changes.forEach((c) => put(state, c.translation));
    state.seq = record.seq;
    state.version += 1;
    const appended = state.journal.append(record, () => {
      changes.forEach((c, i) => restore(state, c.translation, previous[i]));
      if (statement) state.statement = previousStatement;
      state.version += 1;
    });
    state.lastAppend = appended.catch(() => undefined);
    await appended;
    if (state.journal.position.bytes - state.folded.bytes > foldBytes && !state.folding) {
      state.folding = fold(state, options).finally(() => (state.folding = undefined));
      state.folding.catch((error: unknown) => log(`${state.snapshot.path} was not refreshed (the journal keeps every change): ${String(error)}`));
    }
  }

  return {
    async listStatements() {
      return [...states.keys()].sort().map((id) => states.get(id)!.statement);
    },

    async getStatement(id) {
      return states.get(id)?.statement;
    },

    async createStatement(statement) {
      if (closed) throw new Error('The store is closed.');
      if (!STATEMENT_ID.test(statement.id)) throw new DomainError('invalid_input', 'invalid_input', { statement: statement.id });
      if (states.has(statement.id) || creating.has(statement.id)) throw new DomainError('duplicate', 'duplicate', { statement: statement.id });
      creating.add(statement.id);
      try {
        const frozen = deepFreeze(structuredClone(statement));
        const state = newState(dir, frozen, options);
        // A journal left by an earlier file of this id (removed by hand) must not be replayed into this one.
        await rm(state.journal.path, { force: true });
        await state.snapshot.writeText(serializeJson(snapshotOf(state)));
        states.set(frozen.id, state);
      } finally {
        creating.delete(statement.id);
      }
    },

    async replaceStatement(statement, changes, expected) {
      const state = existing(statement.id);
      for (const change of changes) checkKeys(change.translation.locale, change.translation.segmentId);
      // Compared and applied with no await in between: no other change can come between the two.
      if (expected) {
        const stale =
          state.statement.sourceRevision !== expected.sourceRevision ||
          expected.translations.some((t) => (state.tables.get(t.locale)?.get(t.segmentId)?.revision ?? 0) !== t.revision);
        if (stale) throw new DomainError('conflict', 'statement.changed_meanwhile', { statement: statement.id });
      }
      approvedChanges += 1;
      await commit(
        state,
        deepFreeze(structuredClone(statement)),
        changes.map((c) => deepFreeze(c)),
      );
    },

    async listTranslations(statementId, locale) {
      const state = states.get(statementId);
      if (!state) return [];
      let list = state.lists.get(locale);
      if (!list) {
        const table = state.tables.get(locale);
        list = Object.freeze(table ? inSegmentOrder(state.statement, [...table.values()]) : []);
        state.lists.set(locale, list);
      }
      return list;
    },

    async listAllTranslations(statementId) {
      const state = states.get(statementId);
      if (!state) return [];
      state.all ??= Object.freeze(
        [...state.tables.keys()].sort().flatMap((locale) => inSegmentOrder(state.statement, [...state.tables.get(locale)!.values()])),
      );
      return state.all;
    },

    async getTranslation(statementId, locale, segmentId) {
      return states.get(statementId)?.tables.get(locale)?.get(segmentId);
    },

    async translationHistory(statementId, locale, segmentId) {
      const state = states.get(statementId);
      if (!state) return [];
      return readHistory(state.journal.path, `${locale}/${segmentId}`, locale, segmentId);
    },

    async commitTranslation(statementId, change, expectedRevision) {
      const state = existing(statementId);
      const { locale, segmentId } = change.translation;
      checkKeys(locale, segmentId);
      const current = state.tables.get(locale)?.get(segmentId);
      // The only comparison the store makes: optimistic concurrency on the revision the decision was made from.
      if ((current?.revision ?? 0) !== expectedRevision) throw translationConflict(current);
      const frozen = deepFreeze(change);
      await commit(state, undefined, [frozen]);
      return frozen.translation;
    },

    statementVersion(statementId) {
      return states.get(statementId)?.version ?? 0;
    },

    statementsVersion() {
      let sum = states.size;
      for (const state of states.values()) sum += state.version;
      return sum;
    },

    approvedRevision() {
      return approvedChanges;
    },

    async close() {
      closed = true;
      // A clean stop leaves every snapshot current, so the next start reads snapshots and replays
      // nothing; after a crash, the journal since the last fold is replayed.
      await Promise.all(
        [...states.values()].map(async (state) => {
          await state.folding?.catch(() => undefined);
          if (state.journal.position.bytes > state.folded.bytes) {
            await fold(state, options).catch((error: unknown) =>
              log(`${state.snapshot.path} was not refreshed at stop (the journal keeps every change): ${String(error)}`),
            );
          }
          await state.journal.close();
        }),
      );
    },
  };
}

function put(state: StatementState, translation: Translation): void {
  let table = state.tables.get(translation.locale);
  if (!table) state.tables.set(translation.locale, (table = new Map<string, Translation>()));
  table.set(translation.segmentId, translation);
  state.lists.delete(translation.locale);
  state.all = undefined;
}

function restore(state: StatementState, translation: Translation, previous: Translation | undefined): void {
  const table = state.tables.get(translation.locale);
  if (previous) put(state, previous);
  else table?.delete(translation.segmentId);
  state.lists.delete(translation.locale);
  state.all = undefined;
}

function newState(dir: string, statement: Statement, options: StatementFilesOptions): StatementState {
  const journalPath = join(dir, `${statement.id}${JOURNAL}`);
  const state: StatementState = {
    statement,
    tables: new Map(),
    lists: new Map(),
    all: undefined,
    seq: 0,
    journal: new Journal(journalPath, { bytes: 0, lines: 0 }),
    snapshot: new DurableJsonFile<StatementSnapshot>(join(dir, `${statement.id}${SNAPSHOT}`), options),
    folded: { seq: 0, bytes: 0, lines: 0 },
    version: 1,
    lastAppend: Promise.resolve(),
    failures: 0,
    folding: undefined,
  };
  state.journal = journalOf(state, journalPath, { bytes: 0, lines: 0 }, options);
  return state;
}

function journalOf(state: StatementState, path: string, position: JournalPosition, options: StatementFilesOptions): Journal {
  return new Journal(path, position, { onFailure: () => (state.failures += 1), onSync: options.onJournalSync, files: options.files });
}

async function openState(dir: string, id: string, options: StatementFilesOptions, log: (line: string) => void): Promise<StatementState> {
  const snapshotPath = join(dir, `${id}${SNAPSHOT}`);
  const journalPath = join(dir, `${id}${JOURNAL}`);
  const file = new DurableJsonFile<StatementSnapshot | LegacyStatementFile>(snapshotPath, options);
  let data = await file.read();
  if (!data) throw file.refuse('has disappeared while the store was opening');
  const problem = checkSnapshot(data, id);
  if (problem) throw file.refuse(problem);
  if (!('format' in data)) {
    data = await migrateStatementFile(file, journalPath, data, options);
    log(`${snapshotPath} was migrated to a snapshot and a journal; the original is kept in ${options.migrationCopyDir ?? 'pre-journal-*'}`);
  }
  const snapshot = data as StatementSnapshot;
  const state = newState(dir, deepFreeze(snapshot.statement), options);
  state.snapshot = file as DurableJsonFile<StatementSnapshot>;
  for (const table of Object.values(snapshot.translations)) {
    for (const translation of Object.values(table)) put(state, deepFreeze(translation));
  }
  state.folded = { ...snapshot.journal };
  state.seq = snapshot.journal.seq;
  const read = await readJournal<JournalRecord>(journalPath, snapshot.journal, checkRecord);
  for (const record of read.records) {
    if (record.seq <= snapshot.journal.seq) continue; // folded into the snapshot already
    // Numbers grow; a gap is a change whose write failed and was cut out of the file.
    if (record.seq <= state.seq) throw new StoreFileError(journalPath, `holds change ${record.seq} after change ${state.seq}`);
    if (record.statement) state.statement = deepFreeze(record.statement);
    for (const change of record.changes) put(state, deepFreeze(change.translation));
    state.seq = record.seq;
  }
  if (read.torn) {
    // A line cut short by a crash was never acknowledged: it is dropped, and the file cut back so the next line starts clean.
    await cutJournal(journalPath, read.end.bytes);
    log(`${journalPath} line ${read.torn.line} was cut short (${read.torn.bytes} bytes, a write interrupted by a crash) and is left out`);
  }
  state.journal = journalOf(state, journalPath, read.end, options);
  return state;
}

async function cutJournal(path: string, bytes: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes the current state as the new snapshot, once every change it holds is durable. */
async function fold(state: StatementState, options: StatementFilesOptions): Promise<void> {
  const cut = { seq: state.seq, ...state.journal.position };
  const failuresBefore = state.failures;
  const text = serializeJson(snapshotOf(state, cut));
  await state.lastAppend;
  if (state.failures !== failuresBefore || state.seq < cut.seq) return; // a change it holds was undone: try again later
  await state.snapshot.writeText(text, options.beforeFoldRename);
  state.folded = cut;
}

function snapshotOf(state: StatementState, cut: JournalPosition & { seq: number } = { seq: state.seq, ...state.journal.position }): StatementSnapshot {
  const translations: Record<string, Record<string, Translation>> = {};
  for (const [locale, table] of state.tables) translations[locale] = Object.fromEntries(table);
  return { format: 2, statement: state.statement, translations, journal: cut };
}

/** A segment's history: every journal line that names it, in order. */
async function readHistory(path: string, key: string, locale: string, segmentId: string): Promise<HistoryEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const needle = JSON.stringify(key);
  const entries: HistoryEntry[] = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
    const line = text.slice(start, end);
    if (!line.includes(needle)) continue;
    const record = JSON.parse(line) as JournalRecord;
    for (const change of record.changes) {
      if (change.translation.locale === locale && change.translation.segmentId === segmentId) entries.push(...change.history);
    }
  }
  return Object.freeze(entries.map((e) => Object.freeze(e))) as HistoryEntry[];
}

function checkKeys(locale: string, segmentId: string): void {
  if (!KEY.test(locale) || !KEY.test(segmentId)) {
    throw new DomainError('invalid_input', 'invalid_input', { locale, segment: segmentId });
  }
}

/** Translations in the order of their segments; those of removed segments last, by id. */
function inSegmentOrder(statement: Statement, translations: Translation[]): Translation[] {
  const position = new Map(statement.segments.map((segment) => [segment.id, segment.index]));
  const rank = (t: Translation) => position.get(t.segmentId) ?? Number.MAX_SAFE_INTEGER;
  return translations.sort((a, b) => rank(a) - rank(b) || a.segmentId.localeCompare(b.segmentId));
}

/** What is wrong with a journal line, worded to follow "line N". */
function checkRecord(value: unknown): JournalRecord | string {
  const record = value as Partial<JournalRecord> | null;
  if (typeof record !== 'object' || record === null || !Number.isInteger(record.seq)) return 'is not a journal record (no "seq")';
  if (!Array.isArray(record.changes) || !Array.isArray(record.keys)) return 'is not a journal record (no "changes")';
  for (const change of record.changes) {
    const t = change?.translation as Partial<Translation> | undefined;
    if (typeof t?.locale !== 'string' || typeof t.segmentId !== 'string' || typeof t.text !== 'string' || !KEY.test(t.locale) || !KEY.test(t.segmentId)) {
      return 'holds a malformed translation';
    }
    if (!Array.isArray(change.history)) return 'holds a change without history';
  }
  if (record.statement !== undefined && (typeof record.statement !== 'object' || !Array.isArray(record.statement?.segments))) {
    return 'holds a malformed statement';
  }
  return schemaProblem(journalRecordSchema, record) ?? (record as JournalRecord);
}

/** What is wrong with a snapshot (or a file of the format before journals), worded to follow its path. */
function checkSnapshot(data: Partial<StatementSnapshot> | LegacyStatementFile, id: string): string | undefined {
  if (!STATEMENT_ID.test(id)) return 'is not named after a statement id (lower-case letters, digits and hyphens)';
  const statement = data.statement as Partial<Statement> | undefined;
  if (typeof statement !== 'object' || statement === null || !Array.isArray(statement.segments)) {
    return 'does not hold a statement ("statement" with "segments" is missing)';
  }
  if (statement.id !== id) return `holds statement "${String(statement.id)}", not "${id}" as its name says`;
  if (typeof data.translations !== 'object' || data.translations === null || Array.isArray(data.translations)) {
    return 'does not hold a "translations" object';
  }
  if ('format' in data) {
    if (data.format !== 2) return `is in format ${String(data.format)}, which this version of Tandem does not know`;
    return schemaProblem(statementFileSchema, data);
  }
  return schemaProblem(legacyStatementFileSchema, data);
}
