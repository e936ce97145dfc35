// Translators' and editors' pages: workspace, review queue, history. Plain forms work without
// JavaScript; public/js/workspace/ adds saving in place and keyboard shortcuts.
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
import { STATUS_OF } from '../errors.js';
import { showFontsOf } from '../fonts.js';
import { canKeepOriginal } from '../../domain/limits.js';
import { openLocaleWork } from '../../services/aids.js';
import { keepRemainingOriginal } from '../../services/keep-original.js';
import { rowAids } from '../presenters/aids.js';
import { progressView } from '../presenters/edition.js';
import { localeView, workRows } from '../presenters/work.js';
import { publishedWork } from '../presenters/published-work.js';
import { publishFormModel, PUBLISHING_CSS } from './publishing.js';
import { invalidField, segmentId, revision, segmentOf, sidLocale, sidLocaleSegment, translationText, validate } from '../validate.js';
import { translatorOf } from '../language.js';
import { PAGE_SIZE, planWorkspace, SECTIONS, type SectionKey, type WorkspacePlan } from '../presenters/outline.js';
import { outlineView } from '../presenters/workspace.js';
import { WorkPageCache } from '../work-page-cache.js';
import { serveWorkPage } from './work-page.js';

const filterQuery = z.object({
  status: z.enum(['all', 'warnings', ...STATUSES]).default('all'),
  kept: z.coerce.number().int().min(0).max(1_000_000).optional(), // after "keep all remaining names"
  section: z.enum(SECTIONS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  seg: segmentId.optional(), // open the section and page holding this segment
});
type Filter = Status | 'all' | 'warnings';
const saveForm = z.object({
  text: translationText,
  baseRevision: revision,
  action: z.enum(['save', 'submit', 'keep_original']),
  confirmWarnings: z.literal('true').optional(),
});
/** Only the text of a save form, to give it back when the rest of the form is refused. */
const keptText = z.object({ text: z.string() });
/** Refusals a translator can act on: the workspace again, with the reason and the text kept. */
const SAVE_REFUSALS: readonly string[] = ['conflict', 'checks_failed', 'warnings_unconfirmed', 'too_large', 'invalid_input', 'invalid_transition'];
const reviewForm = z.object({
  decision: z.enum(['approve', 'request_changes']),
  revision,
  comment: z.string().max(5000).optional(),
});
const restoreForm = z.object({ revision, baseRevision: revision });
const keepAllForm = z.object({ section: z.enum(['signatory', 'supporter']).optional() });
const reviewQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  /** What the last review decision was, for the notice on the queue it leads back to. */
  done: z.enum(['approved', 'changes_requested']).optional(),
});
/** A review refused with a reason the editor can act on: the queue again, the reason beside the comment. */
const REVIEW_REFUSALS: readonly string[] = ['invalid_input', 'conflict', 'invalid_transition'];
interface ReviewRefusal {
  segmentId: string;
  message: string;
  comment: string;
}

const workspaceRoute = validate({ params: sidLocale, query: filterQuery });
const segmentRoute = validate({ params: sidLocaleSegment });
const reviewRoute = validate({ params: sidLocaleSegment, body: reviewForm });
const restoreRoute = validate({ params: sidLocaleSegment, body: restoreForm });
const reviewQueueRoute = validate({ params: sidLocale, query: reviewQuery });
const keepAllRoute = validate({ params: sidLocale, body: keepAllForm });

interface Ref {
  sid: string;
  locale: string;
  segmentId: string;
}

export function workPages(deps: ServiceDeps, cache = new WorkPageCache()): Router {
  const pages = Router();
  const guard = [requireLogin];

  /** Where the page is: filter, section, page, or a segment to open at. */
  interface View {
    filter: Filter;
    section?: SectionKey;
    page?: number;
    seg?: string;
  }

  /** What the workspace shows, but the CSRF token. */
  async function workspaceLocals(res: Response, sid: string, locale: string, view: View) {
    // One section, or one page of at most 25 segments: checks, terms and other languages are
    // worked out for those alone (presenters/outline.ts), unless the filter is "with warnings".
    const actor = actorOf(res);
    const { filter } = view;
    const keepStatus = (st: Status) => filter === 'all' || filter === 'warnings' || st === filter;
    const aids = await openLocaleWork(deps, actor, { statementId: sid, locale, purpose: 'translate' });
    const { statement, info, translations } = aids;
    // Every segment's checks (cached per revision): the "with warnings" filter and the links to
    // the next segment with warnings, on this page or another, need them.
    const checks = aids.checksOf(statement.segments.map((s) => s.id));
    const warned = (id: string) => checks.get(id)?.some((c) => c.severity === 'warning') === true;
    const where = { section: view.section, page: view.page, segment: view.seg };
    const plan: WorkspacePlan = planWorkspace(statement, translations, filter === 'warnings' ? (id) => warned(id) : (_id, st) => keepStatus(st), where);
    const tr = translatorOf(res);
    const shownIds = new Set(plan.shown);
    const shown = workRows(statement, translations, tr, () => true, shownIds);
    const pageUrl = `/translate/${sid}/${locale}`;
    const matching = new Set(plan.sections.flatMap((s) => s.matching));
    const rowExtras = rowAids({
      ...aids,
      checks,
      statement,
      locale,
      translations,
      tr,
      pageUrl,
      shown: shownIds,
      markers: true,
      // Links to other pages keep the filter when the segment is one it keeps.
      linkTo: (id) => `${pageUrl}?${matching.has(id) && filter !== 'all' ? `status=${filter}&` : ''}seg=${id}#${id}`,
    });
    const published = publishedWork(translations, locale, shownIds);
    showFontsOf(res, [locale, ...[...rowExtras.values()].flatMap((r) => r.others.map((o) => o.tag))]);
    return {
      statement,
      locale: localeView(info),
      filter,
      filters: ['all', 'warnings', ...STATUSES].map((s) => ({
        value: s,
        href: `${pageUrl}?status=${s}`,
        label: s === 'all' ? tr.t('workspace.all') : s === 'warnings' ? tr.t('aids.filter_warnings') : tr.t(`status.${s}`),
      })),
      outline: outlineView(plan, tr, pageUrl, filter),
      rows: shown.map((row) => ({ ...row, ...rowExtras.get(row.id)!, published: published.get(row.id) })),
      headExtra: PUBLISHING_CSS,
      mayKeepAll: can(actor, 'review', locale) && statement.segments.some((s) => canKeepOriginal(s) && !translations.some((t) => t.segmentId === s.id)),
      keepSection: plan.section === 'signatory' || plan.section === 'supporter' ? plan.section : undefined,
      mayKeepGlossary: can(actor, 'keep_glossary', locale),
      progress: progressView(localeProgress(statement.segments, translations), tr),
      accountId: actor!.id,
      conflict: undefined,
    };
  }

  /** The workspace with a refusal to show (a save refused): rendered for this request alone. */
  async function workspace(res: Response, sid: string, locale: string, view: View, extra: Record<string, unknown>) {
    res.render('translate', { ...(await workspaceLocals(res, sid, locale, view)), csrf: csrfToken(res.req), ...extra });
  }

  pages.get('/translate/:sid/:locale', ...guard, workspaceRoute, async (_req, res) => {
    const {
      params: { sid, locale },
      query,
    } = workspaceRoute.input(res);
    const kept = query.kept === undefined ? {} : { kept: translatorOf(res).plural('aids.keep_all_done', query.kept) };
    const view = { filter: query.status, section: query.section, page: query.page, seg: query.seg };
    await serveWorkPage(deps, cache, res, { statementId: sid, locale, purpose: 'translate' }, 'translate', async () => ({
      ...(await workspaceLocals(res, sid, locale, view)),
      ...kept,
    }));
  });

  pages.post('/translate/:sid/:locale/:segmentId', ...guard, segmentRoute, async (_req, res) => {
    const p = segmentRoute.input(res).params;
    const tr = translatorOf(res);
    // Whatever is refused, the page comes back with the translator's text in the box.
    const refuse = (e: DomainError, text: string, action: string) => {
      res.status(STATUS_OF[e.code]);
      const checks = (e.details?.checks as { key: string; params?: Record<string, string | number> }[] | undefined) ?? [];
      const current = (e.details?.current as TranslationView | null | undefined) ?? null;
      return workspace(
        res,
        p.sid,
        p.locale,
        { filter: 'all', seg: p.segmentId },
        {
          conflict: {
            segmentId: p.segmentId,
            mine: text,
            action,
            current,
            // The newer text before, the translator's after: what keeping theirs would change.
            diff: current ? diffText(current.text, normalizeText(text), p.locale) : [],
            message: tr.t(`errors.${e.key}`, e.params),
            checks: checks.map((c) => tr.t(c.key, c.params)),
          },
        },
      );
    };
    const parsed = saveForm.safeParse(_req.body);
    if (!parsed.success) {
      // A form changed by hand or a text over the transport limit: keep whatever text came.
      const text = keptText.safeParse(_req.body);
      if (!text.success) throw invalidField(parsed.error);
      return refuse(invalidField(parsed.error), text.data.text, 'save');
    }
    const body = parsed.data;
    try {
      // "Keep original" submits the source itself (a name); warnings need the confirmation box.
      const keep = body.action === 'keep_original';
      await saveTranslation(deps, actorOf(res), {
        statementId: p.sid,
        locale: p.locale,
        segmentId: p.segmentId,
        baseRevision: body.baseRevision,
        text: keep ? '' : body.text,
        action: body.action === 'keep_original' ? 'submit' : body.action,
        keepOriginal: keep,
        confirmWarnings: keep || body.confirmWarnings === 'true',
      });
    } catch (e) {
      // A stale save shows the newer text beside the translator's own instead of overwriting;
      // every other refusal the translator can act on shows its reason, the text kept.
      if (e instanceof DomainError && SAVE_REFUSALS.includes(e.code)) return refuse(e, body.text, body.action);
      throw e;
    }
    // Back to the page that holds the segment, with the form's filter kept.
    const filter =
      typeof _req.query.status === 'string' && (['all', 'warnings', ...STATUSES] as string[]).includes(_req.query.status) ? _req.query.status : 'all';
    res.redirect(303, `/translate/${p.sid}/${p.locale}?status=${filter}&seg=${p.segmentId}#${p.segmentId}`);
  });

  /** What the review queue shows, but the CSRF token. */
  async function reviewQueueLocals(
    res: Response,
    sid: string,
    locale: string,
    extra: { page?: number; done?: 'approved' | 'changes_requested'; refusal?: ReviewRefusal } = {},
  ) {
    const asked = extra.page;
    const actor = actorOf(res);
    // At most 25 submissions a page: checks and aids are worked out for those alone.
    const aids = await openLocaleWork(deps, actor, { statementId: sid, locale, purpose: 'review' });
    const { statement, info, translations } = aids;
    const tr = translatorOf(res);
    const byId = new Map(translations.map((t) => [t.segmentId, t]));
    const submitted = statement.segments.filter((s) => byId.get(s.id)?.status === 'submitted').map((s) => s.id);
    const pages = Math.max(1, Math.ceil(submitted.length / PAGE_SIZE));
    const paging = { page: Math.min(asked ?? 1, pages), pages };
    const shownIds = new Set(submitted.slice((paging.page - 1) * PAGE_SIZE, paging.page * PAGE_SIZE));
    const rows = workRows(statement, translations, tr, (s) => s === 'submitted', shownIds);
    // Checks and aids of the submissions shown only.
    const checks = aids.checksOf(shownIds);
    const rowExtras = rowAids({ ...aids, checks, statement, locale, translations, tr, pageUrl: `/review/${sid}/${locale}`, shown: shownIds });
    const pageHref = (n: number) => `/review/${sid}/${locale}${n > 1 ? `?page=${n}` : ''}`;
    const published = publishedWork(translations, locale, shownIds);
    showFontsOf(res, [locale, ...[...rowExtras.values()].flatMap((r) => r.others.map((o) => o.tag))]);
    return {
      statement,
      locale: localeView(info),
      rows: rows.map((row) => ({
        ...row,
        ...rowExtras.get(row.id)!,
        own: byId.get(row.id)?.author === actor!.id,
        published: published.get(row.id),
      })),
      outline: {
        pages:
          paging.pages > 1
            ? Array.from({ length: paging.pages }, (_, i) => ({ n: tr.number(i + 1), href: pageHref(i + 1), current: i + 1 === paging.page }))
            : [],
        ...(paging.page > 1 ? { previous: pageHref(paging.page - 1) } : {}),
        ...(paging.page < paging.pages ? { next: pageHref(paging.page + 1) } : {}),
      },
      progress: progressView(localeProgress(statement.segments, translations), tr),
      // "Approved. 12 translations left to review."
      notice: extra.done ? tr.plural(`review.done_${extra.done}`, submitted.length) : undefined,
      refusal: extra.refusal,
      publish: await publishFormModel(deps, actor, statement, locale, translations, tr),
      headExtra: PUBLISHING_CSS,
    };
  }

  pages.get('/review/:sid/:locale', ...guard, reviewQueueRoute, async (_req, res) => {
    const { params, query } = reviewQueueRoute.input(res);
    await serveWorkPage(deps, cache, res, { statementId: params.sid, locale: params.locale, purpose: 'review' }, 'review', () =>
      reviewQueueLocals(res, params.sid, params.locale, query),
    );
  });

  pages.post('/review/:sid/:locale/:segmentId', ...guard, reviewRoute, async (_req, res) => {
    const input = segmentOf(reviewRoute.input(res));
    try {
      await reviewTranslation(deps, actorOf(res), input);
    } catch (e) {
      // No comment, a newer revision, a decision not allowed: the queue again, the editor's comment kept.
      if (e instanceof DomainError && REVIEW_REFUSALS.includes(e.code)) {
        res.status(STATUS_OF[e.code]);
        const message = translatorOf(res).t(`errors.${e.key}`, e.params);
        const refusal = { segmentId: input.segmentId, message, comment: input.comment ?? '' };
        return res.render('review', { ...(await reviewQueueLocals(res, input.statementId, input.locale, { refusal })), csrf: csrfToken(res.req) });
      }
      throw e;
    }
    const done = input.decision === 'approve' ? 'approved' : 'changes_requested';
    res.redirect(303, `/review/${input.statementId}/${input.locale}?done=${done}`);
  });

  // An editor keeps every remaining signatory and supporter name as in the source, at once; from
  // the signatories' or the supporters' section, the rest of that section only.
  pages.post('/keep-original/:sid/:locale', ...guard, keepAllRoute, async (_req, res) => {
    const {
      params: { sid, locale },
      body: { section },
    } = keepAllRoute.input(res);
    const { kept } = await keepRemainingOriginal(deps, actorOf(res), { statementId: sid, locale, ...(section ? { kinds: [section] } : {}) });
    res.redirect(303, `/translate/${sid}/${locale}?kept=${kept}${section ? `&section=${section}` : ''}`);
  });

  /** Every revision of one segment, each with its difference from the one before. */
  async function history(res: Response, p: Ref, notice?: string) {
    const actor = actorOf(res);
    const found = await translationHistory(deps, actor, { statementId: p.sid, locale: p.locale, segmentId: p.segmentId });
    const { statement, segment, translation, history: revisions } = found;
    const names = await accountNames(deps);
    const tr = translatorOf(res);
    const mayRestore = can(actor, 'review', p.locale);
    showFontsOf(res, [p.locale]);
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

  pages.post('/history/:sid/:locale/:segmentId/restore', ...guard, restoreRoute, async (_req, res) => {
    const p = restoreRoute.input(res).params;
    let restored;
    try {
      restored = await restoreRevision(deps, actorOf(res), segmentOf(restoreRoute.input(res)));
    } catch (e) {
      // Someone changed the segment meanwhile: show the history as it is now, restore nothing.
      if (e instanceof DomainError && e.code === 'conflict') {
        res.status(STATUS_OF[e.code]);
        return history(res, p, translatorOf(res).t('history.restore_conflict'));
      }
      throw e;
    }
    res.redirect(303, `/history/${p.sid}/${p.locale}/${p.segmentId}#r${restored.revision}`);
  });

  return pages;
}
