// A statement written in Burmese, translated into English and Khmer exactly as an English one is
// translated into Burmese: checks, digits, punctuation and direction follow the source and target
// locales, English is enabled and granted like any other language, and the editions show.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { makeApp, ROOT, type TestApp } from '../support/app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const as = (name: string) => ({ Authorization: `Bearer ${tokens[name]}` });
const SID = 'sagaing-airstrikes';
const MARKDOWN = readFileSync(path.join(ROOT, 'test', 'fixtures', 'statement-my.md'), 'utf8');
const seg = (locale: string, id: string) => `/api/v1/statements/${SID}/translations/${locale}/${id}`;

beforeAll(async () => {
  t = await makeApp();
  tokens.admin = await t.token('root', 'admin');
  await request(t.app).post('/api/v1/locales').set(as('admin')).send({ tag: 'en' }).expect(201);
  tokens.en = await t.token('john', 'translator', ['en']);
  tokens.km = await t.token('dara', 'translator', ['km']);
  tokens.editor = await t.token('sopheap', 'editor', ['en', 'km']);
});
afterAll(() => t.close());

const TRANSLATIONS = {
  en: {
    s1: 'Joint statement condemning the airstrikes on villages in Sagaing Region',
    s3: 'On 10 March the military bombed a village in Sagaing Region from the air, killing 12 civilians.',
  },
  km: {
    s1: 'សេចក្តីថ្លែងការណ៍រួម ថ្កោលទោសការវាយប្រហារតាមអាកាសលើភូមិនានាក្នុងតំបន់សាហ្គាំង',
    s3: 'នៅថ្ងៃទី ១០ ខែមីនា យោធាបានទម្លាក់គ្រាប់បែកលើភូមិមួយក្នុងតំបន់សាហ្គាំង ដែលបានសម្លាប់ជនស៊ីវិល ១២ នាក់។',
  },
} as const;

it('creates the Burmese statement, with its sections found from structure', async () => {
  const created = await request(t.app)
    .post('/api/v1/statements')
    .set(as('admin'))
    .send({ id: SID, markdown: MARKDOWN, sourceLocale: 'my', date: '2024-03-15' })
    .expect(201);
  expect(created.body.sourceLocale).toBe('my');
  expect(created.body.segments.map((s: { kind: string }) => s.kind)).toEqual([
    'title',
    'date',
    'paragraph',
    'paragraph',
    'heading',
    'contact',
    'contact',
    'heading',
    'signatory',
    'signatory',
    'signatory',
    'heading',
    'supporter',
    'supporter',
  ]);
  expect(created.body.segments[5].tokens).toEqual([{ n: 1, value: 'contact@example.org' }]);
});

it('offers English, Khmer and the others as targets, never Burmese itself', async () => {
  const progress = (await request(t.app).get(`/api/v1/statements/${SID}/progress`).expect(200)).body.locales;
  expect(Object.keys(progress).sort()).toEqual(['en', 'km', 'th']);
  const admin = await t.login('root', 'admin');
  await admin.agent.put(seg('my', 's3')).set('x-csrf-token', admin.csrf).send({ text: 'x', baseRevision: 0, action: 'save' }).expect(404);
  await admin.agent.get(`/translate/${SID}/my`).expect(404);
  const home = await request(t.app).get('/').expect(200);
  expect(home.text).toContain(`href="/s/${SID}/en" lang="en"`);
  expect(home.text).not.toContain(`href="/s/${SID}/my" lang="my"`);
});

it('checks follow the locales: a Burmese full stop asks for "." in English, and Burmese digits count as numbers', async () => {
  const checks = await request(t.app)
    .post(`${seg('en', 's3')}/checks`)
    .set(as('en'))
    .send({ text: 'On 10 March the military bombed a village in Sagaing Region from the air, killing 12 civilians' })
    .expect(200);
  expect(checks.body.checks.map((c: { id: string; message: string }) => [c.id, c.message])).toEqual([['punctuation', expect.stringContaining('with .')]]);
  expect(checks.body.checks[0].message).not.toContain('။');
  const wrongNumber = await request(t.app)
    .post(`${seg('en', 's3')}/checks`)
    .set(as('en'))
    .send({ text: 'On 10 March the military bombed a village in Sagaing Region from the air, killing 13 civilians.' })
    .expect(200);
  expect(wrongNumber.body.checks.map((c: { id: string }) => c.id)).toEqual(['numbers']);
  const khmer = await request(t.app)
    .post(`${seg('km', 's3')}/checks`)
    .set(as('km'))
    .send({ text: TRANSLATIONS.km.s3 })
    .expect(200);
  expect(khmer.body.checks).toEqual([]);
});

it('translates into English and Khmer, approves, and shows the editions', async () => {
  for (const locale of ['en', 'km'] as const) {
    for (const [segment, text] of Object.entries(TRANSLATIONS[locale])) {
      const put = await request(t.app).put(seg(locale, segment)).set(as(locale)).send({ text, baseRevision: 0, action: 'submit' }).expect(200);
      expect(put.body.checks).toEqual([]); // no warning: nothing assumes an English source
      await request(t.app)
        .post(`${seg(locale, segment)}/review`)
        .set(as('editor'))
        .send({ decision: 'approve', revision: put.body.revision })
        .expect(200);
    }
  }
  const english = await request(t.app).get(`/s/${SID}/en`).expect(200);
  expect(english.text).toContain(`lang="en" dir="ltr">${TRANSLATIONS.en.s3}`);
  // Not yet translated: the Burmese original, marked with its own language.
  expect(english.text).toMatch(/class="text state-fallback" lang="my" dir="ltr">ကျွန်ုပ်တို့သည်/);
  const khmer = await request(t.app).get(`/s/${SID}/km`).expect(200);
  expect(khmer.text).toContain(TRANSLATIONS.km.s3);
  const original = await request(t.app).get(`/s/${SID}/my`).expect(200);
  // The original is a published version (published at creation): Burmese, marked as Burmese.
  expect(original.text).toMatch(/<html lang="[a-z]+"/);
  expect(original.text).toMatch(/lang="my"[^>]*>[^<]*ကျွန်ုပ်တို့သည်/);
  expect((await request(t.app).get(`/s/${SID}`).expect(303)).headers.location).toBe(`/s/${SID}/my`);
  const compare = await request(t.app).get(`/s/${SID}/compare?langs=my,en,km`).expect(200);
  expect(compare.text).toContain(TRANSLATIONS.en.s1);
  expect(compare.text).toContain(TRANSLATIONS.km.s1);
  const progress = (await request(t.app).get(`/api/v1/statements/${SID}/progress`).expect(200)).body.locales;
  expect([progress.en.approved, progress.km.approved]).toEqual([2, 2]);
});

it('km: a Khmer statement is created the same way, its signatories numbered in Khmer digits', async () => {
  const markdown = readFileSync(path.join(ROOT, 'test', 'fixtures', 'statement-km.md'), 'utf8');
  const created = await request(t.app).post('/api/v1/statements').set(as('admin')).send({ markdown, sourceLocale: 'km', date: '2024-06-20' }).expect(201);
  expect(created.body.id).toBe('2024-06-20'); // no Latin letters in the title: named by its date
  expect(created.body.segments.filter((s: { kind: string }) => s.kind === 'signatory')).toHaveLength(3);
  const original = await request(t.app).get(`/s/${created.body.id}/km`).expect(200);
  expect(original.text).toMatch(/<span class="num" lang="km">១\.<\/span>/);
  const ids = (await request(t.app).get('/api/v1/statements').expect(200)).body.map((s: { id: string }) => s.id);
  expect(ids.slice(0, 2)).toEqual(['2024-06-20', SID]); // newest first
});
