// Admins' statement pages: create a statement from Markdown (upload or paste, a preview of its
// segments before confirming), archive one; and the correction page (admins, and editors granted
// the statement's source locale): upload a corrected source, see each segment classified with a
// word diff, choose substantive or small fix per changed segment, apply. Plain forms, no script.
import { Router, type Response } from 'express';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { describeLocale } from '../../domain/locales.js';
import { decodeStatementSource } from '../../domain/segmenter.js';
import { statementDate, type SegmentChange } from '../../domain/statement-revision.js';
import { diffText } from '../../domain/text-diff.js';
import type { Statement } from '../../domain/types.js';
import type { Translator } from '../../i18n/index.js';
import { correctSource, openCorrection } from '../../services/corrections.js';
import type { ServiceDeps } from '../../services/deps.js';
import { listLocales } from '../../services/locales.js';
import { archiveStatement, createStatementFromMarkdown, listAllStatements } from '../../services/statements.js';
import { isoDate } from '../api-statements.js';
import { actorOf, csrfToken, requireLogin } from '../auth.js';
import { STATUS_OF } from '../errors.js';
import { translatorOf } from '../language.js';
import { statementId, validate } from '../validate.js';

/** Pasted text, or the uploaded file's bytes (statement-bodies.ts), as text; refused unless UTF-8. */
const markdownInput = z
  .union([z.string().max(500_000), z.instanceof(Buffer)])
  .optional()
  .transform((v) => v ?? '');
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => v?.trim() || undefined);
const createForm = z.object({
  markdown: markdownInput,
  title: optionalText(500),
  date: z
    .union([isoDate, z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  sourceLocale: z.string().min(1).max(64),
  id: z
    .union([statementId, z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  step: z.enum(['preview', 'create']).default('preview'),
});
/** One radio group per changed segment, `fix-s12`: "substantive" (the default) or "small". */
const FIX_FIELD = /^fix-(s[0-9]{1,6})$/;
const correctionForm = z
  .object({ markdown: markdownInput, step: z.enum(['preview', 'apply']).default('preview') })
  .catchall(z.unknown())
  .superRefine((body, ctx) => {
    for (const [key, value] of Object.entries(body)) {
      if (key === 'markdown' || key === 'step' || key === '_csrf') continue;
      if (!FIX_FIELD.test(key) || (value !== 'substantive' && value !== 'small')) ctx.addIssue({ code: 'custom', path: [key], message: 'unknown field' });
    }
  })
  .transform((body) => ({
    markdown: body.markdown,
    step: body.step,
    smallFixes: Object.entries(body).flatMap(([key, value]) => (value === 'small' ? [FIX_FIELD.exec(key)![1]!] : [])),
  }));
const sidParams = z.object({ sid: statementId });
const doneQuery = z.object({ created: statementId.optional(), revision: z.coerce.number().int().min(1).optional() });

const listRoute = validate({ query: doneQuery });
const createRoute = validate({ body: createForm });
const archiveRoute = validate({ params: sidParams });
const correctionRoute = validate({ params: sidParams, query: doneQuery });
const correctRoute = validate({ params: sidParams, body: correctionForm });

/** Bytes of an uploaded file are decoded strictly (not UTF-8 is refused with the reason). */
const asText = (v: string | Buffer): string => (typeof v === 'string' ? v : decodeStatementSource(v));

/** Refusals shown on the form itself, in the interface language; anything else goes on. */
function formError(res: Response, e: unknown): { status: number; message: string } {
  if (e instanceof DomainError && ['invalid_input', 'import_failed', 'duplicate', 'conflict', 'too_large'].includes(e.code)) {
    return { status: STATUS_OF[e.code], message: translatorOf(res).t(`errors.${e.key}`, e.params) };
  }
  throw e;
}

export function statementAdminPages(deps: ServiceDeps): Router {
  const pages = Router();

  async function listPage(res: Response, status: number, extra: Record<string, unknown> = {}) {
    const tr = translatorOf(res);
    const statements = (await listAllStatements(deps, actorOf(res))).map((s) => ({
      id: s.id,
      title: s.title,
      date: statementDate(s) ? tr.date(`${statementDate(s)}T12:00:00Z`) : '', // a calendar day: noon UTC is that day everywhere
      source: describeLocale({ tag: s.sourceLocale }),
      sourceRevision: tr.number(s.sourceRevision),
      segmentCount: tr.number(s.segments.length),
      archived: s.archived === true,
    }));
    const locales = await listLocales(deps);
    const tags = [...new Set(['en', ...locales.map((l) => l.tag)])].map((tag) => describeLocale(locales.find((l) => l.tag === tag) ?? { tag }));
    res.status(status).render('statements-admin', {
      statements,
      locales: tags,
      csrf: csrfToken(res.req),
      form: { title: '', date: '', sourceLocale: 'en', id: '', markdown: '' },
      preview: undefined,
      error: undefined,
      created: undefined,
      ...extra,
    });
  }

  pages.get('/admin/statements', requireLogin, listRoute, async (_req, res) => {
    await listPage(res, 200, { created: listRoute.input(res).query.created });
  });

  pages.post('/admin/statements', requireLogin, createRoute, async (_req, res) => {
    const { body } = createRoute.input(res);
    const form = { title: body.title ?? '', date: body.date ?? '', sourceLocale: body.sourceLocale, id: body.id ?? '', markdown: '' };
    let statement: Statement;
    try {
      const markdown = asText(body.markdown);
      form.markdown = markdown;
      statement = await createStatementFromMarkdown(deps, actorOf(res), { ...body, markdown, dryRun: body.step === 'preview' });
    } catch (e) {
      const { status, message } = formError(res, e);
      return listPage(res, status, { form, error: message });
    }
    if (body.step === 'create') return res.redirect(303, `/admin/statements?created=${statement.id}`);
    const tr = translatorOf(res);
    await listPage(res, 200, {
      form: { ...form, id: statement.id, title: statement.title },
      preview: {
        id: statement.id,
        title: statement.title,
        lang: statement.sourceLocale,
        dir: describeLocale({ tag: statement.sourceLocale }).direction,
        segments: statement.segments.map((s) => ({
          id: s.id,
          kind: tr.t(`statements_admin.kinds.${s.kind}`),
          source: s.source,
          listNumber: s.listNumber,
        })),
      },
    });
  });

  pages.post('/admin/statements/:sid/archive', requireLogin, archiveRoute, async (_req, res) => {
    await archiveStatement(deps, actorOf(res), archiveRoute.input(res).params.sid);
    res.redirect(303, '/admin/statements');
  });

  async function correctionPage(res: Response, statement: Statement, status: number, extra: Record<string, unknown> = {}) {
    res.status(status).render('correction', {
      statement,
      source: describeLocale({ tag: statement.sourceLocale }),
      csrf: csrfToken(res.req),
      markdown: '',
      changes: undefined,
      error: undefined,
      done: undefined,
      ...extra,
    });
  }

  pages.get('/correct/:sid', requireLogin, correctionRoute, async (_req, res) => {
    const { params, query } = correctionRoute.input(res);
    const statement = await openCorrection(deps, actorOf(res), params.sid);
    const { revision } = query;
    const tr = translatorOf(res);
    await correctionPage(res, statement, 200, revision ? { done: tr.t('statements_admin.correction_applied', { revision: tr.number(revision) }) } : {});
  });

  pages.post('/correct/:sid', requireLogin, correctRoute, async (_req, res) => {
    const {
      params: { sid },
      body,
    } = correctRoute.input(res);
    const statement = await openCorrection(deps, actorOf(res), sid);
    let markdown = '';
    try {
      markdown = asText(body.markdown);
      const result = await correctSource(deps, actorOf(res), { statementId: sid, markdown, dryRun: body.step === 'preview', smallFixes: body.smallFixes });
      if (result.applied) return res.redirect(303, `/correct/${sid}?revision=${result.sourceRevision}`);
      await correctionPage(res, statement, 200, { markdown, changes: presentChanges(result.changes, statement.sourceLocale, translatorOf(res)) });
    } catch (e) {
      const { status, message } = formError(res, e);
      await correctionPage(res, statement, status, { markdown, error: message });
    }
  });

  return pages;
}

/** Each segment's fate, with a word diff for changed ones; changed ones first, then the rest in order. */
function presentChanges(changes: SegmentChange[], locale: string, tr: Translator) {
  return changes.map((c) => {
    const segment = c.type === 'removed' ? c.previous : c.segment;
    return {
      type: c.type,
      label: tr.t(`statements_admin.change.${c.type}`),
      segmentId: segment.id,
      text: segment.source,
      diff: c.type === 'changed' ? diffText(c.previous.source, c.segment.source, locale) : undefined,
    };
  });
}
