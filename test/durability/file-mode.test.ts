// Data files hold password and token hashes and session ids: only their owner may read them.
import { expect, it } from '@jest/globals';
import { statSync } from 'node:fs';
import path from 'node:path';
import { makeApp, SID } from '../support/app.js';
import { tempDir } from './processes.js';

it('writes every data file readable and writable by its owner only', async () => {
  const t = await makeApp(tempDir());
  await t.token('mya', 'translator', ['my']);
  await t.close();
  for (const file of ['tandem.json', 'sessions.json', `statements/${SID}.json`]) {
    expect([file, (statSync(path.join(t.dataDir, file)).mode & 0o777).toString(8)]).toEqual([file, '600']);
  }
});
