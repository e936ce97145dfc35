// Published editions: approved text stays published while work goes on, numbered immutable
// versions with stamps, permanent links, downloads, feed and sitemap, and pages rendered once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { create } from 'xmlbuilder2';
import { reviseStatement } from '../../server/domain/statement-revision.js';
import { decodeStatementSource, segmentMarkdown } from '../../server/domain/segmenter.js';
import type { ReaderCache } from '../../server/http/public-cache.js';
import { api, makeApp, SID, STATEMENT_BYTES, type TestApp } from '../support/app.js';

let t: TestApp;
let translator: string;
let editor: string;
let admin: string;
const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const editions = (locale: string) => `/api/v1/statements/${SID}/editions/${locale}`;
/** Pages with one Host, as a reader's browser sends (alternates carry absolute URLs). */
const page = (url: string) => request(t.app).get(url).set('Host', 'tandem.test');
const renders = () => (t.app.locals.readerCache as ReaderCache).stats().renders;

async function approve(locale: string, segment: string, text: string) {
  const current = (await t.deps.store.getTranslation(SID, locale, segment))?.revision ?? 0;
  await request(t.app)
    .put(api().segment(locale, segment))
    .set(as(translator))
    .send({ text, baseRevision: current, action: 'submit', confirmWarnings: true })
    .expect(200);
  await request(t.app)
    .post(api().review(locale, segment))
    .set(as(editor))
    .send({ decision: 'approve', revision: current + 1 })
    .expect(200);
}
async function draft(locale: string, segment: string, text: string) {
  const current = (await t.deps.store.getTranslation(SID, locale, segment))?.revision ?? 0;
  await request(t.app).put(api().segment(locale, segment)).set(as(translator)).send({ text, baseRevision: current, action: 'save' }).expect(200);
}

beforeAll(async () => {
  t = await makeApp();
  translator = await t.token('ko', 'translator', ['my', 'km']);
  editor = await t.token('ed', 'editor', ['my', 'km']);
  admin = await t.token('root', 'admin');
  await approve('km', 's1', 'សេចក្តីថ្លែងការណ៍រួម');
  await approve('km', 's3', 'យើងខ្ញុំ។');
  await approve('my', 's1', 'ပူးတွဲကြေညာချက်');
  await approve('my', 's26', 'ဒီမိုကရေစီ ဖွံ့ဖြိုးရေး လုပ်ငန်းကော်မတီ');
});
afterAll(() => t.close());

describe('approved text stays published while newer work goes on', () => {
  it('a draft on an approved segment changes neither the preview, nor the anonymous API', async () => {
    await approve('my', 's3', 'ကျွန်ုပ်တို့ ။');
    const pageBefore = (await page(`/s/${SID}/my`).expect(200)).text;
    const apiBefore = (await request(t.app).get(api().translations('my')).expect(200)).body;
    await draft('my', 's3', 'ကျွန်ုပ်တို့ အသစ် ။');
    expect((await page(`/s/${SID}/my`).expect(200)).text).toBe(pageBefore);
    expect(pageBefore).toContain('ကျွန်ုပ်တို့ ။');
    expect((await request(t.app).get(api().translations('my')).expect(200)).body).toEqual(apiBefore);
    // The translator sees the draft.
    const own = (await request(t.app).get(api().translations('my')).set(as(translator)).expect(200)).body as { segmentId: string; text: string }[];
    expect(own.find((x) => x.segmentId === 's3')?.text).toBe('ကျွန်ုပ်တို့ အသစ် ။');
  });

  it('only an approval replaces the published text', async () => {
    await approve('my', 's3', 'ကျွန်ုပ်တို့ အသစ် ။');
    expect((await page(`/s/${SID}/my`).expect(200)).text).toContain('ကျွန်ုပ်တို့ အသစ် ။');
  });
});

describe('publishing an edition', () => {
  it('the source edition is published when the statement is imported', async () => {
    const list = (await request(t.app).get(editions('en')).expect(200)).body;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ locale: 'en', version: 1, percentApproved: 100, sourceRevision: 1 });
  });

  it('refuses anonymous callers (401) and translators (403), and writes nothing', async () => {
    await request(t.app).post(editions('km')).send({}).expect(401);
    const res = await request(t.app).post(editions('km')).set(as(translator)).send({}).expect(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await request(t.app).get(editions('km')).expect(200)).body).toEqual([]);
  });

  it('an editor publishes version 1 with a note (201); the publisher is in the audit log only', async () => {
    const res = await request(t.app).post(editions('km')).set(as(editor)).send({ note: 'first Khmer edition' }).expect(201);
    expect(res.body).toMatchObject({ locale: 'km', version: 1, sourceRevision: 1, percentApproved: 0, note: 'first Khmer edition' });
    expect(typeof res.body.publishedAt).toBe('string');
    const audit = await t.deps.store.listAudit();
    const editorId = (await t.deps.store.findAccountByName('ed'))!.id;
    expect(audit.at(-1)).toMatchObject({ action: 'edition.publish', target: `${SID}/km/1`, actorId: editorId });
    const html = (await page(`/s/${SID}/km`).expect(200)).text;
    expect(html).not.toContain(editorId);
    expect(html).not.toMatch(/\bed\b.*published/);
  });

  it("refuses a note that is too long, in the caller's language", async () => {
    const res = await request(t.app)
      .post(editions('km'))
      .set(as(editor))
      .set('Cookie', 'tandem.lang=km')
      .send({ note: 'x'.repeat(600) })
      .expect(400);
    expect(res.body.error.message).toContain('៥០០');
  });

  it('the API returns the version with every segment: text and fallback', async () => {
    const res = await request(t.app)
      .get(`${editions('km')}/1`)
      .expect(200);
    expect(res.body).toMatchObject({ locale: 'km', version: 1, latest: true, sourceCorrected: false });
    expect(res.body.segments[0]).toMatchObject({ segmentId: 's1', text: 'សេចក្តីថ្លែងការណ៍រួម', fallback: false });
    expect(res.body.segments[3]).toMatchObject({ segmentId: 's4', fallback: true });
    await request(t.app)
      .get(`${editions('km')}/9`)
      .expect(404);
  });

  it('a draft after publishing changes nothing on the published page', async () => {
    const before = (await page(`/s/${SID}/km`).expect(200)).text;
    await draft('km', 's3', 'យើងខ្ញុំ ថ្មី។');
    await approve('km', 's4', 'ទីពីរ។'); // approved, but not published yet
    expect((await page(`/s/${SID}/km`).expect(200)).text).toBe(before);
    expect(before).toContain('យើងខ្ញុំ។');
    expect(before).not.toContain('ទីពីរ។');
  });

  it("version 2 changes nothing on version 1's page but one notice linking to the latest", async () => {
    const v1Before = (await page(`/s/${SID}/km/v/1`).expect(200)).text;
    expect(v1Before).not.toContain('notice-newer');
    const res = await request(t.app).post(editions('km')).set(as(editor)).send({ note: 'corrected the death toll' }).expect(201);
    expect(res.body.version).toBe(2);
    const v1After = (await page(`/s/${SID}/km/v/1`).expect(200)).text;
    const notices = v1After.match(/<p class="notice notice-newer"[^]*?<\/p>/g) ?? [];
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`href="/s/${SID}/km"`);
    expect(v1After.replace(notices[0]!, '')).toBe(v1Before);
    const latest = (await page(`/s/${SID}/km`).expect(200)).text;
    expect(latest).toContain('ទីពីរ។');
    expect(latest).toContain('corrected the death toll');
    const list = (await request(t.app).get(editions('km')).expect(200)).body as { version: number }[];
    expect(list.map((v) => v.version)).toEqual([2, 1]);
  });

  it('the versions page lists notes and the changed segments as a word diff', async () => {
    const res = await page(`/s/${SID}/km/versions`).expect(200);
    expect(res.text).toContain('corrected the death toll');
    expect(res.text).toMatch(/<ins><span class="visually-hidden">[^<]*<\/span>ទីពីរ។<\/ins>/);
  });
});

describe('stamps', () => {
  it("says language, version, source revision, date and how much is reviewed, in the reader's digits", async () => {
    const my = (await page(`/s/${SID}/km/v/1`).set('Cookie', 'tandem.lang=my').expect(200)).text;
    expect(my).toContain('ဗားရှင်း ၁');
    const km = (await page(`/s/${SID}/km/v/2`).set('Cookie', 'tandem.lang=km').expect(200)).text;
    expect(km).toMatch(/កំណែ ២/);
    expect(km).toMatch(/៣ ក្នុងចំណោម ២៤២/);
    expect(km).toContain('4 January 2022'); // the source's own date line
  });

  it("titles and Open Graph in the edition's language, alternates with x-default", async () => {
    const html = (await page(`/s/${SID}/km`).expect(200)).text;
    expect(html).toContain('<title>សេចក្តីថ្លែងការណ៍រួម · Tandem</title>');
    expect(html).toContain('<meta property="og:title" content="សេចក្តីថ្លែងការណ៍រួម">');
    expect(html).toMatch(/<link rel="alternate" hreflang="km" href="http:\/\/[^"]+\/s\/[^"]+\/km">/);
    expect(html).toMatch(/<link rel="alternate" hreflang="x-default" href="[^"]+\/en">/);
  });

  it('a preview (never published) is marked and not indexed', async () => {
    const html = (await page(`/s/${SID}/my`).expect(200)).text;
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('notice-preview');
    expect(html).toContain('<title>ပူးတွဲကြေညာချက် · Tandem</title>');
  });
});

describe('speed that does not depend on the work going on', () => {
  it('strong ETag, 304, immutable versions, revalidated latest', async () => {
    const v1 = await page(`/s/${SID}/km/v/1`).expect(200);
    expect(v1.headers.etag).toMatch(/^"[^"]+"$/);
    expect(v1.headers['cache-control']).toContain('immutable');
    await page(`/s/${SID}/km/v/1`).set('If-None-Match', v1.headers.etag!).expect(304);
    const latest = await page(`/s/${SID}/km`).expect(200);
    expect(latest.headers['cache-control']).toBe('public, no-cache');
  });

  it('saves, reviews, logins and anonymous sessions never re-render a published page', async () => {
    await page(`/s/${SID}/km`).expect(200);
    await page(`/s/${SID}/km/v/1`).expect(200);
    const before = renders();
    await draft('km', 's5', 'ទីបី');
    await approve('km', 's27', 'គណៈកម្មាធិការ');
    await request(t.app).get('/login').expect(200);
    await t.login('reader-login', 'translator', ['km']);
    await page(`/s/${SID}/km`).expect(200);
    await page(`/s/${SID}/km/v/1`).expect(200);
    expect(renders()).toBe(before);
  });

  it('renders a missing page once however many requests wait for it', async () => {
    await request(t.app).post(editions('km')).set(as(editor)).send({}).expect(201); // new latest: new key
    const before = renders();
    await Promise.all(Array.from({ length: 8 }, () => page(`/s/${SID}/km/v/3`).expect(200)));
    expect(renders()).toBe(before + 1);
  });

  it("a logged-in user gets the cached page with their own header, never another user's", async () => {
    const first = await t.login('alice-reader', 'translator', ['my']);
    const second = await t.login('bob-reader', 'translator', ['my']);
    await page(`/s/${SID}/km`).expect(200);
    const before = renders();
    const a = (await first.agent.get(`/s/${SID}/km`).set('Host', 'tandem.test').expect(200)).text;
    const b = (await second.agent.get(`/s/${SID}/km`).set('Host', 'tandem.test').expect(200)).text;
    const anon = (await page(`/s/${SID}/km`).expect(200)).text;
    expect(renders()).toBe(before);
    expect(a).toContain('alice-reader');
    expect(a).not.toContain('bob-reader');
    expect(b).toContain('bob-reader');
    expect(b).not.toContain('alice-reader');
    expect(anon).not.toMatch(/alice-reader|bob-reader/);
    expect(a).toContain(`value="${first.csrf}"`);
    const res = await first.agent.get(`/s/${SID}/km`).expect(200);
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.headers.etag).toBeUndefined();
  });
});

describe('a source correction', () => {
  it('leaves published versions unchanged and says the original was corrected, until a new version', async () => {
    const statement = (await t.deps.store.getStatement(SID))!;
    const markdown = decodeStatementSource(STATEMENT_BYTES).replace('1,398 people', '1,400 people');
    const { statement: revised } = reviseStatement(statement, segmentMarkdown(markdown));
    await t.deps.store.replaceStatement(revised, []);
    const html = (await page(`/s/${SID}/km`).set('Cookie', 'tandem.lang=km').expect(200)).text;
    expect(html).toContain('notice-corrected');
    expect(html).toContain(`href="/s/${SID}/en" hreflang="en"`);
    expect(html).toContain('1,398 people'); // the version's own fallback text
    const version = (
      await request(t.app)
        .get(`${editions('km')}/3`)
        .expect(200)
    ).body;
    expect(version).toMatchObject({ sourceRevision: 1, sourceCorrected: true });
    await request(t.app).post(editions('km')).set(as(admin)).send({}).expect(201);
    const after = (await page(`/s/${SID}/km`).expect(200)).text;
    expect(after).not.toContain('notice-corrected');
    expect(after).toContain('1,400 people');
  });
});

describe('downloads', () => {
  const download = (format: string) => page(`/s/${SID}/km/v/2/${SID}.km.v2.${format}`);

  it('Markdown keeps headings, the numbered signatories and links', async () => {
    const res = await download('md').expect(200);
    expect(res.headers['content-disposition']).toContain(`${SID}.km.v2.md`);
    expect(res.text).toMatch(/^# សេចក្តីថ្លែងការណ៍រួម$/m);
    expect(res.text).toMatch(/^## /m);
    expect(res.text).toMatch(/^1\. .+\n2\. /m);
    expect(res.text).toMatch(/\[killed\]\(<#>\)/);
    expect(res.text).toContain('version 2');
  });

  it("plain text has the numbers, in the edition's digits, and the stamp", async () => {
    const res = await download('txt').expect(200);
    expect(res.text).toMatch(/^១\. .+\n២\. /m);
    expect(res.text).toContain('version 2');
  });

  it('standalone HTML: no script, the font subset embedded, under 400 KB', async () => {
    const res = await download('html').expect(200);
    expect(res.text).not.toMatch(/<script/i);
    expect(res.text).toContain("font-family: 'Noto Sans Khmer'");
    expect(res.text).toContain('data:font/woff2;base64,');
    expect(Buffer.byteLength(res.text)).toBeLessThan(400 * 1024);
  }, 60_000); // subsetting the font (harfbuzz in wasm) takes seconds on a loaded machine

  it('a wrong file name redirects to the right one', async () => {
    await page(`/s/${SID}/km/v/2/${SID}.my.v2.md`).expect(301);
  });
});

describe('discovery', () => {
  it("the feed is Atom, well-formed, one entry per version with the edition's xml:lang", async () => {
    const res = await request(t.app).get('/feed.xml').expect(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const feed = create(res.text).end({ format: 'object' }) as { feed: { '@xmlns': string; entry: { '@xml:lang': string }[] } };
    expect(feed.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    const versions =
      (await request(t.app).get(editions('km')).expect(200)).body.length + (await request(t.app).get(editions('en')).expect(200)).body.length;
    expect(feed.feed.entry).toHaveLength(versions);
    expect(feed.feed.entry.map((e) => e['@xml:lang']).sort()).toContain('km');
  });

  it('the sitemap lists the latest editions with alternates and x-default', async () => {
    const res = await request(t.app).get('/sitemap.xml').expect(200);
    create(res.text); // well-formed
    expect(res.text).toContain(`/s/${SID}/km</loc>`);
    expect(res.text).toMatch(/hreflang="x-default" href="[^"]+\/en"/);
  });
});

describe("the editor's pages", () => {
  it('the review queue shows "approved; a change is in progress" with the word diff, and the publish form', async () => {
    const session = await t.login('ed', 'editor', ['my', 'km']);
    await approve('my', 's40', 'ပထမ စာ ။');
    const current = (await t.deps.store.getTranslation(SID, 'my', 's40'))!.revision;
    await request(t.app)
      .put(api().segment('my', 's40'))
      .set(as(translator))
      .send({ text: 'ဒုတိယ စာ ။', baseRevision: current, action: 'submit', confirmWarnings: true })
      .expect(200);
    const html = (await session.agent.get(`/review/${SID}/my`).expect(200)).text;
    expect(html).toContain('Approved; a change is in progress');
    expect(html).toMatch(/<del><span class="visually-hidden">[^<]*<\/span>ပထမ<\/del>/);
    expect(html).toContain(`action="/publish/${SID}/my"`);
    expect(html).toContain('Not everything is approved');
    // The workspace shows one page at a time: open the one that holds the segment.
    const workspace = (await session.agent.get(`/translate/${SID}/my?seg=s40`).expect(200)).text;
    expect(workspace).toContain('Approved; a change is in progress');
  });

  it('publishing under 100 % from the form needs the confirmation', async () => {
    const session = await t.login('ed', 'editor', ['my', 'km']);
    const refused = await session.agent.post(`/publish/${SID}/my`).type('form').send({ _csrf: session.csrf }).expect(400);
    expect(refused.text).toContain('Confirm that you want to publish anyway');
    expect((await request(t.app).get(editions('my')).expect(200)).body).toEqual([]);
    const done = await session.agent
      .post(`/publish/${SID}/my`)
      .type('form')
      .send({ _csrf: session.csrf, confirmIncomplete: 'true', note: 'first' })
      .expect(303);
    expect(done.headers.location).toBe(`/s/${SID}/my/v/1`);
    const html = (await page(`/s/${SID}/my`).expect(200)).text;
    expect(html).not.toContain('notice-preview');
    expect(html).toContain('ပထမ စာ ။'); // the published text, not the submission
    expect(html).not.toContain('ဒုတိယ စာ ။');
  });
});
