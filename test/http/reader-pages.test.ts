// Readers' pages: statement list, one edition, compare view, language switcher, interface language.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { api, makeApp, SID, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
  const translator = await t.token('ko', 'translator', ['my', 'km']);
  const editor = await t.token('ed', 'editor', ['my', 'km']);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  // s26 is signatory number 2; approve it in Burmese and Khmer, and submit (not approve) s3.
  for (const [locale, text] of [
    ['my', 'ဒီမိုကရေစီ ဖွံ့ဖြိုးရေး လုပ်ငန်းကော်မတီ'],
    ['km', 'គណៈកម្មាធិការសកម្មភាពដើម្បីការអភិវឌ្ឍលទ្ធិប្រជាធិបតេយ្យ'],
  ] as const) {
    await request(t.app).put(api().segment(locale, 's26')).set(as(translator)).send({ text, baseRevision: 0, action: 'submit' }).expect(200);
    await request(t.app).post(api().review(locale, 's26')).set(as(editor)).send({ decision: 'approve', revision: 1 }).expect(200);
  }
  // Both texts have warnings (no ။, numbers left out), confirmed by the submission.
  await request(t.app)
    .put(api().segment('my', 's3'))
    .set(as(translator))
    .send({ text: 'မပြီးသေး', baseRevision: 0, action: 'submit', confirmWarnings: true })
    .expect(200);
  await request(t.app)
    .put(api().segment('my', 's5'))
    .set(as(translator))
    .send({ text: 'လူ ၁,၃၉၈ ဦး <1>သတ်ဖြတ်</1> ခံရ <script>alert(1)</script>', baseRevision: 0, action: 'submit', confirmWarnings: true })
    .expect(200);
  await request(t.app).post(api().review('my', 's5')).set(as(editor)).send({ decision: 'approve', revision: 1 }).expect(200);
});
afterAll(() => t.close());

describe('GET /', () => {
  it('lists the statement with progress per locale', async () => {
    const res = await request(t.app).get('/').expect(200);
    expect(res.text).toContain('Joint Statement by the Civil Society');
    expect(res.text).toMatch(/<progress max="100" value="0" class="approved">/);
    expect(res.text).toContain('lang="km" dir="ltr">ខ្មែរ</a>');
  });
});

describe('GET /s/:sid/:locale', () => {
  it('shows approved text with lang and dir, and falls back to marked English elsewhere', async () => {
    const res = await request(t.app).get(`/s/${SID}/my`).expect(200);
    expect(res.text).toContain('<div class="text state-approved" lang="my" dir="ltr">ဒီမိုကရေစီ ဖွံ့ဖြိုးရေး လုပ်ငန်းကော်မတီ</div>');
    expect(res.text).not.toContain('မပြီးသေး'); // submitted, not approved
    expect(res.text).toMatch(/<div class="text state-fallback" lang="en" dir="ltr">We, the undersigned/);
    expect(res.text).toContain('Not yet translated: original English');
  });

  it('numbers the signatories in Burmese digits and Khmer digits', async () => {
    const my = await request(t.app).get(`/s/${SID}/my`).expect(200);
    expect(my.text).toContain('<span class="num" lang="my">၂.</span>');
    expect(my.text).toContain('<span class="num" lang="my">၁၉၅.</span>');
    const km = await request(t.app).get(`/s/${SID}/km`).expect(200);
    expect(km.text).toContain('<span class="num" lang="km">១៩៥.</span>');
  });

  it('escapes translation text and keeps only the source link', async () => {
    const res = await request(t.app).get(`/s/${SID}/my`).expect(200);
    expect(res.text).toContain('<a href="#" rel="noopener">သတ်ဖြတ်</a> ခံရ &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.text).not.toContain('<script>alert');
  });

  it('says how much is approved, in the interface language and its digits', async () => {
    const en = await request(t.app).get(`/s/${SID}/my`).expect(200);
    expect(en.text).toContain('2 of 242 parts are translated and approved');
    const my = await request(t.app).get(`/s/${SID}/my`).set('Cookie', 'tandem.lang=my').expect(200);
    expect(my.text).toContain('<html lang="my"');
    expect(my.text).toMatch(/၂/);
    expect(my.text).toMatch(/၂၄၂/);
  });

  it('offers a language switcher with autonyms and approved percentages', async () => {
    const res = await request(t.app).get(`/s/${SID}/my`).expect(200);
    expect(res.text).toMatch(/<a href="\/s\/[^"]+\/km" data-keep-place lang="km" dir="ltr" hreflang="km" ?>ខ្មែរ <span class="pct"[^>]*>0%<\/span>/);
    expect(res.text).toMatch(/aria-current="page">မြန်မာ/);
    // The current language first; past three languages the others are in a compact menu.
    expect(res.text).toMatch(/<ul class="first">\s*<li><a [^>]*hreflang="my" aria-current="page">/);
    expect(res.text).toContain('<summary>2 more languages</summary>');
  });

  it.each([
    ['an unknown statement', '/s/nope/my', 404],
    ['a locale that is not enabled', `/s/${SID}/fr`, 404],
    ['an invalid locale', `/s/${SID}/m%3Cy`, 400],
  ])('answers %s with %i in HTML', async (_n, url, status) => {
    const res = await request(t.app).get(url).expect(status);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('role="alert"');
  });

  it('answers errors in the reader’s language', async () => {
    const res = await request(t.app).get('/s/nope/my').set('Accept-Language', 'km,en;q=0.5').expect(404);
    expect(res.text).toContain('<html lang="km"');
    const en = await request(t.app).get('/s/nope/my').expect(404);
    expect(res.text).not.toEqual(en.text);
  });
});

describe('GET /s/:sid/compare', () => {
  it('shows 3 columns whose rows line up segment by segment', async () => {
    const res = await request(t.app).get(`/s/${SID}/compare?langs=en,my,km`).expect(200);
    expect(res.text).toContain('class="compare-grid cols-3"');
    const rows = res.text.match(/<div class="compare-row seg /g) ?? [];
    expect(rows).toHaveLength(242);
    const s26 = res.text.slice(res.text.indexOf('id="s26"'), res.text.indexOf('id="s27"'));
    expect(s26).toContain('lang="en" dir="ltr">Action Committee for Democracy Development');
    expect(s26).toContain('lang="my" dir="ltr">ဒီမိုကရေစီ');
    expect(s26).toContain('lang="km" dir="ltr">គណៈកម្មាធិការ');
    expect(s26).toContain('<span class="num" lang="km">២.</span>');
  });

  it.each([
    ['one language', 'en', 400],
    ['five languages', 'en,my,km,th,en-GB', 400],
    ['a language that is not enabled', 'en,fr', 404],
    ['no langs', '', 400],
  ])('refuses %s', async (_n, langs, status) => {
    await request(t.app).get(`/s/${SID}/compare?langs=${langs}`).expect(status);
  });
});

describe('interface language', () => {
  it('is chosen from Accept-Language, then remembered from the switch', async () => {
    const km = await request(t.app).get('/').set('Accept-Language', 'km').expect(200);
    expect(km.text).toContain('<html lang="km"');
    const sw = await request(t.app).get('/ui/my?next=/s/x').expect(303);
    expect(sw.headers.location).toBe('/s/x');
    expect(sw.headers['set-cookie']?.[0]).toMatch(/^tandem\.lang=my;.*HttpOnly/);
  });
  it('never redirects to another site', async () => {
    const res = await request(t.app).get('/ui/my?next=//evil.example').expect(303);
    expect(res.headers.location).toBe('/');
  });
});

describe('static files', () => {
  it('serves the self-hosted Burmese font with a long cache', async () => {
    const res = await request(t.app).get('/fonts/noto-sans-myanmar/files/noto-sans-myanmar-myanmar-400-normal.woff2').expect(200);
    expect(res.headers['cache-control']).toContain('max-age=31536000');
  });
  it('answers /healthz', async () => {
    await request(t.app).get('/healthz').expect(200);
  });
});

describe('a young edition', () => {
  it('says once that a run of untranslated names is shown as in the original, in the reader’s digits', async () => {
    const t2 = await makeApp();
    const page = (await request(t2.app).get(`/s/${SID}/km`).set('Cookie', 'tandem.lang=km').expect(200)).text;
    expect(page).toContain('ឈ្មោះ ១៩៥ ទាំងនេះ ត្រូវបានបង្ហាញដូចក្នុងច្បាប់ដើម។'); // 195 signatories, Khmer digits
    expect((page.match(/mark-fallback/g) ?? []).length).toBeLessThan(3); // not 195 badges: only runs of one or two keep theirs
    const en = (await request(t2.app).get(`/s/${SID}/my`).expect(200)).text;
    expect(en).toContain('These 195 names are shown as in the original.');
    await t2.close();
  });
});
