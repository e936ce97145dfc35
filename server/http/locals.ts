// Typed reads of what the middleware leaves on `res.locals` (declared in locals.d.ts).
import type { Translator } from '../i18n/index.js';

/** The caller's interface strings, typed. */
export const translatorOf = (res: { locals: Record<string, unknown> }): Translator => (res.locals as unknown as Express.Locals).tr;
