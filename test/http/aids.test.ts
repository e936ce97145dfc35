// Translator aids over HTTP: checks while typing, warnings to confirm on submit, keep-original,
// translation memory, and what the workspace and the review queue show beside each segment.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { importStatement } from '../../server/services/statements.js';
import { api, bearer, makeApp, SID, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let translator: string; // my
let kmTranslator: string;
let editor: string; // my
let otherEditor: string; // my
let kmEditor: string;
let translatorSession: Session;
let editorSession: Session;

beforeAll(async () => {
  t = await makeApp();
  translator = await t.token('htet', 'translator', ['my']);
  kmTranslator = await t.token('dara', 'translator', ['km']);
  editor = await t.token('mon', 'editor', ['my']);
  otherEditor = await t.token('nilar', 'editor', ['my']);
  kmEditor = await t.token('sophea', 'editor', ['km']);
  translatorSession = await t.login('htet', 'translator', ['my']);
  editorSession = await t.login('mon', 'editor', ['my']);
});
afterAll(() => t.close());

const checksUrl = (locale: string, seg: string) => `${api().segment(locale, seg)}/checks`;
const stored = (locale: string, seg: string) => t.deps.store.getTranslation(SID, locale, seg);
const put = (token: string, locale: string, seg: string, body: Record<string, unknown>) =>
  request(t.app).put(api().segment(locale, seg)).set(bearer(token)).send(body);
const approve = async (token: string, locale: string, seg: string) => {
  const revision = (await stored(locale, seg))!.revision;
  await request(t.app).post(api().review(locale, seg)).set(bearer(token)).send({ decision: 'approve', revision }).expect(200);
};
const ids = (checks: { id: string; severity: string }[]) => checks.map((c) => `${c.id}:${c.severity}`);

describe('POST …/:segmentId/checks (dry run while typing)', () => {
  it.each([
    ['my: a good date', 'my', 's2', '၂၀၂၂ ခုနှစ် ဇန်နဝါရီလ ၄ ရက်', []],
    ['my: the year missing', 'my', 's2', 'ဇန်နဝါရီလ ၄ ရက်', ['numbers:warning']],
    ['my: Zawgyi', 'my', 's2', '၂၀၂၂ ခုႏွစ္ ဇန္နဝါရီလ ၄ ရက္', ['zawgyi:error']],
    ['my: the address typed out', 'my', 's21', 'ဂျန်ဂျန်မာရန်၊ hmaran@gm4md.org', ['locked_tokens:error', 'locked_tokens:error']],
    ['km: a good date', 'km', 's2', 'ថ្ងៃទី៤ ខែមករា ឆ្នាំ២០២២', []],
    ['km: left in English', 'km', 's2', '4 January 2022', ['script:warning', 'same_as_source:warning']],
    ['km: a zero-width space is normal', 'km', 's2', 'ថ្ងៃទី៤\u200bខែមករា ឆ្នាំ២០២២', []],
  ])('%s', async (_name, locale, seg, text, expected) => {
    const token = locale === 'my' ? translator : kmTranslator;
    const res = await request(t.app).post(checksUrl(locale, seg)).set(bearer(token)).send({ text }).expect(200);
    expect(ids(res.body.checks)).toEqual(expected);
    for (const c of res.body.checks) expect(typeof c.message).toBe('string');
    expect(await stored(locale, seg)).toBeUndefined(); // a dry run stores nothing
  });

  it.each([
    ['en', 'End the sentence with ။, not “។”.'],
    ['my', 'ဝါကျကို “။” မဟုတ်ဘဲ ။ ဖြင့် အဆုံးသတ်ပါ။'.replace('“။”', '“។”')],
    ['km', 'សូមបញ្ចប់ប្រយោគដោយ ។ មិនមែន “។” ទេ។'.replace('ដោយ ។', 'ដោយ ။')],
  ])('names the full stop actually found: Burmese ending in the Khmer ។, in %s', async (lang, message) => {
    const text = 'ကျွန်ုပ်တို့ ခိုင်ခိုင်မာမာ ရှုတ်ချပါသည်។';
    const res = await request(t.app).post(checksUrl('my', 's3')).set(bearer(translator)).set('Cookie', `tandem.lang=${lang}`).send({ text }).expect(200);
    const punctuation = res.body.checks.find((c: { id: string }) => c.id === 'punctuation');
    expect(punctuation?.message).toBe(message);
    expect(punctuation?.message).not.toMatch(/Latin|လက်တင်|ឡាតាំង/);
  });

  it('offers the Unicode text for Zawgyi, markers untouched', async () => {
    const res = await request(t.app).post(checksUrl('my', 's5')).set(bearer(translator)).send({ text: 'လူ ၁,၃၉၈ ဦး <1>သတ္ျဖတ္</1>ခံခဲ့ရသည္။' }).expect(200);
    expect(res.body.conversion).toEqual({ text: 'လူ ၁,၃၉၈ ဦး <1>သတ်ဖြတ်</1>ခံခဲ့ရသည်။' });
    const unicode = await request(t.app).post(checksUrl('my', 's5')).set(bearer(translator)).send({ text: res.body.conversion.text }).expect(200);
    expect(unicode.body.conversion).toBeUndefined();
    expect(ids(unicode.body.checks)).not.toContain('zawgyi:error');
  });

  it.each([
    ['my', 'ယူနီကုဒ်'],
    ['km', 'យូនីកូដ'],
  ])('words the messages in the interface language (%s)', async (lang, word) => {
    const res = await request(t.app).post(checksUrl('my', 's2')).set(bearer(translator)).set('accept-language', lang).send({ text: 'ျမန္မာ' }).expect(200);
    expect(res.body.checks.find((c: { id: string }) => c.id === 'zawgyi').message).toContain(word);
  });

  it.each([
    ['anonymous', undefined, 401],
    ['a translator of another locale', 'km', 403],
  ])('refuses %s', async (_name, who, status) => {
    const req = request(t.app).post(checksUrl('my', 's2'));
    if (who) req.set(bearer(kmTranslator));
    await req.send({ text: 'x' }).expect(status);
  });

  it('answers 404 for an unknown segment and 400 for a body without text', async () => {
    await request(t.app).post(checksUrl('my', 's9999')).set(bearer(translator)).send({ text: 'x' }).expect(404);
    await request(t.app).post(checksUrl('my', 's2')).set(bearer(translator)).send({}).expect(400);
  });

  it('needs the CSRF header with a session cookie', async () => {
    await translatorSession.agent.post(checksUrl('my', 's2')).send({ text: 'x' }).expect(403);
    await translatorSession.agent.post(checksUrl('my', 's2')).set('x-csrf-token', translatorSession.csrf).send({ text: 'x' }).expect(200);
  });
});

describe('PUT: errors block a submission, warnings need a confirmation', () => {
  // s4: "… since its attempted coup on 1 February 2021 … after eleven months …"
  const noNumbers = 'မြန်မာစစ်ကောင်စီသည် တစ်နိုင်ငံလုံးရှိ ပြည်သူများကို အကြမ်းဖက်နေသည်။';

  it('refuses a submission with unconfirmed warnings (422), listing them, and stores nothing', async () => {
    const res = await put(translator, 'my', 's4', { text: noNumbers, baseRevision: 0, action: 'submit' }).expect(422);
    expect(res.body.error.code).toBe('warnings_unconfirmed');
    expect(res.body.error.checks).toEqual([expect.objectContaining({ id: 'numbers', severity: 'warning', message: expect.stringContaining('2021') })]);
    expect(await stored('my', 's4')).toBeUndefined();
  });

  it('refuses a confirmation of other warnings than those found', async () => {
    await put(translator, 'my', 's4', { text: noNumbers, baseRevision: 0, action: 'submit', confirmWarnings: ['punctuation'] }).expect(422);
    expect(await stored('my', 's4')).toBeUndefined();
  });

  it('saves a draft with warnings without any confirmation', async () => {
    const res = await put(translator, 'my', 's4', { text: noNumbers, baseRevision: 0, action: 'save' }).expect(200);
    expect(ids(res.body.checks)).toEqual(['numbers:warning']);
    expect((await stored('my', 's4'))?.confirmedWarnings).toBeUndefined();
  });

  it('submits once the warnings are confirmed, and records which', async () => {
    await put(translator, 'my', 's4', { text: noNumbers, baseRevision: 1, action: 'submit', confirmWarnings: ['numbers'] }).expect(200);
    expect(await stored('my', 's4')).toMatchObject({ status: 'submitted', confirmedWarnings: ['numbers'] });
  });

  it('shows the confirmed warnings in the review queue, and keeps them on approval', async () => {
    const page = await editorSession.agent.get(`/review/${SID}/my`).expect(200);
    expect(page.text).toMatch(/Warnings the translator confirmed: Numbers/);
    await approve(editor, 'my', 's4');
    expect(await stored('my', 's4')).toMatchObject({ status: 'approved', confirmedWarnings: ['numbers'] });
  });

  it.each([
    ['my: Zawgyi', 'my', '၂၀၂၂ ခုႏွစ္ ဇန္နဝါရီလ ၄ ရက္', 'zawgyi'],
    ['km: the address typed out', 'km', 'ចាន់ ចាន់ ម៉ារ៉ាន់ {1} hmaran@gm4md.org', 'locked_tokens'],
  ])('refuses a submission with an error even when warnings are confirmed (%s)', async (_n, locale, text, id) => {
    const token = locale === 'my' ? translator : kmTranslator;
    const seg = id === 'zawgyi' ? 's2' : 's21';
    const res = await put(token, locale, seg, { text, baseRevision: 0, action: 'submit', confirmWarnings: true }).expect(422);
    expect(res.body.error.code).toBe('checks_failed');
    expect(ids(res.body.error.checks)).toContain(`${id}:error`);
    expect(await stored(locale, seg)).toBeUndefined();
  });
});

describe('keep original (names)', () => {
  let signatories: { id: string; source: string; kind: string }[];
  beforeAll(async () => {
    const res = await request(t.app).get(`/api/v1/statements/${SID}`).expect(200);
    signatories = res.body.segments.filter((s: { kind: string }) => s.kind === 'signatory' || s.kind === 'supporter');
  });

  it('refuses it for a paragraph, and for a text that is not the source', async () => {
    const para = await put(translator, 'my', 's3', { text: 'x', baseRevision: 0, action: 'submit', keepOriginal: true }).expect(400);
    expect(para.body.error.message).toMatch(/signatories and supporters/);
    const name = signatories[0]!;
    await put(translator, 'my', name.id, { text: `${name.source}.`, baseRevision: 0, action: 'submit', keepOriginal: true }).expect(400);
    expect(await stored('my', 's3')).toBeUndefined();
    expect(await stored('my', name.id)).toBeUndefined();
  });

  it('submits a name kept as in the source with no same-as-source or script warning', async () => {
    const name = signatories[1]!;
    const plain = await put(translator, 'my', name.id, { text: name.source, baseRevision: 0, action: 'submit' }).expect(422);
    expect(ids(plain.body.error.checks)).toEqual(expect.arrayContaining(['same_as_source:warning', 'script:warning']));
    const kept = await put(translator, 'my', name.id, { text: name.source, baseRevision: 0, action: 'submit', keepOriginal: true }).expect(200);
    expect(kept.body.checks).toEqual([]);
    expect(await stored('my', name.id)).toMatchObject({ status: 'submitted', keepOriginal: true, text: name.source });
  });

  it('keeps the source through the API with keepOriginal and no text, as the workspace button does', async () => {
    const name = signatories[3]!;
    const kept = await put(translator, 'my', name.id, { baseRevision: 0, action: 'submit', keepOriginal: true }).expect(200);
    expect(kept.body).toMatchObject({ text: name.source, status: 'submitted' });
    expect(await stored('my', name.id)).toMatchObject({ text: name.source, keepOriginal: true });
    // Without keepOriginal, the text is still required.
    const missing = await put(translator, 'my', signatories[4]!.id, { baseRevision: 0, action: 'save' }).expect(400);
    expect(missing.body.error.message).toContain('“text”');
    expect(await stored('my', signatories[4]!.id)).toBeUndefined();
  });

  it('lets an editor keep every remaining name at once, counted as translated and still reviewed', async () => {
    await request(t.app).post(`/api/v1/statements/${SID}/translations/km/keep-original`).set(bearer(kmTranslator)).expect(403);
    expect(await t.deps.store.listTranslations(SID, 'km')).toEqual([]);
    const res = await request(t.app).post(`/api/v1/statements/${SID}/translations/km/keep-original`).set(bearer(kmEditor)).expect(200);
    expect(res.body).toEqual({ kept: signatories.length });
    const progress = await request(t.app).get(api().progress).expect(200);
    expect(progress.body.locales.km).toMatchObject({ submitted: signatories.length, approved: 0 });
    const again = await request(t.app).post(`/api/v1/statements/${SID}/translations/km/keep-original`).set(bearer(kmEditor)).expect(200);
    expect(again.body).toEqual({ kept: 0 });
  });

  it('keeps a name from the workspace form without JavaScript', async () => {
    const name = signatories[2]!;
    await translatorSession.agent
      .post(`/translate/${SID}/my/${name.id}`)
      .type('form')
      .send({ _csrf: translatorSession.csrf, text: '', baseRevision: '0', action: 'keep_original' })
      .expect(303);
    expect(await stored('my', name.id)).toMatchObject({ text: name.source, keepOriginal: true, status: 'submitted' });
    const page = await translatorSession.agent.get(`/translate/${SID}/my?status=submitted`).expect(200);
    expect(page.text).toContain('Kept as in the original (a name).');
  });
});

describe('GET /api/v1/tm (translation memory)', () => {
  beforeAll(async () => {
    // A second statement: suggestions come from every statement.
    await importStatement(t.deps, 'australia-communities', new TextEncoder().encode('# Communities\n\nChin Community (Australia)\n'));
    const res = await request(t.app).get('/api/v1/statements/australia-communities').expect(200);
    const chin = res.body.segments.find((s: { source: string }) => s.source === 'Chin Community (Australia)').id;
    await request(t.app)
      .put(`/api/v1/statements/australia-communities/translations/my/${chin}`)
      .set(bearer(translator))
      .send({ text: 'ချင်းအသိုင်းအဝိုင်း (ဩစတြေးလျ)', baseRevision: 0, action: 'submit', confirmWarnings: true })
      .expect(200);
    await request(t.app)
      .post(`/api/v1/statements/australia-communities/translations/my/${chin}/review`)
      .set(bearer(editor))
      .send({ decision: 'approve', revision: 1 })
      .expect(200);
  });

  it('offers the Chin translation for the Karen community, with a score', async () => {
    const res = await request(t.app).get('/api/v1/tm').query({ locale: 'my', q: 'Karen Community (Australia)' }).set(bearer(translator)).expect(200);
    expect(res.body[0]).toEqual({ source: 'Chin Community (Australia)', target: 'ချင်းအသိုင်းအဝိုင်း (ဩစတြေးလျ)', score: expect.any(Number) });
    expect(res.body[0].score).toBeGreaterThan(0.7);
    expect(res.body[0].score).toBeLessThan(1);
  });

  it('learns from a new approval (exact match, best first)', async () => {
    await put(translator, 'my', 's2', { text: '၂၀၂၂ ခုနှစ် ဇန်နဝါရီလ ၄ ရက်', baseRevision: 0, action: 'submit' }).expect(200);
    const before = await request(t.app).get('/api/v1/tm').query({ locale: 'my', q: '4 January 2022' }).set(bearer(translator)).expect(200);
    expect(before.body).toEqual([]); // submitted, not approved
    await approve(editor, 'my', 's2');
    const after = await request(t.app).get('/api/v1/tm').query({ locale: 'my', q: '4 January 2022' }).set(bearer(translator)).expect(200);
    expect(after.body[0]).toEqual({ source: '4 January 2022', target: '၂၀၂၂ ခုနှစ် ဇန်နဝါရီလ ၄ ရက်', score: 1 });
  });

  it('keeps locales apart', async () => {
    const res = await request(t.app).get('/api/v1/tm').query({ locale: 'km', q: 'Karen Community (Australia)' }).set(bearer(kmTranslator)).expect(200);
    expect(res.body).toEqual([]);
  });

  it.each([
    ['anonymous', undefined, { locale: 'my', q: 'x' }, 401],
    ['a translator of another locale', 'kmTranslator', { locale: 'my', q: 'x' }, 403],
    ['no query', 'translator', { locale: 'my' }, 400],
    ['a locale that is not enabled', 'translator', { locale: 'fr', q: 'x' }, 403],
  ])('refuses %s', async (_n, who, query, status) => {
    const req = request(t.app).get('/api/v1/tm').query(query);
    if (who) req.set(bearer(who === 'translator' ? translator : kmTranslator));
    await req.expect(status);
  });
});

describe('the workspace', () => {
  let page: string;
  beforeAll(async () => {
    // s3: a Burmese draft with a warning; a Khmer approved translation and a Khmer draft of s3 and s5.
    await put(translator, 'my', 's3', { text: 'ကျွန်ုပ်တို့ ဟွန်ဆန်ကို ရှုတ်ချသည်', baseRevision: 0, action: 'save' }).expect(200);
    await put(kmTranslator, 'km', 's3', { text: 'យើងថ្កោលទោសហ៊ុន សែន។', baseRevision: 0, action: 'submit' }).expect(200);
    await approve(kmEditor, 'km', 's3');
    await put(kmTranslator, 'km', 's5', { text: 'សេចក្តីព្រាងខ្មែរ', baseRevision: 0, action: 'save' }).expect(200);
    // s100, a signatory on another page, a Burmese draft with a warning too (the name left in English).
    const { segments } = (await request(t.app).get(`/api/v1/statements/${SID}`).expect(200)).body as { segments: { id: string; source: string }[] };
    const name = segments.find((x) => x.id === 's100')!.source;
    const s100 = await put(translator, 'my', 's100', { text: name, baseRevision: 0, action: 'save' }).expect(200);
    expect(s100.body.checks).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'warning' })]));
    // One section at a time: the text (s3 to s21) is the second section of the statement.
    page = (await translatorSession.agent.get(`/translate/${SID}/my?section=body`).expect(200)).text;
  });
  const section = (html: string, id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</section>', html.indexOf(`id="${id}"`)));

  it('shows the checks of a saved text and the box to confirm its warnings', () => {
    const s3 = section(page, 's3');
    expect(s3).toContain('class="check check-warning" data-check="punctuation"');
    expect(s3).toMatch(/<label class="confirm-warnings"><input type="checkbox" name="confirmWarnings" value="true">/);
    expect(section(page, 's6')).not.toContain('check-warning');
  });

  it('shows the other languages: approved text, but not another locale’s draft', () => {
    expect(section(page, 's3')).toMatch(/<span lang="km" dir="ltr" class="other-text">យើងថ្កោលទោសហ៊ុន សែន។<\/span>/);
    expect(page).not.toContain('សេចក្តីព្រាងខ្មែរ');
  });

  it('marks a name kept as in the original, in the other languages, with the source’s language', async () => {
    // Every Khmer name was kept as in the original by an editor (above); an admin sees them all.
    const admin = await t.login('root', 'admin');
    const { segments } = (await request(t.app).get(`/api/v1/statements/${SID}`).expect(200)).body as {
      segments: { id: string; source: string; kind: string }[];
    };
    const name = segments.filter((x) => x.kind === 'signatory')[5]!;
    const res = await admin.agent.get(`/translate/${SID}/my?seg=${name.id}`).expect(200);
    const other = /<span lang="([^"]+)" dir="([^"]+)" class="other-text">([^<]*)<\/span>/.exec(section(res.text, name.id));
    expect(other?.slice(1)).toEqual(['en', 'ltr', name.source.replace(/&/g, '&amp;').replace(/'/g, '&#39;')]);
    // A real translation keeps its own language.
    expect(section(page, 's3')).toContain('<span lang="km" dir="ltr" class="other-text">');
  });

  it('lists the keyboard shortcuts and links to the next untranslated segment and the next with warnings', async () => {
    expect(page).toContain('<kbd>Ctrl</kbd>+<kbd>Enter</kbd>');
    expect(page).toContain('<kbd>Alt</kbd>+<kbd>N</kbd>');
    expect(section(page, 's3')).toContain('<a href="#s5" class="next-untranslated">');
    expect(section(page, 's3')).toContain('<a href="#s4" class="next-warning">'); // further down this page
    // No warning further down this page: the link opens the page holding the next one (s100, a name).
    expect(section(page, 's4')).toContain(`<a href="/translate/${SID}/my?seg=s100#s100" class="next-warning">`);
    expect(section(page, 's5')).toContain(`<a href="/translate/${SID}/my?seg=s100#s100" class="next-warning">`);
    // A segment on another page or section: the link opens the page that holds it.
    const heading = (await translatorSession.agent.get(`/translate/${SID}/my?section=heading`).expect(200)).text;
    expect(section(heading, 's2')).toContain(`<a href="/translate/${SID}/my?seg=s5#s5" class="next-untranslated">`);
  });

  it('goes from the last warning of a page to the next one on another page, keeping the filter', async () => {
    const there = await translatorSession.agent.get(`/translate/${SID}/my?seg=s100`).expect(200);
    expect(there.text).toContain('id="t-s100"');
    const warnings = (await translatorSession.agent.get(`/translate/${SID}/my?status=warnings&section=body`).expect(200)).text;
    expect(section(warnings, 's3')).toContain('<a href="#s4" class="next-warning">');
    expect(section(warnings, 's4')).toContain(`<a href="/translate/${SID}/my?status=warnings&amp;seg=s100#s100" class="next-warning">`);
  });

  it('keeps the filter in a link to another page when the segment is one the filter keeps', async () => {
    const res = await translatorSession.agent.get(`/translate/${SID}/my?status=untranslated&section=heading`).expect(200);
    const links = [...res.text.matchAll(/<a href="([^"]+)" class="next-untranslated">/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links.filter((l) => !l.startsWith('#')))
      expect(link).toMatch(new RegExp(`^/translate/${SID}/my\\?status=untranslated&amp;seg=s\\d+#s\\d+$`));
  });

  it('filters the segments with warnings', async () => {
    const res = await translatorSession.agent.get(`/translate/${SID}/my?status=warnings`).expect(200);
    const rows = [...res.text.matchAll(/<section class="work-row[^"]*" id="(s\d+)"/g)].map((m) => m[1]);
    expect(rows).toContain('s3');
    expect(rows).not.toContain('s2');
    for (const id of rows) expect(section(res.text, id!)).toContain('check-warning');
  });

  it('refuses a plain-form submission with unconfirmed warnings (422), keeping the text, then accepts it confirmed', async () => {
    const text = 'ကျွန်ုပ်တို့ ဟွန်ဆန်ကို ပြင်းထန်စွာ ရှုတ်ချသည်';
    const refused = await translatorSession.agent
      .post(`/translate/${SID}/my/s3`)
      .type('form')
      .send({ _csrf: translatorSession.csrf, text, baseRevision: '1', action: 'submit' })
      .expect(422);
    expect(refused.text).toContain('read them and confirm');
    expect(refused.text).toContain(text);
    expect((await stored('my', 's3'))?.revision).toBe(1);
    await translatorSession.agent
      .post(`/translate/${SID}/my/s3`)
      .type('form')
      .send({ _csrf: translatorSession.csrf, text, baseRevision: '1', action: 'submit', confirmWarnings: 'true' })
      .expect(303);
    expect(await stored('my', 's3')).toMatchObject({ status: 'submitted', confirmedWarnings: ['punctuation'] });
  });

  it('shows the review queue with the checks of each submission', async () => {
    const res = await editorSession.agent.get(`/review/${SID}/my`).expect(200);
    expect(section(res.text, 's3')).toContain('data-check="punctuation"');
    expect(section(res.text, 's3')).toContain('Warnings the translator confirmed: Punctuation');
  });

  it('offers "keep all remaining names" to editors only', async () => {
    expect(page).not.toContain('action="/keep-original/');
    const asEditor = await editorSession.agent.get(`/translate/${SID}/my`).expect(200);
    expect(asEditor.text).toContain(`action="/keep-original/${SID}/my"`);
    await translatorSession.agent.post(`/keep-original/${SID}/my`).type('form').send({ _csrf: translatorSession.csrf }).expect(403);
    const before = (await t.deps.store.listTranslations(SID, 'my')).length;
    const done = await editorSession.agent.post(`/keep-original/${SID}/my`).type('form').send({ _csrf: editorSession.csrf }).expect(303);
    expect(done.headers.location).toMatch(new RegExp(`^/translate/${SID}/my\\?kept=\\d+$`));
    expect((await t.deps.store.listTranslations(SID, 'my')).length).toBeGreaterThan(before);
    const after = await editorSession.agent.get(done.headers.location!).expect(200);
    expect(after.text).toMatch(/\d+ names kept as in the original\./);
  });

  it('lets another editor approve a name the first editor kept', async () => {
    const kept = (await t.deps.store.listTranslations(SID, 'my')).find((x) => x.keepOriginal && x.status === 'submitted')!;
    await approve(otherEditor, 'my', kept.segmentId);
    expect(await stored('my', kept.segmentId)).toMatchObject({ status: 'approved', keepOriginal: true });
  });
});
