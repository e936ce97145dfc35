// The JSON API (DESIGN.md "HTTP surface") with anonymous, translator, editor and admin callers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { api, bearer, makeApp, SID, type TestApp } from '../support/app.js';

let t: TestApp;
let translator: string;
let editor: string;
let admin: string;
let otherTranslator: string;
const paths = api();

beforeAll(async () => {
  t = await makeApp();
  translator = await t.token('tina', 'translator', ['my']);
  editor = await t.token('eddie', 'editor', ['my']);
  admin = await t.token('ada', 'admin');
  otherTranslator = await t.token('kim', 'translator', ['km']);
});
afterAll(() => t.close());

const save = (token: string, seg: string, body: object, locale = 'my') => request(t.app).put(paths.segment(locale, seg)).set(bearer(token)).send(body);

describe('GET /api/v1/statements', () => {
  it('lists the shipped statement with its segment count', async () => {
    const res = await request(t.app).get('/api/v1/statements').expect(200);
    expect(res.body).toEqual([{ id: SID, title: expect.stringContaining('Joint Statement'), sourceLocale: 'en', segmentCount: 242, date: '2022-01-04' }]);
  });
});

describe('GET /api/v1/statements/:sid', () => {
  it('gives the segments in order with stable ids', async () => {
    const res = await request(t.app).get(`/api/v1/statements/${SID}`).expect(200);
    expect(res.body.segments).toHaveLength(242);
    expect(res.body.segments[0]).toEqual({ id: 's1', index: 0, kind: 'title', source: expect.any(String), links: [], tokens: [] });
    expect(res.body).toMatchObject({ sourceLocale: 'en', sourceRevision: 1, archived: false });
    expect(res.body.segments.filter((s: { kind: string }) => s.kind === 'signatory')).toHaveLength(195);
  });

  it("carries each segment's links and tokens, so an API reader can rebuild the source", async () => {
    const res = await request(t.app).get(`/api/v1/statements/${SID}`).expect(200);
    const toll = res.body.segments.find((s: { source: string }) => s.source.startsWith('As of today'));
    expect(toll.source).toContain('<1>killed</1>');
    expect(toll.links).toEqual([{ n: 1, href: '#' }]);
    const contact = res.body.segments.find((s: { kind: string }) => s.kind === 'contact');
    expect(contact.tokens).toEqual([{ n: 1, value: 'NYforBurmaDemocracy@gmail.com' }]);
  });
  it.each([
    ['an unknown id', '/api/v1/statements/nope', 404],
    ['an id that is not a slug', '/api/v1/statements/..%2Fetc', 400],
  ])('answers %s with %i', async (_name, url, status) => {
    const res = await request(t.app).get(url).expect(status);
    expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });
});

describe('PUT a translation', () => {
  it('refuses anonymous callers with 401 and a translator of another locale with 403', async () => {
    await request(t.app).put(paths.segment('my', 's3')).send({ text: 'x', baseRevision: 0, action: 'save' }).expect(401);
    const res = await save(otherTranslator, 's3', { text: 'x', baseRevision: 0, action: 'save' }).expect(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('saves a first draft from revision 0, then submits from revision 1', async () => {
    const first = await save(translator, 's3', { text: 'ကျွန်ုပ်တို့ ။', baseRevision: 0, action: 'save' }).expect(200);
    expect(first.body).toMatchObject({ segmentId: 's3', revision: 1, status: 'draft' });
    const second = await save(translator, 's3', { text: 'ကျွန်ုပ်တို့ ။', baseRevision: 1, action: 'submit' }).expect(200);
    expect(second.body).toMatchObject({ revision: 2, status: 'submitted' });
  });

  it('answers a stale base revision with 409 and the current translation', async () => {
    const res = await save(translator, 's3', { text: 'old', baseRevision: 1, action: 'save' }).expect(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', current: { text: 'ကျွန်ုပ်တို့ ။', revision: 2 } });
  });

  it('answers 422 with the failing checks when a link placeholder is missing on submit', async () => {
    const res = await save(translator, 's5', { text: 'ပြည်သူ ၁,၃၉၈ ဦး ။', baseRevision: 0, action: 'submit' }).expect(422);
    expect(res.body.error.code).toBe('checks_failed');
    expect(res.body.error.checks).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'placeholders', severity: 'error' })]));
  });

  it.each([
    ['no text', { baseRevision: 0, action: 'save' }, 400],
    ['a negative revision', { text: 'x', baseRevision: -1, action: 'save' }, 400],
    ['an unknown action', { text: 'x', baseRevision: 0, action: 'publish' }, 400],
    ['a text over the limit', { text: 'က'.repeat(10_001), baseRevision: 0, action: 'save' }, 413],
    ['an empty text', { text: '   ', baseRevision: 0, action: 'save' }, 422],
  ])('refuses %s', async (_name, body, status) => {
    const res = await save(translator, 's6', body).expect(status);
    expect(res.body.error.message).toEqual(expect.any(String));
  });

  it.each([
    ['an unknown segment', paths.segment('my', 's9999'), 404],
    ['a locale that is not enabled', paths.segment('fr', 's3'), 404],
    ['a malformed segment id', paths.segment('my', 'x;drop'), 400],
  ])('answers %s with the right status', async (_name, url, status) => {
    await request(t.app).put(url).set(bearer(admin)).send({ text: 'x', baseRevision: 0, action: 'save' }).expect(status);
  });

  it('answers malformed JSON with 400 and an oversized body with 413, never 500', async () => {
    await request(t.app).put(paths.segment('my', 's7')).set(bearer(translator)).set('content-type', 'application/json').send('{"text":').expect(400);
    await request(t.app)
      .put(paths.segment('my', 's7'))
      .set(bearer(translator))
      .send({ text: 'x'.repeat(200_000), baseRevision: 0, action: 'save' })
      .expect(413); // over the body limit (http/body-limit.ts)
  });

  it.each([
    ['en', '10,000'],
    ['my', '၁၀,၀၀၀'],
    ['km', '១០.០០០'],
  ])('words a refusal in the caller’s language (%s) with its digits', async (lang, limit) => {
    const res = await save(translator, 's6', { text: 'က'.repeat(10_001), baseRevision: 0, action: 'save' })
      .set('Accept-Language', lang)
      .expect(413);
    expect(res.body.error.message).toContain(limit);
  });

  it('refuses an invalid bearer token with 401', async () => {
    await request(t.app).get(paths.translations('my')).set(bearer('tdm_not-a-real-token-at-all')).expect(401);
  });
});

describe('review', () => {
  it('lets the editor approve a submitted translation, but not the translator', async () => {
    // The text leaves out the source's numbers: a warning the submission confirms.
    await save(translator, 's4', { text: 'ဒုတိယ ။', baseRevision: 0, action: 'submit', confirmWarnings: true }).expect(200);
    await request(t.app).post(paths.review('my', 's4')).set(bearer(translator)).send({ decision: 'approve', revision: 1 }).expect(403);
    const res = await request(t.app).post(paths.review('my', 's4')).set(bearer(editor)).send({ decision: 'approve', revision: 1 }).expect(200);
    expect(res.body).toMatchObject({ status: 'approved', revision: 2 });
  });

  it('needs a comment to request changes, and a current revision', async () => {
    await save(translator, 's11', { text: 'စာ ။', baseRevision: 0, action: 'submit' }).expect(200);
    await request(t.app).post(paths.review('my', 's11')).set(bearer(editor)).send({ decision: 'request_changes', revision: 1 }).expect(400);
    await request(t.app).post(paths.review('my', 's11')).set(bearer(editor)).send({ decision: 'approve', revision: 0 }).expect(409);
    const res = await request(t.app)
      .post(paths.review('my', 's11'))
      .set(bearer(editor))
      .send({ decision: 'request_changes', revision: 1, comment: 'Use ။' })
      .expect(200);
    expect(res.body.status).toBe('needs_work');
  });

  it('does not let an editor approve their own translation', async () => {
    await save(editor, 's14', { text: 'ကိုယ်တိုင် ။', baseRevision: 0, action: 'submit' }).expect(200);
    const res = await request(t.app).post(paths.review('my', 's14')).set(bearer(editor)).send({ decision: 'approve', revision: 1 }).expect(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('cannot approve a translation that was never submitted', async () => {
    await save(translator, 's15', { text: 'မူကြမ်း', baseRevision: 0, action: 'save' }).expect(200);
    await request(t.app).post(paths.review('my', 's15')).set(bearer(editor)).send({ decision: 'approve', revision: 1 }).expect(409);
  });
});

describe('GET translations of a locale', () => {
  it('shows anonymous callers approved text only', async () => {
    const res = await request(t.app).get(paths.translations('my')).expect(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((x: { status: string }) => x.status === 'approved')).toBe(true);
  });
  it('shows the locale’s translator every status', async () => {
    const res = await request(t.app).get(paths.translations('my')).set(bearer(translator)).expect(200);
    expect(new Set(res.body.map((x: { status: string }) => x.status))).toEqual(new Set(['submitted', 'approved', 'needs_work', 'draft']));
  });
  it('never names a translator', async () => {
    const res = await request(t.app).get(paths.translations('my')).set(bearer(translator)).expect(200);
    expect(JSON.stringify(res.body)).not.toMatch(/tina|eddie|author|u_/);
  });
});

describe('progress', () => {
  it('counts every status per locale', async () => {
    const res = await request(t.app).get(paths.progress).expect(200);
    const my = res.body.locales.my;
    // s3 submitted, s4 approved, s11 needs work, s14 submitted (its editor may not approve it), s15 draft.
    expect(my).toMatchObject({ total: 242, untranslated: 237, approved: 1, submitted: 2, needs_work: 1, draft: 1, outdated: 0 });
    expect(my.percentTranslated).toBe(1); // 3 of 242, rounded down
    expect(my.percentApproved).toBe(0);
    expect(Object.keys(res.body.locales)).toEqual(['my', 'km', 'th']);
  });
});

describe('locales', () => {
  it('lists the enabled locales with autonyms and directions', async () => {
    const res = await request(t.app).get('/api/v1/locales').expect(200);
    expect(res.body[0]).toEqual({ tag: 'my', autonym: 'မြန်မာ', englishName: 'Burmese', direction: 'ltr' });
  });
  it('lets an admin enable a locale, with a native name where Intl has none', async () => {
    const res = await request(t.app).post('/api/v1/locales').set(bearer(admin)).send({ tag: 'ksw', nativeName: 'ကညီကျိာ်' }).expect(201);
    expect(res.body).toEqual({ tag: 'ksw', autonym: 'ကညီကျိာ်', englishName: "S'gaw Karen", direction: 'ltr' });
    const rtl = await request(t.app).post('/api/v1/locales').set(bearer(admin)).send({ tag: 'rhg-Rohg' }).expect(201);
    expect(rtl.body.direction).toBe('rtl');
  });
  it.each([
    ['anonymous', undefined, 401],
    ['a translator', 'translator', 403],
    ['an editor', 'editor', 403],
  ])('refuses %s', async (_name, who, status) => {
    const token = who === 'translator' ? translator : who === 'editor' ? editor : undefined;
    const req = request(t.app).post('/api/v1/locales').send({ tag: 'mnw' });
    await (token ? req.set(bearer(token)) : req).expect(status);
  });
  it.each(['not a tag', 'en-', '12345678901', ''])('answers an invalid tag %p with 400', async (tag) => {
    const res = await request(t.app).post('/api/v1/locales').set(bearer(admin)).send({ tag }).expect(400);
    expect(res.body.error.code).toBe('invalid_input');
  });
});

describe('GET translations after a save', () => {
  it('lists a save made since the last read (the list is written once per change, not kept past one)', async () => {
    const list = async () =>
      (await request(t.app).get(paths.translations('my')).set(bearer(translator)).expect(200)).body as { segmentId: string; text: string }[];
    expect((await list()).some((x) => x.segmentId === 's16')).toBe(false);
    await save(translator, 's16', { text: 'နောက်ထပ် မူကြမ်း', baseRevision: 0, action: 'save' }).expect(200);
    expect((await list()).find((x) => x.segmentId === 's16')?.text).toBe('နောက်ထပ် မူကြမ်း');
    await save(translator, 's16', { text: 'ပြင်ထားသော မူကြမ်း', baseRevision: 1, action: 'save' }).expect(200);
    expect((await list()).find((x) => x.segmentId === 's16')?.text).toBe('ပြင်ထားသော မူကြမ်း');
  });
});
