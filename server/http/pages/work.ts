// Translators' and editors' pages: workspace, review queue, history. Plain forms work without
// JavaScript; public/js/workspace.js adds saving in place and keyboard shortcuts.
import { Router, type Response } from 'express';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { can } from '../../domain/permissions.js';
import { localeProgress } from '../../domain/progress.js';
import { diffText, unchanged } from '../../domain/text-diff.js';
import { STATUSES, type Status } from '../../domain/types.js';
import { accountNames } from '../../services/accounts.js';
import type { ServiceDeps } from '../../services/deps.js';
import {
  normalizeText,
  restoreRevision,
  reviewTranslation,
  saveTranslation,
  translationHistory,
  type TranslationView,
} from '../../services/translations.js';
import { actorOf, csrfToken, requireLogin } from '../auth.js';
import { canKeepOriginal } from '../../domain/limits.js';
import { openLocaleWork } from '../../services/aids.js';
import { keepRemainingOriginal } from '../../services/keep-original.js';
import { rowAids } from '../presenters/aids.js';
import { progressView } from '../presenters/edition.js';
import { localeView, workRows } from '../presenters/work.js';
import { revision, segmentOf, sidLocale, sidLocaleSegment, validate } from '../validate.js';
import { translatorOf } from '../language.js';

const filterQuery = z.object({
  status: z.enum(['all', 'warnings', ...STATUSES]).default('all'),
  kept: z.coerce.number().int().min(0).max(1_000_000).optional(), // after "keep all remaining names"
});
type Filter = Status | 'all' | 'warnings';
const saveForm = z.object({
  text: z.string().max(20_000),
  baseRevision: revision,
  action: z.enum(['save', 'submit', 'keep_original']),
  confirmWarnings: z.literal('true').optional(),
});
const reviewForm = z.object({
  decision: z.enum(['approve', 'request_changes']),
  revision,
  comment: z.string().max(5000).optional(),
});
const restoreForm = z.object({ revision, baseRevision: revision });

const workspaceRoute = validate({ params: sidLocale, query: filterQuery });
const localeRoute = validate({ params: sidLocale });
const segmentRoute = validate({ params: sidLocaleSegment });
const saveRoute = validate({ params: sidLocaleSegment, body: saveForm });
const reviewRoute = validate({ params: sidLocaleSegment, body: reviewForm });
const restoreRoute = validate({ params: sidLocaleSegment, body: restoreForm });

interface Ref {
  sid: string;
  locale: string;
  segmentId: string;
}

export function workPages(deps: ServiceDeps): Router {
  const pages = Router();
  const guard = [requireLogin];

  async function workspace(res: Response, sid: string, locale: string, filter: Filter, extra: Record<string, unknown> = {}) {
    // Translator aids (presenters/aids.ts): checks, glossary terms, other languages, next links.
    const actor = actorOf(res);
    const aids = await openLocaleWork(deps, actor, { statementId: sid, locale, purpose: 'translate' });
    const { statement, info, translations } = aids;
    const tr = translatorOf(res);
    const listed = workRows(statement, translations, tr, (s) => filter === 'all' || filter === 'warnings' || s === filter);
    // Every segment's checks: the filter and the "next with warnings" links need them (cached per revision).
    const checks = aids.checksOf(statement.segments.map((s) => s.id));
    const shown = filter === 'warnings' ? listed.filter((r) => checks.get(r.id)?.some((c) => c.severity === 'warning')) : listed;
    const rowExtras = rowAids({ ...aids, checks, statement, locale, translations, tr, pageUrl: `/translate/${sid}/${locale}`, shown: new Set(shown.map((r) => r.id)) });
    res.render('translate', {
      statement,
      locale: localeView(info),
      filter,
      filters: ['all', 'warnings', ...STATUSES].map((s) => ({
        value: s,
        label: s === 'all' ? tr.t('workspace.all') : s === 'warnings' ? tr.t('aids.filter_warnings') : tr.t(`status.${s}`),
      })),
      rows: shown.map((row) => ({ ...row, ...rowExtras.get(row.id)! })),
      mayKeepAll: can(actor, 'review', locale) && statement.segments.some((s) => canKeepOriginal(s) && !translations.some((t) => t.segmentId === s.id)),
      mayKeepGlossary: can(actor, 'keep_glossary', locale),
      progress: progressView(localeProgress(statement.segments, translations), tr),
      csrf: csrfToken(res.req),
      conflict: undefined,
      ...extra,
    });
  }

  pages.get('/translate/:sid/:locale', ...guard, workspaceRoute, async (_req, res) => {
    const { params: { sid, locale }, query } = workspaceRoute.input(res);
    const kept = query.kept === undefined ? {} : { kept: translatorOf(res).plural('aids.keep_all_done', query.kept) };
    await workspace(res, sid, locale, query.status, kept);
  });

  pages.post(
    '/translate/:sid/:locale/:segmentId',
    ...guard,
    saveRoute,
    async (_req, res) => {
      const { params: p, body } = saveRoute.input(res);
      try {
        // "Keep original" submits the source itself (a name); warnings need the confirmation box.
        const keep = body.action === 'keep_original';
        await saveTranslation(deps, actorOf(res), {
          statementId: p.sid, locale: p.locale, segmentId: p.segmentId, baseRevision: body.baseRevision,
          text: keep ? '' : body.text, action: body.action === 'keep_original' ? 'submit' : body.action,
          keepOriginal: keep, confirmWarnings: keep || body.confirmWarnings === 'true',
        });
      } catch (e) {
        // A stale save: show the newer text beside the translator's own instead of overwriting.
        if (e instanceof DomainError && (e.code === 'conflict' || e.code === 'checks_failed' || e.code === 'warnings_unconfirmed')) {
          res.status(e.code === 'conflict' ? 409 : 422);
          const tr = translatorOf(res);
          const checks = (e.details?.checks as { key: string; params?: Record<string, string | number> }[] | undefined) ?? [];
          const current = (e.details?.current as TranslationView | null | undefined) ?? null;
          return workspace(res, p.sid, p.locale, 'all', {
            conflict: {
              segmentId: p.segmentId,
              mine: body.text,
              action: body.action,
              current,
              // The newer text before, the translator's after: what keeping theirs would change.
              diff: current ? diffText(current.text, normalizeText(body.text), p.locale) : [],
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

  pages.get('/review/:sid/:locale', ...guard, localeRoute, async (_req, res) => {
    const { sid, locale } = localeRoute.input(res).params;
    const actor = actorOf(res);
    const aids = await openLocaleWork(deps, actor, { statementId: sid, locale, purpose: 'review' });
    const { statement, info, translations } = aids;
    const tr = translatorOf(res);
    const byId = new Map(translations.map((t) => [t.segmentId, t]));
    const rows = workRows(statement, translations, tr, (s) => s === 'submitted');
    const shown = new Set(rows.map((r) => r.id));
    // Checks and aids of the segments shown only: the submitted ones.
    const rowExtras = rowAids({ ...aids, checks: aids.checksOf(shown), statement, locale, translations, tr, pageUrl: `/review/${sid}/${locale}`, shown });
    res.render('review', {
      statement,
      locale: localeView(info),
      rows: rows.map((row) => ({
        ...row,
        ...rowExtras.get(row.id)!,
        own: byId.get(row.id)?.author === actor!.id,
      })),
      progress: progressView(localeProgress(statement.segments, translations), tr),
      csrf: csrfToken(res.req),
    });
  });

  pages.post(
    '/review/:sid/:locale/:segmentId',
    ...guard,
    reviewRoute,
    async (_req, res) => {
      const input = segmentOf(reviewRoute.input(res));
      await reviewTranslation(deps, actorOf(res), input);
      res.redirect(303, `/review/${input.statementId}/${input.locale}`);
    },
  );

  // An editor keeps every remaining signatory and supporter name as in the source, at once.
  pages.post('/keep-original/:sid/:locale', ...guard, localeRoute, async (_req, res) => {
    const { sid, locale } = localeRoute.input(res).params;
    const { kept } = await keepRemainingOriginal(deps, actorOf(res), { statementId: sid, locale });
    res.redirect(303, `/translate/${sid}/${locale}?kept=${kept}`);
  });

  /** Every revision of one segment, each with its difference from the one before. */
  async function history(res: Response, p: Ref, notice?: string) {
    const actor = actorOf(res);
    const found = await translationHistory(deps, actor, { statementId: p.sid, locale: p.locale, segmentId: p.segmentId });
    const { statement, segment, translation, history: revisions } = found;
    const names = await accountNames(deps);
    const tr = translatorOf(res);
    const mayRestore = can(actor, 'review', p.locale);
    res.render('history', {
      statement,
      locale: localeView(found.locale),
      segment,
      csrf: csrfToken(res.req),
      notice,
      entries: revisions
        .map((h, i) => {
          const diff = i === 0 ? [] : diffText(revisions[i - 1]!.text, h.text, p.locale);
          return {
            id: `r${h.revision}`,
            revision: tr.number(h.revision),
            action:
              h.action === 'restore' && h.restoredFrom !== undefined
                ? tr.t('history.restore_from', { revision: tr.number(h.restoredFrom) })
                : tr.t(`history.${h.action}`),
            status: h.status,
            statusLabel: tr.t(`status.${h.status}`),
            text: h.text,
            first: i === 0,
            diff,
            textUnchanged: i > 0 && unchanged(diff),
            actor: names.get(h.actor) ?? '?',
            at: tr.dateTime(h.at),
            comment: h.comment,
            // Bringing back an earlier text is a review decision; the current text needs no restore.
            restore:
              mayRestore && translation && h.revision < translation.revision && h.text !== translation.text
                ? { revision: h.revision, baseRevision: translation.revision }
                : undefined,
          };
        })
        .reverse(),
    });
  }

  pages.get('/history/:sid/:locale/:segmentId', ...guard, segmentRoute, async (_req, res) => {
    await history(res, segmentRoute.input(res).params);
  });

  pages.post(
    '/history/:sid/:locale/:segmentId/restore',
    ...guard,
    restoreRoute,
    async (_req, res) => {
      const p = restoreRoute.input(res).params;
      let restored;
      try {
        restored = await restoreRevision(deps, actorOf(res), segmentOf(restoreRoute.input(res)));
      } catch (e) {
        // Someone changed the segment meanwhile: show the history as it is now, restore nothing.
        if (e instanceof DomainError && e.code === 'conflict') {
          res.status(409);
          return history(res, p, translatorOf(res).t('history.restore_conflict'));
        }
        throw e;
      }
      res.redirect(303, `/history/${p.sid}/${p.locale}/${p.segmentId}#r${restored.revision}`);
    },
  );

  return pages;
}
