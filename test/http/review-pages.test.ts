// The review queue shows at most 25 submissions a page, with links between pages.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { makeApp, SID, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let editor: Session;
beforeAll(async () => {
  t = await makeApp();
  editor = await t.login('khin', 'editor', ['my']);
  // Every name kept as in the original: 217 submissions to review.
  await editor.agent.post(`/keep-original/${SID}/my`).type('form').send({ _csrf: editor.csrf }).expect(303);
}, 60_000); // 217 saves: seconds on a loaded machine
afterAll(() => t.close());

it('pages 217 submissions 25 at a time', async () => {
  const first = (await editor.agent.get(`/review/${SID}/my`).expect(200)).text;
  expect(first.match(/class="review-form"/g)).toHaveLength(25);
  expect(first).toContain(`href="/review/${SID}/my?page=2" rel="next"`);
  const last = (await editor.agent.get(`/review/${SID}/my?page=9`).expect(200)).text;
  expect(last.match(/class="review-form"/g)).toHaveLength(17);
  expect(Buffer.byteLength(first)).toBeLessThan(150_000);
});

it('keeps the rest of one section of names as in the original, from that section', async () => {
  const kmEditor = await t.login('sophal', 'editor', ['km']);
  const page = (await kmEditor.agent.get(`/translate/${SID}/km?section=supporter`).expect(200)).text;
  expect(page).toContain('<input type="hidden" name="section" value="supporter">');
  expect(page).toContain('Keep the rest of the supporters as in the original');
  const res = await kmEditor.agent.post(`/keep-original/${SID}/km`).type('form').send({ _csrf: kmEditor.csrf, section: 'supporter' }).expect(303);
  expect(res.headers.location).toBe(`/translate/${SID}/km?kept=22&section=supporter`);
  const kinds = new Set((await t.deps.store.listTranslations(SID, 'km')).map((x) => x.segmentId));
  expect(kinds.size).toBe(22);
}, 30_000);
