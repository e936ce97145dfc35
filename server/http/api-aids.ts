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
import { presentChecks } from './presenters/checks.js';
import { inputOf, segmentInput, localeTag, sidLocale, sidLocaleSegment, validate } from './validate.js';

const TEXT_MAX = 20_000;

const checksBody = z.object({ text: z.string().max(TEXT_MAX), keepOriginal: z.boolean().optional() });
const tmQuery = z.object({
  locale: localeTag,
  q: z.string().min(1).max(TEXT_MAX),
  limit: z.coerce.number().int().min(1).max(20).optional(),
});
const glossaryParams = z.object({ locale: localeTag });
const entryParams = glossaryParams.extend({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
const entryBody = z.object({
  term: z.string().max(1000),
  translation: z.string().max(2000).default(''),
  note: z.string().max(5000).optional(),
  doNotTranslate: z.boolean().optional(),
});
/** Its length is checked by the route (GLOSSARY_CSV_LIMIT), with the same refusal as the page's. */
const importBody = z.object({ csv: z.string() });


export const presentEntry = (e: GlossaryEntry) => ({
  id: e.id,
  term: e.term,
  translation: e.translation,
  note: e.note,
  doNotTranslate: e.doNotTranslate,
});

export function aidsApi(deps: ServiceDeps): Router {
  const api = Router();

  api.post(
    '/statements/:sid/translations/:locale/:segmentId/checks',
    validate({ params: sidLocaleSegment, body: checksBody }),
    async (_req, res) => {
      const { checks, conversion } = await dryRunChecks(deps, actorOf(res), segmentInput<z.infer<typeof checksBody>>(res));
      res.json({ checks: presentChecks(checks, res.locals.tr), ...(conversion === undefined ? {} : { conversion: { text: conversion } }) });
    },
  );

  api.post('/statements/:sid/translations/:locale/keep-original', validate({ params: sidLocale }), async (_req, res) => {
    const { sid, locale } = inputOf<{ sid: string; locale: string }>(res, 'params');
    res.json(await keepRemainingOriginal(deps, actorOf(res), { statementId: sid, locale }));
  });

  api.get('/tm', validate({ query: tmQuery }), async (_req, res) => {
    const query = inputOf<z.infer<typeof tmQuery>>(res, 'query');
    res.json(await suggestTranslations(deps, actorOf(res), query));
  });

  api.get('/glossary/:locale', validate({ params: glossaryParams }), async (_req, res) => {
    const { locale } = inputOf<{ locale: string }>(res, 'params');
    res.json((await listGlossary(deps, actorOf(res), locale)).map(presentEntry));
  });

  api.get('/glossary/:locale/export.csv', validate({ params: glossaryParams }), async (_req, res) => {
    const { locale } = inputOf<{ locale: string }>(res, 'params');
    const csv = await exportGlossaryCsv(deps, actorOf(res), locale);
    res.type('text/csv; charset=utf-8').attachment(`glossary-${locale}.csv`).send(csv);
  });

  api.post('/glossary/:locale', validate({ params: glossaryParams, body: entryBody }), async (_req, res) => {
    const { locale } = inputOf<{ locale: string }>(res, 'params');
    const entry = await saveGlossaryEntry(deps, actorOf(res), locale, inputOf<z.infer<typeof entryBody>>(res, 'body'));
    res.status(201).json(presentEntry(entry));
  });

  api.post('/glossary/:locale/import', validate({ params: glossaryParams, body: importBody }), async (_req, res) => {
    const { locale } = inputOf<{ locale: string }>(res, 'params');
    const { csv } = inputOf<z.infer<typeof importBody>>(res, 'body');
    if (csv.length > GLOSSARY_CSV_LIMIT) throw csvTooLarge();
    res.json(await importGlossaryCsv(deps, actorOf(res), locale, csv));
  });

  api.put('/glossary/:locale/:id', validate({ params: entryParams, body: entryBody }), async (_req, res) => {
    const { locale, id } = inputOf<z.infer<typeof entryParams>>(res, 'params');
    const entry = await saveGlossaryEntry(deps, actorOf(res), locale, { ...inputOf<z.infer<typeof entryBody>>(res, 'body'), id });
    res.json(presentEntry(entry));
  });

  api.delete('/glossary/:locale/:id', validate({ params: entryParams }), async (_req, res) => {
    const { locale, id } = inputOf<z.infer<typeof entryParams>>(res, 'params');
    await deleteGlossaryEntry(deps, actorOf(res), locale, id);
    res.status(204).end();
  });

  return api;
}
