// What the middleware leaves on `res.locals` for the handlers and views that read it.
import type { Translator } from '../i18n/index.js';

declare global {
  namespace Express {
    interface Locals {
      /** The interface language's translator, set for every request by `interfaceLanguage`. */
      tr: Translator;
    }
  }
}
