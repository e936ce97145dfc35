// The glossary over HTTP: who may read and keep it, CSV in and out, its page, its check and its
// highlighting in the workspace, and that it lives in its own file across a restart.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { GLOSSARY_CSV_LIMIT } from '../../server/domain/glossary.js';
import { api, bearer, makeApp, SID, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let translator: string;
let editor: string;
let kmEditor: string;
let editorSession: Session;
let translatorSession: Session;

beforeAll(async () => {
  t = await makeApp();
  translator = await t.token('htet', 'translator', ['my']);
  editor = await t.token('mon', 'editor', ['my']);
  kmEditor = await t.token('sophea', 'editor', ['km']);
  editorSession = await t.login('mon', 'editor', ['my']);
  translatorSession = await t.login('htet', 'translator', ['my']);
});
afterAll(() => t.close());

const glossary = (locale: string) => t.deps.store.listGlossary(locale);
const terms = async (locale: string) => (await glossary(locale)).map((e) => `${e.term}=${e.translation}${e.doNotTranslate ? ' (keep)' : ''}`).sort();

describe('glossary API', () => {
  it('starts with no glossary file at all', () => {
    expect(existsSync(path.join(t.dataDir, 'glossary.json'))).toBe(false);
  });

  it.each([
    ['anonymous', undefined, 401],
    ['a translator', 'translator', 403],
    ['an editor of another locale', 'kmEditor', 403],
  ])('refuses an entry from %s, and stores nothing', async (_n, who, status) => {
    const req = request(t.app).post('/api/v1/glossary/my');
    if (who) req.set(bearer(who === 'translator' ? translator : kmEditor));
    await req.send({ term: 'junta', translation: 'စစ်ကောင်စီ' }).expect(status);
    expect(await glossary('my')).toEqual([]);
  });

  it.each([
    ['my', 'junta', 'စစ်ကောင်စီ', 'the military, not a government'],
    ['km', 'junta', 'របបយោធា', ''],
  ])('lets an editor add a term (%s)', async (locale, term, translation, note) => {
    const token = locale === 'my' ? editor : kmEditor;
    const res = await request(t.app).post(`/api/v1/glossary/${locale}`).set(bearer(token)).send({ term, translation, note }).expect(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]+$/), term, translation, note, doNotTranslate: false });
    expect(await terms(locale)).toEqual([`${term}=${translation}`]);
  });

  it('keeps a term not to translate as itself', async () => {
    const res = await request(t.app).post('/api/v1/glossary/my').set(bearer(editor)).send({ term: 'ASEAN', doNotTranslate: true }).expect(201);
    expect(res.body).toMatchObject({ term: 'ASEAN', translation: 'ASEAN', doNotTranslate: true });
  });

  it.each([
    ['the same term in another case', { term: 'JUNTA', translation: 'x' }, 409, /already in the glossary/],
    ['no term', { term: '  ', translation: 'x' }, 400, /term is missing/],
    ['no translation', { term: 'coup' }, 400, /translation of “coup” is missing/],
    ['a term too long', { term: 'x'.repeat(201), translation: 'x' }, 400, /too long/],
  ])('refuses %s', async (_n, body, status, message) => {
    const before = await terms('my');
    const res = await request(t.app).post('/api/v1/glossary/my').set(bearer(editor)).send(body).expect(status);
    expect(res.body.error.message).toMatch(message);
    expect(await terms('my')).toEqual(before);
  });

  it('lets the locale’s translators read it, sorted by term, but not others', async () => {
    const res = await request(t.app).get('/api/v1/glossary/my').set(bearer(translator)).expect(200);
    expect(res.body.map((e: { term: string }) => e.term)).toEqual(['ASEAN', 'junta']);
    await request(t.app).get('/api/v1/glossary/my').set(bearer(kmEditor)).expect(403);
    await request(t.app).get('/api/v1/glossary/my').expect(401);
  });

  it('changes and deletes an entry; an unknown one is 404', async () => {
    const [asean] = (await glossary('my')).filter((e) => e.term === 'ASEAN');
    await request(t.app).put(`/api/v1/glossary/my/${asean!.id}`).set(bearer(editor)).send({ term: 'ASEAN', translation: 'အာဆီယံ' }).expect(200);
    expect(await terms('my')).toContain('ASEAN=အာဆီယံ');
    await request(t.app).put(`/api/v1/glossary/my/${asean!.id}`).set(bearer(translator)).send({ term: 'ASEAN', translation: 'x' }).expect(403);
    await request(t.app).delete(`/api/v1/glossary/my/${asean!.id}`).set(bearer(translator)).expect(403);
    expect(await terms('my')).toContain('ASEAN=အာဆီယံ');
    await request(t.app).delete(`/api/v1/glossary/my/${asean!.id}`).set(bearer(editor)).expect(204);
    await request(t.app).delete(`/api/v1/glossary/my/${asean!.id}`).set(bearer(editor)).expect(404);
    expect(await terms('my')).toEqual(['junta=စစ်ကောင်စီ']);
  });
});

describe('CSV import and export', () => {
  const csv = [
    'term,translation,note,do_not_translate',
    'Junta,စစ်အုပ်စု,"a note, with a comma",no', // an update of "junta" (any case)
    'Hun Sen,ဟွန်ဆန်,,no',
    'AAPP,,,yes',
    "'=cmd,formula-looking,'+note,",
  ].join('\n');

  it('merges a file: known terms updated, new ones added', async () => {
    const res = await request(t.app).post('/api/v1/glossary/my/import').set(bearer(editor)).send({ csv }).expect(200);
    expect(res.body).toEqual({ added: 3, updated: 1, unchanged: 0 });
    expect(await terms('my')).toEqual(['=cmd=formula-looking', 'AAPP=AAPP (keep)', 'Hun Sen=ဟွန်ဆန်', 'Junta=စစ်အုပ်စု']);
  });

  it.each([
    ['a malformed file', 'term,translation\n"open quote,x\n', /could not be read/],
    ['no term column', 'word,translation\njunta,x\n', /“term” column/],
    ['a row without translation', 'term,translation\ncoup,အာဏာသိမ်း\nmassacre,\n', /Row 3: the translation of “massacre” is missing/],
    ['no rows', 'term,translation\n', /no rows/],
  ])('refuses %s whole, naming the problem, and changes nothing', async (_n, bad, message) => {
    const before = await terms('my');
    const res = await request(t.app).post('/api/v1/glossary/my/import').set(bearer(editor)).send({ csv: bad }).expect(400);
    expect(res.body.error.message).toMatch(message);
    expect(await terms('my')).toEqual(before);
  });

  it('refuses an import from a translator', async () => {
    const before = await terms('my');
    await request(t.app).post('/api/v1/glossary/my/import').set(bearer(translator)).send({ csv: 'term,translation\nx,y\n' }).expect(403);
    expect(await terms('my')).toEqual(before);
  });

  it('exports UTF-8 CSV with a header, cells that look like formulas quoted, and imports it back unchanged', async () => {
    const res = await request(t.app).get('/api/v1/glossary/my/export.csv').set(bearer(translator)).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?glossary-my\.csv"?$/);
    const text = res.text.replace(/^\uFEFF/, '');
    expect(text.split('\n')[0]).toBe('term,translation,note,do_not_translate');
    expect(text).toContain("'=cmd,formula-looking,'+note,no");
    expect(text).toContain('Junta,စစ်အုပ်စု,"a note, with a comma",no');
    const back = await request(t.app).post('/api/v1/glossary/my/import').set(bearer(editor)).send({ csv: res.text }).expect(200);
    expect(back.body).toEqual({ added: 0, updated: 0, unchanged: 4 });
  });

  it('imports Khmer terms into the Khmer glossary only', async () => {
    const res = await request(t.app)
      .post('/api/v1/glossary/km/import')
      .set(bearer(kmEditor))
      .send({ csv: 'term,translation\nHun Sen,ហ៊ុន សែន\nCambodia,កម្ពុជា\n' })
      .expect(200);
    expect(res.body).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(await terms('km')).toEqual(['Cambodia=កម្ពុជា', 'Hun Sen=ហ៊ុន សែន', 'junta=របបយោធា']);
    expect(await terms('my')).not.toContain('Cambodia=កម្ពុជា');
  });
});

describe('the glossary page', () => {
  it('shows the glossary read-only to a translator', async () => {
    const res = await translatorSession.agent.get('/glossary/my').expect(200);
    expect(res.text).toContain('<td lang="my" dir="ltr">ဟွန်ဆန်</td>');
    expect(res.text).not.toContain('action="/glossary/my"');
  });

  it('lets an editor add a term with a form, and needs the CSRF token', async () => {
    const page = await editorSession.agent.get('/glossary/my').expect(200);
    expect(page.text).toContain('action="/glossary/my/import"');
    await editorSession.agent.post('/glossary/my').type('form').send({ term: 'coup', translation: 'အာဏာသိမ်း' }).expect(403);
    expect(await terms('my')).not.toContain('coup=အာဏာသိမ်း');
    const res = await editorSession.agent
      .post('/glossary/my')
      .type('form')
      .send({ _csrf: editorSession.csrf, term: 'coup', translation: 'အာဏာသိမ်း', note: '' })
      .expect(303);
    expect(res.headers.location).toBe('/glossary/my?done=saved');
    expect(await terms('my')).toContain('coup=အာဏာသိမ်း');
  });

  it('shows a refusal on the page with what was typed (409), escaped', async () => {
    const res = await editorSession.agent
      .post('/glossary/my')
      .type('form')
      .send({ _csrf: editorSession.csrf, term: 'COUP', translation: '<b>x</b>' })
      .expect(409);
    expect(res.text).toContain('is already in the glossary');
    expect(res.text).toContain('value="&lt;b&gt;x&lt;/b&gt;"');
  });

  it('imports pasted CSV and says how many terms changed, in Burmese', async () => {
    const res = await editorSession.agent
      .post('/glossary/my/import')
      .type('form')
      .send({ _csrf: editorSession.csrf, csv: 'term,translation\nmassacre,အစုလိုက်အပြုံလိုက်သတ်ဖြတ်မှု\n' })
      .expect(303);
    const page = await editorSession.agent.get(res.headers.location!).set('accept-language', 'my').expect(200);
    expect(page.text).toContain('အသစ် ၁၊ ပြင်ဆင် ၀၊ မပြောင်းလဲ ၀။');
  });

  it('takes a CSV as long as the form allows, in Burmese, whose form-encoded body is far above 125 KiB', async () => {
    const page = await editorSession.agent.get('/glossary/my').expect(200);
    const limit = Number(/<textarea id="g-csv" name="csv" rows="6" maxlength="(\d+)"/.exec(page.text)![1]);
    expect(limit).toBe(GLOSSARY_CSV_LIMIT);
    // Rows of Burmese up to the box's limit: 3 bytes a character, 9 once form-encoded.
    const row = (i: number) => `term ${i},${'မြန်မာ'.repeat(20)}\n`;
    let csv = 'term,translation\n';
    for (let i = 0; csv.length + row(i).length <= limit; i++) csv += row(i);
    expect(csv.length).toBeGreaterThan(limit - 200);
    const body = new URLSearchParams({ _csrf: editorSession.csrf, csv }).toString();
    expect(Buffer.byteLength(body)).toBeGreaterThan(128_192);
    await editorSession.agent.post('/glossary/my/import').type('form').send(body).expect(303);
    expect(await terms('my')).toContain(`term 1=${'မြန်မာ'.repeat(20)}`);
  });

  it('refuses a CSV longer than the form allows with the reason in the interface language, keeping the text', async () => {
    const csv = `term,translation\n${'x,y\n'.repeat(GLOSSARY_CSV_LIMIT / 4)}`;
    const res = await editorSession.agent
      .post('/glossary/my/import')
      .set('accept-language', 'km')
      .type('form')
      .send({ _csrf: editorSession.csrf, csv })
      .expect(413);
    expect(res.text).toContain('អត្ថបទ CSV វែងពេក៖ យ៉ាងច្រើន ៦០.០០០ តួអក្សរ');
    expect(res.text).toContain('x,y\nx,y');
    // Through the API, the same refusal; and a body beyond what that many characters can take.
    const api = await request(t.app).post('/api/v1/glossary/my/import').set(bearer(editor)).send({ csv }).expect(413);
    expect(api.body.error.message).toBe('The CSV text is too long: at most 60,000 characters. Import it in parts.');
    const huge = await request(t.app)
      .post('/api/v1/glossary/my/import')
      .set(bearer(editor))
      .send({ csv: 'မ'.repeat(GLOSSARY_CSV_LIMIT * 5) })
      .expect(413);
    expect(huge.body.error.message).toBe(api.body.error.message);
  });

  it('deletes a term from the page, for editors only', async () => {
    const coup = (await glossary('my')).find((e) => e.term === 'coup')!;
    await translatorSession.agent.post(`/glossary/my/${coup.id}/delete`).type('form').send({ _csrf: translatorSession.csrf }).expect(403);
    expect(await terms('my')).toContain('coup=အာဏာသိမ်း');
    await editorSession.agent.post(`/glossary/my/${coup.id}/delete`).type('form').send({ _csrf: editorSession.csrf }).expect(303);
    expect(await terms('my')).not.toContain('coup=အာဏာသိမ်း');
  });
});

describe('the glossary in the workspace and its check', () => {
  // s3: "… organizations of Myanmar and Cambodia, strongly condemn Hun Sen for supporting the … junta …"
  it.each([
    ['my: both terms as the glossary says', 'my', 'ကျွန်ုပ်တို့သည် စစ်အုပ်စုကို ထောက်ခံသော ဟွန်ဆန်ကို ရှုတ်ချသည်။', []],
    ['my: the junta translated otherwise', 'my', 'ကျွန်ုပ်တို့သည် စစ်တပ်ကို ထောက်ခံသော ဟွန်ဆန်ကို ရှုတ်ချသည်။', ['Junta']],
    ['km: the three terms as the glossary says', 'km', 'អង្គការមីយ៉ាន់ម៉ា និងកម្ពុជា ថ្កោលទោសហ៊ុន សែន ដែលគាំទ្ររបបយោធា។', []],
    ['km: Hun Sen spelled otherwise', 'km', 'អង្គការមីយ៉ាន់ម៉ា និងកម្ពុជា ថ្កោលទោសហ៊ុនសែន ដែលគាំទ្ររបបយោធា។', ['Hun Sen']],
    ['km: Cambodia left out', 'km', 'យើងថ្កោលទោសហ៊ុន សែន ដែលគាំទ្ររបបយោធា។', ['Cambodia']],
  ])('%s', async (_n, locale, text, missing) => {
    const token = locale === 'my' ? translator : await t.token('dara', 'translator', ['km']);
    const res = await request(t.app)
      .post(`${api().segment(locale, 's3')}/checks`)
      .set(bearer(token))
      .send({ text })
      .expect(200);
    const found = res.body.checks.filter((c: { id: string }) => c.id === 'glossary').map((c: { message: string }) => /“([^”]+)”/.exec(c.message)![1]);
    expect(found).toEqual(missing);
  });

  it('highlights the terms in the source, with their translation on hover or focus', async () => {
    const res = await translatorSession.agent.get(`/translate/${SID}/my?seg=s3`).expect(200);
    expect(res.text).toMatch(
      /<span class="term" tabindex="0" aria-describedby="tip-s3-\d+">Hun Sen<span class="term-tip" role="tooltip" id="tip-s3-\d+"><span lang="my" dir="ltr">ဟွန်ဆန်<\/span><\/span><\/span>/,
    );
    expect(res.text).toContain('<span lang="my" dir="ltr" class="term-translation">စစ်အုပ်စု</span>');
    expect(res.text).toContain('<a href="/glossary/my">Glossary</a>');
  });

  it('keeps the glossary in its own file across a restart', async () => {
    expect(existsSync(path.join(t.dataDir, 'glossary.json'))).toBe(true);
    const before = await terms('my');
    await t.close();
    t = await makeApp(t.dataDir); // closed by afterAll
    expect(await terms('my')).toEqual(before);
  });
});
