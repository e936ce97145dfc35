// The glossary page of a locale: its translators read it, its editors keep it (add, change,
// delete, import CSV). Plain forms; public/js/glossary.js only reads a chosen CSV file into the
// import box. Export is the API's CSV (/api/v1/glossary/:locale/export.csv).
import { Router, type Response } from 'express';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { can } from '../../domain/permissions.js';
import type { ServiceDeps } from '../../services/deps.js';
import { deleteGlossaryEntry, importGlossaryCsv, listGlossary, saveGlossaryEntry } from '../../services/glossary.js';
import { requireLocale } from '../../services/locales.js';
import { presentEntry } from '../api-aids.js';
import { actorOf, csrfToken, requireLogin } from '../auth.js';
import { STATUS_OF } from '../errors.js';
import { translatorOf } from '../language.js';
import { localeView } from '../presenters/work.js';
import { glossaryEntryFields, glossaryEntryParams, localeTag, validate } from '../validate.js';
import { showFontsOf } from '../fonts.js';
import { GLOSSARY_CSV_LIMIT } from '../../domain/glossary.js';
import { csvTooLarge } from '../glossary-body.js';

const params = z.object({ locale: localeTag });
const entryParams = glossaryEntryParams;
const entryForm = glossaryEntryFields.extend({ note: glossaryEntryFields.shape.note.default(''), doNotTranslate: z.literal('true').optional() });
/** Its length is checked by the route (GLOSSARY_CSV_LIMIT), to refuse it with the text kept and the reason. */
const importForm = z.object({ csv: z.string() });
const doneQuery = z.object({
  done: z.enum(['saved', 'deleted', 'imported']).optional(),
  added: z.coerce.number().int().min(0).optional(),
  updated: z.coerce.number().int().min(0).optional(),
  unchanged: z.coerce.number().int().min(0).optional(),
});
const glossaryRoute = validate({ params, query: doneQuery });
const addRoute = validate({ params, body: entryForm });
const importRoute = validate({ params, body: importForm });
const editRoute = validate({ params: entryParams, body: entryForm });
const deleteRoute = validate({ params: entryParams });

/** Refusals a form can fix: shown on the page with what was typed, never as an error page. */
const FIXABLE = new Set(['invalid_input', 'duplicate', 'too_large']);

export function glossaryPages(deps: ServiceDeps): Router {
  const pages = Router();

  async function page(res: Response, locale: string, extra: { notice?: string; error?: string; form?: Record<string, unknown>; csv?: string } = {}) {
    const actor = actorOf(res);
    const entries = await listGlossary(deps, actor, locale);
    showFontsOf(res, [locale]);
    res.render('glossary', {
      locale: localeView(await requireLocale(deps, locale)),
      entries: entries.map(presentEntry),
      mayEdit: can(actor, 'keep_glossary', locale),
      csrf: csrfToken(res.req),
      notice: extra.notice,
      error: extra.error,
      form: extra.form ?? {},
      csv: extra.csv ?? '',
      csvLimit: GLOSSARY_CSV_LIMIT,
      csvTooLarge: translatorOf(res).t('errors.glossary.csv.too_large', { count: GLOSSARY_CSV_LIMIT }),
    });
  }

  /** Runs a change; a refusal the editor can fix re-renders the page with the message. */
  async function change(res: Response, locale: string, run: () => Promise<string>, keep: { form?: Record<string, unknown>; csv?: string }) {
    let target: string;
    try {
      target = await run();
    } catch (e) {
      if (e instanceof DomainError && FIXABLE.has(e.code)) {
        res.status(STATUS_OF[e.code]);
        return page(res, locale, { error: translatorOf(res).t(`errors.${e.key}`, e.params), ...keep });
      }
      throw e;
    }
    res.redirect(303, target);
  }

  pages.get('/glossary/:locale', requireLogin, glossaryRoute, async (_req, res) => {
    const { locale } = glossaryRoute.input(res).params;
    const q = glossaryRoute.input(res).query;
    const tr = translatorOf(res);
    const notice =
      q.done === 'imported'
        ? tr.t('glossary.imported', { added: tr.number(q.added ?? 0), updated: tr.number(q.updated ?? 0), unchanged: tr.number(q.unchanged ?? 0) })
        : q.done
          ? tr.t(`glossary.${q.done}`)
          : undefined;
    await page(res, locale, { notice });
  });

  pages.post('/glossary/:locale', requireLogin, addRoute, async (_req, res) => {
    const { locale } = addRoute.input(res).params;
    const form = addRoute.input(res).body;
    await change(
      res,
      locale,
      async () => {
        await saveGlossaryEntry(deps, actorOf(res), locale, { ...form, doNotTranslate: form.doNotTranslate === 'true' });
        return `/glossary/${locale}?done=saved`;
      },
      { form },
    );
  });

  pages.post('/glossary/:locale/import', requireLogin, importRoute, async (_req, res) => {
    const { locale } = importRoute.input(res).params;
    const { csv } = importRoute.input(res).body;
    await change(
      res,
      locale,
      async () => {
        if (csv.length > GLOSSARY_CSV_LIMIT) throw csvTooLarge();
        const c = await importGlossaryCsv(deps, actorOf(res), locale, csv);
        return `/glossary/${locale}?done=imported&added=${c.added}&updated=${c.updated}&unchanged=${c.unchanged}`;
      },
      { csv },
    );
  });

  pages.post('/glossary/:locale/:id', requireLogin, editRoute, async (_req, res) => {
    const { locale, id } = editRoute.input(res).params;
    const form = editRoute.input(res).body;
    await change(
      res,
      locale,
      async () => {
        await saveGlossaryEntry(deps, actorOf(res), locale, { ...form, id, doNotTranslate: form.doNotTranslate === 'true' });
        return `/glossary/${locale}?done=saved#g-${id}`;
      },
      {},
    );
  });

  pages.post('/glossary/:locale/:id/delete', requireLogin, deleteRoute, async (_req, res) => {
    const { locale, id } = deleteRoute.input(res).params;
    await deleteGlossaryEntry(deps, actorOf(res), locale, id);
    res.redirect(303, `/glossary/${locale}?done=deleted`);
  });

  return pages;
}
