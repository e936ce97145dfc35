// Files for translation tools through the API: GET .../export?format= downloads a locale's
// translations as XLIFF 1.2, XLIFF 2.0, PO or JSON; POST to the same path imports a file sent as
// the body (parsed by interchange-body.ts) and answers a report per unit; `dryRun=true` stores
// nothing. Thin: validate, call one service, present.
import { Router } from 'express';
import { z } from 'zod';
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../domain/interchange/types.js';
import type { ServiceDeps } from '../services/deps.js';
import { exportTranslations, importTranslations } from '../services/interchange.js';
import { actorOf } from './auth.js';
import { translatorOf } from './language.js';
import { presentReport } from './presenters/interchange.js';
import { sidLocale, validate } from './validate.js';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
const exportQuery = z.object({ format: z.enum(EXPORT_FORMATS) });
const importQuery = z.object({ format: z.enum(IMPORT_FORMATS).optional(), dryRun: flag, approve: flag });

const exportRoute = validate({ params: sidLocale, query: exportQuery });
const importRoute = validate({ params: sidLocale, query: importQuery });

/** `attachment; filename="..."`: the file name is made of a slug, a locale tag and an extension. */
export const attachment = (fileName: string) => `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;

export function interchangeApi(deps: ServiceDeps): Router {
  const api = Router();
  const path = '/statements/:sid/translations/:locale/export';

  api.get(path, exportRoute, async (_req, res) => {
    const {
      params: { sid, locale },
      query: { format },
    } = exportRoute.input(res);
    const file = await exportTranslations(deps, actorOf(res), { statementId: sid, locale, format });
    res.type(file.contentType).set('Content-Disposition', attachment(file.fileName)).send(file.body);
  });

  api.post(path, importRoute, async (_req, res) => {
    const {
      params: { sid, locale },
      query: q,
    } = importRoute.input(res);
    if (res.locals.uploadError) throw res.locals.uploadError;
    const bytes = res.locals.upload ?? Buffer.alloc(0);
    const report = await importTranslations(deps, actorOf(res), {
      statementId: sid,
      locale,
      bytes,
      ...(q.format ? { format: q.format } : {}),
      dryRun: q.dryRun,
      approve: q.approve,
    });
    res.json(presentReport(report, translatorOf(res)));
  });

  return api;
}
