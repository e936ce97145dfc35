// A request repeated after it succeeded (a client retrying after a lost answer, a double click)
// gets the same answer as the first time, not a conflict; a real conflict is still refused.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { api, bearer, makeApp, SID, type TestApp } from '../support/app.js';

let t: TestApp;
let translator: string;
let other: string;
let editor: string;
const paths = api();
const put = (token: string, locale: string, seg: string, body: object) => request(t.app).put(paths.segment(locale, seg)).set(bearer(token)).send(body);
const review = (locale: string, seg: string, body: object) => request(t.app).post(paths.review(locale, seg)).set(bearer(editor)).send(body);
const history = (locale: string, seg: string) => t.deps.store.translationHistory(SID, locale, seg);

beforeAll(async () => {
  t = await makeApp();
  translator = await t.token('nilar', 'translator', ['my', 'km']);
  other = await t.token('bopha', 'translator', ['my', 'km']);
  editor = await t.token('kyaw', 'editor', ['my', 'km']);
});
afterAll(() => t.close());

describe.each([
  ['my', 's10', 'မြန်မာ စာ', 'ထပ်မံ'],
  ['km', 's11', 'អត្ថបទ ខ្មែរ', 'ថ្មី'],
])('repeated requests in %s', (locale, seg, text, more) => {
  it('answers a repeated save (same text, base revision and action) as the first time, storing it once', async () => {
    const first = await put(translator, locale, seg, { text, baseRevision: 0, action: 'save' }).expect(200);
    const again = await put(translator, locale, seg, { text, baseRevision: 0, action: 'save' }).expect(200);
    expect(again.body).toMatchObject({ revision: first.body.revision, status: 'draft', text });
    expect(await history(locale, seg)).toHaveLength(1);
  });

  it('answers two simultaneous identical submissions alike, storing one', async () => {
    const body = { text: `${text} ${more}`, baseRevision: 1, action: 'submit', confirmWarnings: true };
    const [a, b] = await Promise.all([put(translator, locale, seg, body), put(translator, locale, seg, body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.revision).toBe(2);
    expect(b.body.revision).toBe(2);
    expect(await history(locale, seg)).toHaveLength(2);
  });

  it('still refuses a real conflict: other text, or the same text from someone else, on a stale revision', async () => {
    await put(translator, locale, seg, { text: 'something else', baseRevision: 1, action: 'submit', confirmWarnings: true }).expect(409);
    await put(other, locale, seg, { text: `${text} ${more}`, baseRevision: 1, action: 'submit', confirmWarnings: true }).expect(409);
    await put(translator, locale, seg, { text: `${text} ${more}`, baseRevision: 1, action: 'save' }).expect(409);
  });

  it('answers a repeated approval of the same revision as the first time', async () => {
    const first = await review(locale, seg, { decision: 'approve', revision: 2 }).expect(200);
    const again = await review(locale, seg, { decision: 'approve', revision: 2 }).expect(200);
    expect(again.body).toMatchObject({ revision: first.body.revision, status: 'approved' });
    expect((await history(locale, seg)).map((h) => h.action)).toEqual(['save', 'submit', 'approve']);
  });

  it('answers a repeated request for changes with the same comment as the first time', async () => {
    const seg2 = `${seg}0`;
    await put(translator, locale, seg2, { text, baseRevision: 0, action: 'submit', confirmWarnings: true }).expect(200);
    const first = await review(locale, seg2, { decision: 'request_changes', revision: 1, comment: 'check the date' }).expect(200);
    await review(locale, seg2, { decision: 'request_changes', revision: 1, comment: 'check the date' }).expect(200);
    await review(locale, seg2, { decision: 'request_changes', revision: 1, comment: 'another comment' }).expect(409);
    expect(first.body).toMatchObject({ status: 'needs_work', revision: 2 });
    expect(await history(locale, seg2)).toHaveLength(2);
  });
});
