// Disabling and enabling languages (admin page and API): a disabled language leaves every public
// list and switcher, its translations are kept and come back with it; enabling an enabled language
// says so; a language Tandem has no font for gets a warning.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { makeApp, SID, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let admin: Session;
let token: string;
const bearer = () => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  t = await makeApp();
  admin = await t.login('ada', 'admin');
  token = await t.token('root', 'admin');
  const api = `/api/v1/statements/${SID}/translations/th/s2`;
  await request(t.app).put(api).set(bearer()).send({ text: 'วันที่ ๔ มกราคม ๒๕๖๕', baseRevision: 0, action: 'save' }).expect(200);
});
afterAll(() => t.close());

describe('disabling a language', () => {
  it('takes it out of the public lists and pages, keeps its translations, and brings them back', async () => {
    await request(t.app)
      .post('/api/v1/locales/th/disable')
      .set(bearer())
      .expect(200, /"disabled":true/);
    const listed = (await request(t.app).get('/api/v1/locales').expect(200)).body as { tag: string }[];
    expect(listed.map((l) => l.tag)).not.toContain('th');
    expect((await request(t.app).get('/').expect(200)).text).not.toContain('hreflang="th"');
    expect((await request(t.app).get(`/s/${SID}/my`).expect(200)).text).not.toContain('ไทย');
    await request(t.app).get(`/s/${SID}/th`).expect(404);
    expect((await t.deps.store.listTranslations(SID, 'th')).map((x) => x.segmentId)).toEqual(['s2']);

    const again = await request(t.app).post('/api/v1/locales/th/disable').set(bearer()).expect(409);
    expect(again.body.error.message).toBe('th is already disabled.');

    await request(t.app).post('/api/v1/locales').set(bearer()).send({ tag: 'th' }).expect(201);
    const back = (await request(t.app).get(`/api/v1/statements/${SID}/translations/th`).set(bearer()).expect(200)).body as {
      segmentId: string;
      text: string;
    }[];
    expect(back).toEqual([expect.objectContaining({ segmentId: 's2', text: 'วันที่ ๔ มกราคม ๒๕๖๕' })]);
  });

  it('says so when a language is already enabled, and lets an admin correct its name', async () => {
    const res = await request(t.app).post('/api/v1/locales').set(bearer()).send({ tag: 'my' }).expect(409);
    expect(res.body.error.message).toContain('my is already enabled');
    const renamed = await request(t.app).post('/api/v1/locales').set(bearer()).send({ tag: 'km', nativeName: 'ភាសាខ្មែរ' }).expect(201);
    expect(renamed.body.autonym).toBe('ភាសាខ្មែរ');
  });

  it('works from the admin page, with the audit log and a notice', async () => {
    await admin.agent.post('/admin/locales/km/disable').type('form').send({ _csrf: admin.csrf }).expect(303);
    let page = (await admin.agent.get('/admin?locale=km&done=disabled').expect(200)).text;
    expect(page).toContain('is disabled. Its translations are kept.');
    expect(page).toContain('Disabled languages');
    await admin.agent.post('/admin/locales').type('form').send({ _csrf: admin.csrf, tag: 'km' }).expect(303);
    page = (await admin.agent.get('/admin?locale=km&done=reenabled').expect(200)).text;
    expect(page).toContain('is enabled again, with its translations.');
    const dup = await admin.agent.post('/admin/locales').type('form').send({ _csrf: admin.csrf, tag: 'km' }).expect(409);
    expect(dup.text).toContain('km is already enabled');
    const audit = (await admin.agent.get('/admin/audit').expect(200)).text;
    expect(audit).toContain('disabled a language');
  });

  it('warns an admin who enables a language Tandem has no font for', async () => {
    const res = await admin.agent.post('/admin/locales').type('form').send({ _csrf: admin.csrf, tag: 'am' }).expect(303);
    const page = (await admin.agent.get(res.headers.location!).expect(200)).text;
    expect(page).toContain('Tandem has no font for the script of Amharic (Ethi)');
    const served = await admin.agent.post('/admin/locales').type('form').send({ _csrf: admin.csrf, tag: 'rhg-Rohg' }).expect(303);
    expect((await admin.agent.get(served.headers.location!).expect(200)).text).not.toContain('Tandem has no font');
  });
});
