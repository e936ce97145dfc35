// Serving a reader's page from the cache (public-cache.ts): rendered once per key and interface
// language; a logged-in user gets the same page with their own account header put in.
import type { Request, Response } from 'express';
import { actorOf } from '../auth.js';
import { translatorOf } from '../language.js';
import { sendPage, type CachePolicy, type ReaderCache } from '../public-cache.js';
import { renderView } from '../views.js';

/** Serves the cached page under `key` (per interface language), with the user's own header if logged in. */
export async function serveReaderPage(
  cache: ReaderCache,
  req: Request,
  res: Response,
  key: string,
  policy: CachePolicy,
  render: () => Promise<string>,
): Promise<void> {
  const tr = translatorOf(res);
  const page = await cache.page(`${tr.lang}\u0000${key}`, render);
  sendPage(req, res, page, policy, actorOf(res) ? await accountNav(res) : undefined);
}

/** The account part of the header (views/partials/account-nav) for this request's user. */
export function accountNav(res: Response): Promise<string> {
  return renderView('partials/account-nav', {
    tr: translatorOf(res),
    actor: actorOf(res),
    csrfHeader: res.locals.csrfHeader,
    waitingCount: res.locals.waitingCount,
  });
}

/**
 * What every cached reader's page is rendered with: nobody's account (the header is put in when
 * served) and the page's own `path` (for the interface-language links).
 */
export function anonymousLocals(res: Response, path: string) {
  return { tr: translatorOf(res), actor: undefined, csrfHeader: undefined, path, fontsHref: res.locals.fontsHref };
}
