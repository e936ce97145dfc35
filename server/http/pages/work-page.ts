// Serving a workspace or review-queue page from the cache (work-page-cache.ts): rendered once per
// account, address, interface language and state of what it shows; each request gets its own
// account header and CSRF token put in.
import type { Response } from 'express';
import { localeWorkDependencies } from '../../services/aids.js';
import type { ServiceDeps } from '../../services/deps.js';
import { actorOf, csrfToken } from '../auth.js';
import { translatorOf } from '../language.js';
import { assembleWorkPage, compressedWorkPage, CSRF_SLOT, type WorkPageCache } from '../work-page-cache.js';
import { accountNav } from './reader-page.js';

/**
 * Sends `view` rendered with `locals()`, from the cache when nothing it shows has changed. The
 * actor's permission is checked on every request, kept page or not.
 */
export async function serveWorkPage(
  deps: ServiceDeps,
  cache: WorkPageCache,
  res: Response,
  ref: { statementId: string; locale: string; purpose: 'translate' | 'review' },
  view: string,
  locals: () => Promise<Record<string, unknown>>,
): Promise<void> {
  const dependencies = await localeWorkDependencies(deps, actorOf(res), ref);
  const key = [translatorOf(res).lang, res.req.originalUrl, dependencies].join('\u0000');
  const page = await cache.page(key, async () => renderToString(res, view, { ...(await locals()), csrf: CSRF_SLOT }));
  const [csrf, nav] = [csrfToken(res.req), await accountNav(res)];
  // No ETag: the page is this session's alone and never stored (auth.ts sends no-store).
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Vary', 'Accept-Encoding');
  const encoding = res.req.acceptsEncodings('br', 'gzip', 'identity');
  let body: Buffer | string;
  if (encoding === 'br' || encoding === 'gzip') {
    body = compressedWorkPage(page, csrf, nav, encoding);
    // Already compressed: the compression middleware passes a response with Content-Encoding as it is.
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
  } else body = assembleWorkPage(page, csrf, nav);
  res.status(200).end(res.req.method === 'HEAD' ? undefined : body);
}

/** The view rendered as `res.render` would (with the response's locals), as a string. */
function renderToString(res: Response, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => res.render(view, locals, (error: Error | null, html?: string) => (error ? reject(error) : resolve(html ?? ''))));
}
