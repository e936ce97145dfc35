// Login, logout and the first start's admin set-up.
import { Router, type Request } from 'express';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { authenticate, checkSetupToken, completeSetup } from '../../services/accounts.js';
import type { ServiceDeps } from '../../services/deps.js';
import type { Translator } from '../../i18n/index.js';
import { csrfToken } from '../auth.js';
import { inputOf, validate } from '../validate.js';

const loginForm = z.object({ name: z.string().max(100), password: z.string().max(500), next: z.string().max(500).optional() });
const setupForm = z.object({ token: z.string().max(200), name: z.string().max(100), password: z.string().max(500) });

/** Only same-site paths, so a crafted link cannot send a volunteer to another site after login. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/');

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

export function accountPages(deps: ServiceDeps): Router {
  const pages = Router();

  pages.get('/login', (req, res) => {
    res.render('login', { csrf: csrfToken(req), next: safeNext(req.query.next), error: undefined, name: '' });
  });

  pages.post('/login', validate({ body: loginForm }), async (req, res) => {
    const body = inputOf<z.infer<typeof loginForm>>(res, 'body');
    const account = await authenticate(deps, body.name, body.password);
    if (!account) {
      const tr: Translator = res.locals.tr;
      res.status(401).render('login', { csrf: csrfToken(req), next: safeNext(body.next), error: tr.t('errors.auth.bad_login'), name: body.name });
      return;
    }
    // A new session id at login, so a session id planted before login is worth nothing.
    await regenerate(req);
    req.session.accountId = account.id;
    csrfToken(req);
    res.redirect(303, safeNext(body.next));
  });

  pages.post('/logout', (req, res, next) => {
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie('tandem.sid');
      res.redirect(303, '/');
    });
  });

  pages.get('/setup', validate({ query: z.object({ token: z.string().max(200) }) }), async (req, res) => {
    const { token } = inputOf<{ token: string }>(res, 'query');
    await checkSetupToken(deps, token);
    res.render('setup', { csrf: csrfToken(req), token, error: undefined, name: '' });
  });

  pages.post('/setup', validate({ body: setupForm }), async (req, res) => {
    const body = inputOf<z.infer<typeof setupForm>>(res, 'body');
    try {
      const account = await completeSetup(deps, body.token, body.name, body.password);
      await regenerate(req);
      req.session.accountId = account.id;
      res.redirect(303, '/admin');
    } catch (e) {
      if (e instanceof DomainError && e.code === 'invalid_input') {
        const tr: Translator = res.locals.tr;
        res.status(400).render('setup', { csrf: csrfToken(req), token: body.token, error: tr.t(`errors.${e.key}`, e.params), name: body.name });
        return;
      }
      throw e;
    }
  });

  return pages;
}
