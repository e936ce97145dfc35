// The default Store: JSON files under one data directory, written durably through lowdb.
//
//   <dataDir>/tandem.json                       accounts, API tokens, setup token, locale settings, audit log
//   <dataDir>/statements/<id>.json              snapshot of one statement and its current translations
//   <dataDir>/statements/<id>.journal.jsonl     every change of that statement since it exists (statement-files.ts)
//   <dataDir>/glossary.json                     glossaries of every locale (from the first glossary edit on)
//   <dataDir>/sessions.json                     browser sessions (session-store.ts)
//   <dataDir>/editions/<id>/<locale>/<n>.json   published edition versions, written once (edition-files.ts)
//   .../backups/                                the last few versions of each JSON file
//
// data-files.ts lists the data files (what a backup copies); a new kind of file is added there.
// Every file is read at open: an unusable one makes openStore reject with a StoreFileError that
// names it, and the file is left as it is. Reads return frozen shared values; writes resolve once durable.
import { join, resolve } from 'node:path';
import { entryOf } from './data-files.js';
import { makeDataDirectory } from './durable-json-file.js';
import type { ChangeCounters, Store } from './interface.js';
import { openEditionFiles } from './edition-files.js';
import { openGlossaryFile } from './glossary-file.js';
import { openSettingsFile } from './settings-file.js';
import { openStatementFiles, type StatementFilesOptions } from './statement-files.js';

export { StoreFileError } from './durable-json-file.js';

/** Tuning and instrumentation; production code passes none. */
export type OpenStoreOptions = StatementFilesOptions;

export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<Store> {
  const dir = resolve(dataDir);
  await makeDataDirectory(dir);
  // Statements first: if one is unusable, nothing has been written, not even a new tandem.json.
  const statements = await openStatementFiles(join(dir, entryOf('statement')), options);
  const glossaries = await openGlossaryFile(join(dir, entryOf('glossary')), options); // written by the first edit only
  const editions = await openEditionFiles(join(dir, entryOf('edition'))); // read only until a publish
  const settings = await openSettingsFile(join(dir, entryOf('settings')), options);
  const localeVersions = new Counters();
  const glossaryVersions = new Counters();
  /** Public credits (pseudonyms of accounts that opted in) appear on editions. */
  let credits = 0;

  const counters: ChangeCounters = {
    statementVersion: (id) => statements.statementVersion(id),
    localeVersion: (locale) => localeVersions.get(locale ?? ''),
    glossaryVersion: (locale) => glossaryVersions.get(locale),
    creditsVersion: () => credits,
    contentVersion: () => statements.statementsVersion() + localeVersions.total + glossaryVersions.total + credits,
    approvedRevision: () => statements.approvedRevision(),
  };
  return {
    ...editions,
    ...statements,
    ...settings,
    ...glossaries,
    ...counters,
    putLocale(locale) {
      // The write applies in memory when called: count it then (visible), and again once settled (undone or not).
      const done = settings.putLocale(locale);
      localeVersions.bump(locale.tag, '');
      return done.finally(() => localeVersions.bump(locale.tag, ''));
    },
    updateAccount(id, update) {
      let changed = false;
      const done = settings.updateAccount(id, (current) => {
        const next = update(current);
        changed = next.creditAs !== current.creditAs || next.disabled !== current.disabled;
        return next;
      });
      if (changed) credits += 1;
      return done.finally(() => changed && (credits += 1));
    },
    updateGlossary(locale, update) {
      const done = glossaries.updateGlossary(locale, update);
      glossaryVersions.bump(locale);
      return done.finally(() => glossaryVersions.bump(locale));
    },
    async close() {
      await Promise.all([statements.close(), settings.close(), glossaries.close()]);
    },
  };
}

/** Counters by key, with their total. */
class Counters {
  private readonly byKey = new Map<string, number>();
  total = 0;

  get(key: string): number {
    return this.byKey.get(key) ?? 0;
  }

  bump(...keys: string[]): void {
    for (const key of keys) this.byKey.set(key, this.get(key) + 1);
    this.total += 1;
  }
}
