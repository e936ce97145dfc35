// What every Store implementation must do. A second implementation (PostgreSQL) calls
// storeContract with its own `open`; `open(dir)` twice on one dir must reach the same data.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Translation } from '../../server/domain/types.js';
import type { Store } from '../../server/store/interface.js';
import { aChange, aStatement, anAccount, saveNext, tempDirs } from './builders.js';

export function storeContract(name: string, open: (dir: string) => Promise<Store>): void {
  describe(`${name} store contract`, () => {
    const dirs = tempDirs();
    let dir: string;
    let store: Store;
    const opened: Store[] = [];

    async function reopen(): Promise<Store> {
      await store.close();
      store = await open(dir);
      opened.push(store);
      return store;
    }

    beforeEach(async () => {
      dir = await dirs.make();
      store = await open(dir);
      opened.push(store);
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await dirs.cleanUp();
    });

    describe('statements', () => {
      it('lists, creates and gets statements', async () => {
        expect(await store.listStatements()).toEqual([]);
        await store.createStatement(aStatement('b-statement'));
        await store.createStatement(aStatement('a-statement'));
        expect(await store.getStatement('a-statement')).toEqual(aStatement('a-statement'));
        expect((await store.listStatements()).map((s) => s.id)).toEqual(['a-statement', 'b-statement']);
        expect(await store.getStatement('missing')).toBeUndefined();
      });

      it('refuses a statement id that exists', async () => {
        await store.createStatement(aStatement('joint'));
        await expect(store.createStatement(aStatement('joint', { title: 'Other' }))).rejects.toMatchObject({ code: 'duplicate' });
        expect((await store.getStatement('joint'))?.title).toBe('Joint statement');
      });

      it('lets exactly one of two simultaneous creations of an id succeed', async () => {
        const results = await Promise.allSettled([store.createStatement(aStatement('joint')), store.createStatement(aStatement('joint'))]);
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      });

      it.each([['../escape'], ['Upper'], [''], ['a/b'], ['-leading-hyphen'], ['a'.repeat(101)]])('refuses the statement id %j', async (id) => {
        await expect(store.createStatement(aStatement(id))).rejects.toMatchObject({ code: 'invalid_input' });
      });

      it('replaces a statement together with the translations it outdated, atomically, with their history', async () => {
        await store.createStatement(aStatement());
        await saveNext(store, 'joint-statement', 'my', 's2');
        const outdated = aChange('my', 's2', 2, 'text', { action: 'outdate', status: 'outdated' });
        outdated.translation.status = 'outdated';
        await store.replaceStatement(aStatement('joint-statement', { sourceRevision: 2, title: 'New title' }), [outdated]);
        for (const s of [store, await reopen()]) {
          expect((await s.getStatement('joint-statement'))?.sourceRevision).toBe(2);
          expect(await s.getTranslation('joint-statement', 'my', 's2')).toEqual(outdated.translation);
          expect((await s.translationHistory('joint-statement', 'my', 's2')).map((h) => h.action)).toEqual(['save', 'outdate']);
        }
        await expect(store.replaceStatement(aStatement('missing'), [])).rejects.toMatchObject({ code: 'not_found' });
      });

      it('refuses a replacement made from a stale reading, and writes nothing', async () => {
        await store.createStatement(aStatement());
        await saveNext(store, 'joint-statement', 'my', 's2');
        const outdated = aChange('my', 's2', 2, 'text', { action: 'outdate', status: 'outdated' });
        outdated.translation.status = 'outdated';
        const next = aStatement('joint-statement', { sourceRevision: 2, title: 'New title' });
        const stale = { sourceRevision: 1, translations: [{ locale: 'my', segmentId: 's2', revision: 0 }] };
        await expect(store.replaceStatement(next, [outdated], stale)).rejects.toMatchObject({ code: 'conflict' });
        await expect(store.replaceStatement(next, [outdated], { sourceRevision: 2, translations: [] })).rejects.toMatchObject({ code: 'conflict' });
        expect((await store.getStatement('joint-statement'))?.sourceRevision).toBe(1);
        await store.replaceStatement(next, [outdated], { sourceRevision: 1, translations: [{ locale: 'my', segmentId: 's2', revision: 1 }] });
        expect(await store.getTranslation('joint-statement', 'my', 's2')).toEqual(outdated.translation);
      });
    });

    describe('translations', () => {
      beforeEach(() => store.createStatement(aStatement()));

      it('creates a translation, then stores the next revision decided from it', async () => {
        expect(await store.commitTranslation('joint-statement', aChange('my', 's2', 1, 'first'), 0)).toMatchObject({ revision: 1, text: 'first' });
        expect(await store.commitTranslation('joint-statement', aChange('my', 's2', 2, 'second'), 1)).toMatchObject({ revision: 2, text: 'second' });
        expect(await store.getTranslation('joint-statement', 'my', 's2')).toMatchObject({ revision: 2, text: 'second' });
      });

      it('refuses a change decided from a revision that is no longer current, with the current translation, storing nothing', async () => {
        await saveNext(store, 'joint-statement', 'my', 's2', 'kept');
        const refused = store.commitTranslation('joint-statement', aChange('my', 's2', 1, 'stale'), 0);
        await expect(refused).rejects.toMatchObject({ code: 'conflict', details: { current: { text: 'kept', revision: 1 } } });
        await expect(store.commitTranslation('joint-statement', aChange('km', 's2', 3, 'stale'), 2)).rejects.toMatchObject({ code: 'conflict' });
        for (const s of [store, await reopen()]) {
          expect(await s.getTranslation('joint-statement', 'my', 's2')).toMatchObject({ text: 'kept', revision: 1 });
          expect(await s.getTranslation('joint-statement', 'km', 's2')).toBeUndefined();
          expect(await s.translationHistory('joint-statement', 'my', 's2')).toHaveLength(1);
        }
      });

      it('lists translations per locale in segment order, and for all locales', async () => {
        await saveNext(store, 'joint-statement', 'my', 's3');
        await saveNext(store, 'joint-statement', 'my', 's1');
        await saveNext(store, 'joint-statement', 'km', 's2');
        expect((await store.listTranslations('joint-statement', 'my')).map((t) => t.segmentId)).toEqual(['s1', 's3']);
        expect((await store.listTranslations('joint-statement', 'th')).length).toBe(0);
        const all = await store.listAllTranslations('joint-statement');
        expect(all.map((t) => `${t.locale}/${t.segmentId}`).sort()).toEqual(['km/s2', 'my/s1', 'my/s3']);
      });

      it('rejects a change of a statement that does not exist', async () => {
        await expect(store.commitTranslation('missing', aChange('my', 's1', 1), 0)).rejects.toMatchObject({ code: 'not_found' });
      });

      it('keeps history apart: current values hold none, the history of each segment comes whole and in order', async () => {
        await saveNext(store, 'joint-statement', 'my', 's2', 'one');
        await saveNext(store, 'joint-statement', 'km', 's2', 'other locale');
        await saveNext(store, 'joint-statement', 'my', 's2', 'two');
        for (const s of [store, await reopen()]) {
          expect(await s.getTranslation('joint-statement', 'my', 's2')).not.toHaveProperty('history');
          expect((await s.translationHistory('joint-statement', 'my', 's2')).map((h) => [h.revision, h.text])).toEqual([
            [1, 'one'],
            [2, 'two'],
          ]);
          expect(await s.translationHistory('joint-statement', 'my', 's3')).toEqual([]);
        }
      });

      it('lets exactly one of 200 simultaneous changes decided from the same revision through', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 200 }, (_, i) => store.commitTranslation('joint-statement', aChange('my', 's2', 1, `save ${i + 1}`), 0)),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const winner = results.find((r): r is PromiseFulfilledResult<Translation> => r.status === 'fulfilled')!.value;
        await reopen();
        expect(await store.getTranslation('joint-statement', 'my', 's2')).toEqual(winner);
      });

      it('keeps 200 changes made in one go, each from the one before, durably', async () => {
        const saves = Array.from({ length: 200 }, (_, i) => store.commitTranslation('joint-statement', aChange('my', 's2', i + 1, `save ${i + 1}`), i));
        const results = await Promise.all(saves);
        expect(results.map((t) => t.revision)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
        await reopen();
        expect(await store.getTranslation('joint-statement', 'my', 's2')).toMatchObject({ revision: 200, text: 'save 200' });
        expect(await store.translationHistory('joint-statement', 'my', 's2')).toHaveLength(200);
      });
    });

    describe('change counters', () => {
      it("count a statement's changes apart from other statements', locales', glossaries' and accounts'", async () => {
        await store.createStatement(aStatement('one'));
        await store.createStatement(aStatement('two'));
        const before = { one: store.statementVersion('one'), two: store.statementVersion('two'), content: store.contentVersion() };
        await saveNext(store, 'one', 'my', 's1');
        expect(store.statementVersion('one')).toBeGreaterThan(before.one);
        expect(store.statementVersion('two')).toBe(before.two);
        expect(store.contentVersion()).toBeGreaterThan(before.content);

        const content = store.contentVersion();
        await store.createAccount(anAccount('Aung'));
        await store.updateAccount('account-aung', (a) => ({ ...a, role: 'editor', locales: ['my', 'km'] }));
        await store.addToken({ hash: 'ab'.repeat(32), accountId: 'account-aung', createdAt: '2022-01-04T00:00:00.000Z' });
        expect(store.contentVersion()).toBe(content);
        // A public pseudonym appears on editions: that account change counts.
        const credits = store.creditsVersion();
        await store.updateAccount('account-aung', (a) => ({ ...a, creditAs: 'Aung M.' }));
        expect(store.creditsVersion()).toBeGreaterThan(credits);
        expect(store.contentVersion()).toBeGreaterThan(content);

        const [my, km, list] = [store.glossaryVersion('my'), store.glossaryVersion('km'), store.localeVersion()];
        await store.updateGlossary('my', () => [
          { id: 'g1', locale: 'my', term: 'junta', translation: 'စစ်ကောင်စီ', note: '', doNotTranslate: false, updatedAt: '2022-01-04T00:00:00.000Z' },
        ]);
        expect(store.glossaryVersion('my')).toBeGreaterThan(my);
        expect(store.glossaryVersion('km')).toBe(km);
        await store.putLocale({ tag: 'ksw' });
        expect(store.localeVersion('ksw')).toBeGreaterThan(0);
        expect(store.localeVersion()).toBeGreaterThan(list);
        expect(store.contentVersion()).toBeGreaterThan(content);
      });
    });

    describe('accounts and tokens', () => {
      it('creates, finds (whatever the case of the name) and updates an account', async () => {
        await store.createAccount(anAccount('Aung'));
        expect(await store.getAccount('account-aung')).toEqual(anAccount('Aung'));
        expect(await store.findAccountByName('aUNG')).toEqual(anAccount('Aung'));
        expect(await store.findAccountByName('nobody')).toBeUndefined();
        const updated = await store.updateAccount('account-aung', (a) => ({ ...a, role: 'editor', locales: ['my', 'km'] }));
        expect(updated).toMatchObject({ role: 'editor', locales: ['my', 'km'] });
        expect(await store.listAccounts()).toEqual([updated]);
      });

      it('refuses a name that is taken, in any case', async () => {
        await store.createAccount(anAccount('Aung'));
        await expect(store.createAccount(anAccount('AUNG', { id: 'other' }))).rejects.toMatchObject({ code: 'duplicate' });
        await store.createAccount(anAccount('Sophea'));
        await expect(store.updateAccount('account-sophea', (a) => ({ ...a, name: 'aung' }))).rejects.toMatchObject({ code: 'duplicate' });
        expect((await store.listAccounts()).map((a) => a.name)).toEqual(['Aung', 'Sophea']);
      });

      it('rejects an update of an account that does not exist', async () => {
        await expect(store.updateAccount('missing', (a) => a)).rejects.toMatchObject({ code: 'not_found' });
      });

      it('stores API tokens by hash', async () => {
        const token = { hash: 'ab'.repeat(32), accountId: 'account-aung', createdAt: '2022-01-04T00:00:00.000Z' };
        await store.addToken(token);
        expect(await store.findToken(token.hash)).toEqual(token);
        expect(await store.findToken('cd'.repeat(32))).toBeUndefined();
      });

      it('removes every API token of one account, and only those', async () => {
        const mine = [
          { hash: 'a1'.repeat(32), accountId: 'account-aung', createdAt: '2022-01-04T00:00:00.000Z' },
          { hash: 'a2'.repeat(32), accountId: 'account-aung', createdAt: '2022-01-04T00:00:00.000Z' },
        ];
        const theirs = { hash: 'b1'.repeat(32), accountId: 'account-sophea', createdAt: '2022-01-04T00:00:00.000Z' };
        for (const token of [...mine, theirs]) await store.addToken(token);
        await store.removeTokens('account-aung');
        for (const token of mine) expect(await store.findToken(token.hash)).toBeUndefined();
        expect(await store.findToken(theirs.hash)).toEqual(theirs);
      });

      it('sets, reads and clears the setup token', async () => {
        expect(await store.getSetupToken()).toBeUndefined();
        const token = { hash: 'ef'.repeat(32), expiresAt: '2022-01-05T00:00:00.000Z' };
        await store.setSetupToken(token);
        expect(await store.getSetupToken()).toEqual(token);
        await store.setSetupToken(undefined);
        expect(await store.getSetupToken()).toBeUndefined();
      });
    });

    describe('locales', () => {
      it('starts with Burmese, Khmer and Thai', async () => {
        expect(await store.listLocales()).toEqual([{ tag: 'my' }, { tag: 'km' }, { tag: 'th' }]);
      });

      it('adds a locale and replaces one with the same tag', async () => {
        await store.putLocale({ tag: 'ksw', nativeName: 'ကညီကျိာ်' });
        await store.putLocale({ tag: 'my', allowSelfReview: true });
        expect(await store.listLocales()).toEqual([
          { tag: 'my', allowSelfReview: true },
          { tag: 'km' },
          { tag: 'th' },
          { tag: 'ksw', nativeName: 'ကညီကျိာ်' },
        ]);
      });
    });

    describe('immutable values', () => {
      it('never changes a value it handed out, and keeps none of the objects it is given open to change', async () => {
        const statement = aStatement();
        await store.createStatement(statement);
        statement.title = 'changed by the caller after creating';
        expect(await store.getStatement('joint-statement')).toEqual(aStatement());

        const first = await saveNext(store, 'joint-statement', 'my', 's1', 'first');
        const listed = await store.listTranslations('joint-statement', 'my');
        await saveNext(store, 'joint-statement', 'my', 's1', 'second');
        expect(first).toMatchObject({ text: 'first', revision: 1 });
        expect(listed.map((t) => t.text)).toEqual(['first']);
        expect(await store.getTranslation('joint-statement', 'my', 's1')).toMatchObject({ text: 'second', revision: 2 });
        // A caller may not change what it was given; if it tries, the stored value stays as it was.
        try {
          (first as { text: string }).text = 'changed';
        } catch {
          // frozen: refused
        }
        expect((await store.translationHistory('joint-statement', 'my', 's1')).map((h) => h.text)).toEqual(['first', 'second']);

        await store.createAccount(anAccount('Aung'));
        const account = await store.getAccount('account-aung');
        try {
          account!.locales.push('km');
        } catch {
          // frozen: refused
        }
        expect((await store.getAccount('account-aung'))?.locales).toEqual(['my']);
      });
    });
  });
}
