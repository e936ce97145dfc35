// The set-up link says what is true once used, the audit log names the web set-up, the name rule is
// shown before any refusal, and every invitation link stays on the admin page until it is left.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { beginSetup } from '../../server/services/accounts.js';
import { csrfFrom, makeApp, PASSWORD, type TestApp } from '../support/app.js';

const NAME_RULE = 'A name has 2 to 40 letters, digits, dots, hyphens or underscores.';

describe('first start: the set-up link', () => {
  let t: TestApp;
  let token: string;
  let admin: ReturnType<typeof request.agent>;
  beforeAll(async () => {
    t = await makeApp();
    token = (await beginSetup(t.deps))!;
    admin = request.agent(t.app);
  });
  afterAll(() => t.close());

  it('shows the name rule before any refusal', async () => {
    const page = await admin.get(`/setup?token=${token}`).expect(200);
    expect(page.text).toContain(`<p class="meta" id="name-rule">${NAME_RULE}</p>`);
    expect(page.text).toContain('aria-describedby="name-rule"');
    expect(page.text).not.toContain('role="alert"');
  });

  it('records the admin as made through the web set-up, not by the command line', async () => {
    const page = await admin.get(`/setup?token=${token}`).expect(200);
    await admin
      .post('/setup')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), token, name: 'first', password: PASSWORD })
      .expect(303);
    const account = (await t.deps.store.findAccountByName('first'))!;
    expect((await t.deps.store.listAudit()).map((e) => [e.actorId, e.action, e.target])).toContainEqual([account.id, 'account.setup', account.id]);
    const audit = await admin.get('/admin/audit').expect(200);
    const row = /<tr><td><time[^>]*>[^<]*<\/time><\/td><td>([^<]*)<\/td><td>created the first administrator account through the web set-up<\/td>/.exec(
      audit.text,
    );
    expect(row?.[1]).toBe('first'); // the new admin, not "Command line"
    expect(audit.text).not.toContain('created an account');
  });

  it('reused after an admin exists: says to ask an admin or use the command line, not to restart', async () => {
    expect(await beginSetup(t.deps)).toBeUndefined(); // a restart prints no new link
    const res = await request(t.app).get(`/setup?token=${token}`).expect(403);
    expect(res.text).toContain('An administrator account already exists');
    expect(res.text).toContain('npm run tandem -- user add NAME --role admin');
    expect(res.text).not.toContain('Restart the server');
  });

  it('an expired link while no admin exists: a restart does give a new one', async () => {
    const fresh = await makeApp();
    try {
      await beginSetup(fresh.deps);
      const res = await request(fresh.app).get('/setup?token=not-the-token').expect(403);
      expect(res.text).toContain('Restart the server to get a new one.');
    } finally {
      await fresh.close();
    }
  });
});

describe('the admin page keeps every new link until it is left', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp();
  });
  afterAll(() => t.close());

  const links = (html: string) => [...html.matchAll(/<input id="issued-link-\d+" readonly value="([^"]+)">/g)].map((m) => m[1]!);
  const shown = (html: string) => /name="shown" value="([^"]*)"/.exec(html)?.[1]?.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

  it('shows the name rule on the invitation form before any refusal', async () => {
    const admin = await t.login('boss', 'admin');
    const page = await admin.agent.get('/admin').expect(200);
    expect(page.text).toContain(`<p class="meta" id="acc-name-rule">${NAME_RULE}</p>`);
  });

  it('inviting three in a row shows three links, newest first; leaving the page drops them', async () => {
    const admin = await t.login('boss', 'admin');
    let page = await admin.agent.get('/admin').expect(200);
    const names = ['aung', 'sokha', 'mya'];
    for (const name of names) {
      const carried = shown(page.text);
      page = await admin.agent
        .post('/admin/accounts')
        .type('form')
        .send({ _csrf: admin.csrf, name, role: 'translator', locales: ['my'], ...(carried ? { shown: carried } : {}) })
        .expect(201);
    }
    const urls = links(page.text);
    expect(urls).toHaveLength(3);
    expect(page.text.indexOf('Invitation for mya')).toBeLessThan(page.text.indexOf('Invitation for aung'));
    expect(new Set(urls).size).toBe(3);
    // A refused invitation (a taken name) keeps them too, and so does a reset link.
    const carried = shown(page.text)!;
    const dup = await admin.agent
      .post('/admin/accounts')
      .type('form')
      .send({ _csrf: admin.csrf, name: 'mya', role: 'translator', shown: carried })
      .expect(409);
    expect(links(dup.text)).toEqual(urls);
    const sokha = (await t.deps.store.findAccountByName('sokha'))!;
    const reset = await admin.agent.post(`/admin/accounts/${sokha.id}/password-link`).type('form').send({ _csrf: admin.csrf, shown: carried }).expect(200);
    expect(links(reset.text)).toHaveLength(4);
    expect(links(reset.text).slice(1)).toEqual(urls);
    // Leaving and coming back: the links are gone (they were never stored).
    const again = await admin.agent.get('/admin').expect(200);
    expect(links(again.text)).toEqual([]);
  });

  it('keeps the links shown through every other form of the page: grant, disable, enable, languages', async () => {
    const admin = await t.login('boss', 'admin');
    const invited = await admin.agent
      .post('/admin/accounts')
      .type('form')
      .send({ _csrf: admin.csrf, name: 'dara', role: 'translator', locales: ['my'] })
      .expect(201);
    const urls = links(invited.text);
    expect(urls).toHaveLength(1);
    const dara = (await t.deps.store.findAccountByName('dara'))!;
    // Every form of the page carries them, so the page after the change shows them again.
    const forms = [...invited.text.matchAll(/<form method="post" action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)];
    const without = forms.filter(([, action, body]) => !action!.startsWith('/logout') && !body!.includes('name="shown"')).map(([, action]) => action);
    expect(without).toEqual([]);
    const carried = shown(invited.text)!;
    const steps: [string, Record<string, unknown>][] = [
      [`/admin/accounts/${dara.id}/locales`, { locales: ['my', 'km'] }],
      [`/admin/accounts/${dara.id}/disable`, {}],
      [`/admin/accounts/${dara.id}/enable`, {}],
      ['/admin/locales', { tag: 'ksw' }],
      ['/admin/locales/ksw/disable', {}],
    ];
    for (const [action, fields] of steps) {
      const res = await admin.agent
        .post(action)
        .type('form')
        .send({ _csrf: admin.csrf, ...fields, shown: carried })
        .expect(200);
      expect([action, links(res.text)]).toEqual([action, urls]);
    }
    expect((await t.deps.store.findAccountByName('dara'))!.locales).toEqual(['my', 'km']);
    // The language's notice is said as after a redirect.
    const enabled = await admin.agent.post('/admin/locales').type('form').send({ _csrf: admin.csrf, tag: 'ksw', shown: carried }).expect(200);
    expect(enabled.text).toContain('class="notice" role="status"');
    // A refusal keeps them too; with none shown, the page redirects as before.
    const refused = await admin.agent.post('/admin/locales').type('form').send({ _csrf: admin.csrf, tag: 'not a tag', shown: carried }).expect(400);
    expect(links(refused.text)).toEqual(urls);
    const plain = await admin.agent.post(`/admin/accounts/${dara.id}/disable`).type('form').send({ _csrf: admin.csrf }).expect(303);
    expect(plain.headers.location).toBe('/admin');
  });

  it('refuses carried links that are not this page’s own kind of link', async () => {
    const admin = await t.login('boss', 'admin');
    const evil = JSON.stringify([{ name: 'x', url: 'javascript:alert(1)', expires: 'now', purpose: 'invite' }]);
    await admin.agent.post('/admin/accounts').type('form').send({ _csrf: admin.csrf, name: 'someone', role: 'translator', shown: evil }).expect(400);
    expect(await t.deps.store.findAccountByName('someone')).toBeUndefined();
  });
});
