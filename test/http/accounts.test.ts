// Accounts: invitations with one-time expiring links, reset links, disabling (sessions and tokens
// stop at once), password changes, the password policy, pseudonyms, and the audit log.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { passwordProblem } from '../../server/domain/passwords-policy.js';
import { csrfFrom, makeApp, PASSWORD, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await makeApp(undefined, { limits: { login: { freeFailures: 1000 }, loginPerAddress: { freeFailures: 1000 }, badTokens: { freeFailures: 1000 } } });
  admin = await t.login('boss', 'admin');
});
afterAll(() => t.close());

const NEW_PASSWORD = 'ငါ့ရဲ့ စကားဝှက်အသစ် ၂၀၂၂';
const tokenOf = (html: string) => decodeURIComponent(/password-link\?token=([^"&]+)"/.exec(html)![1]!);
const accountNamed = async (name: string) => (await t.deps.store.findAccountByName(name))!;

async function logIn(name: string, password: string) {
  const agent = request.agent(t.app);
  const csrf = csrfFrom((await agent.get('/login')).text);
  const res = await agent.post('/login').type('form').send({ _csrf: csrf, name, password });
  return { res, agent };
}

async function invite(name: string, locales = ['my']) {
  const res = await admin.agent.post('/admin/accounts').type('form').send({ _csrf: admin.csrf, name, role: 'translator', locales });
  return { res, token: res.status === 201 ? tokenOf(res.text) : '' };
}

async function useLink(token: string, password: string, confirm = password) {
  const agent = request.agent(t.app);
  const page = await agent.get(`/password-link?token=${encodeURIComponent(token)}`);
  if (page.status !== 200) return { res: page, agent };
  const res = await agent
    .post('/password-link')
    .type('form')
    .send({ _csrf: csrfFrom(page.text), token, password, confirm });
  return { res, agent, page };
}

describe('an invitation', () => {
  it.each([
    ['en', 'volunteer'],
    ['my', 'မောင်မောင်'],
    ['km', 'សុខា'],
  ])('(%s name %s): the admin gets a one-time link, the volunteer chooses the password', async (_lang, name) => {
    const { res, token } = await invite(name);
    expect(res.status).toBe(201);
    expect(res.text).toContain(name);
    expect(await accountNamed(name)).toMatchObject({ passwordHash: '', passwordLink: { purpose: 'invite' } });
    expect(JSON.stringify(await accountNamed(name))).not.toContain(token); // only its hash is kept
    expect((await logIn(name, NEW_PASSWORD)).res.status).toBe(401); // no password yet

    const { res: set, agent, page } = await useLink(token, NEW_PASSWORD);
    expect(page!.text).toContain(name);
    // A new volunteer lands on their work: the statements with what is waiting for them.
    expect([set.status, set.headers.location]).toEqual([303, '/#waiting']);
    await agent.get('/account').expect(200); // logged in
    expect((await logIn(name, NEW_PASSWORD)).res.status).toBe(303);
    expect((await useLink(token, 'another long pass phrase')).res.status).toBe(403); // used once
  });

  it.each([
    ['too short', 'ကျွန်ုပ်', 'NEW_PASSWORD', 'at least 10 characters'],
    ['common', 'password1234', 'password1234', 'too common'],
    ['not confirmed', NEW_PASSWORD, 'something else entirely', 'not the same'],
  ])('refuses a password that is %s with 400, and keeps the link usable', async (_name, password, confirm, message) => {
    const { token } = await invite(`refused-${_name.replace(/\W/g, '')}`);
    const { res } = await useLink(token, password, confirm === 'NEW_PASSWORD' ? password : confirm);
    expect(res.status).toBe(400);
    expect(res.text).toContain(message);
    expect((await useLink(token, NEW_PASSWORD)).res.status).toBe(303);
  });

  it('expires after 7 days', async () => {
    const { token } = await invite('late-volunteer');
    const realNow = t.deps.now;
    t.deps.now = () => new Date(realNow().getTime() + 7 * 24 * 3600_000 + 1000);
    try {
      const res = (await useLink(token, NEW_PASSWORD)).res;
      expect(res.status).toBe(403);
      expect(res.text).toContain('expired');
    } finally {
      t.deps.now = realNow;
    }
  });

  it('refuses a taken name with 409 and an invalid one with 400, creating nothing', async () => {
    const before = (await t.deps.store.listAccounts()).length;
    expect((await invite('volunteer')).res.status).toBe(409);
    expect((await invite('<script>')).res.status).toBe(400);
    expect((await invite('a')).res.status).toBe(400);
    expect(await t.deps.store.listAccounts()).toHaveLength(before);
  });
});

describe('a reset link', () => {
  it('lets the user choose a new password; the old one and every older session stop working', async () => {
    const user = await t.login('resetme', 'translator', ['my']);
    const res = await admin.agent.post(`/admin/accounts/${user.accountId}/password-link`).type('form').send({ _csrf: admin.csrf }).expect(200);
    expect(res.text).toContain('Password link for resetme');
    expect((await logIn('resetme', PASSWORD)).res.status).toBe(303); // still works until the link is used
    expect((await useLink(tokenOf(res.text), NEW_PASSWORD)).res.status).toBe(303);
    expect((await logIn('resetme', PASSWORD)).res.status).toBe(401);
    expect((await logIn('resetme', NEW_PASSWORD)).res.status).toBe(303);
    expect((await user.agent.get('/account')).status).toBe(303); // the session from before ended
  });
});

describe('disabling an account', () => {
  it('ends every session and revokes every token: enabling again revives neither', async () => {
    const user = await t.login('leaving', 'translator', ['my']);
    const idle = await t.login('leaving', 'translator', ['my']); // another browser, not used while disabled
    const token = await t.token('leaving', 'translator', ['my']);
    const bearer = { Authorization: `Bearer ${token}` };
    await request(t.app).get('/api/v1/locales').set(bearer).expect(200);
    await admin.agent.post(`/admin/accounts/${user.accountId}/disable`).type('form').send({ _csrf: admin.csrf }).expect(303);

    expect((await user.agent.get('/account')).status).toBe(303);
    await user.agent
      .put('/api/v1/statements/x/translations/my/s1')
      .set('x-csrf-token', user.csrf)
      .send({ text: 'x', baseRevision: 0, action: 'save' })
      .expect(401);
    await request(t.app).get('/api/v1/locales').set(bearer).expect(401);
    expect((await logIn('leaving', PASSWORD)).res.status).toBe(401);
    expect((await admin.agent.get('/admin')).text).toContain('leaving (disabled)');

    await admin.agent.post(`/admin/accounts/${user.accountId}/enable`).type('form').send({ _csrf: admin.csrf }).expect(303);
    await request(t.app).get('/api/v1/locales').set(bearer).expect(401);
    expect((await user.agent.get('/account')).status).toBe(303);
    expect((await idle.agent.get('/account')).status).toBe(303);
    expect((await logIn('leaving', PASSWORD)).res.status).toBe(303); // a new login works again
  });

  it('is refused for one’s own account', async () => {
    const res = await admin.agent.post(`/admin/accounts/${admin.accountId}/disable`).type('form').send({ _csrf: admin.csrf }).expect(400);
    expect(res.text).toContain('cannot disable your own account');
    expect((await t.deps.store.getAccount(admin.accountId))?.disabled).toBe(false);
  });
});

describe('changing one’s password', () => {
  const change = (s: Session, current: string, password: string, confirm = password) =>
    s.agent.post('/account/password').type('form').send({ _csrf: s.csrf, current, password, confirm });

  it.each([
    ['a wrong current password', 'not my password', NEW_PASSWORD, NEW_PASSWORD, 'current password is wrong'],
    ['a short new one', PASSWORD, 'short', 'short', 'at least 10 characters'],
    ['a common new one', PASSWORD, 'qwertyuiop', 'qwertyuiop', 'too common'],
    ['the name itself', PASSWORD, 'changer-changer', 'changer-changer', 'too common'],
    ['two different new ones', PASSWORD, NEW_PASSWORD, 'ពាក្យសម្ងាត់ថ្មីមួយទៀត', 'not the same'],
  ])('refuses %s with 400 and keeps the old password', async (_name, current, password, confirm, message) => {
    const user = await t.login('changer', 'translator', ['my']);
    const res = await change(user, current, password, confirm);
    expect(res.status).toBe(400);
    expect(res.text).toContain(message);
    expect((await logIn('changer', PASSWORD)).res.status).toBe(303);
  });

  it('ends the other sessions and keeps this one', async () => {
    const here = await t.login('mover', 'translator', ['my']);
    const elsewhere = await t.login('mover', 'translator', ['my']);
    const res = await change(here, PASSWORD, NEW_PASSWORD);
    expect([res.status, res.headers.location]).toEqual([303, '/account?saved=password']);
    const page = await here.agent.get('/account?saved=password').expect(200);
    expect(page.text).toContain('Your other sessions have ended');
    expect((await elsewhere.agent.get('/account')).status).toBe(303);
    expect((await logIn('mover', PASSWORD)).res.status).toBe(401);
    expect((await logIn('mover', NEW_PASSWORD)).res.status).toBe(303);
  });
});

describe('the password policy', () => {
  it.each([
    ['en: ten characters', 'abcdefghij', 'mover', undefined],
    ['en: nine characters', 'abcdefghi', 'mover', 'account.password_too_short'],
    ['my: ten Burmese characters (not bytes)', 'ကခဂဃငစဆဇဈည', 'mover', undefined],
    ['my: nine Burmese characters', 'ကခဂဃငစဆဇဈ', 'mover', 'account.password_too_short'],
    ['km: a Khmer sentence', 'ខ្ញុំស្រឡាញ់ភាសាខ្មែរ', 'mover', undefined],
    ['a common password', 'iloveyou12', 'mover', 'account.password_common'],
    ['a common password in capitals', 'PASSWORD123', 'mover', 'account.password_common'],
    ['one character repeated', 'aaaaaaaaaaaa', 'mover', 'account.password_common'],
    ['the account name twice', 'mover-mover', 'mover', 'account.password_common'],
    ['the account name and a year', 'Mover2024!', 'mover', 'account.password_common'],
    ['the account name within a phrase', 'mover likes green tea', 'mover', undefined],
    ['over 200 characters', 'က'.repeat(201), 'mover', 'account.password_too_long'],
  ])('%s', (_name, password, account, problem) => {
    expect(passwordProblem(password, account)?.key).toBe(problem);
  });

  it('uses all of a long Burmese password (bcrypt alone reads only 72 bytes)', async () => {
    const long = 'ကျွန်ုပ်တို့၏ စကားဝှက်သည် အလွန်ရှည်လျားသော ဝါကျတစ်ကြောင်း ဖြစ်ပါသည် ';
    const user = await t.login('longpass', 'translator', ['my']);
    await user.agent
      .post('/account/password')
      .type('form')
      .send({ _csrf: user.csrf, current: PASSWORD, password: `${long}A`, confirm: `${long}A` })
      .expect(303);
    expect((await logIn('longpass', `${long}B`)).res.status).toBe(401);
    expect((await logIn('longpass', `${long}A`)).res.status).toBe(303);
  });
});

describe('a public pseudonym', () => {
  it.each([
    ['my', 'ကိုအောင်'],
    ['km', 'សុខ ចាន់'],
    ['en', "Ma' Thida"],
  ])('(%s) %s is saved and shown back on the account page, off by default', async (_lang, pseudonym) => {
    const user = await t.login(`credit-${_lang}`, 'translator', ['my']);
    expect((await user.agent.get('/account').expect(200)).text).not.toMatch(/name="credit" value="on" checked/);
    await user.agent.post('/account/credit').type('form').send({ _csrf: user.csrf, credit: 'on', pseudonym }).expect(303);
    expect((await t.deps.store.getAccount(user.accountId))?.creditAs).toBe(pseudonym);
    const page = (await user.agent.get('/account?saved=credit').expect(200)).text;
    expect(page).toContain(`value="${pseudonym.replace("'", '&#39;')}"`);
    await user.agent.post('/account/credit').type('form').send({ _csrf: user.csrf, pseudonym }).expect(303);
    expect((await t.deps.store.getAccount(user.accountId))?.creditAs).toBeUndefined();
  });

  it.each(['<b>me</b>', 'x', '   ', 'https://example.org'])('refuses %p with 400', async (pseudonym) => {
    const user = await t.login('credit-bad', 'translator', ['my']);
    const res = await user.agent.post('/account/credit').type('form').send({ _csrf: user.csrf, credit: 'on', pseudonym }).expect(400);
    expect(res.text).toContain('A pseudonym has 2 to 40');
    expect((await t.deps.store.getAccount(user.accountId))?.creditAs).toBeUndefined();
  });
});

describe('the audit log', () => {
  it('records admin actions with time, actor, action and target, and shows them to admins only', async () => {
    const target = await t.login('audited', 'translator', ['my']);
    const send = (url: string, body: object = {}) =>
      admin.agent
        .post(url)
        .type('form')
        .send({ _csrf: admin.csrf, ...body });
    await send(`/admin/accounts/${target.accountId}/locales`, { locales: ['km'] }).expect(303);
    await send(`/admin/accounts/${target.accountId}/disable`).expect(303);
    await send(`/admin/accounts/${target.accountId}/enable`).expect(303);
    await send(`/admin/accounts/${target.accountId}/password-link`).expect(200);
    await send('/admin/locales', { tag: 'ksw', nativeName: 'ကညီကျိာ်' }).expect(303);

    const entries = (await t.deps.store.listAudit()).slice(-5);
    expect(entries.map((e) => [e.actorId, e.action, e.target])).toEqual([
      [admin.accountId, 'account.grant', target.accountId],
      [admin.accountId, 'account.disable', target.accountId],
      [admin.accountId, 'account.enable', target.accountId],
      [admin.accountId, 'account.reset_link', target.accountId],
      [admin.accountId, 'locale.enable', 'ksw'],
    ]);
    for (const e of entries) expect(Object.keys(e).sort()).toEqual(['action', 'actorId', 'at', 'target']);

    const page = (await admin.agent.get('/admin/audit').expect(200)).text;
    expect(page.indexOf('enabled a language')).toBeLessThan(page.indexOf('changed the languages of an account')); // newest first
    expect(page).toContain('audited');
    const again = await t.login('audited', 'translator', ['my']); // disabling ended the earlier session
    await again.agent.get('/admin/audit').expect(403);

    const file = readFileSync(path.join(t.dataDir, 'tandem.json'), 'utf8');
    expect(JSON.parse(file).audit.length).toBeGreaterThanOrEqual(5);
    expect(file).not.toMatch(/127\.0\.0\.1|::ffff:|::1\b/);
  });

  it.each([
    ['my', 'ဘာသာစကားတစ်ခုကို ဖွင့်ခဲ့သည်'],
    ['km', 'បានបើកភាសាមួយ'],
  ])('is worded in %s', async (lang, words) => {
    const page = (await admin.agent.get('/admin/audit').set('Cookie', `tandem.lang=${lang}`).expect(200)).text;
    expect(page).toContain(words);
  });
});
