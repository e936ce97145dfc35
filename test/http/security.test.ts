// The promises of "Security and privacy": headers and CSP on every response, CSRF on every
// state-changing route, session cookies, body limits, errors without internals, logs without
// secrets, nothing from other hosts, nobody named in public, escaped text and source-only links.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Statement } from '../../server/domain/types.js';
import { setCredit, toActor } from '../../server/services/accounts.js';
import { api, csrfFrom, makeApp, putTranslation, PASSWORD, ROOT, SID, type Session, type TestApp } from '../support/app.js';
import { listRoutes } from './security-routes.js';

let t: TestApp;
let admin: Session;
let translator: Session;
let statement: Statement;
const logged: string[] = [];

beforeAll(async () => {
  t = await makeApp(undefined, { log: (line) => logged.push(line) });
  admin = await t.login('boss', 'admin');
  translator = await t.login('mya', 'translator', ['my']);
  statement = (await t.deps.store.getStatement(SID))!;
});
afterAll(() => t.close());

/** Writes an approved translation straight into the store: the renderer must hold even then. */
async function approved(locale: string, segmentId: string, text: string, authorId: string): Promise<void> {
  const segment = statement.segments.find((s) => s.id === segmentId)!;
  await putTranslation(
    t.deps.store,
    SID,
    () => ({
      segmentId,
      locale,
      text,
      status: 'approved',
      sourceHash: segment.sourceHash,
      author: authorId,
      updatedAt: new Date().toISOString(),
    }),
    { action: 'approve' },
  );
}

/** Every file of the data directory, recursively. */
function dataFiles(dir = t.dataDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? dataFiles(file) : [file];
  });
}

async function snapshot(): Promise<string> {
  const s = t.deps.store;
  return JSON.stringify([await s.listAccounts(), await s.listLocales(), await s.listAudit(), await s.listAllTranslations(SID)]);
}

describe('security headers and Content-Security-Policy on every response', () => {
  const CSP = {
    'default-src': "'self'",
    'script-src': "'self'",
    'style-src': "'self'",
    'font-src': "'self'",
    'img-src': "'self'",
    'connect-src': "'self'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
    'base-uri': "'none'",
    'object-src': "'none'",
  };
  const parse = (header: string) =>
    Object.fromEntries(
      header
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v.join(' ')]),
    );

  it.each([
    ['a public page', '/', 200],
    ['an edition', `/s/${SID}/my`, 200],
    ['the login page', '/login', 200],
    ['the JSON API', '/api/v1/statements', 200],
    ['a missing page', '/nope', 404],
    ['a missing API resource', '/api/v1/statements/nope', 404],
    ['a style sheet', '/static/css/tandem.css', 200],
    ['a font', '/fonts/noto-sans-myanmar/files/noto-sans-myanmar-myanmar-400-normal.woff2', 200],
    ['the health check', '/healthz', 200],
  ])('%s (%s)', async (_name, url, status) => {
    const res = await request(t.app).get(url).expect(status);
    expect(parse(res.headers['content-security-policy']!)).toEqual(CSP);
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-|https?:|\*|data:|blob:/);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'same-origin',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'strict-transport-security': expect.stringMatching(/max-age=\d+/),
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('also on logged-in pages, which no cache may keep', async () => {
    const res = await translator.agent.get(`/translate/${SID}/my`).expect(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('also on a 500', async () => {
    const original = t.deps.store.listStatements;
    t.deps.store.listStatements = () => Promise.reject(new Error('disk on fire'));
    try {
      const res = await admin.agent.get('/').expect(500); // logged in: never from the public page cache
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    } finally {
      t.deps.store.listStatements = original;
    }
  });
});

describe('no inline script or style, nothing from another host', () => {
  const views = (dir = path.join(ROOT, 'views')): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? views(path.join(dir, f)) : [path.join(dir, f)]));

  // The one-file download (views/standalone.ejs) is a document to keep, sent as an attachment, not a
  // page of the site: it must carry its style and font inline to open alone. It has no script.
  const STANDALONE = path.join('views', 'standalone.ejs');
  it.each(
    views()
      .map((f) => [path.relative(ROOT, f)])
      .filter(([f]) => f !== STANDALONE),
  )('%s has no inline script, style, event handler or javascript: URL', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    expect(text.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
    expect(text.match(/<style|\sstyle=|\son[a-z]+=|javascript:/gi)).toBeNull();
  });

  it('the one-file download has no script, handler or javascript: URL, and loads nothing', () => {
    const text = readFileSync(path.join(ROOT, STANDALONE), 'utf8');
    expect(text.match(/<script|\son[a-z]+=|javascript:|<link|\ssrc=/gi)).toBeNull();
  });

  it('style sheets load fonts from this server only', () => {
    for (const file of readdirSync(path.join(ROOT, 'public', 'css'))) {
      const css = readFileSync(path.join(ROOT, 'public', 'css', file), 'utf8');
      for (const [, url] of css.matchAll(/url\(\s*['"]?([^'")]+)/g)) expect([file, url]).toEqual([file, expect.stringMatching(/^\/(?!\/)/)]);
      expect(css).not.toMatch(/@import/);
    }
  });

  it.each([
    ['anonymous', '/'],
    ['anonymous', `/s/${SID}/my`],
    ['anonymous', `/s/${SID}/compare?langs=en,my,km`],
    ['anonymous', '/login'],
    ['translator', `/translate/${SID}/my`],
    ['translator', '/account'],
    ['admin', `/review/${SID}/my`],
    ['admin', `/history/${SID}/my/s3`],
    ['admin', '/admin'],
    ['admin', '/admin/audit'],
  ])('%s page %s loads scripts, styles, images and fonts from this server only', async (who, url) => {
    const agent = who === 'admin' ? admin.agent : who === 'translator' ? translator.agent : request(t.app);
    const html = (await agent.get(url).expect(200)).text;
    const loads = [
      ...[...html.matchAll(/<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\ssrcs?e?t?=["']([^"']*)/gi)].map((m) => m[1]!),
      ...[...html.matchAll(/<link\b[^>]*\shref=["']([^"']*)/gi)].map((m) => m[1]!),
    ];
    expect(loads.length).toBeGreaterThan(0);
    for (const target of loads) expect(target).toMatch(/^\/(?!\/)/);
    expect(html).not.toMatch(/<(script|style)>/);
  });
});

describe('CSRF', () => {
  // Every state-changing route, read from the routers; admin is allowed everything, so the only
  // reason to refuse is the missing or wrong token.
  const changing = () => listRoutes(t.app).filter((r) => r.method !== 'GET');

  it('covers every state-changing route of the app', () => {
    expect(changing().length).toBeGreaterThanOrEqual(15);
  });

  it.each([
    ['no token', undefined],
    ['a wrong token', 'forged-token-forged-token-forged'],
    ['an empty token', ''],
  ])('refuses a cookie-authenticated request with %s with 403 on every state-changing route, and changes nothing', async (_name, token) => {
    const spare = (await t.deps.store.listAccounts()).find((a) => a.name === 'mya')!;
    for (const route of changing()) {
      const url = route.path.replace(':sid', SID).replace(':locale', 'my').replace(':segmentId', 's3').replace(':id', spare.id).replace(':lang', 'en');
      const before = await snapshot();
      const verb = route.method.toLowerCase() as 'post' | 'put';
      const body = {
        text: 'ကျွန်ုပ်',
        baseRevision: 0,
        action: 'save',
        decision: 'approve',
        revision: 0,
        tag: 'shn',
        name: 'x-new',
        role: 'translator',
        password: PASSWORD,
        current: PASSWORD,
        confirm: PASSWORD,
        token: 'x',
      };
      const req = admin.agent[verb](url);
      const res = url.startsWith('/api/')
        ? await (token === undefined ? req : req.set('x-csrf-token', token)).send(body)
        : await req.type('form').send(token === undefined ? body : { ...body, _csrf: token });
      expect([route.method, route.path, res.status]).toEqual([route.method, route.path, 403]);
      expect(await snapshot()).toBe(before);
    }
  });

  it('refuses the anonymous login form without its token', async () => {
    const agent = request.agent(t.app);
    await agent.get('/login').expect(200);
    await agent.post('/login').type('form').send({ name: 'mya', password: PASSWORD }).expect(403);
  });

  describe('anonymous forms (login, set-up, password links): a token signed for a nonce cookie, no session', () => {
    const EXPIRED = 'This form has expired';
    /** A nonce cookie and the token the login page signed for it. */
    async function anonymousPair() {
      const page = await request(t.app).get('/login').expect(200);
      const nonce = (page.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('tandem.form='))!.split(';')[0]!;
      return { nonce, token: csrfFrom(page.text) };
    }

    it.each(['/login', '/setup', '/password-link'])('%s takes the token with its own nonce cookie', async (url) => {
      const { nonce, token } = await anonymousPair();
      const res = await request(t.app)
        .post(url)
        .set('Cookie', nonce)
        .type('form')
        .send({ _csrf: token, name: 'mya', password: 'wrong password', token: 'x'.repeat(43), confirm: 'wrong password' });
      expect(res.status).not.toBe(500);
      expect(res.text).not.toContain(EXPIRED);
    });

    it.each([
      ['no nonce cookie', async () => ({ cookie: '', token: (await anonymousPair()).token })],
      ['the nonce of another visitor', async () => ({ cookie: (await anonymousPair()).nonce, token: (await anonymousPair()).token })],
      ['a token made up for a nonce', async () => ({ cookie: (await anonymousPair()).nonce, token: 'A'.repeat(43) })],
    ])('%s: 403 on /login, /setup and /password-link', async (_name, make) => {
      for (const url of ['/login', '/setup', '/password-link']) {
        const { cookie, token } = await make();
        const res = await request(t.app)
          .post(url)
          .set('Cookie', cookie)
          .type('form')
          .send({ _csrf: token, name: 'mya', password: PASSWORD, token: 'x', confirm: PASSWORD });
        expect([url, res.status]).toEqual([url, 403]);
        expect(res.text).toContain(EXPIRED);
      }
    });

    it('is worth nothing on the forms of a logged-in user', async () => {
      const { nonce, token } = await anonymousPair();
      const before = await snapshot();
      const cookies = (translator.agent as unknown as { jar: { getCookies(a: object): { toValueString(): string }[] } }).jar
        .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
        .map((c) => c.toValueString());
      const res = await request(t.app)
        .post('/account/credit')
        .set('Cookie', [...cookies, nonce].join('; '))
        .type('form')
        .send({ _csrf: token, credit: 'on', pseudonym: 'Forged Name' });
      expect(res.status).toBe(403);
      expect(await snapshot()).toBe(before);
    });
  });

  it('needs no token for bearer-token calls (browsers never send those)', async () => {
    const token = await t.token('bot', 'translator', ['my']);
    await request(t.app)
      .put(api().segment('my', 's40'))
      .set('Authorization', `Bearer ${token}`)
      .send({ text: 'ကျွန်ုပ်', baseRevision: 0, action: 'save' })
      .expect(200);
  });
});

describe('the session cookie', () => {
  const cookieOf = (res: request.Response) => (res.headers['set-cookie'] as unknown as string[] | undefined)?.find((c) => c.startsWith('tandem.sid='));

  const cookieNamed = (res: request.Response, name: string) =>
    (res.headers['set-cookie'] as unknown as string[] | undefined)?.find((c) => c.startsWith(`${name}=`));

  /**
   * Cookies by hand: a client on plain HTTP (like this test) would not send a Secure cookie back.
   * `planted` is a session cookie an attacker got by logging in and planted in the browser.
   */
  async function loginWith(app: TestApp['app'], headers: Record<string, string>, planted?: string) {
    const page = await request(app)
      .get('/login')
      .set(headers)
      .set('Cookie', planted ?? '')
      .expect(200);
    const nonce = cookieNamed(page, 'tandem.form')?.split(';')[0];
    const res = await request(app)
      .post('/login')
      .set(headers)
      .set('Cookie', [nonce ?? '', planted ?? ''].join('; '))
      .type('form')
      .send({ _csrf: csrfFrom(page.text), name: 'mya', password: PASSWORD })
      .expect(303);
    return { page, after: cookieOf(res)! };
  }

  it('is HttpOnly and SameSite=Lax, and a new session id is given at login', async () => {
    const first = await loginWith(t.app, {});
    const { after } = await loginWith(t.app, {}, first.after.split(';')[0]!);
    expect(cookieOf(first.page)).toBeUndefined(); // the login page itself starts no session
    expect(after).toMatch(/; HttpOnly/);
    expect(after).toMatch(/; SameSite=Lax/);
    expect(after).not.toMatch(/; Secure/);
    expect(after.split(';')[0]).not.toBe(first.after.split(';')[0]);
  });

  it.each([
    ['behind a TLS-terminating proxy (TRUST_PROXY)', true, 'https', true],
    ['behind that proxy over plain HTTP', true, 'http', false],
    ['when the header is not trusted', false, 'https', false],
  ])('is Secure %s: %s, X-Forwarded-Proto %s', async (_name, trustProxy, proto, secure) => {
    const other = await makeApp(undefined, { trustProxy });
    try {
      await other.login('mya', 'translator', ['my']);
      const { after } = await loginWith(other.app, { 'X-Forwarded-Proto': proto });
      expect(after.includes('; Secure')).toBe(secure);
    } finally {
      await other.close();
    }
  });

  it('is never stored for an anonymous visitor: login pages and reading leave the sessions file alone', async () => {
    const file = path.join(t.dataDir, 'sessions.json');
    const before = readFileSync(file, 'utf8');
    for (let i = 0; i < 20; i++) {
      const page = await request(t.app)
        .get(i % 2 ? '/login' : `/s/${SID}/my`)
        .expect(200);
      expect(cookieOf(page)).toBeUndefined();
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('keeps at most 10 per account: logging in on an eleventh browser ends the oldest', async () => {
    const sessions: Session[] = [];
    for (let i = 0; i < 12; i++) sessions.push(await t.login('roaming', 'translator', ['my']));
    const stored = Object.values(
      JSON.parse(readFileSync(path.join(t.dataDir, 'sessions.json'), 'utf8')).sessions as Record<string, { session: { accountId?: string } }>,
    );
    expect(stored.filter((s) => s.session.accountId === sessions[0]!.accountId)).toHaveLength(10);
    expect((await sessions[0]!.agent.get('/account')).status).toBe(303);
    expect((await sessions[1]!.agent.get('/account')).status).toBe(303);
    for (const kept of sessions.slice(2)) expect((await kept.agent.get('/account')).status).toBe(200);
  });

  it('ends on the server at logout: the old cookie is worth nothing and the session is gone from the file', async () => {
    const { after } = await loginWith(t.app, {});
    const cookie = after.split(';')[0]!;
    const agent = {
      get: (url: string) => request(t.app).get(url).set('Cookie', cookie),
      post: (url: string) => request(t.app).post(url).set('Cookie', cookie),
    };
    const sid = decodeURIComponent(cookie.split('=')[1]!).slice(2).split('.')[0]!;
    expect(readFileSync(path.join(t.dataDir, 'sessions.json'), 'utf8')).toContain(sid);
    const csrf = csrfFrom((await agent.get('/account').expect(200)).text);
    await agent.post('/logout').type('form').send({ _csrf: csrf }).expect(303);
    const replay = await request(t.app).get('/account').set('Cookie', cookie).expect(303);
    expect(replay.headers.location).toMatch(/^\/login/);
    expect(readFileSync(path.join(t.dataDir, 'sessions.json'), 'utf8')).not.toContain(sid);
  });
});

describe('request bodies have a size limit', () => {
  it.each([
    ['JSON', 'json'],
    ['a form', 'form'],
  ])('answers 413 to %s over 64 KiB, and stores nothing', async (_name, type) => {
    const before = await snapshot();
    const res = await translator.agent
      .post(`/translate/${SID}/my/s41`)
      .type(type)
      .set('x-csrf-token', translator.csrf)
      .send({ _csrf: translator.csrf, text: 'က'.repeat(70_000), baseRevision: '0', action: 'save' });
    expect(res.status).toBe(413);
    expect(await snapshot()).toBe(before);
  });
});

describe('errors never show internals, and logs never hold secrets', () => {
  const INTERNALS = /\bat \S+ \(|\.ts:\d+|\/work\/|node_modules|disk on fire|Error:/;

  it.each([
    ['a page', '/', 'text/html'],
    ['the API', '/api/v1/statements', 'application/json'],
  ])('%s answers an internal error with 500 and a plain message, no stack trace or path', async (_name, url, type) => {
    const original = t.deps.store.listStatements;
    t.deps.store.listStatements = () => Promise.reject(new Error(`disk on fire at ${ROOT}/data/tandem.json`));
    try {
      const res = await request(t.app).get(url).expect(500);
      expect(res.headers['content-type']).toContain(type);
      expect(res.text).not.toMatch(INTERNALS);
      expect(res.text).toContain('An unexpected error happened');
      if (type === 'application/json') expect(res.body.error.code).toBe('internal');
    } finally {
      t.deps.store.listStatements = original;
    }
  });

  it('logs no password, token, session id or translation text while errors happen', async () => {
    const secrets = { password: 'my very secret pass phrase', token: await t.token('tool', 'translator', ['my']), text: 'လျှို့ဝှက်ချက် ဘာသာပြန်စာ ၁၂၃' };
    const store = t.deps.store;
    const saved = {
      findAccountByName: store.findAccountByName,
      getAccount: store.getAccount,
      commitTranslation: store.commitTranslation,
      findToken: store.findToken,
    };
    const fail = () => Promise.reject(new Error('the store broke'));
    logged.length = 0;
    const session = await t.login('logger', 'translator', ['my']);
    const cookie = (await session.agent.get('/account')).request.cookies as unknown as string;
    try {
      store.findAccountByName = fail;
      const page = request.agent(t.app);
      const csrf = csrfFrom((await page.get('/login')).text);
      await page.post('/login').type('form').send({ _csrf: csrf, name: 'mya', password: secrets.password }).expect(500);
      store.findAccountByName = saved.findAccountByName;

      store.commitTranslation = fail;
      await request(t.app)
        .put(api().segment('my', 's42'))
        .set('Authorization', `Bearer ${secrets.token}`)
        .send({ text: secrets.text, baseRevision: 0, action: 'save' })
        .expect(500);
      await session.agent
        .post(`/translate/${SID}/my/s42`)
        .type('form')
        .send({ _csrf: session.csrf, text: secrets.text, baseRevision: '0', action: 'save' })
        .expect(500);
      store.commitTranslation = saved.commitTranslation;

      store.findToken = fail;
      await request(t.app).get('/api/v1/statements').set('Authorization', `Bearer ${secrets.token}`).expect(500);
      store.findToken = saved.findToken;

      store.getAccount = fail;
      await session.agent.get('/account').expect(500);
    } finally {
      Object.assign(store, saved);
    }
    const log = logged.join('\n');
    expect(logged.length).toBeGreaterThanOrEqual(4);
    const sid = /s:([^.]+)\./.exec(decodeURIComponent(String(cookie ?? '')))?.[1];
    for (const secret of [secrets.password, secrets.token, secrets.token.slice(4), secrets.text, PASSWORD, session.csrf, ...(sid ? [sid] : [])]) {
      expect(log).not.toContain(secret);
    }
  });
});

describe('nobody is named in public; credits are pseudonyms chosen by their owner', () => {
  let credited: string;
  beforeAll(async () => {
    const named = await t.login('zawzaw-real-name', 'translator', ['my', 'km']);
    const shy = await t.login('sopheap-real-name', 'translator', ['km']);
    const gone = await t.login('hidden-because-disabled', 'translator', ['my']);
    await approved('my', 's3', 'ကျွန်ုပ်တို့ ။', named.accountId);
    await approved('km', 's3', 'យើងខ្ញុំ។', shy.accountId);
    await approved('my', 's4', 'ဒုတိယ ။', gone.accountId);
    await approved('km', 's4', 'ទីពីរ។', named.accountId);
    credited = named.accountId;
    await setCredit(t.deps, toActor((await t.deps.store.getAccount(named.accountId))!), 'Ko Aung');
    await setCredit(t.deps, toActor((await t.deps.store.getAccount(gone.accountId))!), 'Ma Gone');
    await t.deps.store.updateAccount(gone.accountId, (a) => ({ ...a, disabled: true }));
  });

  it.each([
    '/',
    `/s/${SID}/en`,
    `/s/${SID}/my`,
    `/s/${SID}/km`,
    `/s/${SID}/compare?langs=en,my,km`,
    '/api/v1/statements',
    `/api/v1/statements/${SID}`,
    `/api/v1/statements/${SID}/progress`,
    `/api/v1/statements/${SID}/translations/my`,
    `/api/v1/statements/${SID}/translations/km`,
    '/api/v1/locales',
  ])('%s names no account and shows no account id', async (url) => {
    const res = await request(t.app).get(url).expect(200);
    const ids = (await t.deps.store.listAccounts()).map((a) => a.id);
    expect(res.text).not.toMatch(/real-name|hidden-because|\bboss\b|\bmya\b/);
    for (const id of ids) expect(res.text).not.toContain(id);
  });

  it.each([
    ['my', ['Ko Aung'], ['Ma Gone']],
    ['km', ['Ko Aung'], ['sopheap']],
  ])('the %s edition credits %j only (opted in, translated an approved segment of it, not disabled)', async (locale, shown, hidden) => {
    const html = (await request(t.app).get(`/s/${SID}/${locale}`).expect(200)).text;
    const line = /<p class="credits">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    for (const name of shown) expect(line).toContain(name);
    for (const name of hidden) expect(html).not.toContain(name);
  });

  it('shows no credits line when nobody opted in, nor on the source edition', async () => {
    await setCredit(t.deps, toActor((await t.deps.store.getAccount(credited))!), undefined);
    for (const locale of ['en', 'my', 'km']) {
      expect((await request(t.app).get(`/s/${SID}/${locale}`).expect(200)).text).not.toContain('class="credits"');
    }
  });
});

describe('translation text never becomes markup, and links come only from the source', () => {
  const linked = () => statement.segments.find((s) => s.placeholders.some((p) => p.kind === 'link'))!;
  const HOSTILE = [
    ['a script', '<script>alert(1)</script>'],
    ['a link of its own', '<a href="https://evil.example/">ဒီမှာ</a>'],
    ['an image with a handler', '<img src=x onerror=alert(1)>'],
    ['a Markdown link', '[ဒီမှာ](https://evil.example/)'],
    ['a placeholder with an attribute', '<1 href="javascript:alert(1)">x</1>'],
    ['an unknown placeholder number', '<9>x</9>'],
    ['an entity', '&lt;script&gt; &amp; &#x3C;'],
  ] as const;

  it.each(
    HOSTILE.flatMap(([name, text]) => [
      [name, 'my', `ကျွန်ုပ်တို့ ${text} ။`],
      [name, 'km', `យើងខ្ញុំ ${text} ។`],
    ]),
  )('%s in %s is shown as text', async (_name, locale, text) => {
    await approved(locale, 's6', text, 'u_nobody');
    const html = (await request(t.app).get(`/s/${SID}/${locale}`).expect(200)).text;
    const cell = /<section class="seg kind-\w+" id="s6"[^>]*>([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect(cell).not.toMatch(/<(script|img|a)\b/i);
    expect(cell).not.toContain('evil.example/"');
    // Shown exactly as written: the element's content, entities decoded, is the text itself.
    const shown = /<(h1|h2|div) class="text[^"]*"[^>]*>([\s\S]*?)<\/\1>/.exec(cell)![2]!;
    const decoded = shown.replace(
      /&(lt|gt|quot|#39|#34|amp);/g,
      (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#34': '"', amp: '&' })[e]!,
    );
    expect(decoded).toBe(text);
  });

  it.each([
    ['my', 'သူတို့ <1>သတ်</1> ခဲ့သည် ။'],
    ['km', 'ពួកគេបាន<1>សម្លាប់</1>។'],
  ])('the source’s link placeholder in %s gets the source’s URL, and nothing else does', async (locale, text) => {
    const segment = linked();
    const url = segment.placeholders.find((p) => p.kind === 'link')!.value;
    const withLink = /<(\d+)>/.exec(segment.source)![1]!;
    await approved(locale, segment.id, text.replaceAll('<1>', `<${withLink}>`).replaceAll('</1>', `</${withLink}>`), 'u_nobody');
    const html = (await request(t.app).get(`/s/${SID}/${locale}`).expect(200)).text;
    const article = /<article class="edition"[\s\S]*?<\/article>/.exec(html)![0];
    const cell = new RegExp(`id="${segment.id}"[^>]*>([\\s\\S]*?)</(section|li)>`).exec(article)![1]!;
    expect([...cell.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])).toEqual([url.replaceAll('&', '&amp;')]);
    const sourceUrls = new Set(
      statement.segments.flatMap((s) => s.placeholders.filter((p) => p.kind === 'link').map((p) => p.value.replaceAll('&', '&amp;'))),
    );
    for (const [, href] of article.matchAll(/<a href="([^"]*)"/g)) expect(sourceUrls).toContain(href);
  });
});

describe('data files', () => {
  it('hold no IP address, even behind a proxy that forwards one', async () => {
    const proxied = await makeApp(undefined, { trustProxy: true });
    try {
      await proxied.login('mya', 'translator', ['my']);
      const headers = { 'X-Forwarded-For': '203.0.113.77', 'X-Forwarded-Proto': 'https' };
      const page = await request(proxied.app).get('/login').set(headers);
      const cookie = (page.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
      const form = { _csrf: csrfFrom(page.text), name: 'mya' };
      await request(proxied.app)
        .post('/login')
        .set(headers)
        .set('Cookie', cookie)
        .type('form')
        .send({ ...form, password: 'wrong password!' })
        .expect(401);
      await request(proxied.app)
        .post('/login')
        .set(headers)
        .set('Cookie', cookie)
        .type('form')
        .send({ ...form, password: PASSWORD })
        .expect(303);
      const files = dataFiles(proxied.dataDir);
      expect(files.some((f) => f.endsWith('sessions.json'))).toBe(true);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        expect([file, /203\.0\.113\.77|127\.0\.0\.1|::ffff:|::1\b/.test(text)]).toEqual([file, false]);
      }
    } finally {
      await proxied.close();
    }
  });
});
