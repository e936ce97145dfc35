// What every Store implementation must do. A second implementation (PostgreSQL) calls
// storeContract with its own `open`; `open(dir)` twice on one dir must reach the same data.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Translation } from '../../server/domain/types.js';
import type { Store } from '../../server/store/interface.js';
import { aStatement, aTranslation, anAccount, nextRevision, tempDirs } from './builders.js';

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

      it.each([['../escape'], ['Upper'], [''], ['a/b'], ['-leading-hyphen'], ['a'.repeat(101)]])(
        'refuses the statement id %j',
        async (id) => {
          await expect(store.createStatement(aStatement(id))).rejects.toMatchObject({ code: 'invalid_input' });
        },
      );

      it('replaces a statement together with the translations it outdated', async () => {
        await store.createStatement(aStatement());
        await store.updateTranslation('joint-statement', 'my', 's2', nextRevision('my', 's2'));
        const outdated = aTranslation('my', 's2', { status: 'outdated', revision: 2 });
        await store.replaceStatement(aStatement('joint-statement', { sourceRevision: 2, title: 'New title' }), [outdated]);
        expect((await store.getStatement('joint-statement'))?.sourceRevision).toBe(2);
        expect(await store.getTranslation('joint-statement', 'my', 's2')).toEqual(outdated);
        await expect(store.replaceStatement(aStatement('missing'), [])).rejects.toMatchObject({ code: 'not_found' });
      });

      it('refuses a replacement made from a stale reading, and writes nothing', async () => {
        await store.createStatement(aStatement());
        await store.updateTranslation('joint-statement', 'my', 's2', nextRevision('my', 's2'));
        const outdated = aTranslation('my', 's2', { status: 'outdated', revision: 2 });
        const next = aStatement('joint-statement', { sourceRevision: 2, title: 'New title' });
        const stale = { sourceRevision: 1, translations: [{ locale: 'my', segmentId: 's2', revision: 0 }] };
        await expect(store.replaceStatement(next, [outdated], stale)).rejects.toMatchObject({ code: 'conflict' });
        await expect(store.replaceStatement(next, [outdated], { sourceRevision: 2, translations: [] })).rejects.toMatchObject({ code: 'conflict' });
        expect((await store.getStatement('joint-statement'))?.sourceRevision).toBe(1);
        await store.replaceStatement(next, [outdated], { sourceRevision: 1, translations: [{ locale: 'my', segmentId: 's2', revision: 1 }] });
        expect(await store.getTranslation('joint-statement', 'my', 's2')).toEqual(outdated);
      });
    });

    describe('translations', () => {
      beforeEach(() => store.createStatement(aStatement()));

      it('creates a translation, then updates it from the current one', async () => {
        const seen: Array<number | undefined> = [];
        const update = (text: string) => (current: Translation | undefined) => {
          seen.push(current?.revision);
          return nextRevision('my', 's2', text)(current);
        };
        expect(await store.updateTranslation('joint-statement', 'my', 's2', update('first'))).toMatchObject({ revision: 1, text: 'first' });
        expect(await store.updateTranslation('joint-statement', 'my', 's2', update('second'))).toMatchObject({ revision: 2, text: 'second' });
        expect(seen).toEqual([undefined, 1]);
        expect(await store.getTranslation('joint-statement', 'my', 's2')).toMatchObject({ revision: 2, text: 'second' });
      });

      it('lists translations per locale in segment order, and for all locales', async () => {
        await store.updateTranslation('joint-statement', 'my', 's3', nextRevision('my', 's3'));
        await store.updateTranslation('joint-statement', 'my', 's1', nextRevision('my', 's1'));
        await store.updateTranslation('joint-statement', 'km', 's2', nextRevision('km', 's2'));
        expect((await store.listTranslations('joint-statement', 'my')).map((t) => t.segmentId)).toEqual(['s1', 's3']);
        expect((await store.listTranslations('joint-statement', 'th')).length).toBe(0);
        const all = await store.listAllTranslations('joint-statement');
        expect(all.map((t) => `${t.locale}/${t.segmentId}`).sort()).toEqual(['km/s2', 'my/s1', 'my/s3']);
      });

      it('rejects an update of a statement that does not exist', async () => {
        await expect(store.updateTranslation('missing', 'my', 's1', nextRevision('my', 's1'))).rejects.toMatchObject({ code: 'not_found' });
      });

      it('changes nothing, in memory or after a restart, when the update function throws', async () => {
        await store.updateTranslation('joint-statement', 'my', 's2', nextRevision('my', 's2', 'kept'));
        const stale = new Error('stale base revision');
        const failing = (current: Translation | undefined) => {
          if (current) current.text = 'changed in place'; // even a change to its argument must not stick
          throw stale;
        };
        await expect(store.updateTranslation('joint-statement', 'my', 's2', failing)).rejects.toBe(stale);
        await expect(store.updateTranslation('joint-statement', 'km', 's2', failing)).rejects.toBe(stale);
        expect(await store.getTranslation('joint-statement', 'my', 's2')).toMatchObject({ text: 'kept', revision: 1 });
        await reopen();
        expect(await store.getTranslation('joint-statement', 'my', 's2')).toMatchObject({ text: 'kept', revision: 1 });
        expect(await store.getTranslation('joint-statement', 'km', 's2')).toBeUndefined();
      });

      it('applies 200 simultaneous increments of one segment one after another, durably', async () => {
        const saves = Array.from({ length: 200 }, (_, i) =>
          store.updateTranslation('joint-statement', 'my', 's2', nextRevision('my', 's2', `save ${i + 1}`)),
        );
        const results = await Promise.all(saves);
        expect(results.map((t) => t.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
        await reopen();
        expect(await store.getTranslation('joint-statement', 'my', 's2')).toMatchObject({ revision: 200, text: 'save 200' });
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
        const mine = [{ hash: 'a1'.repeat(32), accountId: 'account-aung', createdAt: '2022-01-04T00:00:00.000Z' }, { hash: 'a2'.repeat(32), accountId: 'account-aung', createdAt: '2022-01-04T00:00:00.000Z' }];
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

    describe('copies', () => {
      it('hands out copies and keeps none of the objects it is given', async () => {
        const statement = aStatement();
        await store.createStatement(statement);
        statement.title = 'changed by the caller after creating';
        const got = await store.getStatement('joint-statement');
        got!.segments.pop();
        (await store.listStatements())[0]!.title = 'changed';
        expect(await store.getStatement('joint-statement')).toEqual(aStatement());

        const saved = await store.updateTranslation('joint-statement', 'my', 's1', nextRevision('my', 's1', 'text'));
        saved.text = 'changed';
        (await store.getTranslation('joint-statement', 'my', 's1'))!.history.push({
          revision: 9, action: 'save', status: 'draft', text: 'x', actor: 'a', at: 'now',
        });
        (await store.listTranslations('joint-statement', 'my'))[0]!.text = 'changed';
        expect(await store.getTranslation('joint-statement', 'my', 's1')).toMatchObject({ text: 'text', history: [] });

        await store.createAccount(anAccount('Aung'));
        (await store.getAccount('account-aung'))!.locales.push('km');
        (await store.listLocales())[0]!.tag = 'changed';
        expect((await store.getAccount('account-aung'))?.locales).toEqual(['my']);
        expect((await store.listLocales())[0]?.tag).toBe('my');
      });
    });
  });
}
