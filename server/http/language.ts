// Picks the interface language for each request and lets the reader switch it (a cookie).
import { Router, type Request, type RequestHandler } from 'express';
import { isUiLanguage, pickLanguage, type I18n, type Translator } from '../i18n/index.js';

export const LANGUAGE_COOKIE = 'tandem.lang';

/** The translator for a request: the language cookie, else the browser's languages. */
export function translatorFor(i18n: I18n, req: Request): Translator {
  return i18n.translator(pickLanguage((req.cookies as Record<string, string> | undefined)?.[LANGUAGE_COOKIE], (...l) => req.acceptsLanguages(...l)));
}

/** Chooses the interface language before the body is read, so even a refused body is answered in it. */
export function interfaceLanguage(i18n: I18n): RequestHandler {
  const router = Router();
  router.use((req, res, next) => {
    res.locals.tr = translatorFor(i18n, req);
    res.locals.path = req.originalUrl;
    next();
  });
  // A plain link switches the language, so it works without JavaScript.
  router.get('/ui/:lang', (req, res) => {
    const lang = req.params.lang;
    const next = typeof req.query.next === 'string' && /^\/(?![/\\])/.test(req.query.next) ? req.query.next : '/';
    if (isUiLanguage(lang)) {
      res.cookie(LANGUAGE_COOKIE, lang, { httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600_000 });
    }
    res.redirect(303, next);
  });
  return router;
}

/** The caller's interface strings, typed (`res.locals` is loosely typed by Express). */
export const translatorOf = (res: { locals: Record<string, unknown> }): Translator => (res.locals as unknown as Express.Locals).tr;
