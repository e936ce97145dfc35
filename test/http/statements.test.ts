// Living statements through the API: creating (201, 409 taken id, 422 no segments), archiving
// (gone from `/`, pages keep working), and a source correction from upload to outdated to updated
// to approved, with a revert giving the statuses back. Every step is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { makeApp, type TestApp } from '../support/app.js';

let t: TestApp;
let admin: string;
let editor: string;
let reviewer: string;
let translator: string;
beforeAll(async () => {
  t = await makeApp();
  admin = await t.token('root', 'admin');
  await request(t.app).post('/api/v1/locales').set(as(admin)).send({ tag: 'en' }).expect(201); // English is a target for others' statements
  editor = await t.token('nilar', 'editor', ['en']); // an editor of the source language
  reviewer = await t.token('sokha', 'editor', ['my']);
  translator = await t.token('thiri', 'translator', ['my']);
});
afterAll(() => t.close());

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const SOURCE = [
  'Statement on the airstrikes',
  '12 March 2024',
  'As of today, 1,398 people have been killed.',
  'We call on ASEAN to act now.',
  'Signed by:',
  '1. Alpha Group\n2. Beta Group',
].join('\n\n');
const corrected = SOURCE.replace('1,398', '1,400');

describe('POST /api/v1/statements', () => {
  it("creates a statement (201), and refuses a taken id (409) and Markdown without segments (422), in the caller's language", async () => {
    const created = await request(t.app)
      .post('/api/v1/statements')
      .set(as(admin))
      .send({ id: 'airstrikes', markdown: SOURCE, sourceLocale: 'en', date: '2024-03-12' })
      .expect(201);
    expect(created.body).toMatchObject({
      id: 'airstrikes',
      title: 'Statement on the airstrikes',
      sourceLocale: 'en',
      sourceRevision: 1,
      date: '2024-03-12',
    });
    expect(created.body.segments[5]).toEqual({ id: 's6', index: 5, kind: 'signatory', source: 'Alpha Group', listNumber: 1, links: [], tokens: [] });

    const taken = await request(t.app)
      .post('/api/v1/statements')
      .set(as(admin))
      .send({ id: 'airstrikes', markdown: SOURCE, sourceLocale: 'en' })
      .expect(409);
    expect(taken.body.error).toMatchObject({ code: 'duplicate', message: expect.stringContaining('airstrikes') });
    const empty = await request(t.app)
      .post('/api/v1/statements')
      .set(as(admin))
      .set('Accept-Language', 'my')
      .send({ markdown: '   \n', sourceLocale: 'en' })
      .expect(422);
    expect(empty.body.error.code).toBe('import_failed');
    expect(empty.body.error.message).toMatch(/[\u1000-\u109f]/);
    const noBlocks = await request(t.app).post('/api/v1/statements').set(as(admin)).send({ markdown: '---\n\n***\n', sourceLocale: 'en' }).expect(422);
    expect(noBlocks.body.error.message).not.toBe('');
    await request(t.app).post('/api/v1/statements').set(as(admin)).send({ markdown: SOURCE, sourceLocale: 'not a tag!' }).expect(400);
  });

  it('makes an id from the date and title, and stores nothing on a dry run', async () => {
    const preview = await request(t.app)
      .post('/api/v1/statements')
      .set(as(admin))
      .send({ markdown: SOURCE, sourceLocale: 'en', date: '2024-03-13', dryRun: true })
      .expect(200);
    expect(preview.body.id).toBe('2024-03-13-statement-on-the-airstrikes');
    await request(t.app).get(`/api/v1/statements/${preview.body.id}`).expect(404);
  });

  it('refuses anonymous callers and editors', async () => {
    await request(t.app).post('/api/v1/statements').send({ markdown: SOURCE, sourceLocale: 'en' }).expect(401);
    await request(t.app).post('/api/v1/statements').set(as(editor)).send({ markdown: SOURCE, sourceLocale: 'en' }).expect(403);
  });

  it('lists statements by date, newest first', async () => {
    await request(t.app)
      .post('/api/v1/statements')
      .set(as(admin))
      .send({ id: 'older', markdown: 'Older one\n\nText.', sourceLocale: 'en', date: '2023-01-01' })
      .expect(201);
    const ids = (await request(t.app).get('/api/v1/statements').expect(200)).body.map((s: { id: string }) => s.id);
    expect(ids.indexOf('airstrikes')).toBeLessThan(ids.indexOf('older'));
    expect(ids.indexOf('older')).toBeLessThan(ids.indexOf('2022-01-04-joint-statement-hun-sen-myanmar-junta'));
  });
});

describe('a correction, from upload to outdated to updated to approved', () => {
  const TOLL = 's3';
  const CALL = 's4';
  async function approve(segment: string, text: string) {
    const put = await request(t.app)
      .put(`/api/v1/statements/airstrikes/translations/my/${segment}`)
      .set(as(translator))
      .send({ text, baseRevision: (await current(segment))?.revision ?? 0, action: 'submit', confirmWarnings: true })
      .expect(200);
    await request(t.app)
      .post(`/api/v1/statements/airstrikes/translations/my/${segment}/review`)
      .set(as(reviewer))
      .send({ decision: 'approve', revision: put.body.revision })
      .expect(200);
  }
  const current = async (segment: string) =>
    (
      (await request(t.app).get('/api/v1/statements/airstrikes/translations/my').set(as(translator)).expect(200)).body as Array<{
        segmentId: string;
        status: string;
        revision: number;
        text: string;
      }>
    ).find((x) => x.segmentId === segment);

  beforeAll(async () => {
    await approve(TOLL, 'ယနေ့အထိ လူ ၁,၃၉၈ ဦး အသတ်ခံခဲ့ရသည်။');
    await approve(CALL, 'အာဆီယံကို ယခုပင် လုပ်ဆောင်ရန် တောင်းဆိုသည်။');
  });

  it("a dry run lists every segment's fate and changes nothing", async () => {
    const dry = await request(t.app).put('/api/v1/statements/airstrikes/source').set(as(editor)).send({ markdown: corrected, dryRun: true }).expect(200);
    expect(dry.body.sourceRevision).toBe(2);
    expect(dry.body.changes.filter((c: { type: string }) => c.type !== 'unchanged')).toEqual([
      { type: 'changed', segmentId: TOLL, before: 'As of today, 1,398 people have been killed.', after: 'As of today, 1,400 people have been killed.' },
    ]);
    expect((await request(t.app).get('/api/v1/statements/airstrikes').expect(200)).body.sourceRevision).toBe(1);
    expect((await current(TOLL))?.status).toBe('approved');
  });

  it('applying makes substantive changes outdated, keeps the text, and the workspace shows the source diff', async () => {
    const applied = await request(t.app).put('/api/v1/statements/airstrikes/source').set(as(editor)).send({ markdown: corrected }).expect(200);
    expect(applied.body.sourceRevision).toBe(2);
    expect((await request(t.app).get('/api/v1/statements/airstrikes').expect(200)).body.sourceRevision).toBe(2);
    expect(await current(TOLL)).toMatchObject({ status: 'outdated', text: 'ယနေ့အထိ လူ ၁,၃၉၈ ဦး အသတ်ခံခဲ့ရသည်။' });
    expect((await current(CALL))?.status).toBe('approved');

    const page = await t.login('thiri', 'translator', ['my']);
    const outdated = await page.agent.get('/translate/airstrikes/my?status=outdated').expect(200);
    expect(outdated.text).toContain(`id="${TOLL}"`);
    expect(outdated.text).not.toContain(`id="${CALL}"`);
    expect(outdated.text).toMatch(/<del>.*1,398<\/del>/s);
    expect(outdated.text).toMatch(/<ins>.*1,400<\/ins>/s);
  });

  it('saving the outdated translation makes a normal draft, which goes through review to approved', async () => {
    const base = (await current(TOLL))!.revision;
    const saved = await request(t.app)
      .put(`/api/v1/statements/airstrikes/translations/my/${TOLL}`)
      .set(as(translator))
      .send({ text: 'ယနေ့အထိ လူ ၁,၄၀၀ ဦး အသတ်ခံခဲ့ရသည်။', baseRevision: base, action: 'save' })
      .expect(200);
    expect(saved.body.status).toBe('draft');
    await approve(TOLL, 'ယနေ့အထိ လူ ၁,၄၀၀ ဦး အသတ်ခံခဲ့ရသည်။');
    expect((await current(TOLL))?.status).toBe('approved');
  });

  it('a small fix leaves translations as they are; a revert of a substantive change gives the statuses back', async () => {
    const typo = corrected.replace('act now', 'act nwo');
    const fix = await request(t.app)
      .put('/api/v1/statements/airstrikes/source')
      .set(as(admin))
      .send({ markdown: typo, smallFixes: [CALL] })
      .expect(200);
    expect(fix.body.changes.find((c: { segmentId: string }) => c.segmentId === CALL).type).toBe('changed');
    expect((await current(CALL))?.status).toBe('approved');

    const reworded = typo.replace('We call on ASEAN to act nwo.', 'We call on every ASEAN member to act now.');
    await request(t.app).put('/api/v1/statements/airstrikes/source').set(as(admin)).send({ markdown: reworded }).expect(200);
    expect((await current(CALL))?.status).toBe('outdated');
    const revert = await request(t.app).put('/api/v1/statements/airstrikes/source').set(as(admin)).send({ markdown: typo }).expect(200);
    expect(revert.body.sourceRevision).toBe(5);
    expect((await current(CALL))?.status).toBe('approved');
    expect((await current(TOLL))?.status).toBe('approved');
  });

  it('refuses a small fix on an unchanged segment (400), a correction that changes nothing (422), and editors of other languages (403)', async () => {
    const source = (await request(t.app).get('/api/v1/statements/airstrikes').expect(200)).body.sourceRevision;
    await request(t.app)
      .put('/api/v1/statements/airstrikes/source')
      .set(as(admin))
      .send({ markdown: corrected, smallFixes: ['s1'] })
      .expect(400);
    const same = await request(t.app)
      .put('/api/v1/statements/airstrikes/source')
      .set(as(admin))
      .send({ markdown: SOURCE.replace('1,398', '1,400').replace('act now', 'act nwo') })
      .expect(422);
    expect(same.body.error.code).toBe('import_failed');
    await request(t.app).put('/api/v1/statements/airstrikes/source').set(as(reviewer)).send({ markdown: corrected }).expect(403);
    await request(t.app).put('/api/v1/statements/airstrikes/source').send({ markdown: corrected }).expect(401);
    expect((await request(t.app).get('/api/v1/statements/airstrikes').expect(200)).body.sourceRevision).toBe(source);
  });
});

describe('archiving', () => {
  it('takes a statement off `/` and the list, while its pages and API keep answering', async () => {
    await request(t.app).post('/api/v1/statements/older/archive').set(as(editor)).expect(403);
    const archived = await request(t.app).post('/api/v1/statements/older/archive').set(as(admin)).expect(200);
    expect(archived.body).toMatchObject({ id: 'older', archived: true });
    expect((await request(t.app).get('/').expect(200)).text).not.toContain('/s/older/');
    expect((await request(t.app).get('/api/v1/statements').expect(200)).body.map((s: { id: string }) => s.id)).not.toContain('older');
    await request(t.app).get('/s/older/en').expect(200);
    await request(t.app).get('/s/older/my').expect(200);
    await request(t.app).get('/api/v1/statements/older').expect(200);
  });

  it('recorded creation, corrections and archive in the audit log with who', async () => {
    const audit = (await t.deps.store.listAudit()).filter(
      (a) => a.action.startsWith('statement.') && a.target !== '2022-01-04-joint-statement-hun-sen-myanmar-junta',
    );
    const names = new Map((await t.deps.store.listAccounts()).map((a) => [a.id, a.name]));
    expect(audit.map((a) => [a.action, a.target, names.get(a.actorId)])).toEqual([
      ['statement.create', 'airstrikes', 'root'],
      ['statement.create', 'older', 'root'],
      ['statement.correct', 'airstrikes', 'nilar'],
      ['statement.correct', 'airstrikes', 'root'],
      ['statement.correct', 'airstrikes', 'root'],
      ['statement.correct', 'airstrikes', 'root'],
      ['statement.archive', 'older', 'root'],
    ]);
  });
});
