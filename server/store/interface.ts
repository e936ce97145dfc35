// The storage contract the services rely on. Implementations: lowdb (JSON files, default).
// A second implementation (PostgreSQL) would pass the same contract tests in test/store/.
import type { EditionVersion } from '../domain/edition-version.js';
import type { GlossaryEntry } from '../domain/glossary.js';
import type { Account, AuditEntry, LocaleSetting, Statement, Translation } from '../domain/types.js';

/** Thrown by an update function to abort the update: nothing is written. */
export type TranslationUpdate = (current: Translation | undefined) => Translation;

export interface ReplaceExpectation {
  sourceRevision: number;
  translations: ReadonlyArray<{ locale: string; segmentId: string; revision: number }>;
}

export interface ApiToken {
  /** SHA-256 of the token, hex. The token itself is never stored. */
  hash: string;
  accountId: string;
  createdAt: string;
}

export interface SetupToken {
  hash: string;
  expiresAt: string;
}

export interface StatementStore {
  listStatements(): Promise<Statement[]>;
  getStatement(id: string): Promise<Statement | undefined>;
  /** Creates the statement's file. Rejects when the id exists. */
  createStatement(statement: Statement): Promise<void>;
  /**
   * Replaces a statement (a new source revision, or its archived flag) together with the
   * translations that changed with it, atomically. With `expected`, rejects with
   * DomainError('conflict') and writes nothing when the stored statement's source revision or one
   * of those translations' revisions (0: none yet) differs: someone changed them meanwhile.
   */
  replaceStatement(statement: Statement, changed: Translation[], expected?: ReplaceExpectation): Promise<void>;
  /** All translations of a statement into one locale. */
  listTranslations(statementId: string, locale: string): Promise<Translation[]>;
  /** All translations of a statement, every locale. */
  listAllTranslations(statementId: string): Promise<Translation[]>;
  getTranslation(statementId: string, locale: string, segmentId: string): Promise<Translation | undefined>;
  /**
   * Atomic read-modify-write of one translation. `update` runs with no other update of the same
   * statement in between; when it throws, nothing is written and the error propagates. Resolves
   * only once the new value is durably on disk.
   */
  updateTranslation(
    statementId: string,
    locale: string,
    segmentId: string,
    update: TranslationUpdate,
  ): Promise<Translation>;
}

export interface AccountStore {
  listAccounts(): Promise<Account[]>;
  getAccount(id: string): Promise<Account | undefined>;
  findAccountByName(name: string): Promise<Account | undefined>;
  /** Rejects with a DuplicateError when the name is taken. */
  createAccount(account: Account): Promise<void>;
  updateAccount(id: string, update: (current: Account) => Account): Promise<Account>;
  addToken(token: ApiToken): Promise<void>;
  findToken(hash: string): Promise<ApiToken | undefined>;
  /** Removes every API token of an account (disabling it); resolves once durable. */
  removeTokens(accountId: string): Promise<void>;
  getSetupToken(): Promise<SetupToken | undefined>;
  setSetupToken(token: SetupToken | undefined): Promise<void>;
}

export interface SettingsStore {
  listLocales(): Promise<LocaleSetting[]>;
  /** Adds or replaces a locale setting. */
  putLocale(locale: LocaleSetting): Promise<void>;
  /** Appends to the audit log of administrative actions (the oldest entries go past a cap). */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** The audit log, oldest first. */
  listAudit(): Promise<AuditEntry[]>;
}

// --- Translator aids (glossary, translation memory): kept in this block of their own. ---
export interface AidsStore {
  /** The glossary of a locale, in the order it was kept. */
  listGlossary(locale: string): Promise<GlossaryEntry[]>;
  /**
   * Atomic read-modify-write of a locale's whole glossary (one edit, or a CSV import at once).
   * When `update` throws, nothing is written and the error propagates. Resolves once durable.
   */
  updateGlossary(locale: string, update: (entries: GlossaryEntry[]) => GlossaryEntry[]): Promise<GlossaryEntry[]>;
  /**
   * A number that grows whenever approved translations may have changed (an approval, a change
   * to an approved translation, a new source revision), so the memory knows when to rebuild.
   */
  approvedRevision(): Promise<number>;
}

// --- Published editions: immutable versions, in a part of their own (edition-files.ts). ---
export interface EditionStore {
  /** Every version of one edition, oldest first (frozen: shared, never to be changed). */
  listEditionVersions(statementId: string, locale: string): Promise<readonly EditionVersion[]>;
  getEditionVersion(statementId: string, locale: string, version: number): Promise<EditionVersion | undefined>;
  /** Latest version number of each published locale of a statement. */
  latestEditionVersions(statementId: string): Promise<Record<string, number>>;
  /** Stores a new version durably. Rejects with a 'conflict' DomainError when its number is not the next one. */
  addEditionVersion(version: EditionVersion): Promise<void>;
}

export interface DataVersion {
  /** A number that changes whenever any stored data changes (for caches of rendered pages). */
  dataVersion(): number;
}

export interface Store extends DataVersion, StatementStore, AccountStore, SettingsStore, AidsStore, EditionStore {
  close(): Promise<void>;
}
