// "Waiting for you" on the home page and the count in the header: a volunteer's own translations
// sent back, untranslated segments in their languages, and for editors the submissions to review.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { api, bearer, makeApp, SID, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let translator: Session;
let editor: Session;

beforeAll(async () => {
  t = await makeApp();
  translator = await t.login('nilar', 'translator', ['my']);
  editor = await t.login('sanda', 'editor', ['my']);
  const tok = await t.token('nilar', 'translator', ['my']);
  const ed = await t.token('sanda', 'editor', ['my']);
  for (const seg of ['s100', 's101']) {
    await request(t.app)
      .put(api().segment('my', seg))
      .set(bearer(tok))
      .send({ text: 'မြန်မာ အဖွဲ့', baseRevision: 0, action: 'submit', confirmWarnings: true })
      .expect(200);
  }
  await request(t.app).post(api().review('my', 's100')).set(bearer(ed)).send({ decision: 'request_changes', revision: 1, comment: 'ပြင်ပါ' }).expect(200);
});
afterAll(() => t.close());

describe('what is waiting', () => {
  it('shows a translator their sent-back translation and the untranslated segments, with links that open exactly those', async () => {
    const home = (await translator.agent.get('/').expect(200)).text;
    expect(home).toContain('Waiting for you');
    expect(home).toContain(`<a href="/translate/${SID}/my?status=needs_work" class="waiting-needs_work">1 of yours sent back</a>`);
    expect(home).toContain(`<a href="/translate/${SID}/my?status=untranslated" class="waiting-untranslated">240 untranslated</a>`);
    expect(home).not.toContain('to review');
    expect(home).toContain('<a class="waiting-count" href="/#waiting">1 waiting</a>');
    const sentBack = (await translator.agent.get(`/translate/${SID}/my?status=needs_work`).expect(200)).text;
    expect(sentBack.match(/<form method="post" action="\/translate\//g)).toHaveLength(1);
    expect(sentBack).toContain('id="t-s100"');
  });

  it('shows an editor the submissions to review, in the interface language’s digits', async () => {
    const home = (await editor.agent.get('/').set('Cookie', 'tandem.lang=my').expect(200)).text;
    expect(home).toContain(`<a href="/review/${SID}/my" class="waiting-review">စစ်ဆေးရန် ၁ ခု</a>`);
    expect(home).toContain('မဘာသာပြန်ရသေး ၂၄၀ ခု');
  });

  it('counts again in the header as soon as something changes: a review, a grant', async () => {
    const count = async () =>
      /class="waiting-count" href="\/#waiting">([^<]*)</.exec((await translator.agent.get(`/translate/${SID}/my`).expect(200)).text)?.[1];
    expect(await count()).toBe('1 waiting');
    const ed = await t.token('sanda', 'editor', ['my']);
    await request(t.app).post(api().review('my', 's101')).set(bearer(ed)).send({ decision: 'request_changes', revision: 1, comment: 'ပြင်ပါ' }).expect(200);
    expect(await count()).toBe('2 waiting');
    const account = (await t.deps.store.findAccountByName('nilar'))!;
    await t.deps.store.updateAccount(account.id, (a) => ({ ...a, locales: ['my', 'km'] }));
    expect(await count()).toBe('2 waiting'); // km has no statement work sent back: the same count, counted again
    await t.deps.store.updateAccount(account.id, (a) => ({ ...a, locales: ['km'] }));
    await translator.agent.get(`/translate/${SID}/my`).expect(403);
    expect((await translator.agent.get('/').expect(200)).text.includes('class="waiting-count"')).toBe(false);
  });

  it('shows nothing to a reader', async () => {
    const home = (await request(t.app).get('/').expect(200)).text;
    expect(home).not.toContain('id="waiting"');
  });
});
