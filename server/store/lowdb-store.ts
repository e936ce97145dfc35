// The default Store: JSON files under one data directory, written durably through lowdb.
//
//   <dataDir>/tandem.json            accounts, API tokens, setup token, locale settings, audit log
//   <dataDir>/statements/<id>.json   one statement and all its translations
//   <dataDir>/glossary.json          glossaries of every locale (from the first glossary edit on)
//   <dataDir>/sessions.json          browser sessions (session-store.ts)
//   <dataDir>/editions/<id>/<locale>/<n>.json   published edition versions, written once (edition-files.ts)
//   .../backups/                     the last few versions of each file
//
// data-files.ts lists the data files (what a backup copies); a new kind of file is added there.
// Every file is read at open: an unusable one makes openStore reject with a StoreFileError that
// names it, and the file is left as it is. Getters return copies; writes resolve once durable.
import { join, resolve } from 'node:path';
import { entryOf } from './data-files.js';
import { makeDataDirectory, type DurableJsonFileOptions } from './durable-json-file.js';
import type { Store } from './interface.js';
import { openEditionFiles } from './edition-files.js';
import { openGlossaryFile } from './glossary-file.js';
import { openSettingsFile } from './settings-file.js';
import { openStatementFiles } from './statement-files.js';
import { changesSoFar } from './write-queue.js';

export { StoreFileError } from './durable-json-file.js';

/** Tuning and instrumentation; production code passes none. */
export type OpenStoreOptions = DurableJsonFileOptions;

export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<Store> {
  const dir = resolve(dataDir);
  await makeDataDirectory(dir);
  // Statements first: if one is unusable, nothing has been written, not even a new tandem.json.
  const statements = await openStatementFiles(join(dir, entryOf('statement')), options);
  const glossaries = await openGlossaryFile(join(dir, entryOf('glossary')), options); // written by the first edit only
  const editions = await openEditionFiles(join(dir, entryOf('edition'))); // read only until a publish
  const settings = await openSettingsFile(join(dir, entryOf('settings')), options);
  return {
    ...editions,
    ...statements,
    ...settings,
    ...glossaries,
    dataVersion: changesSoFar,
    async close() {
      await Promise.all([statements.close(), settings.close(), glossaries.close()]);
    },
  };
}
