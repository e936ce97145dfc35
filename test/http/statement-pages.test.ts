// The admins' statement pages, with plain forms (no JavaScript): create by upload or paste with a
// preview of the segments, archive; the correction page with each segment classified, a word
// diff for changed ones and a substantive/small-fix choice per changed segment.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { csrfFrom, makeApp, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await makeApp();
  admin = await t.login('root', 'admin');
});
afterAll(() => t.close());

const SOURCE = 'Statement on the floods\n\nAt least 40 people died.\n\nWe ask for help.\n';

describe('creating a statement', () => {
  it('uploads a file, shows its segments, creates nothing until confirmed', async () => {
    const page = await admin.agent.get('/admin/statements').expect(200);
    expect(page.text).toContain('enctype="multipart/form-data"');
    const preview = await admin.agent
      .post('/admin/statements')
      .field('_csrf', csrfFrom(page.text))
      .field('title', '')
      .field('date', '2024-06-01')
      .field('sourceLocale', 'en')
      .field('id', '')
      .field('step', 'preview')
      .attach('file', Buffer.from(SOURCE), 'floods.md')
      .expect(200);
    expect(preview.text).toContain('At least 40 people died.');
    expect(preview.text).toContain('2024-06-01-statement-on-the-floods');
    expect(await t.deps.store.getStatement('2024-06-01-statement-on-the-floods')).toBeUndefined();

    const created = await admin.agent
      .post('/admin/statements')
      .type('form')
      .send({
        _csrf: csrfFrom(preview.text),
        step: 'create',
        title: 'Statement on the floods',
        date: '2024-06-01',
        sourceLocale: 'en',
        id: '2024-06-01-statement-on-the-floods',
        markdown: SOURCE,
      })
      .expect(303);
    expect(created.headers.location).toBe('/admin/statements?created=2024-06-01-statement-on-the-floods');
    expect(await t.deps.store.getStatement('2024-06-01-statement-on-the-floods')).toMatchObject({ date: '2024-06-01', sourceLocale: 'en' });
    const home = await request(t.app).get('/').expect(200);
    expect(home.text.indexOf('Statement on the floods')).toBeLessThan(home.text.indexOf('Joint Statement by the Civil Society'));
  });

  it('says what is wrong in the interface language, keeping what was typed', async () => {
    const page = await admin.agent.get('/admin/statements').expect(200);
    await admin.agent.get('/ui/km?next=%2F').expect(303);
    const empty = await admin.agent
      .post('/admin/statements')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), step: 'preview', title: 'Kept title', sourceLocale: 'en', markdown: '  ' })
      .expect(422);
    expect(empty.text).toMatch(/role="alert">[^<]*[\u1780-\u17ff]/);
    expect(empty.text).toContain('value="Kept title"');
    const notUtf8 = await admin.agent
      .post('/admin/statements')
      .field('_csrf', csrfFrom(page.text))
      .field('sourceLocale', 'en')
      .field('step', 'preview')
      .attach('file', Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]), 'broken.md')
      .expect(422);
    expect(notUtf8.text).toContain('role="alert"');
    await admin.agent.get('/ui/en?next=%2F').expect(303);
    const taken = await admin.agent
      .post('/admin/statements')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), step: 'create', sourceLocale: 'en', id: '2024-06-01-statement-on-the-floods', markdown: SOURCE })
      .expect(409);
    expect(taken.text).toContain('already taken');
  });

  it('refuses a form without its CSRF token, an upload included', async () => {
    await admin.agent.post('/admin/statements').field('sourceLocale', 'en').attach('file', Buffer.from(SOURCE), 'x.md').expect(403);
    await admin.agent.post('/admin/statements').type('form').send({ sourceLocale: 'en', markdown: SOURCE, step: 'create' }).expect(403);
  });
});

describe('correcting a statement from its page', () => {
  const SID = '2024-06-01-statement-on-the-floods';
  it('classifies each segment, shows the word diff, and applies the chosen small fix', async () => {
    const page = await admin.agent.get(`/correct/${SID}`).expect(200);
    const corrected = SOURCE.replace('40', '45').replace('We ask for help.', 'We ask for halp.');
    const preview = await admin.agent
      .post(`/correct/${SID}`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), step: 'preview', markdown: corrected })
      .expect(200);
    expect(preview.text).toMatch(/<del>.*40<\/del>/s);
    expect(preview.text).toMatch(/<ins>.*45<\/ins>/s);
    expect(preview.text).toContain('name="fix-s2" value="substantive" checked');
    expect((await t.deps.store.getStatement(SID))?.sourceRevision).toBe(1);

    const applied = await admin.agent
      .post(`/correct/${SID}`)
      .type('form')
      .send({ _csrf: csrfFrom(preview.text), step: 'apply', markdown: corrected, 'fix-s2': 'substantive', 'fix-s3': 'small' })
      .expect(303);
    expect(applied.headers.location).toBe(`/correct/${SID}?revision=2`);
    expect((await admin.agent.get(applied.headers.location).expect(200)).text).toContain('role="status"');
    expect((await t.deps.store.getStatement(SID))?.segments[2]?.source).toBe('We ask for halp.');
    const audit = await t.deps.store.listAudit();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['statement.create', 'statement.correct']));
  });

  it('refuses an unknown field in the choice and a choice on an unchanged segment', async () => {
    const page = await admin.agent.get(`/correct/${SID}`).expect(200);
    await admin.agent
      .post(`/correct/${SID}`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), step: 'apply', markdown: SOURCE, 'fix-s9; drop': 'small' })
      .expect(400);
    const unchanged = await admin.agent
      .post(`/correct/${SID}`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), step: 'apply', markdown: SOURCE.replace('We ask for help.', 'We ask for halp.'), 'fix-s3': 'small' })
      .expect(400);
    expect(unchanged.text).toContain('role="alert"');
  });

  it('lets an editor of the source language in, and no one else but admins', async () => {
    await t.deps.store.putLocale({ tag: 'en' });
    const editor = await t.login('nilar', 'editor', ['en']);
    await editor.agent.get(`/correct/${SID}`).expect(200);
    const other = await t.login('sokha', 'editor', ['my']);
    await other.agent.get(`/correct/${SID}`).expect(403);
    await other.agent.get('/admin/statements').expect(403);
  });
});

describe('archiving from the page', () => {
  it('archives with a button: gone from `/`, still listed for admins, its pages answer', async () => {
    const page = await admin.agent.get('/admin/statements').expect(200);
    await admin.agent
      .post('/admin/statements/2024-06-01-statement-on-the-floods/archive')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
      .expect(303);
    expect((await request(t.app).get('/').expect(200)).text).not.toContain('Statement on the floods');
    expect((await admin.agent.get('/admin/statements').expect(200)).text).toContain('Statement on the floods');
    await request(t.app).get('/s/2024-06-01-statement-on-the-floods/my').expect(200);
  });
});
