// JSON API for living statements: create, archive, correct the source (DESIGN.md "HTTP surface").
import { Router } from 'express';
import { z } from 'zod';
import { correctSource } from '../services/corrections.js';
import type { ServiceDeps } from '../services/deps.js';
import { archiveStatement, createStatementFromMarkdown } from '../services/statements.js';
import { actorOf } from './auth.js';
import { presentChange, presentStatement } from './presenters/statements.js';
import { segmentId, statementId, validate } from './validate.js';

/** Markdown of a statement: the body limit of these routes is 1 MiB (statement-bodies.ts). */
export const markdownField = z.string().max(500_000);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const createBody = z.object({
  id: statementId.optional(),
  markdown: markdownField,
  sourceLocale: z.string().min(1).max(64),
  title: z.string().max(500).optional(),
  date: isoDate.optional(),
  dryRun: z.boolean().optional(),
});
const sourceBody = z.object({
  markdown: markdownField,
  dryRun: z.boolean().optional(),
  smallFixes: z.array(segmentId).max(10_000).optional(),
});
const sidParams = z.object({ sid: statementId });

const createRoute = validate({ body: createBody });
const archiveRoute = validate({ params: sidParams });
const sourceRoute = validate({ params: sidParams, body: sourceBody });

export function statementsApi(deps: ServiceDeps): Router {
  const api = Router();

  api.post('/statements', createRoute, async (_req, res) => {
    const { body } = createRoute.input(res);
    const statement = await createStatementFromMarkdown(deps, actorOf(res), body);
    res.status(body.dryRun ? 200 : 201).json(presentStatement(statement));
  });

  api.post('/statements/:sid/archive', archiveRoute, async (_req, res) => {
    res.json(presentStatement(await archiveStatement(deps, actorOf(res), archiveRoute.input(res).params.sid)));
  });

  api.put('/statements/:sid/source', sourceRoute, async (_req, res) => {
    const { params, body } = sourceRoute.input(res);
    const result = await correctSource(deps, actorOf(res), { statementId: params.sid, ...body });
    res.json({ sourceRevision: result.sourceRevision, dryRun: !result.applied, changes: result.changes.map(presentChange) });
  });

  return api;
}
