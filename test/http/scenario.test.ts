// The whole path: a translator drafts and submits a Burmese segment, an editor approves it, a
// reader sees it in the Burmese edition and in the compare view, and progress moves.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import request from 'supertest';
import { api, csrfFrom, makeApp, SID, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
});
afterAll(() => t.close());

const BURMESE = 'မြန်မာနှင့် ကမ္ဘောဒီးယား အရပ်ဖက်လူမှုအဖွဲ့အစည်းများ၏ ပူးတွဲထုတ်ပြန်ချက်';

it('takes a Burmese title from draft to the published edition', async () => {
  const before = (await request(t.app).get(api().progress).expect(200)).body.locales.my;

  // The translator works in the browser, with plain forms (no JavaScript).
  const translator = await t.login('thiri', 'translator', ['my']);
  const workspace = await translator.agent.get(`/translate/${SID}/my`).expect(200);
  expect(workspace.text).toContain('id="t-s1"');
  const csrf = csrfFrom(workspace.text);
  await translator.agent.post(`/translate/${SID}/my/s1`).type('form').send({ _csrf: csrf, text: BURMESE, baseRevision: '0', action: 'save' }).expect(303);
  await translator.agent
    .post(`/translate/${SID}/my/s1`)
    .type('form')
    .send({ _csrf: csrf, text: BURMESE, baseRevision: '1', action: 'submit' })
    .expect(303);

  // Not yet public: the reader still sees the English title, marked as such.
  const draftEdition = await request(t.app).get(`/s/${SID}/my`).expect(200);
  expect(draftEdition.text).not.toContain(BURMESE);

  // The editor approves from the review queue.
  const editor = await t.login('sokha', 'editor', ['my']);
  const queue = await editor.agent.get(`/review/${SID}/my`).expect(200);
  expect(queue.text).toContain(BURMESE);
  await editor.agent
    .post(`/review/${SID}/my/s1`)
    .type('form')
    .send({ _csrf: csrfFrom(queue.text), decision: 'approve', revision: '2' })
    .expect(303);

  // Readers see it, with lang="my", in the edition and the compare view.
  const edition = await request(t.app).get(`/s/${SID}/my`).expect(200);
  expect(edition.text).toMatch(new RegExp(`<h1 class="text state-approved" lang="my" dir="ltr">${BURMESE}</h1>`));
  expect(edition.text).not.toMatch(/thiri|sokha/);
  const compare = await request(t.app).get(`/s/${SID}/compare?langs=en,my,km`).expect(200);
  expect(compare.text).toContain(BURMESE);
  expect(compare.text).toContain('Joint Statement by the Civil Society');

  const after = (await request(t.app).get(api().progress).expect(200)).body.locales.my;
  expect(after.approved).toBe(before.approved + 1);
  expect(after.untranslated).toBe(before.untranslated - 1);
});
