// Edition versions: immutable records, one JSON file each, written once and never rewritten.
//
//   <dataDir>/editions/<statement id>/<locale>/<version>.json
//
// All are read at open (an unusable file stops the store with its path, as for statements) and
// kept in memory frozen: readers share the same objects. A new version is durable (temp file,
// fsync, rename, directory fsync) before `addEditionVersion` resolves.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EditionVersion } from '../domain/edition-version.js';
import { DomainError } from '../domain/errors.js';
import { DurableJsonFile, StoreFileError } from './durable-json-file.js';
import type { EditionStore } from './interface.js';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;
const VERSION_FILE = /^([1-9][0-9]{0,8})\.json$/;

export async function openEditionFiles(dir: string): Promise<EditionStore> {
  /** statement id -> locale -> versions, oldest first (index = version - 1). */
  const editions = new Map<string, Map<string, EditionVersion[]>>();
  for (const sid of await directories(dir)) {
    for (const locale of await directories(join(dir, sid))) {
      const files = (await readdir(join(dir, sid, locale))).filter((n) => VERSION_FILE.test(n));
      const versions: EditionVersion[] = [];
      for (const name of files) {
        const path = join(dir, sid, locale, name);
        versions.push(checkVersion(path, await readJson(path), sid, locale, Number(VERSION_FILE.exec(name)![1])));
      }
      versions.sort((a, b) => a.version - b.version);
      versions.forEach((v, i) => {
        if (v.version !== i + 1) throw new StoreFileError(join(dir, sid, locale), `lacks version ${i + 1} of the edition`);
      });
      if (versions.length > 0) tableOf(editions, sid).set(locale, versions);
    }
  }
  /** Publishes of one edition run one after another, so two cannot take the same number. */
  let writing: Promise<unknown> = Promise.resolve();

  return {
    async listEditionVersions(statementId, locale) {
      return editions.get(statementId)?.get(locale) ?? [];
    },
    async getEditionVersion(statementId, locale, version) {
      return editions.get(statementId)?.get(locale)?.[version - 1];
    },
    async latestEditionVersions(statementId) {
      const table = editions.get(statementId);
      return Object.fromEntries([...(table ?? new Map<string, EditionVersion[]>())].map(([locale, versions]) => [locale, versions.length]));
    },
    addEditionVersion(version) {
      const add = async () => {
        if (!SEGMENT.test(version.statementId) || !SEGMENT.test(version.locale)) {
          throw new DomainError('invalid_input', 'invalid_input', { locale: version.locale });
        }
        const versions = tableOf(editions, version.statementId).get(version.locale) ?? [];
        if (version.version !== versions.length + 1) {
          throw new DomainError('conflict', 'publishing.version_taken', { version: version.version });
        }
        const frozen = deepFreeze(structuredClone(version));
        const file = new DurableJsonFile<EditionVersion>(join(dir, version.statementId, version.locale, `${version.version}.json`), { backups: 0 });
        await file.write(frozen);
        versions.push(frozen);
        tableOf(editions, version.statementId).set(version.locale, versions);
      };
      const done = writing.then(add);
      writing = done.catch(() => undefined);
      return done;
    },
  };
}

function tableOf(editions: Map<string, Map<string, EditionVersion[]>>, sid: string): Map<string, EditionVersion[]> {
  let table = editions.get(sid);
  if (!table) editions.set(sid, (table = new Map<string, EditionVersion[]>()));
  return table;
}

async function directories(dir: string): Promise<string[]> {
  try {
    if (!(await stat(dir)).isDirectory()) return [];
  } catch {
    return [];
  }
  return (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && SEGMENT.test(e.name))
    .map((e) => e.name)
    .sort();
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new StoreFileError(path, `cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StoreFileError(path, `is not valid JSON: ${(error as Error).message}`);
  }
}

function checkVersion(path: string, data: unknown, sid: string, locale: string, version: number): EditionVersion {
  const v = data as Partial<EditionVersion> | null;
  if (!v || typeof v !== 'object' || !Array.isArray(v.segments))
    throw new StoreFileError(path, 'does not hold an edition version ("segments" is missing)');
  if (v.statementId !== sid || v.locale !== locale || v.version !== version) {
    throw new StoreFileError(path, `holds ${String(v.statementId)}/${String(v.locale)} version ${String(v.version)}, not what its path says`);
  }
  return deepFreeze(v as EditionVersion);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
