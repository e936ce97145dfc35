// JSON API /api/v1 (DESIGN.md "HTTP surface"). Thin: validate, call one service, present.
import { Router } from 'express';
import { z } from 'zod';
import { disableLocale, enableLocale, listLocales } from '../services/locales.js';
import { getProgress } from '../services/editions.js';
import { listStatements, requireStatement } from '../services/statements.js';
import { listTranslations, restoreRevision, reviewTranslation, saveTranslation, toView } from '../services/translations.js';
import type { Translation } from '../domain/types.js';
import type { ServiceDeps } from '../services/deps.js';
import { aidsApi } from './api-aids.js';
import { interchangeApi } from './api-interchange.js';
import { editionsApi } from './api-editions.js';
import { actorOf } from './auth.js';
import { translatorOf } from './language.js';
import { presentLocale, presentProgress } from './presenters/api.js';
import { presentChecks } from './presenters/checks.js';
import { presentStatement } from './presenters/statements.js';
import { statementsApi } from './api-statements.js';
import { localeTag, segmentOf, sidLocale, sidLocaleSegment, statementId, translationText, validate } from './validate.js';

// `text` may be left out only to keep the original, as the workspace's button does: the source itself.
const saveBody = z
  .object({
    text: translationText.optional(),
    baseRevision: z.number().int().min(0),
    action: z.enum(['save', 'submit']),
    confirmWarnings: z.union([z.boolean(), z.array(z.string().max(40)).max(20)]).optional(),
    keepOriginal: z.boolean().optional(),
  })
  .refine((b) => b.text !== undefined || b.keepOriginal === true, { path: ['text'], message: 'text is required' })
  .transform((b) => ({ ...b, text: b.text ?? '' }));
const reviewBody = z.object({
  decision: z.enum(['approve', 'request_changes']),
  revision: z.number().int().min(0),
  comment: z.string().max(5000).optional(),
});
const restoreBody = z.object({ revision: z.number().int().min(1), baseRevision: z.number().int().min(0) });
const localeBody = z.object({ tag: z.string().min(1).max(100), nativeName: z.string().max(100).optional() });

const statementRoute = validate({ params: z.object({ sid: statementId }) });
const translationsRoute = validate({ params: sidLocale });
const saveRoute = validate({ params: sidLocaleSegment, body: saveBody });
const reviewRoute = validate({ params: sidLocaleSegment, body: reviewBody });
const restoreRoute = validate({ params: sidLocaleSegment, body: restoreBody });
const localeRoute = validate({ body: localeBody });
const disableLocaleRoute = validate({ params: z.object({ tag: localeTag }) });

export function apiRouter(deps: ServiceDeps): Router {
  const api = Router();

  api.get('/statements', async (_req, res) => {
    res.json(await listStatements(deps));
  });

  api.get('/statements/:sid', statementRoute, async (_req, res) => {
    res.json(presentStatement(await requireStatement(deps, statementRoute.input(res).params.sid)));
  });

  api.get('/statements/:sid/progress', statementRoute, async (_req, res) => {
    res.json(presentProgress(await getProgress(deps, statementRoute.input(res).params.sid)));
  });

  // A locale's list is one frozen array until a translation of it changes (store/interface.ts):
  // its JSON is written once per such array.
  const listed = new WeakMap<readonly Translation[], string>();
  api.get('/statements/:sid/translations/:locale', translationsRoute, async (_req, res) => {
    const { sid, locale } = translationsRoute.input(res).params;
    const list = await listTranslations(deps, actorOf(res), sid, locale);
    let body = listed.get(list);
    if (body === undefined) listed.set(list, (body = JSON.stringify(list.map(toView))));
    res.type('json').send(body);
  });

  api.put('/statements/:sid/translations/:locale/:segmentId', saveRoute, async (_req, res) => {
    const { translation, checks } = await saveTranslation(deps, actorOf(res), segmentOf(saveRoute.input(res)));
    const tr = translatorOf(res);
    res.json({
      ...toView(translation),
      statusLabel: tr.t(`status.${translation.status}`),
      checks: presentChecks(checks, tr),
    });
  });

  api.post('/statements/:sid/translations/:locale/:segmentId/review', reviewRoute, async (_req, res) => {
    const t = await reviewTranslation(deps, actorOf(res), segmentOf(reviewRoute.input(res)));
    res.json(toView(t));
  });

  /** Brings back an earlier revision's text as a new draft revision (editors and admins of the locale). */
  api.post('/statements/:sid/translations/:locale/:segmentId/restore', restoreRoute, async (_req, res) => {
    const t = await restoreRevision(deps, actorOf(res), segmentOf(restoreRoute.input(res)));
    res.json(toView(t));
  });

  api.get('/locales', async (_req, res) => {
    res.json((await listLocales(deps)).map(presentLocale));
  });

  api.post('/locales', localeRoute, async (_req, res) => {
    const { body } = localeRoute.input(res);
    res.status(201).json(presentLocale(await enableLocale(deps, actorOf(res), body)));
  });

  api.use(statementsApi(deps)); // create, archive, correct the source (api-statements.ts)
  // Disabling keeps the locale's translations; POST /locales with its tag brings them back.
  api.post('/locales/:tag/disable', disableLocaleRoute, async (_req, res) => {
    const { tag } = disableLocaleRoute.input(res).params;
    res.json({ ...presentLocale(await disableLocale(deps, actorOf(res), tag)), disabled: true });
  });

  api.use(aidsApi(deps)); // checks while typing, translation memory, glossary (api-aids.ts)
  api.use(interchangeApi(deps)); // XLIFF, PO and JSON files in and out (api-interchange.ts)
  api.use(editionsApi(deps)); // published editions (api-editions.ts)
  return api;
}
