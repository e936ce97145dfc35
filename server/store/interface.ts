// The storage contract the services rely on. Implementations: JSON files under lowdb (the
// default, lowdb-store.ts); a second one (PostgreSQL) must pass the same contract tests
// (test/store/store-contract.ts) unchanged.
//
// What the contract promises:
// - Durable on acknowledgement: a write resolves only once it survives a crash; one that rejects
//   left nothing behind.
// - Atomic: each write call is all or nothing, for every reader, before and after a crash:
//   `commitTranslation` (the compare of the expected revision and the change, current value and
//   history entry together), `replaceStatement` (the statement with the translations it changed),
//   `createStatement`, `createAccount`, `updateAccount`, `updateGlossary` (a whole glossary).
// - Read your writes: once a write has resolved, every read of this store sees it. A change may
//   be seen by readers a moment before it is acknowledged (it is then undone if it fails).
// - Immutable values: what a read returns is never changed afterwards, and must not be changed
//   by the caller (the default store hands out frozen, shared objects; another may hand copies).
// - Eventually consistent: the change counters (ChangeCounters) grow no earlier than the change
//   they count is visible, and may grow later; caches keyed by them may serve an older page a
//   moment after a change, never an older page forever.
// - History apart: reading current translations never reads history; `translationHistory` is
//   the only read of it.
import type { EditionVersion } from '../domain/edition-version.js';
import type { GlossaryEntry } from '../domain/glossary.js';
import type { Account, AuditEntry, HistoryEntry, LocaleSetting, Statement, Translation, TranslationChange } from '../domain/types.js';

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
  listStatements(): Promise<readonly Statement[]>;
  getStatement(id: string): Promise<Statement | undefined>;
  /** Creates the statement, with no translations. Rejects with DomainError 'duplicate' when the id exists. */
  createStatement(statement: Statement): Promise<void>;
  /**
   * Replaces a statement (a new source revision, or its archived flag) together with the
   * translations it changed, in one atomic change: a reader sees all of it or none of it, before
   * and after a crash. With `expected`, rejects with DomainError('conflict') and writes nothing
   * when the stored statement's source revision or one of those translations' revisions (0: none
   * yet) differs: someone changed them meanwhile (compared atomically with the change).
   */
  replaceStatement(statement: Statement, changes: readonly TranslationChange[], expected?: ReplaceExpectation): Promise<void>;
  /** Current translations of a statement into one locale, in segment order. Never reads history. */
  listTranslations(statementId: string, locale: string): Promise<readonly Translation[]>;
  /** Current translations of a statement, every locale (locales by tag, then segment order). */
  listAllTranslations(statementId: string): Promise<readonly Translation[]>;
  getTranslation(statementId: string, locale: string, segmentId: string): Promise<Translation | undefined>;
  /** Every history entry of one translation, oldest first (the history use cases only: it may cost a read of the history). */
  translationHistory(statementId: string, locale: string, segmentId: string): Promise<readonly HistoryEntry[]>;
  /**
   * Stores a decided change of one translation, atomically with the comparison: when the stored
   * revision (0 for none) is not `expectedRevision`, rejects with DomainError 'conflict' carrying
   * the current translation, and stores nothing. The store applies no other rule. Resolves once
   * the change is durable; a change that could not be made durable is undone and rejects (a full
   * disk rejects with the file system's error, `code` 'ENOSPC').
   */
  commitTranslation(statementId: string, change: TranslationChange, expectedRevision: number): Promise<Translation>;
}

export interface AccountStore {
  listAccounts(): Promise<readonly Account[]>;
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
  listLocales(): Promise<readonly LocaleSetting[]>;
  /** Adds or replaces a locale setting. */
  putLocale(locale: LocaleSetting): Promise<void>;
  /** Appends to the audit log of administrative actions (the oldest entries go past a cap). */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** The audit log, oldest first. */
  listAudit(): Promise<readonly AuditEntry[]>;
}

// --- Translator aids (glossary, translation memory): kept in this block of their own. ---
export interface AidsStore {
  /** The glossary of a locale, in the order it was kept. */
  listGlossary(locale: string): Promise<readonly GlossaryEntry[]>;
  /**
   * Atomic read-modify-write of a locale's whole glossary (one edit, or a CSV import at once).
   * When `update` throws, nothing is written and the error propagates. Resolves once durable.
   */
  updateGlossary(locale: string, update: (entries: GlossaryEntry[]) => GlossaryEntry[]): Promise<GlossaryEntry[]>;
}

/**
 * Change counters, for caches of what is built from stored data. Each grows (never goes back)
 * when what it is named after may have changed, and only then: sessions, tokens and account
 * changes other than credits change none of them. Read synchronously: a counter is a cheap "has this changed since?" and may be eventually
 * consistent (it may grow a little later than the change is visible, never before it is).
 */
export interface ChangeCounters {
  /** The statement's source or any of its translations. */
  statementVersion(statementId: string): number;
  /** A locale's settings (enabled, name, self-review); `undefined` for the list of locales itself. */
  localeVersion(locale?: string): number;
  /** A locale's glossary. */
  glossaryVersion(locale: string): number;
  /** Public credits: an account's pseudonym, or whether it is disabled (editions list opted-in pseudonyms). */
  creditsVersion(): number;
  /** Everything readers see: any statement, translation, locale setting, glossary or credit. */
  contentVersion(): number;
  /**
   * Grows when approved translations may have changed other than through `commitTranslation` (a
   * new source revision), so a memory index kept up to date commit by commit knows to rebuild.
   */
  approvedRevision(): number;
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

export interface Store extends ChangeCounters, StatementStore, AccountStore, SettingsStore, AidsStore, EditionStore {
  close(): Promise<void>;
}
