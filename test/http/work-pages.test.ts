// Translators' and editors' pages, login, set-up and administration, with every kind of caller.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { beginSetup } from '../../server/services/accounts.js';
import { api, csrfFrom, makeApp, PASSWORD, SID, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let translator: Session;
let otherTranslator: Session;
let editor: Session;
let admin: Session;
beforeAll(async () => {
  t = await makeApp();
  translator = await t.login('htet', 'translator', ['my']);
  otherTranslator = await t.login('dara', 'translator', ['km']);
  editor = await t.login('mon', 'editor', ['my']);
  admin = await t.login('root', 'admin');
});
afterAll(() => t.close());

const PAGES = [`/translate/${SID}/my`, `/review/${SID}/my`, `/history/${SID}/my/s3`, '/admin'];

describe('who may open which page', () => {
  it.each(PAGES)('sends anonymous visitors of %s to the login page', async (url) => {
    const res = await request(t.app).get(url).expect(303);
    expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
  });

  it.each([
    ['translator', `/translate/${SID}/my`, 200],
    ['translator', `/review/${SID}/my`, 403],
    ['translator', '/admin', 403],
    ['otherTranslator', `/translate/${SID}/my`, 403],
    ['otherTranslator', `/history/${SID}/my/s3`, 403],
    ['editor', `/translate/${SID}/my`, 200],
    ['editor', `/review/${SID}/my`, 200],
    ['editor', `/review/${SID}/km`, 403],
    ['editor', '/admin', 403],
    ['admin', `/review/${SID}/km`, 200],
    ['admin', '/admin', 200],
    ['admin', `/translate/${SID}/fr`, 404],
  ])('%s GET %s -> %i', async (who, url, status) => {
    const session = { translator, otherTranslator, editor, admin }[who]!;
    await session.agent.get(url).expect(status);
  });
});

describe('translator workspace', () => {
  it('shows one section at a time, with source, status, context and plain forms', async () => {
    const res = await translator.agent.get(`/translate/${SID}/my?section=body`).expect(200);
    expect(res.text.match(/<form method="post" action="\/translate\//g)).toHaveLength(19);
    expect(res.text).toContain('<textarea id="t-s5" name="text" rows="6" lang="my" dir="ltr"');
    // The markers shown to the translator in the source itself, its one copy on the page.
    expect(res.text).toContain('<span class="marker">&lt;1&gt;</span><a href="#" rel="noopener">killed</a><span class="marker">&lt;/1&gt;</span>');
    expect(res.text.split('people have been <span class="marker">')).toHaveLength(2);
    expect(res.text).not.toContain('data-source=');
    expect(res.text).toContain('<details class="context"><summary>Before and after</summary>'); // neighbours collapsed
    // The outline: every section with its progress, the current one marked.
    expect(res.text).toMatch(/<a href="[^"]*section=body" aria-current="true"><span class="name">Text<\/span>/);
    expect(res.text).toContain('0 of 195 started');
  });

  it('shows the 195 signatories 25 at a time as a compact list, with pages that keep the filter', async () => {
    const first = await translator.agent.get(`/translate/${SID}/my?status=untranslated&section=signatory`).expect(200);
    expect(first.text.match(/<form method="post" action="\/translate\//g)).toHaveLength(25);
    expect(first.text).toContain('class="work-row status-untranslated compact"');
    expect(first.text).toContain('page 1 of 8');
    expect(first.text).toContain(`href="/translate/${SID}/my?status=untranslated&amp;section=signatory&amp;page=2" rel="next"`);
    const last = await translator.agent.get(`/translate/${SID}/my?status=untranslated&section=signatory&page=8`).expect(200);
    expect(last.text.match(/<form method="post" action="\/translate\//g)).toHaveLength(20);
    // A segment asked by id opens the page that holds it.
    const at = await translator.agent.get(`/translate/${SID}/my?seg=s100`).expect(200);
    expect(at.text).toContain('id="t-s100"');
  });

  it('stays under the weight budget: one page, not 481 KB of every segment', async () => {
    const res = await translator.agent.get(`/translate/${SID}/my`).expect(200);
    expect(Buffer.byteLength(res.text)).toBeLessThan(150_000);
  });

  it('filters by status', async () => {
    const res = await translator.agent.get(`/translate/${SID}/my?status=approved`).expect(200);
    expect(res.text).not.toContain('<form method="post" action="/translate/');
    await translator.agent.get(`/translate/${SID}/my?status=bogus`).expect(400);
  });

  it('refuses a form without the CSRF token with 403 and stores nothing', async () => {
    await translator.agent.post(`/translate/${SID}/my/s9`).type('form').send({ text: 'x', baseRevision: '0', action: 'save' }).expect(403);
    await translator.agent
      .post(`/translate/${SID}/my/s9`)
      .type('form')
      .send({ _csrf: 'forged', text: 'x', baseRevision: '0', action: 'save' })
      .expect(403);
    expect(await t.deps.store.getTranslation(SID, 'my', 's9')).toBeUndefined();
  });

  it('refuses a cookie-authenticated API call without the CSRF header', async () => {
    await translator.agent.put(api().segment('my', 's9')).send({ text: 'x', baseRevision: 0, action: 'save' }).expect(403);
    const ok = await translator.agent
      .put(api().segment('my', 's9'))
      .set('x-csrf-token', translator.csrf)
      .send({ text: 'ကောင်း', baseRevision: 0, action: 'save' })
      .expect(200);
    expect(ok.body.statusLabel).toBe('Draft');
  });

  it('shows the newer text beside the translator’s own on a stale save', async () => {
    const res = await translator.agent
      .post(`/translate/${SID}/my/s9`)
      .type('form')
      .send({ _csrf: translator.csrf, text: 'ငါ့စာ', baseRevision: '0', action: 'save' })
      .expect(409);
    expect(res.text).toContain('<p lang="my" dir="ltr" class="theirs">ကောင်း</p>');
    expect(res.text).toContain('<p lang="my" dir="ltr" class="mine">ငါ့စာ</p>');
    expect((await t.deps.store.getTranslation(SID, 'my', 's9'))?.text).toBe('ကောင်း');
  });

  it('shows the reviewer’s comment where changes were requested', async () => {
    await translator.agent
      .put(api().segment('my', 's10'))
      .set('x-csrf-token', translator.csrf)
      .send({ text: 'ပထမ ။', baseRevision: 0, action: 'submit' })
      .expect(200);
    await editor.agent
      .post(`/review/${SID}/my/s10`)
      .type('form')
      .send({ _csrf: editor.csrf, decision: 'request_changes', revision: '1', comment: 'Please use the formal register' })
      .expect(303);
    const res = await translator.agent.get(`/translate/${SID}/my?status=needs_work`).expect(200);
    expect(res.text).toContain('Please use the formal register');
  });
});

describe('review and history', () => {
  it('does not let an editor approve their own translation from the page', async () => {
    await editor.agent
      .put(api().segment('my', 's11'))
      .set('x-csrf-token', editor.csrf)
      .send({ text: 'ကိုယ်ပိုင် ။', baseRevision: 0, action: 'submit' })
      .expect(200);
    const queue = await editor.agent.get(`/review/${SID}/my`).expect(200);
    expect(queue.text).toContain('another editor must approve it');
    await editor.agent.post(`/review/${SID}/my/s11`).type('form').send({ _csrf: editor.csrf, decision: 'approve', revision: '1' }).expect(403);
  });

  it('shows each change with who, when, what and status to the locale’s team', async () => {
    const res = await translator.agent.get(`/history/${SID}/my/s10`).expect(200);
    expect(res.text).toMatch(/Revision 2: changes requested by mon/);
    expect(res.text).toMatch(/Revision 1: submitted by htet/);
  });
});

describe('login and logout', () => {
  it('refuses a wrong password with 401 and the same message as an unknown name', async () => {
    const agent = request.agent(t.app);
    const csrf = csrfFrom((await agent.get('/login')).text);
    const wrong = await agent.post('/login').type('form').send({ _csrf: csrf, name: 'htet', password: 'wrong password!' }).expect(401);
    const unknown = await agent.post('/login').type('form').send({ _csrf: csrf, name: 'nobody', password: 'wrong password!' }).expect(401);
    expect(wrong.text).toContain('The name or the password is wrong.');
    expect(unknown.text).toContain('The name or the password is wrong.');
  });

  it('gives a new session id at login and ends the session at logout', async () => {
    const agent = request.agent(t.app);
    const page = await agent.get('/login');
    const before = page.headers['set-cookie']?.[0]?.split(';')[0];
    const login = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), name: 'htet', password: PASSWORD, next: '/admin' })
      .expect(303);
    const after = login.headers['set-cookie']?.[0]?.split(';')[0];
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const csrf = csrfFrom((await agent.get(`/translate/${SID}/my`).expect(200)).text);
    await agent.post('/logout').type('form').send({ _csrf: csrf }).expect(303);
    await request(t.app).get(`/translate/${SID}/my`).set('Cookie', after!).expect(303);
  });

  it('only redirects to paths on this site after login', async () => {
    const agent = request.agent(t.app);
    const csrf = csrfFrom((await agent.get('/login')).text);
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, name: 'htet', password: PASSWORD, next: 'https://evil.example/' }).expect(303);
    expect(res.headers.location).toBe('/');
  });
});

describe('first start: set-up link', () => {
  it('creates the first admin once, with a token that then stops working', async () => {
    const fresh = await (await import('../support/app.js')).makeApp();
    const token = await beginSetup(fresh.deps);
    expect(token).toBeDefined();
    await request(fresh.app).get('/setup?token=wrong').expect(403);
    const agent = request.agent(fresh.app);
    const page = await agent.get(`/setup?token=${token}`).expect(200);
    await agent
      .post('/setup')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), token, name: 'first', password: 'short' })
      .expect(400);
    await agent
      .post('/setup')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), token, name: 'first', password: PASSWORD })
      .expect(303);
    await agent.get('/admin').expect(200);
    await request(fresh.app).get(`/setup?token=${token}`).expect(403);
    expect(await beginSetup(fresh.deps)).toBeUndefined();
    await fresh.close();
  });
});

describe('administration', () => {
  it('invites a volunteer with locales and refuses a taken name with 409', async () => {
    const invited = await admin.agent
      .post('/admin/accounts')
      .type('form')
      .send({ _csrf: admin.csrf, name: 'new-volunteer', role: 'translator', locales: ['my', 'km'] })
      .expect(201);
    expect(invited.text).toMatch(/\/invite\?token=|token=/);
    const account = await t.deps.store.findAccountByName('new-volunteer');
    expect(account).toMatchObject({ role: 'translator', locales: ['my', 'km'] });
    const dup = await admin.agent.post('/admin/accounts').type('form').send({ _csrf: admin.csrf, name: 'new-volunteer', role: 'translator' }).expect(409);
    expect(dup.text).toContain('role="alert"');
  });

  it('grants locales to an account', async () => {
    const account = (await t.deps.store.findAccountByName('dara'))!;
    await admin.agent
      .post(`/admin/accounts/${account.id}/locales`)
      .type('form')
      .send({ _csrf: admin.csrf, locales: ['km', 'th'] })
      .expect(303);
    expect((await t.deps.store.getAccount(account.id))?.locales).toEqual(['km', 'th']);
  });

  it('enables a locale and explains an invalid tag in the page', async () => {
    await admin.agent.post('/admin/locales').type('form').send({ _csrf: admin.csrf, tag: 'mnw', nativeName: 'ဘာသာ မန်' }).expect(303);
    const page = await admin.agent.get('/admin').expect(200);
    expect(page.text).toContain('ဘာသာ မန်');
    const bad = await admin.agent.post('/admin/locales').type('form').send({ _csrf: admin.csrf, tag: 'not a tag' }).expect(400);
    expect(bad.text).toContain('is not a valid language tag');
  });

  it('refuses every admin action to a translator and changes nothing', async () => {
    const before = (await t.deps.store.listAccounts()).length;
    await translator.agent
      .post('/admin/accounts')
      .type('form')
      .send({ _csrf: translator.csrf, name: 'sneaky', password: PASSWORD, role: 'admin' })
      .expect(403);
    await translator.agent.post('/admin/locales').type('form').send({ _csrf: translator.csrf, tag: 'shn' }).expect(403);
    expect(await t.deps.store.listAccounts()).toHaveLength(before);
    expect((await t.deps.store.listLocales()).map((l) => l.tag)).not.toContain('shn');
  });
});
