// Every data file is checked against its schema at start (server/store/file-schemas.ts): valid
// JSON with a wrong inner type is refused with the file's path and the failing field, and the
// file is left as it was. One row per kind of file, each with a real data directory's file
// changed in one place.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openStore } from '../../server/store/lowdb-store.js';
import { createSessionStore } from '../../server/store/session-store.js';
import { makeApp, SID } from '../support/app.js';
import { tempDir } from '../durability/processes.js';
import { aChange } from './builders.js';

let original: string;
const made: string[] = [];

beforeAll(async () => {
  const t = await makeApp(tempDir('tandem-schemas-'), { store: { journalFoldBytes: 0 } });
  await t.login('mya', 'translator', ['my']); // a session, in sessions.json
  await t.deps.store.updateGlossary('my', () => [
    { id: 'g1', locale: 'my', term: 'junta', translation: 'စစ်ကောင်စီ', note: '', doNotTranslate: false, updatedAt: '2022-01-04T00:00:00.000Z' },
  ]);
  // Folded at once into the snapshot (journalFoldBytes 0), so the snapshot holds the translation too.
  await t.deps.store.commitTranslation(SID, aChange('my', 's3', 1, 'မြန်မာ'), 0);
  await t.close();
  original = t.dataDir;
  made.push(original);
});
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A copy of the data directory with `file` changed by `change`. */
function copyWith(file: string, change: (data: Json) => void): string {
  const dir = tempDir('tandem-schemas-');
  made.push(dir);
  cpSync(original, dir, { recursive: true });
  const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Json;
  change(data);
  writeFileSync(path.join(dir, file), JSON.stringify(data));
  return dir;
}

const STATEMENT = `statements/${SID}.json`;

describe('a data file with a wrong inner type stops the start, naming the file and the field', () => {
  it.each([
    [
      'a locale table of [] in a statement file',
      STATEMENT,
      (d: Json) => {
        d.translations.my = [];
      },
      'translations.my',
    ],
    [
      'a revision written as a string',
      STATEMENT,
      (d: Json) => {
        d.translations.my.s3.revision = '1';
      },
      'translations.my.s3.revision',
    ],
    [
      'an unknown status',
      STATEMENT,
      (d: Json) => {
        d.translations.my.s3.status = 'published';
      },
      'translations.my.s3.status',
    ],
    [
      'a segment without its source',
      STATEMENT,
      (d: Json) => {
        delete d.statement.segments[2].source;
      },
      'statement.segments.2.source',
    ],
    [
      'an account with an unknown role',
      'tandem.json',
      (d: Json) => {
        d.accounts[0].role = 'superuser';
      },
      'accounts.0.role',
    ],
    [
      'a locale setting that is a string',
      'tandem.json',
      (d: Json) => {
        d.locales[0] = 'my';
      },
      'locales.0',
    ],
    [
      'a token whose hash is a number',
      'tandem.json',
      (d: Json) => {
        d.tokens = [{ hash: 5, accountId: 'a', createdAt: 'now' }];
      },
      'tokens.0.hash',
    ],
    [
      'a glossary that is an object',
      'glossary.json',
      (d: Json) => {
        d.locales.my = {};
      },
      'locales.my',
    ],
    [
      'a glossary term that is a number',
      'glossary.json',
      (d: Json) => {
        d.locales.my[0].term = 42;
      },
      'locales.my.0.term',
    ],
  ])('%s', async (_name, file, change, field) => {
    const dir = copyWith(file, change);
    const before = readFileSync(path.join(dir, file));
    await expect(openStore(dir)).rejects.toMatchObject({
      name: 'StoreFileError',
      path: path.join(dir, file),
      message: expect.stringContaining(`${path.join(dir, file)} has an invalid "${field}"`),
    });
    expect(readFileSync(path.join(dir, file)).equals(before)).toBe(true);
  });

  it('a journal line with a wrong inner type (statements/<id>.journal.jsonl), naming the line and the field', async () => {
    const journal = `statements/${SID}.journal.jsonl`;
    const dir = tempDir('tandem-schemas-');
    made.push(dir);
    cpSync(original, dir, { recursive: true });
    // A change after the snapshot (lines before it are folded in and not read again at start).
    const [first] = readFileSync(path.join(dir, journal), 'utf8').split('\n');
    const record = JSON.parse(first!) as Json;
    record.seq = 2;
    record.changes[0].translation.revision = '2';
    appendFileSync(path.join(dir, journal), `${JSON.stringify(record)}\n`);
    const before = readFileSync(path.join(dir, journal));
    await expect(openStore(dir, { journalFoldBytes: 0 })).rejects.toMatchObject({
      name: 'StoreFileError',
      message: expect.stringContaining(`line 2 has an invalid "changes.0.translation.revision"`),
    });
    expect(readFileSync(path.join(dir, journal)).equals(before)).toBe(true);
  });

  it('a session whose expiry is not a number (sessions.json)', async () => {
    const dir = copyWith('sessions.json', (d) => {
      const [sid] = Object.keys(d.sessions);
      d.sessions[sid!].expiresAt = 'tomorrow';
    });
    await expect(createSessionStore(dir)).rejects.toThrow(/sessions\.json has an invalid "sessions\.[A-Za-z0-9_-]+\.expiresAt"/);
  });

  it('the files as the app wrote them pass', async () => {
    const store = await openStore(original);
    await store.close();
    await (await createSessionStore(original)).close();
  });
});
