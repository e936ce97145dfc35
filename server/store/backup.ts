// Backup and restore of a data directory (`npm run tandem -- backup DIR` / `restore DIR`).
//
// A backup holds every data file (the list in data-files.ts: tandem.json, glossary.json,
// statements/*.json and their journals statements/*.journal.jsonl) byte for byte, plus a manifest
// (backup.json) with each file's size and SHA-256, written last: a directory without it is not a
// finished backup. It may run while the server runs: the server replaces each file by a rename,
// so every file read is one complete version. Sessions and the session secret are left out: they
// are credentials, and a restore logs everybody out anyway.
//
// A restore checks everything before it replaces anything: the manifest, each file's hash, and
// each file's content, by opening a copy of the backup as a store (the checks the server applies
// at start) plus a few of its own on records. It takes the data-directory lock, so it refuses
// while the server runs. The files it replaces (and sessions.json) go to pre-restore-<time>/.
// A marker file is kept while files are swapped; if the swap is interrupted, the server and the
// other commands refuse to start until the restore is run again.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { STATUSES } from '../domain/types.js';
import { lockDataDir } from './data-lock.js';
import { DurableJsonFile, makeDirectoryDurably, serializeJson, StoreFileError, syncDirectory } from './durable-json-file.js';
import { DATA_ENTRIES, dataFileKind, listDataFiles } from './data-files.js';
import { openStore } from './lowdb-store.js';

export const MANIFEST = 'backup.json';
export const RESTORE_MARKER = 'restore-in-progress.json';
const SETTINGS = 'tandem.json';
const STATEMENTS = 'statements';
const SESSIONS = 'sessions.json';
const EDITIONS = 'editions';

/** A backup or restore that cannot be done; the message says why and names the file. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

interface ManifestEntry {
  /** Relative to the backup directory, with `/`. */
  path: string;
  bytes: number;
  sha256: string;
}

interface Manifest {
  format: 'tandem-backup';
  version: 1;
  createdAt: string;
  files: ManifestEntry[];
}

/** Refuses to work on a data directory whose last restore did not finish. */
export function assertNoUnfinishedRestore(dataDir: string): void {
  const marker = join(dataDir, RESTORE_MARKER);
  if (existsSync(marker)) {
    throw new BackupError(`${marker} exists: a restore into ${dataDir} did not finish. Run "npm run tandem -- restore DIR" again with the same backup.`);
  }
}

/** The data files of a directory (data-files.ts): tandem.json first. */
const dataFiles = listDataFiles;

const isJournal = (file: string) => dataFileKind(file)?.kind === 'journal';

/** A journal as far as its last whole line: a line being appended while the copy is made is not acknowledged yet. */
function wholeLines(bytes: Buffer): Buffer {
  return bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const onDisk = (dir: string, file: string) => join(dir, ...file.split('/'));

export async function backupDataDir(dataDir: string, targetDir: string, now: Date): Promise<{ files: string[] }> {
  const data = resolve(dataDir);
  const target = resolve(targetDir);
  assertNoUnfinishedRestore(data);
  const present = await readdir(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  if (present.length > 0) throw new BackupError(`${target} is not empty: a backup goes into a new or empty directory.`);
  const files = await dataFiles(data);
  if (!files.includes(SETTINGS)) throw new BackupError(`${data} holds no ${SETTINGS}: it is not a Tandem data directory.`);

  // Read and check everything first: a backup of a file the server could not read is no backup.
  const contents = new Map<string, Buffer>();
  for (const file of files) {
    const read = await readFile(onDisk(data, file));
    const bytes = isJournal(file) ? wholeLines(read) : read;
    if (!isJournal(file)) parseJson(onDisk(data, file), bytes);
    contents.set(file, bytes);
  }
  for (const [file, bytes] of contents) await writeDurably(onDisk(target, file), bytes);
  await checkAsStore(target, target);
  const manifest: Manifest = {
    format: 'tandem-backup',
    version: 1,
    createdAt: now.toISOString(),
    files: files.map((file) => ({ path: file, bytes: contents.get(file)!.length, sha256: sha256(contents.get(file)!) })),
  };
  await writeDurably(join(target, MANIFEST), Buffer.from(serializeJson(manifest)));
  return { files };
}

export async function restoreDataDir(dataDir: string, sourceDir: string, now: Date): Promise<{ files: string[]; setAside: string }> {
  const data = resolve(dataDir);
  const source = resolve(sourceDir);
  const manifest = await readManifest(source);
  const contents = new Map<string, Buffer>();
  for (const entry of manifest.files) {
    const path = onDisk(source, entry.path);
    const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => {
      throw new BackupError(`${path} is listed in ${MANIFEST} but cannot be read: ${e.code ?? e.message}`);
    });
    if (bytes.length !== entry.bytes || sha256(bytes) !== entry.sha256) {
      throw new BackupError(`${path} differs from the copy the backup made (size or SHA-256 in ${MANIFEST}).`);
    }
    if (!isJournal(entry.path)) checkRecords(path, entry.path, parseJson(path, bytes)); // journals: checked line by line when opened as a store below
    contents.set(entry.path, bytes);
  }
  const unlisted = (await dataFiles(source)).filter((file) => !contents.has(file));
  if (unlisted.length > 0) throw new BackupError(`${onDisk(source, unlisted[0]!)} is not listed in ${MANIFEST}.`);

  await makeDirectoryDurably(data);
  const unlock = lockDataDir(data);
  try {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const staging = join(data, `.restore-${stamp}`);
    await cleanUpInterruptedRestore(data);
    for (const [file, bytes] of contents) await writeDurably(onDisk(staging, file), bytes);
    await makeDirectoryDurably(join(staging, STATEMENTS));
    await makeDirectoryDurably(join(staging, EDITIONS));
    // The server's own checks, on the staged copy: an error names the file in the backup.
    await checkAsStore(staging, source).catch(async (e: unknown) => {
      await rm(staging, { recursive: true, force: true });
      throw e;
    });

    const setAside = join(data, `pre-restore-${stamp}`);
    await writeDurably(join(data, RESTORE_MARKER), Buffer.from(serializeJson({ staging, setAside, startedAt: now.toISOString() })));
    await makeDirectoryDurably(setAside);
    for (const name of [...DATA_ENTRIES, SESSIONS]) {
      if (existsSync(join(data, name))) await rename(join(data, name), join(setAside, name));
    }
    await syncDirectory(setAside);
    for (const name of DATA_ENTRIES) {
      if (existsSync(join(staging, name))) await rename(join(staging, name), join(data, name));
    }
    await syncDirectory(data);
    await rm(join(data, RESTORE_MARKER));
    await rm(staging, { recursive: true, force: true });
    await syncDirectory(data);
    return { files: [...contents.keys()], setAside };
  } finally {
    unlock();
  }
}

/** A restore that stopped half-way left a staging copy; a new restore starts from scratch. */
async function cleanUpInterruptedRestore(data: string): Promise<void> {
  const marker = join(data, RESTORE_MARKER);
  if (!existsSync(marker)) return;
  const { staging } = JSON.parse(await readFile(marker, 'utf8')) as { staging?: string };
  // Only a staging directory inside the data directory, as a restore makes them.
  if (typeof staging === 'string' && dirname(resolve(staging)) === data && relative(data, staging).startsWith('.restore-')) {
    await rm(staging, { recursive: true, force: true });
  }
}

async function readManifest(source: string): Promise<Manifest> {
  const path = join(source, MANIFEST);
  const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw new BackupError(e.code === 'ENOENT' ? `${path} is missing: ${source} is not a finished backup.` : `${path} cannot be read: ${e.message}`);
  });
  const manifest = parseJson(path, bytes) as Partial<Manifest>;
  const files = Array.isArray(manifest.files) ? manifest.files : undefined;
  const wellFormed =
    manifest.format === 'tandem-backup' &&
    manifest.version === 1 &&
    files !== undefined &&
    files.every((f) => typeof f?.path === 'string' && dataFileKind(f.path) !== undefined && Number.isInteger(f.bytes) && typeof f.sha256 === 'string');
  if (!wellFormed) throw new BackupError(`${path} is not a Tandem backup manifest.`);
  if (!files.some((f) => f.path === SETTINGS)) throw new BackupError(`${path} lists no ${SETTINGS}.`);
  return manifest as Manifest;
}

function parseJson(path: string, bytes: Buffer): unknown {
  try {
    const data: unknown = JSON.parse(bytes.toString('utf8'));
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('not a JSON object');
    return data;
  } catch (e) {
    throw new StoreFileError(path, `is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Opens `dir` as a store (read only: every file exists) to apply the server's checks at start. */
async function checkAsStore(dir: string, reportAs: string): Promise<void> {
  try {
    const store = await openStore(dir, { backups: 0 });
    await store.close();
  } catch (e) {
    if (e instanceof StoreFileError) {
      const path = resolve(e.path);
      throw new StoreFileError(path.startsWith(dir + sep) ? join(reportAs, relative(dir, path)) : path, e.reason);
    }
    throw e;
  }
}

/** Record-level checks the store's open does not make: what a hand-edited backup could break. */
function checkRecords(path: string, file: string, data: unknown): void {
  const fail = (reason: string): never => {
    throw new StoreFileError(path, reason);
  };
  const record = data as Record<string, unknown>;
  if (file.startsWith(`${EDITIONS}/`)) {
    if (!Array.isArray(record.segments) || typeof record.version !== 'number') fail('does not hold an edition version');
    return;
  }
  if (file === SETTINGS) {
    const accounts = record.accounts;
    if (!Array.isArray(accounts)) return fail('does not hold the settings file\'s "accounts" list');
    accounts.forEach((a: Record<string, unknown> | null, i) => {
      if (typeof a?.id !== 'string' || typeof a.name !== 'string' || typeof a.passwordHash !== 'string') {
        fail(`holds account ${i + 1} without an id, a name or a password hash`);
      }
      if (!['admin', 'editor', 'translator'].includes(String(a!.role))) fail(`holds account ${i + 1} with an unknown role`);
    });
    return;
  }
  if (dataFileKind(file)?.kind !== 'statement') return;
  const translations = record.translations;
  if (typeof translations !== 'object' || translations === null) return fail('does not hold a "translations" object');
  for (const [locale, table] of Object.entries(translations)) {
    for (const [segmentId, t] of Object.entries((table ?? {}) as Record<string, Record<string, unknown> | null>)) {
      const ok =
        typeof t?.text === 'string' &&
        Number.isInteger(t.revision) &&
        (t.revision as number) >= 0 &&
        (STATUSES as readonly unknown[]).includes(t.status) &&
        (record.format === 2 || Array.isArray(t.history)); // files before journals held the history inside
      if (!ok) fail(`holds a malformed translation of ${segmentId} into ${locale}`);
    }
  }
}

/** Writes bytes as they are: temp file, fsync, rename, fsync of the directory. */
async function writeDurably(path: string, bytes: Buffer): Promise<void> {
  await new DurableJsonFile(path, { backups: 0 }).writeText(bytes);
  const written = await stat(path);
  if (written.size !== bytes.length) throw new BackupError(`${path} was not written completely.`);
}
