// express-session's Store contract on the file-backed session store, with a clock of our own.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SessionData } from 'express-session';
import { createSessionStore, type FileSessionStore } from '../../server/store/session-store.js';
import { tempDirs } from './builders.js';

const minute = 60_000;
const dirs = tempDirs();
let dir: string;
let now: number;
let writes: number;
let store: FileSessionStore;

const cookie = (fields: Record<string, unknown>) => ({ originalMaxAge: null, httpOnly: true, path: '/', ...fields });
const session = (fields: Record<string, unknown>, user = 'account-aung') => ({ cookie: cookie(fields), user }) as unknown as SessionData;
const call = <T>(run: (done: (err: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) => run((err, value) => (err ? reject(err as Error) : resolve(value))));
const get = (sid: string) => call<SessionData | null>((done) => store.get(sid, done));
const set = (sid: string, data: SessionData) => call<void>((done) => store.set(sid, data, done));
const destroy = (sid: string) => call<void>((done) => store.destroy(sid, done));
const touch = (sid: string, data: SessionData) => call<void>((done) => store.touch(sid, data, done));
const onDisk = async () => JSON.parse(await readFile(join(dir, 'sessions.json'), 'utf8')).sessions;

beforeEach(async () => {
  dir = await dirs.make();
  now = Date.parse('2022-01-04T00:00:00Z');
  writes = 0;
  store = await createSessionStore(dir, { now: () => now, onWrite: () => writes++, defaultTtlMs: 60 * minute });
});
afterEach(async () => {
  await store.close();
  await dirs.cleanUp();
});

describe('session store', () => {
  it('sets, gets and destroys a session, on disk as well', async () => {
    await set('sid-1', session({ expires: new Date(now + 30 * minute) }));
    expect(await get('sid-1')).toMatchObject({ user: 'account-aung' });
    expect(Object.keys(await onDisk())).toEqual(['sid-1']);
    await destroy('sid-1');
    expect(await get('sid-1')).toBeNull();
    expect(await onDisk()).toEqual({});
  });

  it('returns nothing for a session past its cookie expiry', async () => {
    await set('sid-1', session({ expires: new Date(now + 30 * minute) }));
    now += 30 * minute;
    expect(await get('sid-1')).toBeNull();
  });

  it('takes the expiry from maxAge, or a default lifetime for a browser-session cookie', async () => {
    await set('with-max-age', session({ maxAge: 10 * minute }));
    await set('without-expiry', session({}));
    now += 11 * minute;
    expect(await get('with-max-age')).toBeNull();
    expect(await get('without-expiry')).not.toBeNull();
    now += 50 * minute;
    expect(await get('without-expiry')).toBeNull();
  });

  it('drops expired sessions with the next write', async () => {
    await set('old', session({ expires: new Date(now + minute) }));
    now += 2 * minute;
    await set('new', session({ expires: new Date(now + minute) }));
    expect(Object.keys(await onDisk())).toEqual(['new']);
  });

  it('extends a session on touch, writing only when the expiry moves by a minute or more', async () => {
    await set('sid-1', session({ expires: new Date(now + 30 * minute) }));
    const before = writes;
    await touch('sid-1', session({ expires: new Date(now + 30 * minute + 1000) }));
    expect(writes).toBe(before);
    now += 10 * minute;
    await touch('sid-1', session({ expires: new Date(now + 30 * minute) }));
    expect(writes).toBe(before + 1);
    now += 25 * minute;
    expect(await get('sid-1')).not.toBeNull();
    expect((await onDisk())['sid-1'].session.cookie.expires).toBe(new Date(now - 25 * minute + 30 * minute).toISOString());
  });

  it('ignores a touch of a session it does not have', async () => {
    await touch('unknown', session({ expires: new Date(now + 30 * minute) }));
    expect(await get('unknown')).toBeNull();
  });

  it('returns a copy that the caller may change', async () => {
    await set('sid-1', session({ expires: new Date(now + 30 * minute) }));
    ((await get('sid-1')) as unknown as { user: string }).user = 'someone else';
    expect(await get('sid-1')).toMatchObject({ user: 'account-aung' });
  });

  it('refuses a session id that is not base64url', async () => {
    await expect(set('__proto__', session({}))).rejects.toThrow('Invalid session id');
    expect(await get('__proto__')).toBeNull();
    expect(await get('constructor')).toBeNull();
  });

  it('removes expired sessions while running, on a timer, without any request', async () => {
    await store.close();
    let written: () => void = () => undefined;
    store = await createSessionStore(dir, { now: () => now, onWrite: () => written(), pruneEveryMs: 5 });
    await set('sid-old', session({ expires: new Date(now + 30 * minute) }));
    const pruned = new Promise<void>((resolve) => (written = resolve)); // the next write is the timer's
    now += 31 * minute;
    await pruned;
    expect(await onDisk()).toEqual({});
  });

  it('keeps no backups of the file, and removes those an older release left', async () => {
    await store.close();
    await mkdir(join(dir, 'backups'), { recursive: true });
    await writeFile(join(dir, 'backups', 'sessions.2022-01-03T00-00-00-000Z.json'), '{"version":1,"sessions":{"ended":{}}}');
    await writeFile(join(dir, 'backups', 'tandem.2022-01-03T00-00-00-000Z.json'), '{}');
    store = await createSessionStore(dir, { now: () => now, backupIntervalMs: 0 });
    for (const sid of ['sid-1', 'sid-2', 'sid-3']) await set(sid, session({ expires: new Date(now + 30 * minute) }));
    await destroy('sid-1');
    expect(await readdir(join(dir, 'backups'))).toEqual(['tandem.2022-01-03T00-00-00-000Z.json']);
  });

  it('keeps the last 10 sessions of one account; other accounts keep theirs', async () => {
    const of = (accountId: string, at: number) => ({ cookie: cookie({ expires: new Date(at) }), accountId }) as unknown as SessionData;
    await set('other', of('account-sophea', now + 10 * minute));
    for (let i = 0; i < 12; i++) await set(`mine-${i}`, of('account-aung', now + (20 + i) * minute));
    const ids = Object.keys(await onDisk()).sort();
    expect(ids).toEqual(['other', ...Array.from({ length: 10 }, (_, i) => `mine-${i + 2}`)].sort());
  });
});
