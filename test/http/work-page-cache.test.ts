// The workspace and the review queue are kept rendered per volunteer (http/work-page-cache.ts):
// each request gets its own account header and CSRF token, and any change to what the page shows
// (a save, a review, a glossary entry, a locale, a grant, a publication) gives a new page at once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { grantLocales, toActor } from '../../server/services/accounts.js';
import { saveGlossaryEntry } from '../../server/services/glossary.js';
import { disableLocale } from '../../server/services/locales.js';
import { publishEdition } from '../../server/services/publishing.js';
import type { Actor } from '../../server/domain/permissions.js';
import { CSRF_SLOT, type WorkPageCache } from '../../server/http/work-page-cache.js';
import { api, csrfFrom, makeApp, putTranslation, SID, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let htet: Session;
let aye: Session;
let mon: Session;
let admin: Actor;
const workspace = `/translate/${SID}/my?seg=s3`;
const queue = `/review/${SID}/my`;

beforeAll(async () => {
  t = await makeApp();
  htet = await t.login('htet', 'translator', ['my']);
  aye = await t.login('aye', 'translator', ['my']);
  mon = await t.login('mon', 'editor', ['my']);
  await t.login('root', 'admin');
  admin = toActor((await t.deps.store.findAccountByName('root'))!);
});
afterAll(() => t.close());

const renders = () => (t.app.locals.workPageCache as WorkPageCache).stats().renders;
const tokensIn = (html: string) => [...html.matchAll(/name="_csrf" value="([^"]*)"/g)].map((m) => m[1]);

describe('a kept workspace page', () => {
  it('is rendered once for two views, each with the session’s own token in every form', async () => {
    const before = renders();
    const first = await htet.agent.get(workspace).expect(200);
    const second = await htet.agent.get(workspace).expect(200);
    expect(renders()).toBe(before + 1);
    expect(second.text).toBe(first.text);
    expect(second.headers['cache-control']).toBe('no-store');
    const tokens = tokensIn(second.text);
    expect(tokens.length).toBeGreaterThan(2);
    expect(new Set(tokens)).toEqual(new Set([htet.csrf]));
    expect(second.text).not.toContain(CSRF_SLOT);
    // The kept page's forms work: their token is this session's.
    await htet.agent
      .post(`/translate/${SID}/my/s3`)
      .type('form')
      .send({ _csrf: csrfFrom(second.text), text: 'ပထမ မူကြမ်း', baseRevision: '0', action: 'save' })
      .expect(303);
  });

  it('is never another volunteer’s: the same page for someone else names them, with their token', async () => {
    const mine = await htet.agent.get(workspace).expect(200);
    const theirs = await aye.agent.get(workspace).expect(200);
    expect(mine.text).toContain(`data-account="${htet.accountId}"`);
    expect(theirs.text).toContain(`data-account="${aye.accountId}"`);
    expect(theirs.text).not.toContain(htet.accountId);
    expect(theirs.text).toContain('>aye</a>');
    expect(theirs.text).not.toContain('>htet</a>');
    expect(new Set(tokensIn(theirs.text))).toEqual(new Set([aye.csrf]));
  });

  it('compresses a session’s copy once, and never sends it to another session, the same volunteer’s either', async () => {
    const phone = await t.login('htet', 'translator', ['my']); // htet again, on another device
    expect(phone.csrf).not.toBe(htet.csrf);
    const get = (who: Session) => who.agent.get(workspace).set('Accept-Encoding', 'gzip').expect(200);
    const [mine, again, onPhone, theirs] = [await get(htet), await get(htet), await get(phone), await get(aye)];
    for (const res of [mine, again, onPhone, theirs]) expect(res.headers['content-encoding']).toBe('gzip');
    expect(again.text).toBe(mine.text);
    expect(new Set(tokensIn(mine.text))).toEqual(new Set([htet.csrf]));
    expect(new Set(tokensIn(onPhone.text))).toEqual(new Set([phone.csrf]));
    expect(new Set(tokensIn(theirs.text))).toEqual(new Set([aye.csrf]));
    expect(theirs.text).toContain(`data-account="${aye.accountId}"`);
    const plain = await htet.agent.get(workspace).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(mine.text);
  });

  it('shows a save at once, whoever made it', async () => {
    await htet.agent.get(workspace).expect(200);
    await aye.agent
      .put(api().segment('my', 's3'))
      .set('x-csrf-token', aye.csrf)
      .send({ text: 'အေး၏ ဘာသာပြန်', baseRevision: 1, action: 'save' })
      .expect(200);
    expect((await htet.agent.get(workspace).expect(200)).text).toContain('အေး၏ ဘာသာပြန်');
  });

  it('shows a new glossary entry, and another language’s text until that language is disabled', async () => {
    await saveGlossaryEntry(t.deps, admin, 'my', { term: 'undersigned', translation: 'လက်မှတ်ရေးထိုးသူ' });
    expect((await htet.agent.get(workspace).expect(200)).text).toContain('လက်မှတ်ရေးထိုးသူ');
    const source = (await t.deps.store.getStatement(SID))!.segments.find((s) => s.id === 's3')!;
    await putTranslation(t.deps.store, SID, (revision) => ({
      segmentId: 's3',
      sourceHash: source.sourceHash,
      locale: 'km',
      text: 'យើងខ្ញុំ ជាអង្គការសង្គមស៊ីវិល',
      status: 'approved',
      author: 'someone',
      updatedAt: new Date(revision * 1000).toISOString(),
    }));
    expect((await htet.agent.get(workspace).expect(200)).text).toContain('យើងខ្ញុំ ជាអង្គការសង្គមស៊ីវិល');
    await disableLocale(t.deps, admin, 'km');
    expect((await htet.agent.get(workspace).expect(200)).text).not.toContain('យើងខ្ញុំ ជាអង្គការសង្គមស៊ីវិល');
  });

  it('is refused as soon as the volunteer loses the language, though a page was kept for them', async () => {
    const kept = await t.login('kyaw', 'translator', ['my']);
    await kept.agent.get(workspace).expect(200);
    await grantLocales(t.deps, admin, kept.accountId, ['th']);
    await kept.agent.get(workspace).expect(403);
  });

  it('is not where a refused save’s reason goes: the next view has no conflict', async () => {
    const refused = await htet.agent
      .post(`/translate/${SID}/my/s3`)
      .type('form')
      .send({ _csrf: htet.csrf, text: 'ဟောင်းနေသော စာ', baseRevision: '1', action: 'save' })
      .expect(409);
    expect(refused.text).toContain('ဟောင်းနေသော စာ');
    const after = await htet.agent.get(workspace).expect(200);
    expect(after.text).not.toContain('ဟောင်းနေသော စာ');
  });
});

describe('a kept review queue', () => {
  it('drops a submission once it is approved, and shows a new publication', async () => {
    await htet.agent
      .put(api().segment('my', 's4'))
      .set('x-csrf-token', htet.csrf)
      .send({ text: 'တင်သွင်းသော ဘာသာပြန်', baseRevision: 0, action: 'submit', confirmWarnings: true })
      .expect(200);
    const before = renders();
    const listed = await mon.agent.get(queue).expect(200);
    await mon.agent.get(queue).expect(200);
    expect(renders()).toBe(before + 1);
    expect(listed.text).toContain('တင်သွင်းသော ဘာသာပြန်');
    expect(new Set(tokensIn(listed.text))).toEqual(new Set([mon.csrf]));
    await mon.agent.post(api().review('my', 's4')).set('x-csrf-token', mon.csrf).send({ decision: 'approve', revision: 1 }).expect(200);
    expect((await mon.agent.get(queue).expect(200)).text).not.toContain('တင်သွင်းသော ဘာသာပြန်');
    expect((await mon.agent.get(queue).expect(200)).text).toContain('Not published yet');
    await publishEdition(t.deps, admin, { statementId: SID, locale: 'my', confirmIncomplete: true });
    const published = (await mon.agent.get(queue).expect(200)).text;
    expect(published).toContain('Published now: version 1,');
    expect(published).not.toContain('Not published yet');
  });
});
