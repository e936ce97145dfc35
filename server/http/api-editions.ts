// JSON API for published editions (DESIGN.md "HTTP surface"): publish a version, list versions,
// read one. Reading is public: versions are publications.
import { Router } from 'express';
import { z } from 'zod';
import { NOTE_MAX, summarizeVersion } from '../domain/edition-version.js';
import { listVersions, publishEdition, readVersion } from '../services/publishing.js';
import type { ServiceDeps } from '../services/deps.js';
import { actorOf } from './auth.js';
import { presentVersion, presentVersionSummary } from './presenters/version-api.js';
import { sidLocale, validate } from './validate.js';

/** API callers publish as they are (the answer says how much is approved); the page asks first. */
const publishBody = z.object({
  note: z
    .string()
    .max(NOTE_MAX * 2)
    .optional(),
  confirmIncomplete: z.boolean().default(true),
});
const versionParams = sidLocale.extend({ version: z.coerce.number().int().min(1).max(1_000_000) });

const publishRoute = validate({ params: sidLocale, body: publishBody });
const editionsRoute = validate({ params: sidLocale });
const versionRoute = validate({ params: versionParams });

export function editionsApi(deps: ServiceDeps): Router {
  const api = Router();

  api.post('/statements/:sid/editions/:locale', publishRoute, async (_req, res) => {
    const {
      params: { sid, locale },
      body,
    } = publishRoute.input(res);
    const v = await publishEdition(deps, actorOf(res), { statementId: sid, locale, ...body });
    res.status(201).json(presentVersionSummary(v, v.version, v.sourceRevision));
  });

  api.get('/statements/:sid/editions/:locale', editionsRoute, async (_req, res) => {
    const { sid, locale } = editionsRoute.input(res).params;
    const versions = await listVersions(deps, sid, locale);
    if (versions.length === 0) {
      res.json([]);
      return;
    }
    const { currentSourceRevision } = await readVersion(deps, sid, locale);
    res.json(versions.map((v) => presentVersionSummary(summarizeVersion(v), versions.length, currentSourceRevision)));
  });

  api.get('/statements/:sid/editions/:locale/:version', versionRoute, async (_req, res) => {
    const { sid, locale, version } = versionRoute.input(res).params;
    const reading = await readVersion(deps, sid, locale, version);
    res.json(presentVersion(reading.version, reading.latest, reading.currentSourceRevision));
  });

  return api;
}
