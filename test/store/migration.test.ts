// A data directory written before statement journals (each translation held its history inside the
// statement file) opens, is migrated at start with its original files kept, and loses nothing.
import { afterEach, expect, it } from '@jest/globals';
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore } from '../../server/store/lowdb-store.js';
import request from 'supertest';
import { makeApp, ROOT, SID } from '../support/app.js';
import { tempDirs } from './builders.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'data-before-journal');
/** Written by the last release before journals: published editions, a source correction, published text apart from drafts. */
const RELEASE = join(ROOT, 'test', 'fixtures', 'data-before-journal-editions');
const dirs = tempDirs();
afterEach(() => dirs.cleanUp());

it('migrates statement files with history inside to a snapshot and a journal, keeping the originals', async () => {
  const dir = await dirs.make();
  await cp(FIXTURE, dir, { recursive: true });
  const original = await readFile(join(dir, 'statements', `${SID}.json`), 'utf8');
  const before = JSON.parse(original) as { translations: Record<string, Record<string, { history: unknown[] } & Record<string, unknown>>> };
  const logged: string[] = [];

  const store = await openStore(dir, { log: (line) => logged.push(line) });
  expect(logged.join('\n')).toContain('was migrated');
  for (const [locale, table] of Object.entries(before.translations)) {
    for (const [segmentId, { history, ...current }] of Object.entries(table)) {
      expect(await store.getTranslation(SID, locale, segmentId)).toMatchObject(current);
      expect(await store.translationHistory(SID, locale, segmentId)).toEqual(history);
    }
  }
  // What the fixture holds: an approval (published), a request for changes, a restore.
  expect(await store.getTranslation(SID, 'my', 's1')).toMatchObject({ status: 'approved', published: { text: 'ပူးတွဲ ထုတ်ပြန်ချက်', revision: 3 } });
  expect((await store.translationHistory(SID, 'km', 's3')).map((h) => h.action)).toEqual(['save', 'save', 'restore']);
  expect((await store.findAccountByName('Sokha'))?.role).toBe('editor');
  expect((await store.listGlossary('my')).map((e) => e.term)).toEqual(['junta']);
  await store.close();

  // The original is kept byte for byte; the statement file is now a snapshot without history.
  const kept = (await readdir(dir)).filter((name) => name.startsWith('pre-journal-'));
  expect(kept).toHaveLength(1);
  expect(await readFile(join(dir, kept[0]!, 'statements', `${SID}.json`), 'utf8')).toBe(original);
  const snapshot = JSON.parse(await readFile(join(dir, 'statements', `${SID}.json`), 'utf8'));
  expect(snapshot.format).toBe(2);
  expect(JSON.stringify(snapshot)).not.toContain('"history"');

  // A second start finds nothing to migrate and the same data.
  logged.length = 0;
  const again = await openStore(dir, { log: (line) => logged.push(line) });
  expect(logged).toEqual([]);
  expect((await again.translationHistory(SID, 'my', 's2')).map((h) => h.action)).toEqual(['submit', 'request_changes', 'save']);
  await again.close();
});

it('migrates the last release before journals: published and outdated text, editions and history kept, pages served as before', async () => {
  const dir = await dirs.make();
  await cp(RELEASE, dir, { recursive: true });
  const before = JSON.parse(await readFile(join(dir, 'statements', `${SID}.json`), 'utf8')) as {
    statement: { sourceRevision: number };
    translations: Record<string, Record<string, { history: unknown[] } & Record<string, unknown>>>;
  };
  const logged: string[] = [];
  const t = await makeApp(dir, { store: { log: (line) => logged.push(line) } });
  try {
    expect(logged.join('\n')).toContain('was migrated');
    const store = t.deps.store;
    for (const [locale, table] of Object.entries(before.translations)) {
      for (const [segmentId, { history, ...current }] of Object.entries(table)) {
        expect(await store.getTranslation(SID, locale, segmentId)).toEqual(current);
        expect(await store.translationHistory(SID, locale, segmentId)).toEqual(history);
      }
    }
    expect((await store.getStatement(SID))?.sourceRevision).toBe(before.statement.sourceRevision);
    // What the fixture holds, in both languages: an approval outdated by the correction, an
    // approval with a draft in progress (readers keep the approved text), a request for changes.
    for (const locale of ['my', 'km']) {
      expect(await store.getTranslation(SID, locale, 's1')).toMatchObject({ status: 'outdated', outdated: { status: 'approved' } });
      const s2 = (await store.getTranslation(SID, locale, 's2'))!;
      expect(s2.status).toBe('draft');
      expect(s2.text.startsWith(s2.published!.text)).toBe(true);
      expect(s2.text).not.toBe(s2.published!.text);
      expect((await store.listEditionVersions(SID, locale)).map((v) => v.version)).toEqual([1]);
      const anonymous = await request(t.app).get(`/api/v1/statements/${SID}/translations/${locale}`).expect(200);
      expect(anonymous.body).toContainEqual(expect.objectContaining({ segmentId: 's2', text: s2.published!.text, status: 'approved' }));
      const page = await request(t.app).get(`/s/${SID}/${locale}/v/1`).expect(200);
      expect(page.text).toContain(s2.published!.text);
    }
    // Work goes on from where it was: a new revision on top of the migrated one.
    const s3 = (await store.getTranslation(SID, 'km', 's3'))!;
    const token = await t.token('thiri', 'translator', ['my', 'km']);
    await request(t.app)
      .put(`/api/v1/statements/${SID}/translations/km/s3`)
      .set('Authorization', `Bearer ${token}`)
      .send({ text: `${s3.text} ថ្មី`, baseRevision: s3.revision, action: 'save' })
      .expect(200);
    expect((await store.translationHistory(SID, 'km', 's3')).map((h) => h.action)).toEqual(['submit', 'request_changes', 'save']);
  } finally {
    await t.close();
  }
});
