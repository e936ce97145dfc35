// A data directory written before statement journals (each translation held its history inside the
// statement file) opens, is migrated at start with its original files kept, and loses nothing.
import { afterEach, expect, it } from '@jest/globals';
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore } from '../../server/store/lowdb-store.js';
import { ROOT, SID } from '../support/app.js';
import { tempDirs } from './builders.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'data-before-journal');
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
  expect(await store.getTranslation(SID, 'my', 's1')).toMatchObject({ status: 'approved', approvedText: 'ပူးတွဲ ထုတ်ပြန်ချက်' });
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
