// A request sent twice (a double tap on a phone, a retry on a cut connection) answers the same as
// the first time; "someone saved a newer version" only when someone did.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { api, bearer, makeApp, SID, type TestApp } from '../support/app.js';

let t: TestApp;
let translator: Record<'my' | 'km', string>;
let editor: string;
let other: Record<'my' | 'km', string>;
beforeAll(async () => {
  t = await makeApp();
  translator = { my: await t.token('aye', 'translator', ['my']), km: await t.token('sok', 'translator', ['km']) };
  other = { my: await t.token('hla', 'translator', ['my']), km: await t.token('dara', 'translator', ['km']) };
  editor = await t.token('ed', 'editor', ['my', 'km']);
});
afterAll(() => t.close());


describe.each([
  ['my', 's2', '၂၀၂၂ ခုနှစ် ဇန်နဝါရီလ ၄ ရက်', '၄ ဇန်နဝါရီ ၂၀၂၂'],
  ['km', 's2', 'ថ្ងៃទី៤ ខែមករា ឆ្នាំ២០២២', '៤ មករា ២០២២'],
] as const)('in %s', (locale, seg, text, otherText) => {
  it('a save repeated with the same base revision answers 200 with the same revision, and stores one change', async () => {
    const body = { text, baseRevision: 0, action: 'submit', confirmWarnings: true };
    const first = await request(t.app).put(api().segment(locale, seg)).set(bearer(translator[locale])).send(body).expect(200);
    const again = await request(t.app).put(api().segment(locale, seg)).set(bearer(translator[locale])).send(body).expect(200);
    expect([again.body.revision, again.body.status]).toEqual([first.body.revision, first.body.status]);
    expect((await t.deps.store.getTranslation(SID, locale, seg))!.history).toHaveLength(1);
  });

  it('a different text on the same base revision is still a conflict (409)', async () => {
    const body = { text: otherText, baseRevision: 0, action: 'submit', confirmWarnings: true };
    await request(t.app).put(api().segment(locale, seg)).set(bearer(other[locale])).send(body).expect(409);
  });

  it('approving twice answers 200 both times with the same revision; a stale review of another revision is 409', async () => {
    const list = await request(t.app).get(api().translations(locale)).set(bearer(editor)).expect(200);
    const current = (list.body as { segmentId: string; revision: number }[]).find((x) => x.segmentId === seg)!;
    const review = { decision: 'approve', revision: current.revision };
    const first = await request(t.app).post(api().review(locale, seg)).set(bearer(editor)).send(review).expect(200);
    const again = await request(t.app).post(api().review(locale, seg)).set(bearer(editor)).send(review).expect(200);
    expect([again.body.revision, again.body.status]).toEqual([first.body.revision, 'approved']);
    await request(t.app).post(api().review(locale, seg)).set(bearer(editor)).send({ decision: 'request_changes', revision: current.revision, comment: 'again?' }).expect(409);
  });
});
