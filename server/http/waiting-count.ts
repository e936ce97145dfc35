// The small count in the header of a signed-in volunteer's pages: their translations sent back
// and the submissions waiting for their review, in the interface language's digits. It is counted
// again only when a statement, a translation or a locale changed (or the account's grants).
import type { RequestHandler } from 'express';
import type { ServiceDeps } from '../services/deps.js';
import { waitingDependencies, whatIsWaiting } from '../services/waiting.js';
import { actorOf } from './auth.js';
import { isApi } from './errors.js';
import { translatorOf } from './language.js';
import { waitingCount } from './presenters/waiting.js';

/** Counts kept per account, with what they were counted from; at most this many accounts. */
const KEPT_COUNTS = 1000;

export function waitingInHeader(deps: ServiceDeps): RequestHandler {
  const counts = new Map<string, { key: string; count: number }>();
  return async (req, res, next) => {
    const actor = actorOf(res);
    if (!actor || res.locals.viaToken || req.method !== 'GET' || isApi(req.path) || req.path.startsWith('/fonts/')) return next();
    const key = waitingDependencies(deps, actor);
    let kept = counts.get(actor.id);
    if (kept?.key !== key) {
      kept = { key, count: waitingCount(await whatIsWaiting(deps, actor)) };
      if (counts.size >= KEPT_COUNTS) counts.clear();
      counts.set(actor.id, kept);
    }
    if (kept.count > 0) res.locals.waitingCount = translatorOf(res).plural('waiting.header', kept.count);
    next();
  };
}
