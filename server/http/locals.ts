// What the middlewares put in `res.locals`, in one place. Express types `res.locals` loosely
// (any key is `any`), so handlers read these through the typed accessors below.
import type { Actor } from '../domain/permissions.js';
import type { Translator } from '../i18n/index.js';

export interface TandemLocals {
  /** The logged-in account or the API token's account (auth.ts); absent for anonymous readers. */
  actor?: Actor;
  /** The request came with an API token: no CSRF token needed (auth.ts). */
  viaToken?: boolean;
  /** The CSRF token for scripts calling the API with the session cookie (auth.ts). */
  csrfHeader?: string;
  /** Interface strings and formats in the caller's interface language (language.ts). */
  tr: Translator;
  /** The page's own URL, for the language switch (language.ts). */
  path?: string;
  /** What `validate` parsed (validate.ts); read it through the route's `input(res)`. */
  input?: unknown;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Locals extends TandemLocals {}
  }
}

/** The caller's interface strings, typed. */
export const translatorOf = (res: { locals: Record<string, unknown> }): Translator => (res.locals as unknown as TandemLocals).tr;
