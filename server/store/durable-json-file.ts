// A lowdb adapter that writes a JSON file so that an acknowledged write survives a crash or a power
// cut (temp file, fsync, rename, fsync of the directory), keeps a few earlier versions as backups,
// and refuses to read (and so to overwrite) a file it does not understand.
import { chmod, copyFile, link, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Adapter } from 'lowdb';
import { DomainError } from '../domain/errors.js';

/** Data directories are their owner's only, like the files in them. */
export const DIRECTORY_MODE = 0o700;

/** The file-system calls that write a data file: tests pass failing ones (a full disk). */
export interface FileWriting {
  open: typeof open;
  rename: typeof rename;
}
export const NODE_FILE_WRITING: FileWriting = { open, rename };

/** Errors that mean the disk has no room: nothing was stored, and the caller is told so. */
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);

/** A full disk (ENOSPC, EDQUOT) as the refusal callers answer with (507 storage_full); any other error as it is. */
export function asStorageError(error: unknown): unknown {
  return NO_SPACE.has(errorCode(error) ?? '') ? new DomainError('storage_full', 'storage.full') : error;
}

/** A data file that cannot be used. The message names the file, so the operator can fix it. */
export class StoreFileError extends Error {
  constructor(
    readonly path: string,
    /** What is wrong, worded to follow the path: "is not valid JSON: ...". */
    readonly reason: string,
  ) {
    super(`${path} ${reason}`);
    this.name = 'StoreFileError';
  }
}

export interface DurableJsonFileOptions {
  /** How many earlier versions to keep in `<dir>/backups/`. */
  backups?: number;
  /** At most one backup per this many milliseconds, so a storm of saves keeps a useful history. */
  backupIntervalMs?: number;
  /** The clock used for backup names and the interval (tests pass their own). */
  now?: () => number;
  /** Called after each completed durable write (instrumentation for tests and benchmarks). */
  onWrite?: (path: string) => void;
  /** The calls that write files (tests inject a full disk here). */
  files?: FileWriting;
}

export class DurableJsonFile<T extends object> implements Adapter<T> {
  readonly path: string;
  private readonly backups: number;
  private readonly backupIntervalMs: number;
  private readonly now: () => number;
  private readonly onWrite: ((path: string) => void) | undefined;
  private readonly files: FileWriting;
  private lastBackupAt = Number.NEGATIVE_INFINITY;
  /** Set when the file could not be read: it must then never be overwritten. */
  private unreadable: StoreFileError | undefined;
  /** Writes run one after another even if a caller does not wait (one temp file per target). */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(path: string, options: DurableJsonFileOptions = {}) {
    this.path = resolve(path);
    this.backups = options.backups ?? 5;
    this.backupIntervalMs = options.backupIntervalMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.onWrite = options.onWrite;
    this.files = options.files ?? NODE_FILE_WRITING;
  }

  /** The parsed object, or null when the file does not exist (lowdb then keeps its defaults). */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw this.refuse(`cannot be read: ${errorMessage(error)}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw this.refuse(`is not valid JSON: ${errorMessage(error)}`);
    }
    // lowdb would silently replace `null` with the defaults, and the next write would lose the file.
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw this.refuse(`does not hold a JSON object (found ${data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data})`);
    }
    return data as T;
  }

  write(data: T): Promise<void> {
    return this.writeText(serializeJson(data));
  }

  /** Writes already serialised JSON (the write queue serialises once and keeps the text; a backup copies bytes). */
  writeText(text: string | Uint8Array, beforeRename?: () => Promise<void>): Promise<void> {
    const done = this.writing.then(() => this.replace(text, beforeRename));
    this.writing = done.catch(() => undefined);
    return done;
  }

  /** Marks the file as unusable (never to be overwritten) and returns the error to throw. */
  refuse(reason: string): StoreFileError {
    this.unreadable = new StoreFileError(this.path, reason);
    return this.unreadable;
  }

  private async replace(text: string | Uint8Array, beforeRename?: () => Promise<void>): Promise<void> {
    if (this.unreadable) throw this.unreadable;
    const dir = dirname(this.path);
    const temp = join(dir, `.${basename(this.path)}.tmp`);
    await makeDirectoryDurably(dir);
    try {
      // Owner-only: the files hold password and token hashes and session ids.
      const handle = await this.files.open(temp, 'w', 0o600);
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.backUpCurrent();
      await beforeRename?.();
      await this.files.rename(temp, this.path);
    } catch (error) {
      // A full disk (ENOSPC) or an I/O error: the data file is as it was; no half-written temporary file is left beside it.
      await unlink(temp).catch(() => undefined);
      throw asStorageError(error);
    }
    await syncDirectory(dir);
    this.onWrite?.(this.path);
  }

  /** Links the current version into backups/ (the rename that follows leaves that inode alone). */
  private async backUpCurrent(): Promise<void> {
    const now = this.now();
    if (this.backups <= 0 || now - this.lastBackupAt < this.backupIntervalMs) return;
    const dir = join(dirname(this.path), 'backups');
    const stem = basename(this.path, '.json');
    const target = join(dir, `${stem}.${backupStamp(now)}.json`);
    if (!(await exists(this.path))) return; // first write of a new file: nothing to keep yet
    await mkdir(dir, { recursive: true, mode: DIRECTORY_MODE });
    try {
      await link(this.path, target);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return; // same millisecond as an earlier backup (after a restart)
      await copyFile(this.path, target); // file systems without hard links
    }
    this.lastBackupAt = now;
    await this.prune(dir, stem);
  }

  private async prune(dir: string, stem: string): Promise<void> {
    const pattern = new RegExp(`^${escapeRegExp(stem)}\\.\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-\\d{3}Z\\.json$`);
    const names = (await readdir(dir)).filter((name) => pattern.test(name)).sort();
    for (const name of names.slice(0, Math.max(0, names.length - this.backups))) {
      await unlink(join(dir, name)).catch(() => undefined); // a stale backup is harmless
    }
  }
}

/** The on-disk form: indented by one space, so an operator can read and repair a file by hand. */
export function serializeJson(data: unknown): string {
  return `${JSON.stringify(data, null, 1)}\n`;
}

/** Creates `dir` if needed; a directory just created is only durable once its parent is synced. */
export async function makeDirectoryDurably(dir: string): Promise<void> {
  const first = await mkdir(dir, { recursive: true, mode: DIRECTORY_MODE });
  if (!first) return;
  for (let created = dir; ; created = dirname(created)) {
    await syncDirectory(dirname(created));
    if (created === first || dirname(created) === created) return;
  }
}

/** Creates a data directory (or makes an existing one, from an older release, 0700). */
export async function makeDataDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIRECTORY_MODE });
  await chmod(dir, DIRECTORY_MODE);
}

/** Makes a rename durable. Some platforms cannot open or sync a directory; nothing more to do there. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EINVAL', 'EPERM'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Sortable and valid in file names on every platform: 2022-01-04T10-00-00-000Z. */
function backupStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
