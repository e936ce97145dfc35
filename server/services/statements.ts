// Use cases for statements: list, read, import a Markdown source.
import { DomainError } from '../domain/errors.js';
import { decodeStatementSource, segmentMarkdown } from '../domain/segmenter.js';
import { createStatement } from '../domain/statement-revision.js';
import type { Statement } from '../domain/types.js';
import { STATEMENT_ID } from '../domain/limits.js';
import { recordAudit } from './audit.js';
import type { ServiceDeps } from './deps.js';

export interface StatementSummary {
  id: string;
  title: string;
  sourceLocale: string;
  segmentCount: number;
}

export { STATEMENT_ID } from '../domain/limits.js';

export async function listStatements(deps: ServiceDeps): Promise<StatementSummary[]> {
  return (await deps.store.listStatements()).map(summarize);
}

export function summarize(s: Statement): StatementSummary {
  return { id: s.id, title: s.title, sourceLocale: s.sourceLocale, segmentCount: s.segments.length };
}

export async function requireStatement(deps: ServiceDeps, id: string): Promise<Statement> {
  const statement = STATEMENT_ID.test(id) ? await deps.store.getStatement(id) : undefined;
  if (!statement) throw new DomainError('not_found', 'statement.not_found', { id });
  return statement;
}

/**
 * Imports a statement from the bytes of a Markdown file. Everything is parsed and checked before
 * the store is touched, so a refused file leaves nothing behind.
 */
export async function importStatement(deps: ServiceDeps, id: string, bytes: Uint8Array): Promise<Statement> {
  if (!STATEMENT_ID.test(id)) throw new DomainError('invalid_input', 'statement.invalid_id', { id });
  const blocks = segmentMarkdown(decodeStatementSource(bytes));
  const statement = createStatement(id, blocks);
  await deps.store.createStatement(statement);
  await recordAudit(deps, null, 'statement.import', id);
  return statement;
}

/** Imports the statement when it is not there yet (first start). Returns true when imported. */
export async function ensureStatement(deps: ServiceDeps, id: string, bytes: Uint8Array): Promise<boolean> {
  if (await deps.store.getStatement(id)) return false;
  await importStatement(deps, id, bytes);
  return true;
}
