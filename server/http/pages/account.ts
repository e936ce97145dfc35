// Login, logout, the first start's admin set-up, one-time password links (invitations and
// resets), and each user's own settings: password and public pseudonym.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import {
  accountForLink,
  authenticate,
  changePassword,
  checkSetupToken,
  completeSetup,
  ownAccount,
  setCredit,
  usePasswordLink,
} from '../../services/accounts.js';
import type { ServiceDeps } from '../../services/deps.js';
import { actorOf, csrfToken, endSession, requireLogin, startSession } from '../auth.js';
import { STATUS_OF } from '../errors.js';
import { translatorOf } from '../language.js';
import { addressOf, tooManyAttempts, type Limits } from '../rate-limit.js';
import { validate } from '../validate.js';

const password = z.string().max(500);
const loginForm = z.object({ name: z.string().max(100), password, next: z.string().max(500).optional() });
const setupForm = z.object({ token: z.string().max(200), name: z.string().max(100), password });
const linkQuery = z.object({ token: z.string().max(200) });
const linkForm = z.object({ token: z.string().max(200), password, confirm: password });
const creditForm = z.object({ credit: z.literal('on').optional(), pseudonym: z.string().max(200).default('') });
const passwordForm = z.object({ current: password, password, confirm: password });
const savedQuery = z.object({ saved: z.enum(['credit', 'password']).optional() });

const loginRoute = validate({ body: loginForm });
const linkRoute = validate({ query: linkQuery });
const setupRoute = validate({ body: setupForm });
const passwordLinkRoute = validate({ body: linkForm });
const accountRoute = validate({ query: savedQuery });
const creditRoute = validate({ body: creditForm });
const passwordRoute = validate({ body: passwordForm });

/** Only same-site paths, so a crafted link cannot send a volunteer to another site after login. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/');

/** Input errors are words on the form itself; anything else goes to the error handler. */
function inputError(e: unknown): DomainError | undefined {
  return e instanceof DomainError && e.code === 'invalid_input' ? e : undefined;
}

export function accountPages(deps: ServiceDeps, limits: Limits): Router {
  const pages = Router();
  const message = (res: Response, e: DomainError) => translatorOf(res).t(`errors.${e.key}`, e.params);

  /** One-time tokens (set-up, invitation, reset) that do not match earn growing delays per address. */
  async function checkedToken<T>(req: Request, res: Response, check: () => Promise<T>): Promise<T> {
    const address = addressOf(req);
    const wait = limits.badTokens.waitMs(address);
    if (wait > 0) throw tooManyAttempts(res, wait);
    try {
      return await check();
    } catch (e) {
      if (e instanceof DomainError && e.code === 'forbidden') limits.badTokens.fail(address);
      throw e;
    }
  }

  // --- Login and logout ---

  pages.get('/login', (req, res) => {
    res.render('login', { csrf: csrfToken(req), next: safeNext(req.query.next), error: undefined, name: '' });
  });

  pages.post('/login', loginRoute, async (req, res) => {
    const { body } = loginRoute.input(res);
    const again = (e: DomainError) =>
      res.status(STATUS_OF[e.code]).render('login', { csrf: csrfToken(req), next: safeNext(body.next), error: message(res, e), name: body.name });
    // Growing delays per address and name, and per address whatever the name; checked before the
    // password, so a throttled guess learns nothing.
    const address = addressOf(req);
    const key = `${address}\n${body.name.normalize('NFC').trim().toLowerCase()}`;
    const wait = Math.max(limits.login.waitMs(key), limits.loginPerAddress.waitMs(address));
    if (wait > 0) return again(tooManyAttempts(res, wait));
    const account = await authenticate(deps, body.name, body.password);
    if (!account) {
      limits.login.fail(key);
      limits.loginPerAddress.fail(address);
      return again(new DomainError('unauthenticated', 'auth.bad_login'));
    }
    limits.login.succeed(key);
    await startSession(req, account);
    res.redirect(303, safeNext(body.next));
  });

  pages.post('/logout', async (req, res) => {
    await endSession(req);
    res.clearCookie('tandem.sid');
    // Text a translator typed offline is kept in this browser's storage: it leaves with them.
    res.set('Clear-Site-Data', '"storage"');
    res.redirect(303, '/');
  });

  // --- First start ---

  pages.get('/setup', linkRoute, async (req, res) => {
    const { token } = linkRoute.input(res).query;
    await checkedToken(req, res, () => checkSetupToken(deps, token));
    res.render('setup', { csrf: csrfToken(req), token, error: undefined, name: '' });
  });

  pages.post('/setup', setupRoute, async (req, res) => {
    const { body } = setupRoute.input(res);
    try {
      const account = await checkedToken(req, res, () => completeSetup(deps, body.token, body.name, body.password));
      await startSession(req, account);
      res.redirect(303, '/admin');
    } catch (e) {
      const known = inputError(e);
      if (!known) throw e;
      res.status(STATUS_OF[known.code]).render('setup', { csrf: csrfToken(req), token: body.token, error: message(res, known), name: body.name });
    }
  });

  // --- One-time links: an invited volunteer or a reset chooses their own password ---

  pages.get('/password-link', linkRoute, async (req, res) => {
    const { token } = linkRoute.input(res).query;
    const { account, purpose } = await checkedToken(req, res, () => accountForLink(deps, token));
    res.render('password-link', { csrf: csrfToken(req), token, purpose, name: account.name, error: undefined });
  });

  pages.post('/password-link', passwordLinkRoute, async (req, res) => {
    const { body } = passwordLinkRoute.input(res);
    const { account, purpose } = await checkedToken(req, res, () => accountForLink(deps, body.token));
    try {
      if (body.password !== body.confirm) throw new DomainError('invalid_input', 'account.passwords_differ');
      await startSession(req, await usePasswordLink(deps, body.token, body.password));
      // A new volunteer lands on their work (what is waiting for them); a reset, on their account.
      res.redirect(303, purpose === 'invite' ? '/#waiting' : '/account');
    } catch (e) {
      const known = inputError(e);
      if (!known) throw e;
      res
        .status(STATUS_OF[known.code])
        .render('password-link', { csrf: csrfToken(req), token: body.token, purpose, name: account.name, error: message(res, known) });
    }
  });

  // --- The logged-in user's own account ---

  async function settings(res: Response, status = 200, extra: { error?: string; errorFor?: string; pseudonym?: string; saved?: string } = {}) {
    const account = await ownAccount(deps, actorOf(res));
    const tr = translatorOf(res);
    res.status(status).render('account', {
      account: { name: account.name, role: tr.t(`role.${account.role}`), credited: account.creditAs !== undefined },
      pseudonym: extra.pseudonym ?? account.creditAs ?? '',
      csrf: csrfToken(res.req),
      error: extra.error,
      errorFor: extra.errorFor,
      saved: extra.saved,
    });
  }

  pages.get('/account', requireLogin, accountRoute, async (_req, res) => {
    await settings(res, 200, { saved: accountRoute.input(res).query.saved });
  });

  pages.post('/account/credit', requireLogin, creditRoute, async (_req, res) => {
    const { body } = creditRoute.input(res);
    try {
      await setCredit(deps, actorOf(res), body.credit ? body.pseudonym : undefined);
    } catch (e) {
      const known = inputError(e);
      if (!known) throw e;
      return settings(res, STATUS_OF[known.code], { error: message(res, known), errorFor: 'credit', pseudonym: body.pseudonym });
    }
    res.redirect(303, '/account?saved=credit');
  });

  pages.post('/account/password', requireLogin, passwordRoute, async (req, res) => {
    const { body } = passwordRoute.input(res);
    // Guessing the current password from a borrowed session is slowed down like a login.
    const key = `${addressOf(req)}\n${actorOf(res)!.name.toLowerCase()}`;
    const wait = limits.login.waitMs(key);
    if (wait > 0) {
      const refused = tooManyAttempts(res, wait);
      return settings(res, STATUS_OF[refused.code], { error: message(res, refused), errorFor: 'password' });
    }
    try {
      if (body.password !== body.confirm) throw new DomainError('invalid_input', 'account.passwords_differ');
      const account = await changePassword(deps, actorOf(res), body.current, body.password).catch((e: unknown) => {
        if (e instanceof DomainError && e.key === 'account.wrong_password') limits.login.fail(key);
        throw e;
      });
      // This browser stays logged in, under a new session id; every other session has ended.
      await startSession(req, account);
    } catch (e) {
      const known = inputError(e);
      if (!known) throw e;
      return settings(res, STATUS_OF[known.code], { error: message(res, known), errorFor: 'password' });
    }
    res.redirect(303, '/account?saved=password');
  });

  return pages;
}
