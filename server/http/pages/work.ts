// Translators' and editors' pages: workspace, review queue, history. Plain forms work without
// JavaScript; public/js/workspace.js adds saving in place and keyboard shortcuts.
import { Router, type Response } from 'express';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { can } from '../../domain/permissions.js';
import { localeProgress } from '../../domain/progress.js';
import { diffText, unchanged } from '../../domain/text-diff.js';
import { STATUSES, type Status } from '../../domain/types.js';
import type { Translator } from '../../i18n/index.js';
import { accountNames } from '../../services/accounts.js';
import type { ServiceDeps } from '../../services/deps.js';
import { requireLocale } from '../../services/locales.js';
import { requireStatement } from '../../services/statements.js';
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
import { canKeepOriginal } from '../../services/checks.js';
import { openLocaleWork } from '../../services/aids.js';
import { keepRemainingOriginal } from '../../services/keep-original.js';
import { rowAids } from '../presenters/aids.js';
import { progressView } from '../presenters/edition.js';
import { localeView, workRows } from '../presenters/work.js';
import { publishedWork } from '../presenters/published-work.js';
import { publishFormModel, PUBLISHING_CSS } from './publishing.js';
import { inputOf, invalidField, segmentInput, revision, sidLocale, sidLocaleSegment, validate } from '../validate.js';

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
/** What the last review decision was, for the notice on the queue it leads back to. */
const reviewQuery = z.object({ done: z.enum(['approved', 'changes_requested']).optional() });
/** A review refused with a reason the editor can act on: the queue again, the reason beside the comment. */
const REVIEW_REFUSALS: readonly string[] = ['invalid_input', 'conflict', 'invalid_transition'];
interface ReviewRefusal {
  segmentId: string;
  message: string;
  comment: string;
}

interface Ref { sid: string; locale: string; segmentId: string }

export function workPages(deps: ServiceDeps): Router {
  const pages = Router();
  const guard = [requireLogin];

  async function workspace(res: Response, sid: string, locale: string, filter: Filter, extra: Record<string, unknown> = {}) {
    // Translator aids (presenters/aids.ts): checks, glossary terms, other languages, next links.
    const actor = actorOf(res);
    const aids = await openLocaleWork(deps, actor, { statementId: sid, locale, purpose: 'translate' });
    const { statement, info, translations } = aids;
    const tr: Translator = res.locals.tr;
    const listed = workRows(statement, translations, tr, (s) => filter === 'all' || filter === 'warnings' || s === filter);
    const published = publishedWork(translations, locale);
    const shown = filter === 'warnings' ? listed.filter((r) => aids.checks.get(r.id)?.some((c) => c.severity === 'warning')) : listed;
    const rowExtras = rowAids({ ...aids, statement, locale, translations, tr, pageUrl: `/translate/${sid}/${locale}`, shown: new Set(shown.map((r) => r.id)) });
    res.render('translate', {
      statement,
      locale: localeView(info),
      filter,
      filters: ['all', 'warnings', ...STATUSES].map((s) => ({
        value: s,
        label: s === 'all' ? tr.t('workspace.all') : s === 'warnings' ? tr.t('aids.filter_warnings') : tr.t(`status.${s}`),
      })),
      rows: shown.map((row) => ({ ...row, ...rowExtras.get(row.id)!, published: published.get(row.id) })),
      headExtra: PUBLISHING_CSS,
      mayKeepAll: can(actor, 'review', locale) && statement.segments.some((s) => canKeepOriginal(s) && !translations.some((t) => t.segmentId === s.id)),
      mayKeepGlossary: can(actor, 'keep_glossary', locale),
      progress: progressView(localeProgress(statement.segments, translations), tr),
      csrf: csrfToken(res.req),
      conflict: undefined,
      ...extra,
    });
  }

  pages.get('/translate/:sid/:locale', ...guard, validate({ params: sidLocale, query: filterQuery }), async (_req, res) => {
    const { sid, locale } = inputOf<{ sid: string; locale: string }>(res, 'params');
    const query = inputOf<z.infer<typeof filterQuery>>(res, 'query');
    const kept = query.kept === undefined ? {} : { kept: (res.locals.tr as Translator).plural('aids.keep_all_done', query.kept) };
    await workspace(res, sid, locale, query.status, kept);
  });

  pages.post(
    '/translate/:sid/:locale/:segmentId',
    ...guard,
    validate({ params: sidLocaleSegment }),
    async (req, res) => {
      const p = inputOf<Ref>(res, 'params');
      const tr: Translator = res.locals.tr;
      // Whatever is refused, the page comes back with the translator's text in the box.
      const refuse = (e: DomainError, text: string, action: string) => {
        res.status(STATUS_OF[e.code]);
        const checks = (e.details?.checks as { key: string; params?: Record<string, string | number> }[] | undefined) ?? [];
        const current = (e.details?.current as TranslationView | null | undefined) ?? null;
        return workspace(res, p.sid, p.locale, 'all', {
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
        });
      };
      const parsed = saveForm.safeParse(req.body);
      if (!parsed.success) {
        // A form changed by hand or a text over the transport limit: keep whatever text came.
        const text = keptText.safeParse(req.body);
        if (!text.success) throw invalidField(parsed.error);
        return refuse(invalidField(parsed.error), text.data.text, 'save');
      }
      const body = parsed.data;
      try {
        // "Keep original" submits the source itself (a name); warnings need the confirmation box.
        const keep = body.action === 'keep_original';
        await saveTranslation(deps, actorOf(res), {
          statementId: p.sid, locale: p.locale, segmentId: p.segmentId, baseRevision: body.baseRevision,
          text: keep ? '' : body.text, action: body.action === 'keep_original' ? 'submit' : body.action,
          keepOriginal: keep, confirmWarnings: keep || body.confirmWarnings === 'true',
        });
      } catch (e) {
        // A stale save shows the newer text beside the translator's own instead of overwriting;
        // every other refusal the translator can act on shows its reason, the text kept.
        if (e instanceof DomainError && SAVE_REFUSALS.includes(e.code)) return refuse(e, body.text, body.action);
        throw e;
      }
      res.redirect(303, `/translate/${p.sid}/${p.locale}#${p.segmentId}`);
    },
  );

  async function reviewQueue(res: Response, sid: string, locale: string, extra: { done?: 'approved' | 'changes_requested'; refusal?: ReviewRefusal } = {}) {
    const actor = actorOf(res);
    const aids = await openLocaleWork(deps, actor, { statementId: sid, locale, purpose: 'review' });
    const { statement, info, translations } = aids;
    const tr: Translator = res.locals.tr;
    const byId = new Map(translations.map((t) => [t.segmentId, t]));
    const rows = workRows(statement, translations, tr, (s) => s === 'submitted');
    const published = publishedWork(translations, locale);
    const rowExtras = rowAids({ ...aids, statement, locale, translations, tr, pageUrl: `/review/${sid}/${locale}`, shown: new Set(rows.map((r) => r.id)) });
    res.render('review', {
      statement,
      locale: localeView(info),
      rows: rows.map((row) => ({
        ...row,
        ...rowExtras.get(row.id)!,
        own: byId.get(row.id)?.author === actor!.id,
        published: published.get(row.id),
      })),
      progress: progressView(localeProgress(statement.segments, translations), tr),
      csrf: csrfToken(res.req),
      // "Approved. 12 translations left to review."
      notice: extra.done ? tr.plural(`review.done_${extra.done}`, rows.length) : undefined,
      refusal: extra.refusal,
      publish: await publishFormModel(deps, actor, statement, locale, translations, tr),
      headExtra: PUBLISHING_CSS,
    });
  }

  pages.get('/review/:sid/:locale', ...guard, validate({ params: sidLocale, query: reviewQuery }), async (_req, res) => {
    const { sid, locale } = inputOf<{ sid: string; locale: string }>(res, 'params');
    await reviewQueue(res, sid, locale, inputOf<z.infer<typeof reviewQuery>>(res, 'query'));
  });

  pages.post(
    '/review/:sid/:locale/:segmentId',
    ...guard,
    validate({ params: sidLocaleSegment, body: reviewForm }),
    async (_req, res) => {
      const input = segmentInput<z.infer<typeof reviewForm>>(res);
      try {
        await reviewTranslation(deps, actorOf(res), input);
      } catch (e) {
        // No comment, a newer revision, a decision not allowed: the queue again, the editor's comment kept.
        if (e instanceof DomainError && REVIEW_REFUSALS.includes(e.code)) {
          res.status(STATUS_OF[e.code]);
          const message = (res.locals.tr as Translator).t(`errors.${e.key}`, e.params);
          return reviewQueue(res, input.statementId, input.locale, { refusal: { segmentId: input.segmentId, message, comment: input.comment ?? '' } });
        }
        throw e;
      }
      const done = input.decision === 'approve' ? 'approved' : 'changes_requested';
      res.redirect(303, `/review/${input.statementId}/${input.locale}?done=${done}`);
    },
  );

  // An editor keeps every remaining signatory and supporter name as in the source, at once.
  pages.post('/keep-original/:sid/:locale', ...guard, validate({ params: sidLocale }), async (_req, res) => {
    const { sid, locale } = inputOf<{ sid: string; locale: string }>(res, 'params');
    const { kept } = await keepRemainingOriginal(deps, actorOf(res), { statementId: sid, locale });
    res.redirect(303, `/translate/${sid}/${locale}?kept=${kept}`);
  });

  /** Every revision of one segment, each with its difference from the one before. */
  async function history(res: Response, p: Ref, notice?: string) {
    const actor = actorOf(res);
    const translation = await translationHistory(deps, actor, { statementId: p.sid, locale: p.locale, segmentId: p.segmentId });
    const statement = await requireStatement(deps, p.sid);
    const segment = statement.segments.find((s) => s.id === p.segmentId)!;
    const names = await accountNames(deps);
    const tr: Translator = res.locals.tr;
    const revisions = translation?.history ?? [];
    const mayRestore = can(actor, 'review', p.locale);
    res.render('history', {
      statement,
      locale: localeView(await requireLocale(deps, p.locale)),
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

  pages.get('/history/:sid/:locale/:segmentId', ...guard, validate({ params: sidLocaleSegment }), async (_req, res) => {
    await history(res, inputOf<Ref>(res, 'params'));
  });

  pages.post(
    '/history/:sid/:locale/:segmentId/restore',
    ...guard,
    validate({ params: sidLocaleSegment, body: restoreForm }),
    async (_req, res) => {
      const p = inputOf<Ref>(res, 'params');
      let restored;
      try {
        restored = await restoreRevision(deps, actorOf(res), segmentInput<z.infer<typeof restoreForm>>(res));
      } catch (e) {
        // Someone changed the segment meanwhile: show the history as it is now, restore nothing.
        if (e instanceof DomainError && e.code === 'conflict') {
          res.status(409);
          return history(res, p, (res.locals.tr as Translator).t('history.restore_conflict'));
        }
        throw e;
      }
      res.redirect(303, `/history/${p.sid}/${p.locale}/${p.segmentId}#r${restored.revision}`);
    },
  );

  return pages;
}
