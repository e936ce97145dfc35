// An append-only journal of JSON lines with group commit: every record is one line, and records
// appended while a write is in flight share the next write and its one fsync. `append` resolves
// only once its line is on disk (written and fdatasync'd).
//
// When a write fails (a full disk, an I/O error), the file is cut back to its last durable length,
// and the failed records and those queued behind them reject with the error (a full disk as
// DomainError storage_full), in order, so a
// caller can undo what it applied in memory. Nothing of a failed write stays in the file.
import { open, type FileHandle } from 'node:fs/promises';
import { asStorageError, NODE_FILE_WRITING, StoreFileError, type FileWriting } from './durable-json-file.js';

interface Pending {
  text: string;
  /** Undoes, in memory, what the record changed; run synchronously when its write fails. */
  undo: (() => void) | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface JournalPosition {
  /** Bytes of the file that are durable. */
  bytes: number;
  /** Lines in those bytes. */
  lines: number;
}

export class Journal {
  private handle: FileHandle | undefined;
  private queue: Pending[] = [];
  private writing = false;
  private closed = false;
  private broken: Error | undefined;
  private idle: Array<() => void> = [];
  private durable: JournalPosition;

  constructor(
    readonly path: string,
    start: JournalPosition,
    private readonly hooks: {
      /** Called with each failed batch's error after the undos and before the callers reject. */
      onFailure?: (error: unknown) => void;
      /** Called after each fsync (instrumentation). */
      onSync?: (path: string) => void;
      /** The calls that open the file (tests inject a full disk here). */
      files?: FileWriting;
    } = {},
  ) {
    this.durable = { ...start };
  }

  get position(): JournalPosition {
    return { ...this.durable };
  }

  /** Appends one record (one line). Resolves once the line is durable. */
  append(record: unknown, undo?: () => void): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The store is closed.'));
    if (this.broken) return Promise.reject(this.broken);
    const text = `${JSON.stringify(record)}\n`;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ text, undo, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        // A microtask, so that records appended in the same tick share the first write.
        queueMicrotask(() => void this.writeQueued());
      }
    });
  }

  /** Waits for the writes asked for, then refuses further records and closes the file. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.writing) await new Promise<void>((resolve) => this.idle.push(resolve));
    await this.handle?.close();
    this.handle = undefined;
  }

  private async writeQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      const bytes = Buffer.from(batch.map((p) => p.text).join(''), 'utf8');
      try {
        this.handle ??= await (this.hooks.files ?? NODE_FILE_WRITING).open(this.path, 'a', 0o600);
        await this.handle.write(bytes, 0, bytes.length);
        await this.handle.datasync();
        this.hooks.onSync?.(this.path);
      } catch (error) {
        await this.cutBack(error);
        const failed = [...batch, ...this.queue.splice(0)].reverse();
        // Later records first, each undo seeing the state its change was built on; all before any
        // other code runs, so nothing new is built on an undone change.
        for (const pending of failed) pending.undo?.();
        this.hooks.onFailure?.(error);
        // A full disk is answered as such (507 storage_full): the change was not kept.
        const refusal = asStorageError(error);
        for (const pending of failed) pending.reject(refusal);
        continue;
      }
      this.durable = { bytes: this.durable.bytes + bytes.length, lines: this.durable.lines + batch.length };
      for (const pending of batch) pending.resolve();
    }
    this.writing = false;
    for (const callback of this.idle.splice(0)) callback();
  }

  /** Removes whatever part of a failed write reached the file; if that fails too, refuses every later write. */
  private async cutBack(error: unknown): Promise<void> {
    try {
      this.handle ??= await (this.hooks.files ?? NODE_FILE_WRITING).open(this.path, 'a', 0o600);
      await this.handle.truncate(this.durable.bytes);
      await this.handle.datasync();
    } catch {
      this.broken = new StoreFileError(this.path, `could not be cut back after a failed write (${describe(error)}); restart the server`);
    }
  }
}

export interface ReadJournal<R> {
  /** Records after `from`, in order. */
  records: R[];
  /** The position after the last whole line. */
  end: JournalPosition;
  /** A last line without its newline (a write cut short by a crash), left out; undefined when none. */
  torn: { line: number; bytes: number } | undefined;
}

/**
 * Reads the journal from a position. A line that is not a valid record stops with a StoreFileError
 * naming the file and the line; only a last line cut short (no final newline) is skipped.
 */
export async function readJournal<R>(path: string, from: JournalPosition, parse: (value: unknown) => R | string): Promise<ReadJournal<R>> {
  let buffer: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size < from.bytes) {
        throw new StoreFileError(path, `is shorter (${size} bytes) than the ${from.bytes} bytes its snapshot has already folded in`);
      }
      buffer = Buffer.alloc(size - from.bytes);
      await handle.read(buffer, 0, buffer.length, from.bytes);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      if (error instanceof StoreFileError) throw error;
      throw new StoreFileError(path, `cannot be read: ${describe(error)}`);
    }
    if (from.bytes > 0) throw new StoreFileError(path, `is missing, but its snapshot has folded in ${from.bytes} bytes of it`);
    return { records: [], end: { ...from }, torn: undefined };
  }
  const records: R[] = [];
  let offset = 0;
  let line = from.lines;
  while (offset < buffer.length) {
    const newline = buffer.indexOf(0x0a, offset);
    if (newline < 0) {
      return { records, end: { bytes: from.bytes + offset, lines: line }, torn: { line: line + 1, bytes: buffer.length - offset } };
    }
    line += 1;
    const text = buffer.toString('utf8', offset, newline);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new StoreFileError(path, `line ${line} is not valid JSON: ${describe(error)}`);
    }
    const record = parse(value);
    if (typeof record === 'string') throw new StoreFileError(path, `line ${line} ${record}`);
    records.push(record);
    offset = newline + 1;
  }
  return { records, end: { bytes: from.bytes + offset, lines: line }, torn: undefined };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
