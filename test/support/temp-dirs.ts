// Temporary directories for one test file, removed when its tests are done (after closing what
// still has files open in them).
import { afterAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];
const closers = new Set<() => Promise<void>>();

/** A new directory under the system's temporary folder, removed after the test file. */
export function temporaryDir(prefix = 'tandem-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Something to close before the directories go (a store a test forgot to close). */
export function closeBeforeRemoving(close: () => Promise<void>): () => void {
  closers.add(close);
  return () => closers.delete(close);
}

afterAll(async () => {
  for (const close of [...closers]) await close();
  closers.clear();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
