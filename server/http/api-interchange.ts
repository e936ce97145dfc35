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
import { presentReport } from './presenters/interchange.js';
import { inputOf, sidLocale, validate } from './validate.js';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
const exportQuery = z.object({ format: z.enum(EXPORT_FORMATS) });
const importQuery = z.object({ format: z.enum(IMPORT_FORMATS).optional(), dryRun: flag, approve: flag });

/** `attachment; filename="..."`: the file name is made of a slug, a locale tag and an extension. */
export const attachment = (fileName: string) => `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;

export function interchangeApi(deps: ServiceDeps): Router {
  const api = Router();
  const path = '/statements/:sid/translations/:locale/export';

  api.get(path, validate({ params: sidLocale, query: exportQuery }), async (_req, res) => {
    const { sid, locale } = inputOf<z.infer<typeof sidLocale>>(res, 'params');
    const { format } = inputOf<z.infer<typeof exportQuery>>(res, 'query');
    const file = await exportTranslations(deps, actorOf(res), { statementId: sid, locale, format });
    res.type(file.contentType).set('Content-Disposition', attachment(file.fileName)).send(file.body);
  });

  api.post(path, validate({ params: sidLocale, query: importQuery }), async (_req, res) => {
    const { sid, locale } = inputOf<z.infer<typeof sidLocale>>(res, 'params');
    const q = inputOf<z.infer<typeof importQuery>>(res, 'query');
    if (res.locals.uploadError) throw res.locals.uploadError;
    const bytes = (res.locals.upload as Buffer | undefined) ?? Buffer.alloc(0);
    const report = await importTranslations(deps, actorOf(res), {
      statementId: sid,
      locale,
      bytes,
      ...(q.format ? { format: q.format } : {}),
      dryRun: q.dryRun,
      approve: q.approve,
    });
    res.json(presentReport(report, res.locals.tr));
  });

  return api;
}
