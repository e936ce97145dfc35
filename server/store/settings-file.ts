// Accounts, API tokens, the setup token and locale settings: one small JSON file (tandem.json).
import { DomainError } from '../domain/errors.js';
import type { Account, AuditEntry, LocaleSetting } from '../domain/types.js';
import type { DurableJsonFileOptions } from './durable-json-file.js';
import type { AccountStore, ApiToken, SettingsStore, SetupToken } from './interface.js';
import { deepFreeze } from './frozen.js';
import { schemaProblem, settingsFileSchema } from './file-schemas.js';
import { openJsonDocument } from './write-queue.js';

export interface SettingsFile {
  /** Format of this file, for a future migration. */
  version: 1;
  accounts: Account[];
  tokens: ApiToken[];
  setupToken: SetupToken | null;
  locales: LocaleSetting[];
  /** Administrative actions, oldest first (absent in files written before the audit log existed). */
  audit?: AuditEntry[];
}

/** The audit log keeps this many entries, so the settings file stays small. */
export const AUDIT_LOG_CAP = 5000;

/** The locales enabled when Tandem starts on an empty data directory. */
export const DEFAULT_LOCALES: LocaleSetting[] = [{ tag: 'my' }, { tag: 'km' }, { tag: 'th' }];

export async function openSettingsFile(path: string, options: DurableJsonFileOptions): Promise<AccountStore & SettingsStore & { close(): Promise<void> }> {
  const defaults: SettingsFile = { version: 1, accounts: [], tokens: [], setupToken: null, locales: structuredClone(DEFAULT_LOCALES) };
  const document = await openJsonDocument<SettingsFile>(path, defaults, { ...options, check: checkSettingsFile });
  const accounts = () => document.data.accounts;

  return {
    async listAccounts() {
      return frozenList(accounts());
    },

    async getAccount(id) {
      const account = accounts().find((a) => a.id === id);
      return account && deepFreeze(account);
    },

    async findAccountByName(name) {
      const key = nameKey(name);
      const account = accounts().find((a) => nameKey(a.name) === key);
      return account && deepFreeze(account);
    },

    async createAccount(account) {
      const copy = structuredClone(account);
      await document.update((data) => {
        if (data.accounts.some((a) => a.id === copy.id || nameKey(a.name) === nameKey(copy.name))) {
          throw new DomainError('duplicate', 'duplicate', { account: copy.name });
        }
        data.accounts.push(copy);
      });
    },

    updateAccount(id, update) {
      return document.update((data) => {
        const index = data.accounts.findIndex((a) => a.id === id);
        if (index < 0) throw new DomainError('not_found', 'not_found', { account: id });
        const next = structuredClone(update(structuredClone(data.accounts[index]!)));
        if (next.id !== id) throw new DomainError('invalid_input', 'invalid_input', { account: id });
        if (data.accounts.some((a) => a.id !== id && nameKey(a.name) === nameKey(next.name))) {
          throw new DomainError('duplicate', 'duplicate', { account: next.name });
        }
        data.accounts[index] = next;
        return deepFreeze(next);
      });
    },

    async addToken(token) {
      const copy = structuredClone(token);
      await document.update((data) => {
        if (data.tokens.some((t) => t.hash === copy.hash)) throw new DomainError('duplicate', 'duplicate', {});
        data.tokens.push(copy);
      });
    },

    async findToken(hash) {
      const token = document.data.tokens.find((t) => t.hash === hash);
      return token && deepFreeze(token);
    },

    async removeTokens(accountId) {
      await document.update((data) => {
        data.tokens = data.tokens.filter((t) => t.accountId !== accountId);
      });
    },

    async getSetupToken() {
      const token = document.data.setupToken;
      return token ? deepFreeze(token) : undefined;
    },

    async setSetupToken(token) {
      const copy = token ? structuredClone(token) : null;
      await document.update((data) => {
        data.setupToken = copy;
      });
    },

    async listLocales() {
      return frozenList(document.data.locales);
    },

    async putLocale(locale) {
      const copy = structuredClone(locale);
      await document.update((data) => {
        // BCP 47 tags are case-insensitive: `my-MM` and `my-mm` are one locale.
        const index = data.locales.findIndex((l) => l.tag.toLowerCase() === copy.tag.toLowerCase());
        if (index < 0) data.locales.push(copy);
        else data.locales[index] = copy;
      });
    },

    async appendAudit(entry) {
      const copy = structuredClone(entry);
      await document.update((data) => {
        const audit = (data.audit ??= []);
        audit.push(copy);
        if (audit.length > AUDIT_LOG_CAP) audit.splice(0, audit.length - AUDIT_LOG_CAP);
      });
    },

    async listAudit() {
      return frozenList(document.data.audit ?? []);
    },

    close: () => document.close(),
  };
}

/**
 * A frozen copy of a list whose elements are frozen in place and shared: records in this file are
 * replaced by updates, never changed in place, so only the list itself is copied.
 */
function frozenList<T>(list: readonly T[]): readonly T[] {
  return Object.freeze(list.map((item) => deepFreeze(item)));
}

/** Names are unique regardless of case and of Unicode normalisation form. */
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function checkSettingsFile(data: SettingsFile): string | undefined {
  return schemaProblem(settingsFileSchema, data);
}
