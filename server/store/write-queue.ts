// One writer per file, and concurrent changes share one write.
//
// A change is applied to the in-memory data synchronously, so a read-modify-write cannot
// interleave with another change in this single Node process. The caller then waits for the next
// durable write that includes its change. While a write is in flight, later changes wait
// together for the following write (coalescing): 200 saves cost a handful of writes, not 200.
//
// When a write fails, the in-memory data goes back to the last durable version (kept as the text
// that was written) and every caller whose change is thereby undone rejects with the error: the
// callers of the failed write and those already waiting for the next one. A rejected change is
// never visible afterwards. Readers see a change as soon as it is applied, before it is durable
// (a crash may still lose it): what is promised is that an acknowledged change survives, which
// the crash test (test/durability/crash.test.ts) checks by killing the server. (If the rename
// succeeded but the directory fsync then failed, the change may be on disk although its caller
// was told it failed; as with a database commit that times out, the outcome is unknown, and the
// next successful write replaces it.)
import { Low } from 'lowdb';
import { DurableJsonFile, serializeJson, type DurableJsonFileOptions } from './durable-json-file.js';

export interface TextWriter {
  writeText(text: string): Promise<void>;
}

interface Batch {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class WriteQueue<T> {
  private durableText: string;
  /** Changes applied in memory and not yet part of a write. */
  private waiting: Batch | undefined;
  /** A write is scheduled or running. */
  private busy = false;
  private closed = false;
  private idleCallbacks: Array<() => void> = [];

  /** `holder.data` is the in-memory document; it must be on disk as it is now (read or new and written first). */
  constructor(
    private readonly holder: { data: T },
    private readonly writer: TextWriter,
  ) {
    this.durableText = serializeJson(holder.data);
  }

  /**
   * Runs `change` on the data now and resolves with its result once a write that includes it is
   * durable. `change` must not throw after modifying the data: a throw only rejects this call.
   */
  update<R>(change: (data: T) => R): Promise<R> {
    if (this.closed) return Promise.reject(new Error('The store is closed.'));
    let result: R;
    try {
      result = change(this.holder.data);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.nextWrite().then(() => result);
  }

  /** Waits for the writes already asked for, then refuses further changes. */
  close(): Promise<void> {
    this.closed = true;
    return this.busy ? new Promise((resolve) => this.idleCallbacks.push(resolve)) : Promise.resolve();
  }

  private nextWrite(): Promise<void> {
    if (!this.waiting) {
      this.waiting = batch();
      if (!this.busy) {
        this.busy = true;
        // A microtask, so that changes made in the same tick (a loop of saves) share the first write.
        queueMicrotask(() => this.writeWaiting());
      }
    }
    return this.waiting.promise;
  }

  private writeWaiting(): void {
    const current = this.waiting;
    this.waiting = undefined;
    if (!current) return this.becomeIdle();
    let text: string;
    try {
      text = serializeJson(this.holder.data);
    } catch (error) {
      this.fail(current, error);
      return this.becomeIdle();
    }
    this.writer.writeText(text).then(
      () => {
        this.durableText = text;
        current.resolve();
        this.writeWaiting();
      },
      (error: unknown) => {
        this.fail(current, error);
        this.becomeIdle();
      },
    );
  }

  private fail(failed: Batch, error: unknown): void {
    this.holder.data = JSON.parse(this.durableText) as T;
    failed.reject(error);
    this.waiting?.reject(error);
    this.waiting = undefined;
  }

  private becomeIdle(): void {
    this.busy = false;
    for (const callback of this.idleCallbacks.splice(0)) callback();
  }
}

function batch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** One JSON file: its in-memory data, changed only through `update`. */
export interface JsonDocument<T> {
  readonly path: string;
  /** The live data: read it, never change it outside `update`, and copy what leaves the store. */
  readonly data: T;
  update<R>(change: (data: T) => R): Promise<R>;
  close(): Promise<void>;
}

/**
 * Reads the file and returns it with its writer. A missing file gives `defaults`, which are
 * written at once so that the file exists from then on; with no defaults it must exist. Rejects
 * with a StoreFileError when the file is unusable or `check` finds the data malformed (`check`
 * returns the reason, worded to follow the path).
 */
export async function openJsonDocument<T extends object>(
  path: string,
  defaults: T | undefined,
  options: DurableJsonFileOptions & { check?: (data: T) => string | undefined } = {},
): Promise<JsonDocument<T>> {
  const file = new DurableJsonFile<T>(path, options);
  const stored = await file.read();
  if (!stored && !defaults) throw file.refuse('has disappeared while the store was opening');
  const db = new Low<T>(file, (stored ?? defaults)!);
  const problem = options.check?.(db.data);
  if (problem) throw file.refuse(problem);
  const document = documentOf(db, file);
  if (!stored) await document.update(() => undefined);
  return document;
}

/** A document for a file that does not exist yet; nothing is on disk until the first update. */
export function newJsonDocument<T extends object>(path: string, data: T, options: DurableJsonFileOptions = {}): JsonDocument<T> {
  const file = new DurableJsonFile<T>(path, options);
  return documentOf(new Low<T>(file, data), file);
}

function documentOf<T extends object>(db: Low<T>, file: DurableJsonFile<T>): JsonDocument<T> {
  const queue = new WriteQueue<T>(db, file);
  return {
    path: file.path,
    get data() {
      return db.data;
    },
    update: (change) => queue.update(change),
    close: () => queue.close(),
  };
}
