// The files page of a locale (/files/:sid/:locale): download the translations for a CAT tool
// (XLIFF 1.2, XLIFF 2.0, PO, JSON: links to the API export) and upload a file back. A plain
// multipart form (parsed by interchange-body.ts, CSRF-checked like every form): works without
// JavaScript. The answer is the page again with the report of every unit.
import { Router, type Response } from 'express';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { IMPORT_FORMATS, type ExportFormat } from '../../domain/interchange/types.js';
import type { ServiceDeps } from '../../services/deps.js';
import { importTranslations, openInterchange } from '../../services/interchange.js';
import { requireLocale } from '../../services/locales.js';
import { actorOf, csrfToken, requireLogin } from '../auth.js';
import { STATUS_OF } from '../errors.js';
import { translatorOf } from '../language.js';
import { localParams, presentReport } from '../presenters/interchange.js';
import { localeView } from '../presenters/work.js';
import { sidLocale, validate } from '../validate.js';

const uploadFields = z.object({
  format: z.enum(['auto', ...IMPORT_FORMATS]).default('auto'),
  dryRun: z.literal('true').optional(),
  approve: z.literal('true').optional(),
});
const filesRoute = validate({ params: sidLocale });
const uploadRoute = validate({ params: sidLocale, body: uploadFields });

/** Most CAT tools first. */
const DOWNLOAD_ORDER: readonly ExportFormat[] = ['xliff20', 'xliff12', 'po', 'json'];

/** Refusals of the file the volunteer can fix: shown on the page, never as an error page. */
const FIXABLE = new Set(['invalid_input', 'too_large']);

export function interchangePages(deps: ServiceDeps): Router {
  const pages = Router();

  async function page(res: Response, sid: string, locale: string, extra: { report?: ReturnType<typeof presentReport>; error?: string } = {}) {
    const { statement, mayApprove } = await openInterchange(deps, actorOf(res), { statementId: sid, locale });
    const base = `/api/v1/statements/${statement.id}/translations/${locale}/export`;
    res.render('interchange', {
      statement: { id: statement.id, title: statement.title, sourceLocale: statement.sourceLocale },
      locale: localeView(await requireLocale(deps, locale)),
      downloads: DOWNLOAD_ORDER.map((format) => ({ format, href: `${base}?format=${format}` })),
      mayApprove,
      csrf: csrfToken(res.req),
      report: extra.report,
      error: extra.error,
    });
  }

  pages.get('/files/:sid/:locale', requireLogin, filesRoute, async (_req, res) => {
    const { sid, locale } = filesRoute.input(res).params;
    await page(res, sid, locale);
  });

  pages.post('/files/:sid/:locale', requireLogin, uploadRoute, async (_req, res) => {
    const {
      params: { sid, locale },
      body: form,
    } = uploadRoute.input(res);
    const tr = translatorOf(res);
    try {
      const report = await importTranslations(deps, actorOf(res), {
        statementId: sid,
        locale,
        bytes: res.locals.upload ?? Buffer.alloc(0),
        ...(form.format === 'auto' ? {} : { format: form.format }),
        dryRun: form.dryRun === 'true',
        approve: form.approve === 'true',
      });
      await page(res, sid, locale, { report: presentReport(report, tr) });
    } catch (e) {
      if (!(e instanceof DomainError) || !FIXABLE.has(e.code)) throw e;
      res.status(STATUS_OF[e.code]);
      await page(res, sid, locale, { error: tr.t(`errors.${e.key}`, localParams(e.params, tr)) });
    }
  });

  return pages;
}
