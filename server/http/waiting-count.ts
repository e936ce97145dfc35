// The small count in the header of a signed-in volunteer's pages: their translations sent back
// and the submissions waiting for their review, in the interface language's digits.
import type { RequestHandler } from 'express';
import type { ServiceDeps } from '../services/deps.js';
import { whatIsWaiting } from '../services/waiting.js';
import { actorOf } from './auth.js';
import { isApi } from './errors.js';
import { translatorOf } from './language.js';
import { waitingCount } from './presenters/waiting.js';

export function waitingInHeader(deps: ServiceDeps): RequestHandler {
  return async (req, res, next) => {
    const actor = actorOf(res);
    if (!actor || res.locals.viaToken || req.method !== 'GET' || isApi(req.path) || req.path.startsWith('/fonts/')) return next();
    const count = waitingCount(await whatIsWaiting(deps, actor));
    if (count > 0) res.locals.waitingCount = translatorOf(res).plural('waiting.header', count);
    next();
  };
}
