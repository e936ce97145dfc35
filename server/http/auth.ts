// Who is calling: a bearer token (API tools) or a session cookie (browsers). And CSRF: every
// state-changing request made with a cookie must carry the session's token (synchronizer token,
// bound to the server-side session; bearer-token calls need none, browsers never send those).
//
// Anonymous visitors get no stored session: the forms they may send (login, first set-up, a
// password link) carry a token signed by the server and tied to a random nonce in a cookie of
// their own (HMAC of the nonce with the session secret; a signed double-submit cookie). It is
// accepted from anonymous callers only (whose other forms then lead to the login page); a
// logged-in browser's forms need the session's token.
import type { Request, RequestHandler } from 'express';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import type { Account } from '../domain/types.js';
import { accountForToken, activeAccount, sessionVersionOf, toActor } from '../services/accounts.js';
import type { ServiceDeps } from '../services/deps.js';
import { isApi } from './errors.js';
import { addressOf, tooManyAttempts, type Limits } from './rate-limit.js';

declare module 'express-session' {
  interface SessionData {
    accountId?: string;
    /** The account's session version at login: a password change since then ends this session. */
    accountVersion?: number;
    csrf?: string;
  }
}

export function resolveActor(deps: ServiceDeps, limits: Limits): RequestHandler {
  return async (req, res, next) => {
    let actor: Actor | undefined;
    const header = req.get('authorization');
    if (header !== undefined) {
      // Guessing tokens earns growing delays per address, before any lookup.
      const address = addressOf(req);
      const wait = limits.badTokens.waitMs(address);
      if (wait > 0) throw tooManyAttempts(res, wait);
      const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header);
      const account = match ? await accountForToken(deps, match[1]!) : undefined;
      if (!account) {
        limits.badTokens.fail(address);
        throw new DomainError('unauthenticated', 'auth.invalid_token');
      }
      actor = toActor(account);
      res.locals.viaToken = true;
    } else if (req.session?.accountId) {
      const account = await activeAccount(deps, req.session.accountId);
      if (account && sessionVersionOf(account) === (req.session.accountVersion ?? 0)) actor = toActor(account);
      else {
        delete req.session.accountId; // disabled, removed or password changed: the session ends at once
        res.set('Clear-Site-Data', '"storage"'); // with any unsent text the account left in this browser
      }
    }
    res.locals.actor = actor;
    // Pages for a logged-in user carry a CSRF token and personal data: no cache may keep them.
    if (actor) res.set('Cache-Control', 'no-store');
    // Pages show a logout form (and others) to logged-in users: they need the session's token.
    if (actor && !res.locals.viaToken) res.locals.csrfHeader = csrfToken(req);
    next();
  };
}

/** The caller: the logged-in account or the API token's account; undefined for anonymous readers. */
export const actorOf = (res: { locals: Express.Locals }): Actor | undefined => res.locals.actor;

/** The cookie holding an anonymous visitor's nonce for the forms they may send. */
export const FORM_NONCE_COOKIE = 'tandem.form';

/** The key that signs anonymous form tokens: `app.locals.formKey`, set by createApp. */
const formKeyOf = (req: Request) => req.app.locals.formKey as string;
const signedFormToken = (req: Request, nonce: string) => createHmac('sha256', formKeyOf(req)).update(`anonymous-form\n${nonce}`).digest('base64url');

/**
 * The CSRF token for a page's forms: the session's (created on first use) once a session exists,
 * otherwise a signed token for the nonce cookie, which stores nothing on the server.
 */
export function csrfToken(req: Request): string {
  if (req.session.csrf || req.session.accountId) {
    if (!req.session.csrf) req.session.csrf = randomBytes(24).toString('base64url');
    return req.session.csrf;
  }
  let nonce = anonymousNonce(req);
  if (!nonce) {
    nonce = randomBytes(24).toString('base64url');
    req.res!.cookie(FORM_NONCE_COOKIE, nonce, { httpOnly: true, sameSite: 'lax', secure: req.secure });
    req.cookies = { ...req.cookies, [FORM_NONCE_COOKIE]: nonce }; // a second form on the same page
  }
  return signedFormToken(req, nonce);
}

function anonymousNonce(req: Request): string | undefined {
  const nonce: unknown = req.cookies?.[FORM_NONCE_COOKIE];
  return typeof nonce === 'string' && /^[A-Za-z0-9_-]{32}$/.test(nonce) ? nonce : undefined;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfProtection: RequestHandler = (req, res, next) => {
  if (SAFE.has(req.method) || res.locals.viaToken) return next();
  // Anonymous API calls change nothing (the services refuse them with 401), so only API calls
  // riding on a logged-in session need the token; every form needs it.
  if (isApi(req.path) && !res.locals.actor) return next();
  const sent = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.get('x-csrf-token');
  if (typeof sent === 'string') {
    const expected = req.session?.csrf;
    if (expected && sameToken(sent, expected)) return next();
    const nonce = anonymousNonce(req);
    if (nonce && !res.locals.actor && sameToken(sent, signedFormToken(req, nonce))) return next();
  }
  throw new DomainError('csrf', 'auth.csrf');
};

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** For pages that need a logged-in user: the login page, then back here. */
export const requireLogin: RequestHandler = (req, res, next) => {
  if (actorOf(res)) return next();
  res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
};

/**
 * Logs an account in on this browser: a new session id (a session id planted before login is
 * worth nothing), the account's session version (a later password change ends it) and a new
 * CSRF token.
 */
export async function startSession(req: Request, account: Account): Promise<void> {
  await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
  req.session.accountId = account.id;
  req.session.accountVersion = sessionVersionOf(account);
  csrfToken(req);
}

/** Logs out: the session is removed on the server, so a copied cookie is worth nothing either. */
export function endSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
}
