// The store contract run against the lowdb store, plus what only a file store can show: which
// files are written, and how often (journal fsyncs shared by concurrent saves).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../../server/store/interface.js';
import { openStore } from '../../server/store/lowdb-store.js';
import { aChange, aStatement, saveNext, tempDirs } from './builders.js';
import { storeContract } from './store-contract.js';

storeContract('lowdb', (dir) => openStore(dir));

describe('lowdb store files', () => {
  const dirs = tempDirs();
  let dir: string;
  let store: Store;
  let writes: string[];
  let syncs: string[];

  beforeEach(async () => {
    dir = await dirs.make();
    writes = [];
    syncs = [];
    store = await openStore(dir, { onWrite: (path) => writes.push(path), onJournalSync: (path) => syncs.push(path) });
    await store.createStatement(aStatement('first'));
    await store.createStatement(aStatement('second'));
    writes.length = 0;
    syncs.length = 0;
  });

  afterEach(async () => {
    await store.close();
    await dirs.cleanUp();
  });

  const statementFile = (id: string) => join(dir, 'statements', `${id}.json`);
  const journalFile = (id: string) => join(dir, 'statements', `${id}.journal.jsonl`);
  const journalLines = async (id: string) =>
    (await readFile(journalFile(id), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));

  it("appends a save to its own statement's journal, current value and history entry in one line, and rewrites no file", async () => {
    const before = await readFile(statementFile('second'), 'utf8');
    await saveNext(store, 'second', 'my', 's1', 'ကောင်း');
    expect(writes).toEqual([]);
    expect(syncs).toEqual([journalFile('second')]);
    expect(await readFile(statementFile('second'), 'utf8')).toBe(before);
    const [line] = await journalLines('second');
    expect(line).toMatchObject({ keys: ['my/s1'], changes: [{ translation: { text: 'ကောင်း', revision: 1 }, history: [{ revision: 1, text: 'ကောင်း' }] }] });
    expect(line.changes[0].translation).not.toHaveProperty('history');
  });

  it('lets saves made in one tick share one fsync', async () => {
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.commitTranslation('first', aChange('my', 's1', i + 1), i)));
    expect(syncs.length).toBe(1);
    expect(await journalLines('first')).toHaveLength(200);
  });

  it('lets saves made while a write is in flight share the next fsync', async () => {
    const first = store.commitTranslation('first', aChange('my', 's1', 1), 0);
    await new Promise((resolve) => setImmediate(resolve)); // the first write has now started
    const later = Array.from({ length: 50 }, (_, i) => store.commitTranslation('first', aChange('my', 's1', i + 2), i + 1));
    await Promise.all([first, ...later]);
    expect(syncs.length).toBe(2);
    expect((await journalLines('first')).at(-1).changes[0].translation.revision).toBe(51);
  });

  it('writes nothing when a change is refused', async () => {
    await expect(store.commitTranslation('first', aChange('my', 's1', 2), 1)).rejects.toMatchObject({ code: 'conflict' });
    expect(writes).toEqual([]);
    expect(syncs).toEqual([]);
  });

  it('builds no path from an id that is not a slug', async () => {
    await expect(store.createStatement(aStatement('../tandem'))).rejects.toMatchObject({ code: 'invalid_input' });
    expect(writes).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['statements', 'tandem.json']);
  });

  it('refuses locale and segment keys that could reach an object prototype', async () => {
    await expect(store.commitTranslation('first', aChange('__proto__', 's1', 1), 0)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await store.getTranslation('first', 'constructor', 's1')).toBeUndefined();
    expect(await store.listTranslations('first', 'constructor')).toEqual([]);
  });
});
