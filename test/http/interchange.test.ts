// Round trips with translation tools through the real app: export a locale's work, change it as a
// CAT tool would (Burmese and Khmer text, link codes moved), upload it, and find exactly the
// changes made. And every way an upload is refused: nothing changes, the answer says what and where.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { rmSync } from 'node:fs';
import request from 'supertest';
import { saveTranslation } from '../../server/services/translations.js';
import { makeApp, SID, type TestApp } from '../support/app.js';
import { editPo, editXliff12, editXliff20, type CatEdit } from '../support/cat-tool.js';
import { REVIEW_COMMENT, seedWork, TEXTS, type SeededWork } from '../support/interchange.js';

// Each test seeds a fresh app and moves whole files through it: seconds on a loaded machine.
jest.setTimeout(60_000);

const path = (locale: string) => `/api/v1/statements/${SID}/translations/${locale}/export`;
type Format = 'xliff12' | 'xliff20' | 'po';
const EDIT: Record<Format, (text: string, edits: CatEdit[]) => string> = { xliff12: editXliff12, xliff20: editXliff20, po: editPo };

let t: TestApp;
let seeded: SeededWork;
let token: string;
beforeEach(async () => {
  t = await makeApp();
});
afterEach(async () => {
  await t.close();
  rmSync(t.dataDir, { recursive: true, force: true });
});

async function setUp(locale: 'my' | 'km') {
  seeded = await seedWork(t, locale);
  token = await t.token(`tr-${locale}`, 'translator', [locale]);
}
const text = (res: request.Response) => res.text;
const download = async (locale: string, format: string, auth = token) =>
  text(
    await request(t.app)
      .get(`${path(locale)}?format=${format}`)
      .set('Authorization', `Bearer ${auth}`)
      .expect(200),
  );
const upload = (locale: string, body: string | Buffer, query = '', auth = token) =>
  request(t.app)
    .post(`${path(locale)}${query}`)
    .set('Authorization', `Bearer ${auth}`)
    .type('application/xml')
    .send(body);
const all = async (locale: string) => new Map((await t.deps.store.listTranslations(SID, locale)).map((x) => [x.segmentId, x]));
const snapshot = async () => JSON.stringify(await t.deps.store.listAllTranslations(SID));

/** The edits a translator makes offline, per locale: changed, new, a link moved, an address moved. */
const EDITS = {
  my: [
    { segmentId: 's2', target: '၂၀၂၂ ဇန်နဝါရီ ၄' },
    { segmentId: 's4', target: 'မြန်မာစစ်ကောင်စီသည် အာဏာသိမ်းကြိုးပမ်းမှုကတည်းက ပြင်းထန်သော အကြမ်းဖက်မှုကို အသုံးပြုနေသည်။' },
    { segmentId: 's5', target: '<1>အသတ်ခံရသူ</1> လူ ၁,၃၉၈ ဦးရှိပြီး ကလေး ၁၀၀ နှင့် လူ ၁၁,၃၂၈ ဦး ဖမ်းဆီးခံရသည်။' },
    { segmentId: 's20', target: '{1} — အောင်မိုးဝင်း၊ မြန်မာ့ဒီမိုကရေစီလှုပ်ရှားမှု ထောက်ခံရေး' },
  ],
  km: [
    { segmentId: 's2', target: 'ថ្ងៃទី ៤ មករា ២០២២' },
    { segmentId: 's4', target: 'របបយោធាមីយ៉ាន់ម៉ាបានប្រើអំពើហិង្សាធ្ងន់ធ្ងរ ចាប់តាំងពីការប៉ុនប៉ងធ្វើរដ្ឋប្រហារ។' },
    { segmentId: 's5', target: '<1>ការសម្លាប់</1>មនុស្ស ១.៣៩៨ នាក់ រួមទាំងកុមារ ១០០ នាក់ និងមនុស្ស ១១.៣២៨ នាក់ត្រូវបានឃុំខ្លួន។' },
    { segmentId: 's20', target: '{1} — អោង មូ វិន, គាំទ្រចលនាប្រជាធិបតេយ្យនៅភូមា' },
  ],
} as const;

describe.each(['xliff20', 'xliff12', 'po'] as const)('round trip through %s', (format) => {
  it.each(['my', 'km'] as const)('%s: exactly the changes made come back, as submissions in the translator name', async (locale) => {
    await setUp(locale);
    const before = await all(locale);
    const edited = EDIT[format](await download(locale, format), [...EDITS[locale]]);
    const res = await upload(locale, edited).expect(200);
    expect(res.body.counts).toEqual({ imported: 4, unchanged: 238, conflict: 0, outdated: 0, refused: 0 });
    const after = await all(locale);
    const changed = [...after.keys()].filter((id) => JSON.stringify(after.get(id)) !== JSON.stringify(before.get(id)));
    expect(changed.sort()).toEqual(['s2', 's20', 's4', 's5']);
    for (const edit of EDITS[locale]) {
      const was = before.get(edit.segmentId);
      expect(after.get(edit.segmentId)).toMatchObject({
        text: edit.target,
        status: 'submitted',
        author: seeded.translator.id,
        revision: (was?.revision ?? 0) + 1,
      });
      const history = await t.deps.store.translationHistory(SID, locale, edit.segmentId);
      expect(history.length).toBe((was?.revision ?? 0) + 1);
      expect(history.at(-1)).toMatchObject({ action: 'submit', text: edit.target, actor: seeded.translator.id });
    }
    // Uploading the same file again changes nothing: every unit is now a conflict or unchanged.
    const again = await upload(locale, edited).expect(200);
    expect(again.body.counts.imported).toBe(0);
  });
});

describe('the report and its refusals', () => {
  beforeEach(() => setUp('my'));

  it('reports a unit changed on the server since the export as a conflict, and keeps the server text', async () => {
    const file = await download('my', 'xliff20');
    await saveTranslation(t.deps, seeded.translator, {
      statementId: SID,
      locale: 'my',
      segmentId: 's2',
      text: 'ဆာဗာပေါ်က စာ',
      baseRevision: 1,
      action: 'save',
    });
    const res = await upload('my', editXliff20(file, [{ segmentId: 's2', target: 'ဖိုင်ထဲက စာ' }])).expect(200);
    expect(res.body.units.find((u: { segmentId: string }) => u.segmentId === 's2')).toMatchObject({
      outcome: 'conflict',
      serverRevision: 2,
      message: expect.stringContaining('someone changed this translation'),
    });
    expect((await all('my')).get('s2')!.text).toBe('ဆာဗာပေါ်က စာ');
  });

  it('reports a unit whose source differs as outdated, a broken link as refused with the check, in the caller language', async () => {
    const file = (await download('my', 'po')).replace('msgid "4 January 2022"', 'msgid "5 January 2022"');
    const res = await upload(
      'my',
      editPo(file, [
        { segmentId: 's2', target: 'ဇန်နဝါရီ ၅' },
        { segmentId: 's5', target: 'လင့်ခ်မပါ စာ' },
      ]),
    )
      .set('Accept-Language', 'km')
      .expect(200);
    const unit = (id: string) => res.body.units.find((u: { segmentId: string }) => u.segmentId === id);
    expect(unit('s2')).toMatchObject({ outcome: 'outdated' });
    expect(unit('s5')).toMatchObject({ outcome: 'refused', checks: [expect.objectContaining({ id: 'placeholders' })] });
    expect(unit('s5').message).toMatch(/[\u1780-\u17FF]/); // worded in Khmer
    expect((await all('my')).get('s5')!.text).toBe(TEXTS.my.s5);
  });

  it('a dry run reports what would happen and stores nothing', async () => {
    const before = await snapshot();
    const res = await upload('my', editXliff12(await download('my', 'xliff12'), [{ segmentId: 's4', target: 'အသစ်' }]), '?dryRun=true').expect(200);
    expect(res.body).toMatchObject({ dryRun: true, counts: { imported: 1 } });
    expect(await snapshot()).toBe(before);
  });

  it('an editor may approve, on request, the submitted units the file marks final; never their own', async () => {
    const editorToken = await t.token('ed-my', 'editor', ['my']);
    const file = editXliff20(await download('my', 'xliff20', editorToken), [
      { segmentId: 's2', target: TEXTS.my.s2, state: 'final' },
      { segmentId: 's4', target: 'အယ်ဒီတာ ဘာသာပြန်', state: 'final' },
    ]);
    const res = await upload('my', file, '?approve=true', editorToken).expect(200);
    const unit = (id: string) => res.body.units.find((u: { segmentId: string }) => u.segmentId === id);
    expect(unit('s2')).toMatchObject({ outcome: 'imported', status: 'approved' });
    expect(unit('s4')).toMatchObject({ outcome: 'imported', status: 'submitted' }); // the editor's own text: submitted
    expect((await all('my')).get('s2')).toMatchObject({ status: 'approved', author: seeded.translator.id });
    // The translator may not ask for approval at all.
    await upload('my', file, '?approve=true').expect(403);
  });

  it.each<[string, (file: string) => string | Buffer, number, RegExp]>([
    ['a malformed unit (no id)', (f) => f.replace('<unit id="s4"', '<unit'), 400, /no id \(line \d+\)/],
    ['a unit twice', (f) => f.replace('<unit id="s4"', '<unit id="s3"'), 400, /Unit s3 appears twice \(line \d+\)/],
    ['broken XML', (f) => f.replace('</notes>', '</note>'), 400, /not well-formed XML \(line \d+\)/],
    ['a wrong target language', (f) => f.replace('trgLang="my"', 'trgLang="km"'), 400, /for the language “km”, not “my”/],
    [
      'a DOCTYPE with entities (billion laughs)',
      (f) => f.replace('<xliff', '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<xliff').replace('4 January 2022', '&b;'),
      400,
      /document type declaration \(line 2\)/,
    ],
    [
      'an external entity (XXE)',
      (f) => f.replace('<xliff', '<!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<xliff').replace('4 January 2022', '&x;'),
      400,
      /document type declaration/,
    ],
    ['not UTF-8', () => Buffer.from([0x3c, 0x78, 0xff, 0xfe]), 400, /not UTF-8/],
    ['more than 5 MB', () => Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), 413, /larger than 5 MB/],
    ['nothing', () => '', 400, /empty/],
  ])('refuses %s: nothing changes, and the answer says what and where', async (_name, spoil, status, message) => {
    const file = editXliff20(await download('my', 'xliff20'), [{ segmentId: 's4', target: 'အသစ်' }]);
    const before = await snapshot();
    const res = await upload('my', spoil(file)).expect(status);
    expect(res.body.error.message).toMatch(message);
    expect(await snapshot()).toBe(before);
  });

  it('takes a file far above the 64 KiB form limit, whatever content type the client sends', async () => {
    const file = editXliff12(await download('my', 'xliff12'), [{ segmentId: 's4', target: 'အသစ်' }]);
    expect(Buffer.byteLength(file)).toBeGreaterThan(64 * 1024);
    const res = await request(t.app).post(path('my')).set('Authorization', `Bearer ${token}`).type('form').send(file).expect(200);
    expect(res.body.counts.imported).toBe(1);
  });

  it('anonymous callers export approved text only, without comments, and may not import', async () => {
    const anonymous = text(
      await request(t.app)
        .get(`${path('my')}?format=xliff20`)
        .expect(200),
    );
    expect(anonymous).toContain(TEXTS.my.s1);
    expect(anonymous).not.toContain(TEXTS.my.s2);
    expect(anonymous).not.toContain(REVIEW_COMMENT);
    const res = await request(t.app)
      .get(`${path('my')}?format=po`)
      .expect(200);
    expect(res.headers['content-type']).toBe('text/x-gettext-translation; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${SID}.my.po"`);
    await request(t.app).post(path('my')).type('application/xml').send(anonymous).expect(401);
  });

  it('answers 400 for an unknown format and 404 for a locale that is not enabled', async () => {
    await request(t.app)
      .get(`${path('my')}?format=docx`)
      .expect(400);
    await request(t.app)
      .get(`${path('xx')}?format=po`)
      .expect(404);
  });
});

describe('the files page, without JavaScript', () => {
  it('offers the downloads and takes an upload through a multipart form with its CSRF token', async () => {
    await setUp('my');
    const session = await t.login('tr-my', 'translator', ['my']);
    const page = await session.agent.get(`/files/${SID}/my`).expect(200);
    expect(page.text).toContain(`href="${path('my')}?format=xliff20"`);
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).not.toContain('name="approve"'); // translators do not approve
    const file = editPo(await download('my', 'po'), [{ segmentId: 's4', target: 'ဖိုင်မှ ဘာသာပြန်' }]);
    const before = await snapshot();
    await session.agent.post(`/files/${SID}/my`).attach('file', Buffer.from(file), 'my.po').expect(403);
    expect(await snapshot()).toBe(before);
    const res = await session.agent.post(`/files/${SID}/my`).field('_csrf', session.csrf).attach('file', Buffer.from(file), 'my.po').expect(200);
    expect(res.text).toContain('Imported: 1.');
    expect((await all('my')).get('s4')).toMatchObject({ text: 'ဖိုင်မှ ဘာသာပြန်', status: 'submitted' });
    const big = await session.agent
      .post(`/files/${SID}/my`)
      .field('_csrf', session.csrf)
      .attach('file', Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), 'big.po')
      .expect(413);
    expect(big.text).toContain('larger than 5 MB');
    const none = await session.agent.post(`/files/${SID}/my`).field('_csrf', session.csrf).expect(400);
    expect(none.text).toContain('The file is empty');
  });

  it('links from the workspace', async () => {
    const session = await t.login('tr-my', 'translator', ['my']);
    const page = await session.agent.get(`/translate/${SID}/my`).expect(200);
    expect(page.text).toContain(`href="/files/${SID}/my"`);
  });
});
