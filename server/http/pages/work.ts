// Translators' and editors' pages: workspace, review queue, history. Plain forms work without
// JavaScript; public/js/workspace.js adds saving in place and keyboard shortcuts.
import { Router, type Response } from 'express';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { can } from '../../domain/permissions.js';
import { localeProgress } from '../../domain/progress.js';
import { STATUSES, type Status } from '../../domain/types.js';
import type { Translator } from '../../i18n/index.js';
import { accountNames } from '../../services/accounts.js';
import type { ServiceDeps } from '../../services/deps.js';
import { requireLocale } from '../../services/locales.js';
import { requireStatement } from '../../services/statements.js';
import { listTranslations, reviewTranslation, saveTranslation, translationHistory } from '../../services/translations.js';
import { actorOf, csrfToken, requireLogin } from '../auth.js';
import { progressView } from '../presenters/edition.js';
import { localeView, workRows } from '../presenters/work.js';
import { inputOf, revision, sidLocale, sidLocaleSegment, validate } from '../validate.js';

const filterQuery = z.object({ status: z.enum(['all', ...STATUSES]).default('all') });
const saveForm = z.object({
  text: z.string().max(20_000),
  baseRevision: revision,
  action: z.enum(['save', 'submit']),
});
const reviewForm = z.object({
  decision: z.enum(['approve', 'request_changes']),
  revision,
  comment: z.string().max(5000).optional(),
});

type Ref = { sid: string; locale: string; segmentId: string };

export function workPages(deps: ServiceDeps): Router {
  const pages = Router();
  const guard = [requireLogin];

  async function workspace(res: Response, sid: string, locale: string, filter: Status | 'all', extra: Record<string, unknown> = {}) {
    const actor = actorOf(res);
    if (!can(actor, 'translate', locale)) throw new DomainError('forbidden');
    const statement = await requireStatement(deps, sid);
    const info = await requireLocale(deps, locale);
    const translations = await listTranslations(deps, actor, sid, locale);
    const tr: Translator = res.locals.tr;
    res.render('translate', {
      statement,
      locale: localeView(info),
      filter,
      filters: ['all', ...STATUSES].map((s) => ({ value: s, label: s === 'all' ? tr.t('workspace.all') : tr.t(`status.${s}`) })),
      rows: workRows(statement, translations, tr, (s) => filter === 'all' || s === filter),
      progress: progressView(localeProgress(statement.segments, translations), tr),
      csrf: csrfToken(res.req),
      conflict: undefined,
      ...extra,
    });
  }

  pages.get('/translate/:sid/:locale', ...guard, validate({ params: sidLocale, query: filterQuery }), async (_req, res) => {
    const { sid, locale } = inputOf<{ sid: string; locale: string }>(res, 'params');
    await workspace(res, sid, locale, inputOf<{ status: Status | 'all' }>(res, 'query').status);
  });

  pages.post(
    '/translate/:sid/:locale/:segmentId',
    ...guard,
    validate({ params: sidLocaleSegment, body: saveForm }),
    async (_req, res) => {
      const p = inputOf<Ref>(res, 'params');
      const body = inputOf<z.infer<typeof saveForm>>(res, 'body');
      try {
        await saveTranslation(deps, actorOf(res), { statementId: p.sid, locale: p.locale, segmentId: p.segmentId, ...body });
      } catch (e) {
        // A stale save: show the newer text beside the translator's own instead of overwriting.
        if (e instanceof DomainError && (e.code === 'conflict' || e.code === 'checks_failed')) {
          res.status(e.code === 'conflict' ? 409 : 422);
          const tr: Translator = res.locals.tr;
          const checks = (e.details?.checks as { key: string; params?: Record<string, string | number> }[] | undefined) ?? [];
          return workspace(res, p.sid, p.locale, 'all', {
            conflict: {
              segmentId: p.segmentId,
              mine: body.text,
              current: e.details?.current ?? null,
              message: tr.t(`errors.${e.key}`),
              checks: checks.map((c) => tr.t(c.key, c.params)),
            },
          });
        }
        throw e;
      }
      res.redirect(303, `/translate/${p.sid}/${p.locale}#${p.segmentId}`);
    },
  );

  pages.get('/review/:sid/:locale', ...guard, validate({ params: sidLocale }), async (_req, res) => {
    const { sid, locale } = inputOf<{ sid: string; locale: string }>(res, 'params');
    const actor = actorOf(res);
    if (!can(actor, 'review', locale)) throw new DomainError('forbidden');
    const statement = await requireStatement(deps, sid);
    const info = await requireLocale(deps, locale);
    const translations = await listTranslations(deps, actor, sid, locale);
    const tr: Translator = res.locals.tr;
    const byId = new Map(translations.map((t) => [t.segmentId, t]));
    res.render('review', {
      statement,
      locale: localeView(info),
      rows: workRows(statement, translations, tr, (s) => s === 'submitted').map((row) => ({
        ...row,
        own: byId.get(row.id)?.author === actor!.id,
      })),
      progress: progressView(localeProgress(statement.segments, translations), tr),
      csrf: csrfToken(res.req),
    });
  });

  pages.post(
    '/review/:sid/:locale/:segmentId',
    ...guard,
    validate({ params: sidLocaleSegment, body: reviewForm }),
    async (_req, res) => {
      const p = inputOf<Ref>(res, 'params');
      const body = inputOf<z.infer<typeof reviewForm>>(res, 'body');
      await reviewTranslation(deps, actorOf(res), { statementId: p.sid, locale: p.locale, segmentId: p.segmentId, ...body });
      res.redirect(303, `/review/${p.sid}/${p.locale}`);
    },
  );

  pages.get('/history/:sid/:locale/:segmentId', ...guard, validate({ params: sidLocaleSegment }), async (_req, res) => {
    const p = inputOf<Ref>(res, 'params');
    const translation = await translationHistory(deps, actorOf(res), { statementId: p.sid, locale: p.locale, segmentId: p.segmentId });
    const statement = await requireStatement(deps, p.sid);
    const segment = statement.segments.find((s) => s.id === p.segmentId)!;
    const names = await accountNames(deps);
    const tr: Translator = res.locals.tr;
    res.render('history', {
      statement,
      locale: localeView(await requireLocale(deps, p.locale)),
      segment,
      entries: [...(translation?.history ?? [])].reverse().map((h) => ({
        revision: tr.number(h.revision),
        action: tr.t(`history.${h.action}`),
        status: h.status,
        statusLabel: tr.t(`status.${h.status}`),
        text: h.text,
        actor: names.get(h.actor) ?? '?',
        at: tr.dateTime(h.at),
        comment: h.comment,
      })),
    });
  });

  return pages;
}
