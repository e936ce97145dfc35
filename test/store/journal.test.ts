// The statement journal: replay at start, folding into the snapshot (and a crash in the middle of
// it), a damaged line, a torn last line, and a write that fails.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { appendFile, cp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../../server/store/interface.js';
import { openStore, StoreFileError } from '../../server/store/lowdb-store.js';
import { aChange, aStatement, saveNext, tempDirs } from './builders.js';

const dirs = tempDirs();
let dir: string;
const logged: string[] = [];
const log = (line: string) => logged.push(line);
beforeEach(async () => {
  dir = await dirs.make();
  logged.length = 0;
});
afterEach(() => dirs.cleanUp());

const SID = 'joint-statement';
const snapshotPath = () => join(dir, 'statements', `${SID}.json`);
const journalPath = () => join(dir, 'statements', `${SID}.journal.jsonl`);
const snapshot = async (at = dir) => JSON.parse(await readFile(join(at, 'statements', `${SID}.json`), 'utf8'));

/** Leaves `dir` as a crash would (acknowledged saves in the journal, the snapshot as it was): a copy made while the store runs. */
async function stopAsACrash(store: Store): Promise<void> {
  const copy = await dirs.make();
  await cp(dir, copy, { recursive: true, filter: (from) => !from.endsWith('tandem.lock') });
  await store.close();
  dir = copy;
}

async function withStatement(options: Parameters<typeof openStore>[1] = {}): Promise<Store> {
  const store = await openStore(dir, { log, ...options });
  await store.createStatement(aStatement());
  return store;
}

describe('replay', () => {
  it('replays at start the saves the snapshot does not hold yet (the files as a crash leaves them)', async () => {
    const store = await withStatement();
    for (let i = 1; i <= 5; i++) await saveNext(store, SID, 'my', 's2', `save ${i}`);
    // While the server runs, acknowledged saves are in the journal only (under the fold size).
    await stopAsACrash(store);
    expect((await snapshot()).translations).toEqual({});
    const reopened = await openStore(dir, { log });
    expect(await reopened.getTranslation(SID, 'my', 's2')).toMatchObject({ revision: 5, text: 'save 5' });
    expect(await reopened.translationHistory(SID, 'my', 's2')).toHaveLength(5);
    await reopened.close();
  });

  it('folds at a clean stop, so the next start reads the snapshot and replays nothing', async () => {
    const store = await withStatement();
    for (let i = 1; i <= 5; i++) await saveNext(store, SID, 'my', 's2', `save ${i}`);
    await store.close();
    const folded = await snapshot();
    expect(folded.translations.my.s2).toMatchObject({ revision: 5, text: 'save 5' });
    expect(folded.journal.seq).toBe(5);
    const reopened = await openStore(dir, { log });
    expect(await reopened.getTranslation(SID, 'my', 's2')).toMatchObject({ revision: 5, text: 'save 5' });
    expect(await reopened.translationHistory(SID, 'my', 's2')).toHaveLength(5);
    await reopened.close();
  });

  it('folds the journal into the snapshot past a size, in the background, and replays only what follows', async () => {
    const store = await withStatement({ journalFoldBytes: 1000 });
    for (let i = 1; i <= 30; i++) await saveNext(store, SID, 'my', 's2', `save ${i}`);
    await store.close(); // waits for a fold in progress
    const folded = await snapshot();
    expect(folded.journal.seq).toBeGreaterThan(0);
    expect(folded.translations.my.s2.revision).toBe(folded.journal.seq);
    const reopened = await openStore(dir, { log });
    expect(await reopened.getTranslation(SID, 'my', 's2')).toMatchObject({ revision: 30, text: 'save 30' });
    expect(await reopened.translationHistory(SID, 'my', 's2')).toHaveLength(30);
    await reopened.close();
  });
});

describe('a crash while folding', () => {
  it('loses no acknowledged save when it stops after writing the new snapshot and before putting it in place', async () => {
    const crashes: Array<{ dir: string; acknowledged: number }> = [];
    let acknowledged = 0;
    const store = await withStatement({
      journalFoldBytes: 600,
      // The disk as a crash would leave it: the new snapshot written to its temporary file, not renamed yet.
      beforeFoldRename: async () => {
        const saved = acknowledged; // saves acknowledged while the copy is made may or may not be in it
        const copy = await dirs.make();
        await cp(dir, copy, { recursive: true });
        crashes.push({ dir: copy, acknowledged: saved });
      },
    });
    for (let i = 1; i <= 40; i++) {
      await saveNext(store, SID, 'km', 's3', `ការបកប្រែ ${i}`);
      acknowledged = i;
    }
    await store.close();
    expect(crashes.length).toBeGreaterThan(1);
    for (const crash of crashes) {
      expect((await readdir(join(crash.dir, 'statements'))).some((name) => name.endsWith('.tmp'))).toBe(true);
      const reopened = await openStore(crash.dir, { log });
      const current = await reopened.getTranslation(SID, 'km', 's3');
      expect(current!.revision).toBeGreaterThanOrEqual(crash.acknowledged);
      expect(current!.text).toBe(`ការបកប្រែ ${current!.revision}`);
      await reopened.close();
    }
  });
});

describe('a damaged journal', () => {
  it('stops start-up with the path and the line of a damaged line, and changes nothing', async () => {
    const store = await withStatement();
    for (let i = 1; i <= 3; i++) await saveNext(store, SID, 'my', 's1', `save ${i}`);
    await stopAsACrash(store); // the lines are still to be replayed
    const lines = (await readFile(journalPath(), 'utf8')).split('\n');
    lines[1] = '{"seq": 2, "keys": ["my/s1"], "changes": [';
    const damaged = lines.join('\n');
    await writeFile(journalPath(), damaged);
    const opening = openStore(dir, { log });
    await expect(opening).rejects.toBeInstanceOf(StoreFileError);
    await expect(opening).rejects.toThrow(`${journalPath()} line 2 is not valid JSON`);
    expect(await readFile(journalPath(), 'utf8')).toBe(damaged);
  });

  it('skips a torn last line (a write cut short by a crash), says so, and goes on from the line before', async () => {
    const store = await withStatement();
    for (let i = 1; i <= 3; i++) await saveNext(store, SID, 'my', 's1', `save ${i}`);
    await store.close();
    await appendFile(journalPath(), '{"seq":4,"keys":["my/s1"],"changes":[{"translation":{"segm');
    const reopened = await openStore(dir, { log });
    expect(logged.join('\n')).toContain(`${journalPath()} line 4 was cut short`);
    expect(await reopened.getTranslation(SID, 'my', 's1')).toMatchObject({ revision: 3, text: 'save 3' });
    await saveNext(reopened, SID, 'my', 's1', 'save 4');
    await reopened.close();
    const again = await openStore(dir, { log });
    expect(await again.getTranslation(SID, 'my', 's1')).toMatchObject({ revision: 4, text: 'save 4' });
    expect((await again.translationHistory(SID, 'my', 's1')).map((h) => h.text)).toEqual(['save 1', 'save 2', 'save 3', 'save 4']);
    await again.close();
  });
});

describe('a write that fails', () => {
  it.each([['a full disk', '/dev/full', 'ENOSPC']])('undoes the save and answers with the error (%s)', async (_name, target, code) => {
    if (!existsSync(target)) throw new Error(`${target} is needed for this test`);
    const store = await withStatement();
    await saveNext(store, SID, 'my', 's1', 'kept');
    await store.close();
    const kept = await readFile(journalPath());
    const failing = await openStore(dir, { log });
    // The journal is opened for writing at the first save: from now on every write fails as on a full disk.
    await rm(journalPath());
    await symlink(target, journalPath());
    const refused = failing.commitTranslation(SID, aChange('my', 's1', 2, 'lost'), 1);
    expect(await failing.getTranslation(SID, 'my', 's1')).toMatchObject({ text: 'lost' }); // applied at once...
    await expect(refused).rejects.toMatchObject({ code: code === 'ENOSPC' ? 'storage_full' : code });
    expect(await failing.getTranslation(SID, 'my', 's1')).toMatchObject({ text: 'kept', revision: 1 }); // ...and undone
    await failing.close();
    expect((await readdir(join(dir, 'statements'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await rm(journalPath());
    await writeFile(journalPath(), kept);
    expect(existsSync(snapshotPath())).toBe(true);
  });
});
