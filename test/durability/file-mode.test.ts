// Data files hold password and token hashes and session ids: only their owner may read them.
import { expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { makeApp, SID } from '../support/app.js';
import { openStore } from '../../server/store/lowdb-store.js';
import { tempDir } from './processes.js';

it('writes every data file readable and writable by its owner only', async () => {
  const t = await makeApp(tempDir());
  await t.token('mya', 'translator', ['my']);
  await t.close();
  for (const file of ['tandem.json', 'sessions.json', `statements/${SID}.json`]) {
    expect([file, (statSync(path.join(t.dataDir, file)).mode & 0o777).toString(8)]).toEqual([file, '600']);
  }
});

it('makes every data directory owner-only (0700), also one an older release left at 0755', async () => {
  const dataDir = tempDir();
  mkdirSync(path.join(dataDir, 'statements'), { recursive: true });
  chmodSync(dataDir, 0o755);
  const t = await makeApp(dataDir);
  await t.deps.store.updateGlossary('my', () => []);
  await t.close();
  const again = await openStore(dataDir, { backupIntervalMs: 0 });
  await again.updateGlossary('my', () => []); // a second version: the first goes to backups/
  await again.close();
  for (const dir of ['.', 'backups']) {
    expect([dir, (statSync(path.join(dataDir, dir)).mode & 0o777).toString(8)]).toEqual([dir, '700']);
  }
  rmSync(dataDir, { recursive: true, force: true });
});
