// What the middleware leaves on `res.locals` for the handlers and views that read it. Every key
// set anywhere is declared here, so `res.locals.x` has its type; a key missing here reads as
// `any`. Handlers read through the typed accessors where there is one (`actorOf` in auth.ts,
// `translatorOf` in language.ts, a route's `input(res)` in validate.ts).
import type { Actor } from '../domain/permissions.js';
import type { DomainError } from '../domain/errors.js';
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
      /** The bytes of an imported file (interchange-body.ts). */
      upload?: Buffer;
      /** Why the API import's body was refused; the route throws it once the caller is known (interchange-body.ts). */
      uploadError?: DomainError;
      /** The languages whose fonts the page declares; `showFontsOf` adds to it (fonts.ts). */
      fontTags?: Set<string>;
      /** The address of the page's font stylesheet, computed from `fontTags` when read (fonts.ts). */
      fontsHref?: string;
      /** The header's count of what waits for the volunteer, in words (waiting-count.ts). */
      waitingCount?: string;
    }
  }
}
