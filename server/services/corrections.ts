// Use case: a corrected source for a statement (an admin, or an editor granted its source locale).
// Load the statement and every translation once, let the domain decide (decideCorrection), hand
// the decision to the store, which refuses it if anything changed meanwhile.
import { can, type Actor } from '../domain/permissions.js';
import { segmentMarkdown } from '../domain/segmenter.js';
import { decideCorrection } from '../domain/source-correction.js';
import type { SegmentChange } from '../domain/statement-revision.js';
import type { Statement } from '../domain/types.js';
import { recordAudit } from './audit.js';
import type { ServiceDeps } from './deps.js';
import { forbiddenOrUnauthenticated } from './locales.js';
import { requireStatement } from './statements.js';

export interface CorrectionRequest {
  statementId: string;
  markdown: string;
  /** Compare and report only; nothing changes. */
  dryRun?: boolean;
  /** Changed segments whose change is a small fix (translations stay valid). */
  smallFixes?: readonly string[];
}

export interface CorrectionResult {
  /** The source revision the correction makes (or would make, on a dry run). */
  sourceRevision: number;
  changes: SegmentChange[];
  statement: Statement;
  /** How many translations became outdated, got their status back, or stay valid after a small fix. */
  translationsChanged: number;
  applied: boolean;
}

export async function correctSource(deps: ServiceDeps, actor: Actor | undefined, input: CorrectionRequest): Promise<CorrectionResult> {
  if (!actor) throw forbiddenOrUnauthenticated(actor);
  const statement = await requireStatement(deps, input.statementId);
  if (!can(actor, 'correct_source', statement.sourceLocale)) throw forbiddenOrUnauthenticated(actor);
  const translations = await deps.store.listAllTranslations(statement.id);
  const blocks = segmentMarkdown(input.markdown.normalize('NFC'));
  const context = { statement, translations, actorId: actor.id, at: deps.now().toISOString() };
  const decision = decideCorrection(context, { blocks, smallFixes: input.smallFixes ?? [] });
  const result = {
    sourceRevision: decision.statement.sourceRevision,
    changes: decision.changes,
    statement: decision.statement,
    translationsChanged: decision.translations.length,
    applied: !input.dryRun,
  };
  if (input.dryRun) return result;
  const before = new Map(translations.map((t) => [`${t.locale}\u0000${t.segmentId}`, t.revision]));
  await deps.store.replaceStatement(decision.statement, decision.translations, {
    sourceRevision: statement.sourceRevision,
    translations: decision.translations.map(({ translation: t }) => ({
      locale: t.locale,
      segmentId: t.segmentId,
      revision: before.get(`${t.locale}\u0000${t.segmentId}`) ?? 0,
    })),
  });
  await recordAudit(deps, actor, 'statement.correct', statement.id);
  return result;
}

/** The statement whose source the actor may correct (the correction page), or a refusal. */
export async function openCorrection(deps: ServiceDeps, actor: Actor | undefined, statementId: string): Promise<Statement> {
  if (!actor) throw forbiddenOrUnauthenticated(actor);
  const statement = await requireStatement(deps, statementId);
  if (!can(actor, 'correct_source', statement.sourceLocale)) throw forbiddenOrUnauthenticated(actor);
  return statement;
}
