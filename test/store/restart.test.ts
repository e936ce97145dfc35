// What survives a restart: every acknowledged write. What stops a start: a data file that cannot
// be read, which is reported with its path and left exactly as it was.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore } from '../../server/store/lowdb-store.js';
import { createSessionStore, type FileSessionStore } from '../../server/store/session-store.js';
import type { SessionData } from 'express-session';
import { aStatement, anAccount, saveNext, tempDirs } from './builders.js';

const dirs = tempDirs();
let dir: string;
beforeEach(async () => {
  dir = await dirs.make();
});
afterEach(() => dirs.cleanUp());

describe('restart', () => {
  it('finds every acknowledged write after a reopen', async () => {
    const store = await openStore(dir);
    await store.createStatement(aStatement());
    await saveNext(store, 'joint-statement', 'km', 's2', 'អត្ថបទ');
    await store.createAccount(anAccount('Aung'));
    await store.updateAccount('account-aung', (a) => ({ ...a, disabled: true }));
    await store.addToken({ hash: 'ab'.repeat(32), accountId: 'account-aung', createdAt: '2022-01-04T00:00:00.000Z' });
    await store.setSetupToken({ hash: 'cd'.repeat(32), expiresAt: '2022-01-05T00:00:00.000Z' });
    await store.putLocale({ tag: 'mnw', nativeName: 'ဘာသာမန်' });
    await store.close();

    const reopened = await openStore(dir);
    expect(await reopened.getStatement('joint-statement')).toEqual(aStatement());
    expect(await reopened.getTranslation('joint-statement', 'km', 's2')).toMatchObject({ text: 'អត្ថបទ', revision: 1 });
    expect(await reopened.findAccountByName('aung')).toMatchObject({ disabled: true });
    expect(await reopened.findToken('ab'.repeat(32))).toMatchObject({ accountId: 'account-aung' });
    expect(await reopened.getSetupToken()).toMatchObject({ expiresAt: '2022-01-05T00:00:00.000Z' });
    expect((await reopened.listLocales()).map((l) => l.tag)).toEqual(['my', 'km', 'th', 'mnw']);
    await reopened.close();
  });

  it('refuses further writes once closed', async () => {
    const store = await openStore(dir);
    await store.createStatement(aStatement());
    await store.close();
    await expect(saveNext(store, 'joint-statement', 'my', 's1')).rejects.toThrow('closed');
  });
});

describe('a data file that cannot be read', () => {
  const statementFile = () => join(dir, 'statements', 'joint-statement.json');

  async function writeStatementFile(content: string): Promise<void> {
    await mkdir(join(dir, 'statements'), { recursive: true });
    await writeFile(statementFile(), content);
  }

  it.each([
    ['text that is not JSON', '{not json', 'is not valid JSON'],
    ['null', 'null', 'does not hold a JSON object'],
    ['an array', '[]', 'does not hold a JSON object'],
    ['an empty file', '', 'is not valid JSON'],
    ['another statement', JSON.stringify({ statement: aStatement('other'), translations: {} }), 'holds statement "other"'],
    ['no translations', JSON.stringify({ statement: aStatement() }), '"translations"'],
  ])('stops the store when a statement file holds %s, naming the file, and leaves it alone', async (_, content, reason) => {
    await writeStatementFile(content);
    const opening = openStore(dir);
    await expect(opening).rejects.toThrow(statementFile());
    await expect(opening).rejects.toThrow(reason);
    await expect(opening).rejects.toMatchObject({ name: 'StoreFileError', path: statementFile() });
    expect(await readFile(statementFile(), 'utf8')).toBe(content);
  });

  it('stops the store when tandem.json is not JSON, and leaves it alone', async () => {
    const file = join(dir, 'tandem.json');
    await writeFile(file, '{"accounts": [');
    await expect(openStore(dir)).rejects.toThrow(`${file} is not valid JSON`);
    expect(await readFile(file, 'utf8')).toBe('{"accounts": [');
  });

  it('stops the store when tandem.json lacks a list it needs', async () => {
    await writeFile(join(dir, 'tandem.json'), '{"version": 1, "accounts": [], "tokens": [], "setupToken": null}');
    await expect(openStore(dir)).rejects.toThrow('"locales"');
  });

  it('stops the store when a file in statements/ is not named after a statement id', async () => {
    await mkdir(join(dir, 'statements'));
    await writeFile(join(dir, 'statements', 'Notes.json'), '{}');
    await expect(openStore(dir)).rejects.toThrow(join(dir, 'statements', 'Notes.json'));
  });
});

describe('sessions', () => {
  const day = 24 * 60 * 60 * 1000;
  let now: number;
  const clock = () => now;
  const sessionOf = (expires: number, user: string) =>
    ({ cookie: { originalMaxAge: day, expires: new Date(expires), httpOnly: true, path: '/' }, user }) as unknown as SessionData;
  const set = (store: FileSessionStore, sid: string, data: SessionData) =>
    new Promise<void>((resolve, reject) => store.set(sid, data, (err) => (err ? reject(err as Error) : resolve())));
  const get = (store: FileSessionStore, sid: string) =>
    new Promise<SessionData | null | undefined>((resolve, reject) => store.get(sid, (err, data) => (err ? reject(err as Error) : resolve(data))));

  beforeEach(() => {
    now = Date.parse('2022-01-04T00:00:00Z');
  });

  it('survive a restart; expired ones are gone, from the file too', async () => {
    const store = await createSessionStore(dir, { now: clock });
    await set(store, 'long-lived', sessionOf(now + 7 * day, 'aung'));
    await set(store, 'short-lived', sessionOf(now + 60_000, 'sophea'));
    await store.close();

    now += 2 * 60_000;
    const reopened = await createSessionStore(dir, { now: clock });
    expect(await get(reopened, 'long-lived')).toMatchObject({ user: 'aung', cookie: { expires: new Date(now - 2 * 60_000 + 7 * day).toISOString() } });
    expect(await get(reopened, 'short-lived')).toBeNull();
    expect(Object.keys(JSON.parse(await readFile(join(dir, 'sessions.json'), 'utf8')).sessions)).toEqual(['long-lived']);
    await reopened.close();
  });
});
