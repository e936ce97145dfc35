// The on-disk format of a statement: its snapshot file and the lines of its journal
// (statement-files.ts writes and reads them; statement-migration.ts makes them from older files).
import type { HistoryEntry, Statement, Translation } from '../domain/types.js';
import type { DurableJsonFileOptions } from './durable-json-file.js';
import type { JournalPosition } from './journal.js';

/** The snapshot file's content. */
export interface StatementSnapshot {
  format: 2;
  statement: Statement;
  /** locale -> segment id -> current translation */
  translations: Record<string, Record<string, Translation>>;
  /** The journal up to here (position, and the last record's sequence number) is in this snapshot. */
  journal: JournalPosition & { seq: number };
}

/** One line of the journal: one atomic change of a statement. */
export interface JournalRecord {
  /** 1, 2, 3...: consecutive within a statement's journal. */
  seq: number;
  /** `locale/segmentId` of each change, so a segment's history is found without parsing every line. */
  keys: string[];
  /** A new source revision of the statement. */
  statement?: Statement;
  changes: Array<{ translation: Translation; history: HistoryEntry[] }>;
}

export interface StatementFilesOptions extends DurableJsonFileOptions {
  /** Journal bytes since the snapshot past which the snapshot is refreshed (default 1 MiB). */
  journalFoldBytes?: number;
  /** Where a start-up says what it did (a torn last journal line, a migration). */
  log?: (line: string) => void;
  /** Where migrated files' originals are kept (default: `<dir>/../pre-journal-<time>/statements`). */
  migrationCopyDir?: string;
  /** Called after each fsync of a journal (instrumentation for tests and benchmarks). */
  onJournalSync?: (path: string) => void;
  /** Test hook: runs after a fold has written its temporary file and before it replaces the snapshot. */
  beforeFoldRename?: () => Promise<void>;
}
