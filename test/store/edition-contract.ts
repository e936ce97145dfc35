// What every Store implementation must do with edition versions: immutable records, numbered
// 1, 2, ... per statement and locale, durable, shared frozen. A second implementation calls
// editionContract with its own `open`.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { EditionVersion } from '../../server/domain/edition-version.js';
import type { Store } from '../../server/store/interface.js';
import { tempDirs } from './builders.js';

export const aVersion = (statementId: string, locale: string, version: number, text = 'text'): EditionVersion => ({
  statementId,
  locale,
  version,
  sourceLocale: 'en',
  sourceRevision: 1,
  publishedAt: `2026-01-0${version}T10:00:00.000Z`,
  approved: 1,
  total: 2,
  percentApproved: 50,
  title: 'Title',
  titleLang: locale,
  segments: [
    { segmentId: 's1', kind: 'title', text: 'Title', fallback: false, placeholders: [] },
    { segmentId: 's2', kind: 'paragraph', text, fallback: true, placeholders: [{ kind: 'link', n: 1, value: 'https://example.org/' }] },
  ],
});

export function editionContract(name: string, open: (dir: string) => Promise<Store>): void {
  describe(`${name} edition store contract`, () => {
    const dirs = tempDirs();
    let dir: string;
    let store: Store;

    beforeEach(async () => {
      dir = await dirs.make();
      store = await open(dir);
    });
    afterEach(async () => {
      await store.close();
      await dirs.cleanUp();
    });

    it('adds versions in order and reads them back, oldest first, after a reopen too', async () => {
      expect(await store.listEditionVersions('joint', 'my')).toEqual([]);
      expect(await store.latestEditionVersions('joint')).toEqual({});
      await store.addEditionVersion(aVersion('joint', 'my', 1));
      await store.addEditionVersion(aVersion('joint', 'my', 2, 'second'));
      await store.addEditionVersion(aVersion('joint', 'km', 1));
      expect(await store.latestEditionVersions('joint')).toEqual({ my: 2, km: 1 });
      await store.close();
      store = await open(dir);
      expect((await store.listEditionVersions('joint', 'my')).map((v) => v.version)).toEqual([1, 2]);
      expect(await store.getEditionVersion('joint', 'my', 2)).toEqual(aVersion('joint', 'my', 2, 'second'));
      expect(await store.getEditionVersion('joint', 'my', 3)).toBeUndefined();
    });

    it('refuses a number that is not the next one; of two publishes of one number at once, one wins', async () => {
      await expect(store.addEditionVersion(aVersion('joint', 'my', 2))).rejects.toMatchObject({ code: 'conflict' });
      const results = await Promise.allSettled([store.addEditionVersion(aVersion('joint', 'my', 1)), store.addEditionVersion(aVersion('joint', 'my', 1))]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await store.latestEditionVersions('joint')).toEqual({ my: 1 });
    });

    it('hands out frozen versions: nobody can change a publication', async () => {
      await store.addEditionVersion(aVersion('joint', 'my', 1));
      const version = (await store.getEditionVersion('joint', 'my', 1))!;
      expect(Object.isFrozen(version)).toBe(true);
      expect(Object.isFrozen(version.segments[1]!.placeholders[0])).toBe(true);
    });
  });
}
