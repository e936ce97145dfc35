// Edition versions in the lowdb store: the contract, and the files it writes.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore, StoreFileError } from '../../server/store/lowdb-store.js';
import { tempDirs } from './builders.js';
import { aVersion, editionContract } from './edition-contract.js';

editionContract('lowdb', (dir) => openStore(dir));

describe('edition files', () => {
  const dirs = tempDirs();
  let dir: string;
  beforeEach(async () => {
    dir = await dirs.make();
  });
  afterEach(() => dirs.cleanUp());

  it('writes one file per version, editions/<id>/<locale>/<n>.json', async () => {
    const store = await openStore(dir);
    await store.addEditionVersion(aVersion('joint', 'km', 1));
    await store.close();
    expect(JSON.parse(await readFile(join(dir, 'editions', 'joint', 'km', '1.json'), 'utf8'))).toEqual(aVersion('joint', 'km', 1));
  });

  it('refuses to open on a version file it cannot read, naming it', async () => {
    const store = await openStore(dir);
    await store.addEditionVersion(aVersion('joint', 'km', 1));
    await store.close();
    const file = join(dir, 'editions', 'joint', 'km', '1.json');
    await writeFile(file, '{"broken":');
    await expect(openStore(dir)).rejects.toBeInstanceOf(StoreFileError);
    await expect(openStore(dir)).rejects.toThrow(file);
  });
});
