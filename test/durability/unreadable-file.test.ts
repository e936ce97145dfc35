// A data file that cannot be read stops the real start-up (npm start, server/main.ts) with the
// file's path and the reason, and is never overwritten: its bytes are the same afterwards. (More
// kinds of broken file are tested in-process by test/store/restart.test.ts; each row here costs a
// process start, so the rows are one per file and entry point.)
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeApp, SID } from '../support/app.js';
import { npmStart, runMain, snapshot, tempDir, type Finished } from './processes.js';

/** A data directory as a server leaves it: tandem.json, the statement, sessions.json. */
async function dataDirWithContent(): Promise<string> {
  const t = await makeApp(tempDir());
  await t.close();
  return t.dataDir;
}

const ROWS: Array<[string, 'npm start' | 'main', string, (dir: string) => Promise<void> | void, string]> = [
  // name, entry, file (relative), how it is broken, the reason in the message
  [
    'tandem.json cut off in the middle',
    'npm start',
    'tandem.json',
    (dir) => writeFileSync(path.join(dir, 'tandem.json'), '{"version":1,"accounts":[{"id":"a1","na'),
    'is not valid JSON',
  ],
  [
    'a statement file holding null',
    'main',
    `statements/${SID}.json`,
    (dir) => writeFileSync(path.join(dir, 'statements', `${SID}.json`), 'null\n'),
    'does not hold a JSON object (found null)',
  ],
  [
    'a statement file whose locale table is [] (valid JSON, wrong inner type)',
    'main',
    `statements/${SID}.json`,
    (dir) => {
      const file = path.join(dir, 'statements', `${SID}.json`);
      writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), translations: { my: [] } }));
    },
    'has an invalid "translations.my"',
  ],
  [
    'sessions.json with bytes that are not UTF-8 JSON',
    'main',
    'sessions.json',
    (dir) => writeFileSync(path.join(dir, 'sessions.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x00])),
    'is not valid JSON',
  ],
];

describe('a data file that cannot be read', () => {
  it.each(ROWS)(
    '%s stops %s, naming the file, and leaves it as it was',
    async (_name, entry, file, breakIt, reason) => {
      const dir = await dataDirWithContent();
      mkdirSync(path.join(dir, 'statements'), { recursive: true });
      await breakIt(dir);
      const before = snapshot(dir);
      const run: Finished = entry === 'npm start' ? await npmStart(dir) : await runMain(dir);
      expect(run.code).not.toBe(0);
      expect(run.code).not.toBeNull(); // it stopped by itself, not by a signal
      expect(run.stdout).not.toContain('Tandem is on');
      expect(run.stderr).toContain(`${path.join(dir, file)} ${reason}`);
      // Nothing was written: not the broken file, not any other (the lock is gone again).
      expect(snapshot(dir)).toEqual(before);
    },
    30_000,
  );
});
