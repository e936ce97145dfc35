// What the middleware leaves on `res.locals` for the handlers and views that read it. Express
// types `res.locals` loosely (any key is `any`), so handlers read these through typed accessors
// (`actorOf` in auth.ts, `translatorOf` in locals.ts, a route's `input(res)` in validate.ts).
import type { Actor } from '../domain/permissions.js';
import type { Translator } from '../i18n/index.js';

declare global {
  namespace Express {
    interface Locals {
      /** The interface language's translator, set for every request by `interfaceLanguage`. */
      tr: Translator;
      /** The page's own URL, for the language switch (language.ts). */
      path?: string;
      /** The logged-in account or the API token's account (auth.ts); absent for anonymous readers. */
      actor?: Actor;
      /** The request came with an API token: no CSRF token needed (auth.ts). */
      viaToken?: boolean;
      /** The CSRF token for scripts calling the API with the session cookie (auth.ts). */
      csrfHeader?: string;
      /** What `validate` parsed (validate.ts); read it through the route's `input(res)`. */
      input?: unknown;
    }
  }
}
