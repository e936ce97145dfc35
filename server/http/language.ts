// Picks the interface language for each request and lets the reader switch it (a cookie).
import { Router, type RequestHandler } from 'express';
import { isUiLanguage, pickLanguage, type I18n, type Translator } from '../i18n/index.js';

export const LANGUAGE_COOKIE = 'tandem.lang';

export function interfaceLanguage(i18n: I18n): RequestHandler {
  const router = Router();
  router.use((req, res, next) => {
    const lang = pickLanguage((req.cookies as Record<string, string> | undefined)?.[LANGUAGE_COOKIE], (...l) => req.acceptsLanguages(...l));
    res.locals.tr = i18n.translator(lang);
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
