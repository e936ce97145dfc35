// The store contract run against the lowdb store, plus what only a file store can show: which
// files are written, and how often.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../../server/store/interface.js';
import { openStore } from '../../server/store/lowdb-store.js';
import { aStatement, nextRevision, tempDirs } from './builders.js';
import { storeContract } from './store-contract.js';

storeContract('lowdb', (dir) => openStore(dir));

describe('lowdb store files', () => {
  const dirs = tempDirs();
  let dir: string;
  let store: Store;
  let writes: string[];

  beforeEach(async () => {
    dir = await dirs.make();
    writes = [];
    store = await openStore(dir, { onWrite: (path) => writes.push(path) });
    await store.createStatement(aStatement('first'));
    await store.createStatement(aStatement('second'));
    writes.length = 0;
  });

  afterEach(async () => {
    await store.close();
    await dirs.cleanUp();
  });

  const statementFile = (id: string) => join(dir, 'statements', `${id}.json`);

  it('keeps one file per statement, and a save rewrites only its own', async () => {
    await store.updateTranslation('second', 'my', 's1', nextRevision('my', 's1'));
    expect(writes).toEqual([statementFile('second')]);
    const onDisk = JSON.parse(await readFile(statementFile('second'), 'utf8'));
    expect(onDisk.translations.my.s1).toMatchObject({ revision: 1 });
  });

  it('lets saves made in one tick share one write', async () => {
    await Promise.all(Array.from({ length: 200 }, () => store.updateTranslation('first', 'my', 's1', nextRevision('my', 's1'))));
    expect(writes.length).toBe(1);
  });

  it('lets saves made while a write is in flight share the next write', async () => {
    const first = store.updateTranslation('first', 'my', 's1', nextRevision('my', 's1'));
    await Promise.resolve(); // the first write has now started
    const later = Array.from({ length: 50 }, () => store.updateTranslation('first', 'my', 's1', nextRevision('my', 's1')));
    await Promise.all([first, ...later]);
    expect(writes.length).toBe(2);
    expect(JSON.parse(await readFile(statementFile('first'), 'utf8')).translations.my.s1.revision).toBe(51);
  });

  it('writes nothing when the update function throws', async () => {
    const before = await readFile(statementFile('first'), 'utf8');
    await expect(
      store.updateTranslation('first', 'my', 's1', () => {
        throw new Error('conflict');
      }),
    ).rejects.toThrow('conflict');
    expect(writes).toEqual([]);
    expect(await readFile(statementFile('first'), 'utf8')).toBe(before);
  });

  it('builds no path from an id that is not a slug', async () => {
    await expect(store.createStatement(aStatement('../tandem'))).rejects.toMatchObject({ code: 'invalid_input' });
    expect(writes).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['statements', 'tandem.json']);
  });

  it('refuses locale and segment keys that could reach an object prototype', async () => {
    await expect(store.updateTranslation('first', '__proto__', 's1', nextRevision('__proto__', 's1'))).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await store.getTranslation('first', 'constructor', 's1')).toBeUndefined();
    expect(await store.listTranslations('first', 'constructor')).toEqual([]);
  });
});
