// Translator aids in the JSON API (/api/v1): checks while typing, translation memory, glossary,
// and keeping the remaining names as in the source. Thin: validate, call one service, present.
import { Router } from 'express';
import { z } from 'zod';
import { GLOSSARY_CSV_LIMIT, type GlossaryEntry } from '../domain/glossary.js';
import { dryRunChecks } from '../services/checks.js';
import type { ServiceDeps } from '../services/deps.js';
import { deleteGlossaryEntry, exportGlossaryCsv, importGlossaryCsv, listGlossary, saveGlossaryEntry } from '../services/glossary.js';
import { keepRemainingOriginal } from '../services/keep-original.js';
import { suggestTranslations } from '../services/tm.js';
import { actorOf } from './auth.js';
import { csvTooLarge } from './glossary-body.js';
import { translatorOf } from './language.js';
import { presentChecks } from './presenters/checks.js';
import { glossaryEntryFields, glossaryEntryParams, localeTag, segmentOf, sidLocale, sidLocaleSegment, translationText, validate } from './validate.js';

const checksBody = z.object({ text: translationText, keepOriginal: z.boolean().optional() });
const tmQuery = z.object({
  locale: localeTag,
  q: translationText.min(1),
  limit: z.coerce.number().int().min(1).max(20).optional(),
});
const glossaryParams = z.object({ locale: localeTag });
const entryParams = glossaryEntryParams;
const entryBody = glossaryEntryFields.extend({ note: glossaryEntryFields.shape.note.optional(), doNotTranslate: z.boolean().optional() });
/** Its length is checked by the route (GLOSSARY_CSV_LIMIT), with the same refusal as the page's. */
const importBody = z.object({ csv: z.string() });

const checksRoute = validate({ params: sidLocaleSegment, body: checksBody });
const keepOriginalRoute = validate({ params: sidLocale });
const tmRoute = validate({ query: tmQuery });
const glossaryRoute = validate({ params: glossaryParams });
const addEntryRoute = validate({ params: glossaryParams, body: entryBody });
const importRoute = validate({ params: glossaryParams, body: importBody });
const editEntryRoute = validate({ params: entryParams, body: entryBody });
const entryRoute = validate({ params: entryParams });

export const presentEntry = (e: GlossaryEntry) => ({
  id: e.id,
  term: e.term,
  translation: e.translation,
  note: e.note,
  doNotTranslate: e.doNotTranslate,
});

export function aidsApi(deps: ServiceDeps): Router {
  const api = Router();

  api.post('/statements/:sid/translations/:locale/:segmentId/checks', checksRoute, async (_req, res) => {
    const { checks, conversion } = await dryRunChecks(deps, actorOf(res), segmentOf(checksRoute.input(res)));
    res.json({ checks: presentChecks(checks, translatorOf(res)), ...(conversion === undefined ? {} : { conversion: { text: conversion } }) });
  });

  api.post('/statements/:sid/translations/:locale/keep-original', keepOriginalRoute, async (_req, res) => {
    const { sid, locale } = keepOriginalRoute.input(res).params;
    res.json(await keepRemainingOriginal(deps, actorOf(res), { statementId: sid, locale }));
  });

  api.get('/tm', tmRoute, async (_req, res) => {
    const { query } = tmRoute.input(res);
    res.json(await suggestTranslations(deps, actorOf(res), query));
  });

  api.get('/glossary/:locale', glossaryRoute, async (_req, res) => {
    const { locale } = glossaryRoute.input(res).params;
    res.json((await listGlossary(deps, actorOf(res), locale)).map(presentEntry));
  });

  api.get('/glossary/:locale/export.csv', glossaryRoute, async (_req, res) => {
    const { locale } = glossaryRoute.input(res).params;
    const csv = await exportGlossaryCsv(deps, actorOf(res), locale);
    res.type('text/csv; charset=utf-8').attachment(`glossary-${locale}.csv`).send(csv);
  });

  api.post('/glossary/:locale', addEntryRoute, async (_req, res) => {
    const { params, body } = addEntryRoute.input(res);
    const entry = await saveGlossaryEntry(deps, actorOf(res), params.locale, body);
    res.status(201).json(presentEntry(entry));
  });

  api.post('/glossary/:locale/import', importRoute, async (_req, res) => {
    const {
      params: { locale },
      body: { csv },
    } = importRoute.input(res);
    if (csv.length > GLOSSARY_CSV_LIMIT) throw csvTooLarge();
    res.json(await importGlossaryCsv(deps, actorOf(res), locale, csv));
  });

  api.put('/glossary/:locale/:id', editEntryRoute, async (_req, res) => {
    const {
      params: { locale, id },
      body,
    } = editEntryRoute.input(res);
    const entry = await saveGlossaryEntry(deps, actorOf(res), locale, { ...body, id });
    res.json(presentEntry(entry));
  });

  api.delete('/glossary/:locale/:id', entryRoute, async (_req, res) => {
    const { locale, id } = entryRoute.input(res).params;
    await deleteGlossaryEntry(deps, actorOf(res), locale, id);
    res.status(204).end();
  });

  return api;
}
