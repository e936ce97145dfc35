// Who may do what, walked over EVERY route of the app (read from its routers) with every kind of
// caller: the status each gets, and that a refused request changed nothing in the store. API
// routes are walked twice, with the session cookie (and CSRF header) and with a bearer token.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Actor } from '../../server/domain/permissions.js';
import type { Account } from '../../server/domain/types.js';
import {
  changePassword,
  createAccount,
  grantLocales,
  inviteAccount,
  issuePasswordLink,
  listAccounts,
  setCredit,
  setDisabled,
  toActor,
} from '../../server/services/accounts.js';
import { listAudit } from '../../server/services/audit.js';
import { publishEdition } from '../../server/services/publishing.js';
import { saveGlossaryEntry } from '../../server/services/glossary.js';
import { importTranslations, openInterchange } from '../../server/services/interchange.js';
import { enableLocale } from '../../server/services/locales.js';
import { restoreRevision, reviewTranslation, saveTranslation, translationHistory } from '../../server/services/translations.js';
import { csrfFrom, makeApp, PASSWORD, putTranslation, SID, STATEMENT_BYTES, type Session, type TestApp } from '../support/app.js';
import { correctSource } from '../../server/services/corrections.js';
import { archiveStatement, createStatementFromMarkdown } from '../../server/services/statements.js';
import { listRoutes, routeKey } from './security-routes.js';

const CALLERS = ['anonymous', 'otherLocale', 'translator', 'editor', 'author', 'disabled', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
/** A status, or 'login': a redirect (303) to the login page. */
type Outcome = number | 'login';

const NAMES: Record<Exclude<Caller, 'anonymous'>, { name: string; role: Account['role']; locales: string[] }> = {
  otherLocale: { name: 'sok', role: 'translator', locales: ['km'] },
  translator: { name: 'mya', role: 'translator', locales: ['my'] },
  editor: { name: 'thida', role: 'editor', locales: ['my'] },
  author: { name: 'aung', role: 'editor', locales: ['my'] }, // wrote the translation under review
  disabled: { name: 'gone', role: 'translator', locales: ['my'] },
  admin: { name: 'boss', role: 'admin', locales: [] },
};

let t: TestApp;
const sessions = {} as Record<Caller, Session>;
const tokens = {} as Record<Caller, string>;
const accounts = {} as Record<Caller, Account>;
let spare: Account;
let invitees = 0;

/** Outcomes in the order of CALLERS: anonymous, other locale, translator, editor, author, disabled, admin. */
const row = (...o: Outcome[]): Record<Caller, Outcome> => Object.fromEntries(CALLERS.map((c, i) => [c, o[i]!])) as Record<Caller, Outcome>;
const all = (o: Outcome) => row(o, o, o, o, o, o, o);

// --- The segment everyone acts on: my/s20, written and submitted by the author, two revisions. ---
const SEG = 's20';
async function resetSegment(): Promise<void> {
  const segment = (await t.deps.store.getStatement(SID))!.segments.find((s) => s.id === SEG)!;
  const author = accounts.author.id;
  const at = new Date().toISOString();
  const base = { segmentId: SEG, locale: 'my', sourceHash: segment.sourceHash, author, updatedAt: at };
  await putTranslation(t.deps.store, SID, () => ({ ...base, text: 'ပထမ စာ', status: 'draft' }), { action: 'save' });
  await putTranslation(t.deps.store, SID, () => ({ ...base, text: 'ဒုတိယ စာ', status: 'submitted' }), { action: 'submit' });
}
const revisionNow = async () => (await t.deps.store.getTranslation(SID, 'my', SEG))!.revision;
const setSpareDisabled = (disabled: boolean) => async () => {
  await t.deps.store.updateAccount(spare.id, (a) => ({ ...a, disabled }));
};

interface Rule {
  expect: Record<Caller, Outcome>;
  url?: () => string;
  /** A JSON or form body; a string is sent as it is (a file for the API's import). */
  body?: () => Promise<Record<string, unknown> | string> | Record<string, unknown> | string;
  prepare?: () => Promise<void>;
  /** The request changes the caller's own session (logout, password): it gets a session of its own. */
  fresh?: boolean;
  cleanup?: () => Promise<void>;
}

const seg = `/api/v1/statements/${SID}/translations/my/${SEG}`;
const exportPath = `/api/v1/statements/${SID}/translations/my/export`;
/** A locale set up as disabled (to be enabled) or enabled (to be disabled) before each call. */
const localeState = (tag: string, disabled: boolean) => async () => {
  await t.deps.store.putLocale({ tag, ...(disabled ? { disabled: true } : {}) });
};

// --- A glossary entry to change or delete, made afresh before each call; terms never repeat. ---
let terms = 0;
let entryId = '';
async function freshEntry(): Promise<void> {
  const admin = toActor(accounts.admin);
  entryId = (await saveGlossaryEntry(t.deps, admin, 'my', { term: `term ${++terms}`, translation: 'ဝေါဟာရ' })).id;
}
const newTerm = () => ({ term: `new term ${++terms}`, translation: 'စစ်ကောင်စီ' });
const csv = () => ({ csv: `term,translation,note,do_not_translate\nimported ${++terms},ဝေါဟာရ,,no\n` });
/** Translators of the locale read its work in progress and aids; editors keep its glossary. */
const LOCALE_TEAM = row(401, 403, 200, 200, 200, 401, 200);
const KEEP_GLOSSARY = (ok: number) => row(401, 403, 403, ok, ok, 401, ok);
const KEEP_GLOSSARY_PAGE = row('login', 403, 403, 303, 303, 'login', 303);
const RULES: Record<string, Rule> = {
  'GET /healthz': { expect: all(200) },
  'GET /fonts/locales.css': { expect: all(200), url: () => '/fonts/locales.css?l=my,km,rhg-Rohg' },
  'GET /ui/:lang': { expect: all(303), url: () => '/ui/en?next=%2F' },
  'GET /api/v1/statements': { expect: all(200) },
  'GET /api/v1/statements/:sid': { expect: all(200), url: () => `/api/v1/statements/${SID}` },
  'GET /api/v1/statements/:sid/progress': { expect: all(200), url: () => `/api/v1/statements/${SID}/progress` },
  'GET /api/v1/statements/:sid/translations/:locale': { expect: all(200), url: () => `/api/v1/statements/${SID}/translations/my` },
  'PUT /api/v1/statements/:sid/translations/:locale/:segmentId': {
    expect: row(401, 403, 200, 200, 200, 401, 200),
    url: () => seg,
    prepare: resetSegment,
    body: async () => ({ text: 'တတိယ စာ', baseRevision: await revisionNow(), action: 'save' }),
  },
  'POST /api/v1/statements/:sid/translations/:locale/:segmentId/review': {
    expect: row(401, 403, 403, 200, 403, 401, 200),
    url: () => `${seg}/review`,
    prepare: resetSegment,
    body: async () => ({ decision: 'approve', revision: await revisionNow() }),
  },
  'POST /api/v1/statements/:sid/translations/:locale/:segmentId/restore': {
    expect: row(401, 403, 403, 200, 200, 401, 200),
    url: () => `${seg}/restore`,
    prepare: resetSegment,
    body: async () => ({ revision: (await revisionNow()) - 1, baseRevision: await revisionNow() }),
  },
  'GET /api/v1/locales': { expect: all(200) },
  'POST /api/v1/locales': { expect: row(401, 403, 403, 403, 403, 401, 201), body: () => ({ tag: 'shn' }), prepare: localeState('shn', true) },
  'POST /api/v1/locales/:tag/disable': {
    expect: row(401, 403, 403, 403, 403, 401, 200),
    url: () => '/api/v1/locales/shn/disable',
    prepare: localeState('shn', false),
  },
  'GET /login': { expect: all(200) },
  'POST /login': { expect: all(401), body: () => ({ name: 'mya', password: 'not the password at all' }) },
  'POST /logout': { expect: all(303), fresh: true },
  'GET /setup': { expect: all(403), url: () => '/setup?token=not-the-setup-token' },
  'POST /setup': { expect: all(403), body: () => ({ token: 'not-the-setup-token', name: 'intruder', password: PASSWORD }) },
  'GET /password-link': { expect: all(403), url: () => '/password-link?token=not-a-link-token' },
  'POST /password-link': { expect: all(403), body: () => ({ token: 'not-a-link-token', password: PASSWORD, confirm: PASSWORD }) },
  'GET /account': { expect: row('login', 200, 200, 200, 200, 'login', 200) },
  'POST /account/credit': { expect: row('login', 303, 303, 303, 303, 'login', 303), body: () => ({ credit: 'on', pseudonym: 'Ko Aung' }) },
  'POST /account/password': {
    expect: row('login', 303, 303, 303, 303, 'login', 303),
    fresh: true,
    body: () => ({ current: PASSWORD, password: 'a new pass phrase for this test', confirm: 'a new pass phrase for this test' }),
    cleanup: restorePasswords,
  },
  'GET /': { expect: all(200) },
  'GET /s/:sid': { expect: all(303), url: () => `/s/${SID}` },
  'GET /s/:sid/compare': { expect: all(200), url: () => `/s/${SID}/compare?langs=en,my` },
  'GET /s/:sid/:locale': { expect: all(200), url: () => `/s/${SID}/my` },
  'GET /translate/:sid/:locale': { expect: row('login', 403, 200, 200, 200, 'login', 200), url: () => `/translate/${SID}/my` },
  'POST /translate/:sid/:locale/:segmentId': {
    expect: row('login', 403, 303, 303, 303, 'login', 303),
    url: () => `/translate/${SID}/my/${SEG}`,
    prepare: resetSegment,
    body: async () => ({ text: 'တတိယ စာ', baseRevision: String(await revisionNow()), action: 'save' }),
  },
  'GET /review/:sid/:locale': { expect: row('login', 403, 403, 200, 200, 'login', 200), url: () => `/review/${SID}/my` },
  'POST /review/:sid/:locale/:segmentId': {
    expect: row('login', 403, 403, 303, 403, 'login', 303),
    url: () => `/review/${SID}/my/${SEG}`,
    prepare: resetSegment,
    body: async () => ({ decision: 'approve', revision: String(await revisionNow()) }),
  },
  'GET /history/:sid/:locale/:segmentId': {
    expect: row('login', 403, 200, 200, 200, 'login', 200),
    url: () => `/history/${SID}/my/${SEG}`,
    prepare: resetSegment,
  },
  'POST /history/:sid/:locale/:segmentId/restore': {
    expect: row('login', 403, 403, 303, 303, 'login', 303),
    url: () => `/history/${SID}/my/${SEG}/restore`,
    prepare: resetSegment,
    body: async () => ({ revision: String((await revisionNow()) - 1), baseRevision: String(await revisionNow()) }),
  },
  'GET /admin': { expect: row('login', 403, 403, 403, 403, 'login', 200) },
  'POST /admin/accounts': {
    expect: row('login', 403, 403, 403, 403, 'login', 201),
    body: () => ({ name: `invitee-${++invitees}`, role: 'translator', locales: ['my'] }),
  },
  'POST /admin/accounts/:id/password-link': {
    expect: row('login', 403, 403, 403, 403, 'login', 200),
    url: () => `/admin/accounts/${spare.id}/password-link`,
  },
  'POST /admin/accounts/:id/locales': {
    expect: row('login', 403, 403, 403, 403, 'login', 303),
    url: () => `/admin/accounts/${spare.id}/locales`,
    body: () => ({ locales: ['km'] }),
  },
  'POST /admin/accounts/:id/disable': {
    expect: row('login', 403, 403, 403, 403, 'login', 303),
    url: () => `/admin/accounts/${spare.id}/disable`,
    prepare: setSpareDisabled(false),
  },
  'POST /admin/accounts/:id/enable': {
    expect: row('login', 403, 403, 403, 403, 'login', 303),
    url: () => `/admin/accounts/${spare.id}/enable`,
    prepare: setSpareDisabled(true),
  },
  'POST /admin/locales': { expect: row('login', 403, 403, 403, 403, 'login', 303), body: () => ({ tag: 'mnw' }), prepare: localeState('mnw', true) },
  'POST /admin/locales/:tag/disable': {
    expect: row('login', 403, 403, 403, 403, 'login', 303),
    url: () => '/admin/locales/mnw/disable',
    prepare: localeState('mnw', false),
  },
  'GET /admin/audit': { expect: row('login', 403, 403, 403, 403, 'login', 200) },
  // Translator aids (quality checks, translation memory, glossary, names kept as in the source).
  'POST /api/v1/statements/:sid/translations/:locale/:segmentId/checks': { expect: LOCALE_TEAM, url: () => `${seg}/checks`, body: () => ({ text: 'စာ' }) },
  'POST /api/v1/statements/:sid/translations/:locale/keep-original': {
    expect: row(401, 403, 403, 200, 200, 401, 200),
    url: () => `/api/v1/statements/${SID}/translations/my/keep-original`,
  },
  'GET /api/v1/tm': { expect: LOCALE_TEAM, url: () => `/api/v1/tm?locale=my&q=${encodeURIComponent('ဒုတိယ')}` },
  'GET /api/v1/glossary/:locale': { expect: LOCALE_TEAM, url: () => '/api/v1/glossary/my' },
  'GET /api/v1/glossary/:locale/export.csv': { expect: LOCALE_TEAM, url: () => '/api/v1/glossary/my/export.csv' },
  'POST /api/v1/glossary/:locale': { expect: KEEP_GLOSSARY(201), url: () => '/api/v1/glossary/my', body: newTerm },
  'POST /api/v1/glossary/:locale/import': { expect: KEEP_GLOSSARY(200), url: () => '/api/v1/glossary/my/import', body: csv },
  'PUT /api/v1/glossary/:locale/:id': { expect: KEEP_GLOSSARY(200), prepare: freshEntry, url: () => `/api/v1/glossary/my/${entryId}`, body: newTerm },
  'DELETE /api/v1/glossary/:locale/:id': { expect: KEEP_GLOSSARY(204), prepare: freshEntry, url: () => `/api/v1/glossary/my/${entryId}` },
  'GET /glossary/:locale': { expect: row('login', 403, 200, 200, 200, 'login', 200), url: () => '/glossary/my' },
  'POST /glossary/:locale': { expect: KEEP_GLOSSARY_PAGE, url: () => '/glossary/my', body: newTerm },
  'POST /glossary/:locale/import': { expect: KEEP_GLOSSARY_PAGE, url: () => '/glossary/my/import', body: csv },
  'POST /glossary/:locale/:id': { expect: KEEP_GLOSSARY_PAGE, prepare: freshEntry, url: () => `/glossary/my/${entryId}`, body: newTerm },
  'POST /glossary/:locale/:id/delete': { expect: KEEP_GLOSSARY_PAGE, prepare: freshEntry, url: () => `/glossary/my/${entryId}/delete` },
  'POST /keep-original/:sid/:locale': { expect: KEEP_GLOSSARY_PAGE, url: () => `/keep-original/${SID}/my` },
  // Files for translation tools: anyone exports (approved text only for those outside the team);
  // the locale's translators import (a dry run here); the page's form without a file is a 400.
  'GET /api/v1/statements/:sid/translations/:locale/export': { expect: all(200), url: () => `${exportPath}?format=xliff20` },
  'POST /api/v1/statements/:sid/translations/:locale/export': {
    expect: row(401, 403, 200, 200, 200, 401, 200),
    url: () => `${exportPath}?dryRun=true`,
    body: () => 'msgid ""\nmsgstr ""\n"Language: my\\n"\n\nmsgctxt "s2"\nmsgid "4 January 2022"\nmsgstr "၂၀၂၂ ဇန်နဝါရီ ၄"\n',
  },
  'GET /files/:sid/:locale': { expect: row('login', 403, 200, 200, 200, 'login', 200), url: () => `/files/${SID}/my` },
  'POST /files/:sid/:locale': { expect: row('login', 403, 400, 400, 400, 'login', 400), url: () => `/files/${SID}/my` },
  // Living statements: admins create and archive; admins and editors of the source language correct.
  'POST /api/v1/statements': {
    expect: row(401, 403, 403, 403, 403, 401, 201),
    body: () => ({ markdown: 'A statement\n\nIts text.', sourceLocale: 'en' }),
  },
  'POST /api/v1/statements/:sid/archive': {
    expect: row(401, 403, 403, 403, 403, 401, 200),
    prepare: spareStatement,
    url: () => `/api/v1/statements/${spareSid}/archive`,
  },
  'PUT /api/v1/statements/:sid/source': {
    expect: row(401, 403, 403, 403, 403, 401, 200),
    url: () => `/api/v1/statements/${SID}/source`,
    body: () => ({ markdown: `${STATEMENT_BYTES.toString('utf8')}\n\nOne more paragraph.\n`, dryRun: true }),
  },
  'GET /admin/statements': { expect: row('login', 403, 403, 403, 403, 'login', 200) },
  'POST /admin/statements': {
    expect: row('login', 403, 403, 403, 403, 'login', 200),
    body: () => ({ markdown: 'A statement\n\nIts text.', sourceLocale: 'en' }),
  },
  'POST /admin/statements/:sid/archive': {
    expect: row('login', 403, 403, 403, 403, 'login', 303),
    prepare: spareStatement,
    url: () => `/admin/statements/${spareSid}/archive`,
  },
  'GET /correct/:sid': { expect: row('login', 403, 403, 403, 403, 'login', 200), url: () => `/correct/${SID}` },
  'POST /correct/:sid': {
    expect: row('login', 403, 403, 403, 403, 'login', 200),
    url: () => `/correct/${SID}`,
    body: () => ({ markdown: `${STATEMENT_BYTES.toString('utf8')}\n\nOne more paragraph.\n` }),
  },
  // Published editions: editors of the locale and admins publish; everyone reads.
  'POST /api/v1/statements/:sid/editions/:locale': {
    expect: row(401, 403, 403, 201, 201, 401, 201),
    url: () => `/api/v1/statements/${SID}/editions/my`,
    body: () => ({ note: 'a public note' }),
  },
  'GET /api/v1/statements/:sid/editions/:locale': { expect: all(200), url: () => `/api/v1/statements/${SID}/editions/en` },
  'GET /api/v1/statements/:sid/editions/:locale/:version': { expect: all(200), url: () => `/api/v1/statements/${SID}/editions/en/1` },
  'POST /publish/:sid/:locale': {
    expect: row('login', 403, 403, 303, 303, 'login', 303),
    url: () => `/publish/${SID}/my`,
    body: () => ({ note: 'from the review queue', confirmIncomplete: 'true' }),
  },
  'GET /s/:sid/:locale/v/:n': { expect: all(200), url: () => `/s/${SID}/en/v/1` },
  'GET /s/:sid/:locale/versions': { expect: all(200), url: () => `/s/${SID}/en/versions` },
  'GET /s/:sid/:locale/v/:n/:file': { expect: all(200), url: () => `/s/${SID}/en/v/1/${SID}.en.v1.md` },
  'GET /feed.xml': { expect: all(200) },
  'GET /sitemap.xml': { expect: all(200) },
};

// --- A statement to archive, made afresh before each call. ---
let spareSid = '';
let spares = 0;
async function spareStatement(): Promise<void> {
  spareSid = `spare-${++spares}`;
  await t.deps.store.createStatement({
    id: spareSid,
    title: 'Spare',
    sourceLocale: 'en',
    sourceRevision: 1,
    segments: [],
    nextSegmentNumber: 1,
    removedSegmentIds: [],
  });
}

/** Passwords and session versions as they were, so the callers' sessions go on working. */
async function restorePasswords(): Promise<void> {
  for (const caller of CALLERS) {
    if (caller === 'anonymous') continue;
    const { passwordHash, sessionVersion } = accounts[caller];
    await t.deps.store.updateAccount(accounts[caller].id, (a) => {
      const { sessionVersion: _changed, ...rest } = a;
      return { ...rest, passwordHash, ...(sessionVersion === undefined ? {} : { sessionVersion }) };
    });
  }
}

async function anonymousSession(): Promise<Session> {
  const agent = request.agent(t.app);
  return { agent, csrf: csrfFrom((await agent.get('/login').expect(200)).text), accountId: '' };
}

async function snapshot(): Promise<string> {
  const s = t.deps.store;
  const statements = await s.listStatements();
  return JSON.stringify({
    accounts: await s.listAccounts(),
    locales: await s.listLocales(),
    audit: await s.listAudit(),
    setup: (await s.getSetupToken()) ?? null,
    statements,
    translations: await Promise.all(statements.map((x) => s.listAllTranslations(x.id))),
    editions: await Promise.all(statements.map((x) => s.latestEditionVersions(x.id))),
  });
}

beforeAll(async () => {
  t = await makeApp(undefined, {
    limits: { login: { freeFailures: 10_000 }, loginPerAddress: { freeFailures: 10_000 }, badTokens: { freeFailures: 10_000 } },
  });
  for (const caller of CALLERS) {
    if (caller === 'anonymous') continue;
    const { name, role, locales } = NAMES[caller];
    sessions[caller] = await t.login(name, role, locales);
    tokens[caller] = await t.token(name, role, locales);
  }
  sessions.anonymous = await anonymousSession();
  spare = await createAccount(t.deps, null, { name: 'spare', password: PASSWORD, role: 'translator', locales: ['my'] });
  // The disabled account logged in and got a token while it was enabled.
  await t.deps.store.updateAccount(sessions.disabled.accountId, (a) => ({ ...a, disabled: true }));
  for (const caller of CALLERS) if (caller !== 'anonymous') accounts[caller] = (await t.deps.store.getAccount(sessions[caller].accountId))!;
});
afterAll(() => t.close());

describe('the table of routes', () => {
  it('has a rule for every route of the app, and no rule for a route that does not exist', () => {
    const routes = listRoutes(t.app).map(routeKey).sort();
    expect(routes.filter((r) => !(r in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((r) => !routes.includes(r))).toEqual([]);
  });
});

type Transport = 'session' | 'token';
const cases: [string, Caller, Transport, Outcome][] = [];
for (const [key, rule] of Object.entries(RULES)) {
  for (const caller of CALLERS) {
    cases.push([key, caller, 'session', rule.expect[caller]]);
    // With a bearer token: the same answer; a disabled account's token is refused outright.
    if (key.includes(' /api/') && caller !== 'anonymous') cases.push([key, caller, 'token', caller === 'disabled' ? 401 : rule.expect[caller]]);
  }
}

describe.each(cases)('%s by %s (%s)', (key, caller, transport, outcome) => {
  it(`answers ${outcome}${typeof outcome === 'number' && outcome < 400 ? '' : ' and changes nothing'}`, async () => {
    const [method, pattern] = key.split(' ') as [string, string];
    const rule = RULES[key]!;
    await rule.prepare?.();
    const url = rule.url?.() ?? pattern;
    const body = (await rule.body?.()) ?? {};
    const session = transport === 'session' && rule.fresh ? await freshSession(caller) : sessions[caller];
    const before = await snapshot();
    const isApi = url.startsWith('/api/');
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    let res: request.Response;
    if (transport === 'token') {
      res = await request(t.app)
        [verb](url)
        .set('Authorization', `Bearer ${tokens[caller]}`)
        .send(method === 'GET' || method === 'DELETE' ? undefined : body);
    } else {
      const req = session.agent[verb](url);
      if (method === 'GET' || method === 'DELETE') res = await (isApi && method === 'DELETE' ? req.set('x-csrf-token', session.csrf) : req);
      else if (isApi) res = await req.set('x-csrf-token', session.csrf).send(body);
      else res = await req.type('form').send({ _csrf: session.csrf, ...(body as Record<string, unknown>) });
    }
    const refused = outcome === 'login' || outcome >= 400;
    if (outcome === 'login') {
      expect([res.status, res.headers.location?.split('?')[0]]).toEqual([303, '/login']);
    } else {
      expect(res.status).toBe(outcome);
      if (outcome === 303) expect(res.headers.location).not.toMatch(/^\/login/);
    }
    if (refused || method === 'GET') expect(await snapshot()).toBe(before);
    await rule.cleanup?.();
  });
});

async function freshSession(caller: Caller): Promise<Session> {
  if (caller === 'anonymous') return anonymousSession();
  const id = accounts[caller].id;
  // A disabled account cannot log in: log in while enabled, then disable it again.
  if (caller === 'disabled') await t.deps.store.updateAccount(id, (a) => ({ ...a, disabled: false }));
  const session = await t.login(NAMES[caller].name, NAMES[caller].role, NAMES[caller].locales);
  if (caller === 'disabled') await t.deps.store.updateAccount(id, (a) => ({ ...a, disabled: true }));
  return session;
}

describe('the services check the table themselves (not only the routes)', () => {
  const ref = { statementId: SID, locale: 'my', segmentId: SEG };
  const calls: [string, (actor: Actor | undefined) => Promise<unknown>][] = [
    ['saveTranslation', (a) => saveTranslation(t.deps, a, { ...ref, text: 'စာ', baseRevision: 0, action: 'save' })],
    ['reviewTranslation', (a) => reviewTranslation(t.deps, a, { ...ref, decision: 'approve', revision: 1 })],
    ['restoreRevision', (a) => restoreRevision(t.deps, a, { ...ref, revision: 1, baseRevision: 2 })],
    ['translationHistory', (a) => translationHistory(t.deps, a, ref)],
    ['enableLocale', (a) => enableLocale(t.deps, a, { tag: 'shn' })],
    ['inviteAccount', (a) => inviteAccount(t.deps, a, { name: 'sneaky', role: 'admin', locales: [] })],
    ['grantLocales', (a) => grantLocales(t.deps, a, spare.id, ['km'])],
    ['setDisabled', (a) => setDisabled(t.deps, a, spare.id, true)],
    ['issuePasswordLink', (a) => issuePasswordLink(t.deps, a, spare.id)],
    ['listAccounts', (a) => listAccounts(t.deps, a)],
    ['listAudit', (a) => listAudit(t.deps, a)],
    ['openInterchange', (a) => openInterchange(t.deps, a, { statementId: SID, locale: 'my' })],
    [
      'importTranslations',
      (a) => importTranslations(t.deps, a, { statementId: SID, locale: 'my', bytes: new Uint8Array(), dryRun: false, approve: false }),
    ],
    ['createStatementFromMarkdown', (a) => createStatementFromMarkdown(t.deps, a, { markdown: 'A\n\nB.', sourceLocale: 'en' })],
    ['archiveStatement', (a) => archiveStatement(t.deps, a, SID)],
    ['correctSource', (a) => correctSource(t.deps, a, { statementId: SID, markdown: 'A\n\nB.' })],
    ['publishEdition', (a) => publishEdition(t.deps, a, { statementId: SID, locale: 'my', confirmIncomplete: true })],
  ];
  it.each(calls)('%s refuses anonymous callers (unauthenticated) and a translator of another locale (forbidden)', async (_name, call) => {
    const before = await snapshot();
    await expect(call(undefined)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(call(toActor(accounts.otherLocale))).rejects.toMatchObject({ code: 'forbidden' });
    expect(await snapshot()).toBe(before);
  });
  it.each([
    ['changePassword', (a: Actor | undefined) => changePassword(t.deps, a, PASSWORD, 'another long pass phrase')],
    ['setCredit', (a: Actor | undefined) => setCredit(t.deps, a, 'Ko Aung')],
  ])('%s needs a logged-in account', async (_name, call) => {
    await expect(call(undefined)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
