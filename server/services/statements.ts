// Use cases for statements: list, read, create (web and command line), archive.
import { DomainError } from '../domain/errors.js';
import { canonicalTag } from '../domain/locales.js';
import { can, type Actor } from '../domain/permissions.js';
import { decodeStatementSource, segmentMarkdown } from '../domain/segmenter.js';
import { STATEMENT_ID } from '../domain/limits.js';
import { statementIdFor } from '../domain/statement-id.js';
import { createStatement, statementDate } from '../domain/statement-revision.js';
import type { AuditAction, Statement } from '../domain/types.js';
import { recordAudit } from './audit.js';
import type { ServiceDeps } from './deps.js';
import { forbiddenOrUnauthenticated } from './locales.js';
import { publishSourceEdition } from './publishing.js';

export interface StatementSummary {
  id: string;
  title: string;
  sourceLocale: string;
  segmentCount: number;
  date?: string;
}

export { STATEMENT_ID };

/** Statements that are not archived, by their date, newest first (undated ones last, by id). */
export async function listStatements(deps: ServiceDeps): Promise<StatementSummary[]> {
  return newestFirst((await deps.store.listStatements()).filter((s) => !s.archived)).map(summarize);
}

export function summarize(s: Statement): StatementSummary {
  const date = statementDate(s);
  return { id: s.id, title: s.title, sourceLocale: s.sourceLocale, segmentCount: s.segments.length, ...(date ? { date } : {}) };
}

/** By date, newest first; undated ones last, by id. */
function newestFirst(statements: Statement[]): Statement[] {
  const key = new Map(statements.map((s) => [s.id, statementDate(s) ?? '']));
  return [...statements].sort((a, b) => key.get(b.id)!.localeCompare(key.get(a.id)!) || a.id.localeCompare(b.id));
}

/** A statement, archived or not (an archived statement's pages keep working). */
export async function requireStatement(deps: ServiceDeps, id: string): Promise<Statement> {
  const statement = STATEMENT_ID.test(id) ? await deps.store.getStatement(id) : undefined;
  if (!statement) throw new DomainError('not_found', 'statement.not_found', { id });
  return statement;
}

/**
 * Imports a statement from the bytes of a Markdown file (command line, shipped content). Everything
 * is parsed and checked before the store is touched, so a refused file leaves nothing behind.
 */
export async function importStatement(deps: ServiceDeps, id: string, bytes: Uint8Array, sourceLocale = 'en'): Promise<Statement> {
  if (!STATEMENT_ID.test(id)) throw new DomainError('invalid_input', 'statement.invalid_id', { id });
  const statement = createStatement(id, segmentMarkdown(decodeStatementSource(bytes)), canonicalTag(sourceLocale));
  return addStatement(deps, null, statement, 'statement.import');
}

/**
 * Publishes the source edition of every statement that has none (data written before editions
 * were published). Returns the ids it published.
 */
export async function ensureSourceEditions(deps: ServiceDeps): Promise<string[]> {
  const published: string[] = [];
  for (const statement of await deps.store.listStatements()) {
    const latest = await deps.store.latestEditionVersions(statement.id);
    if (latest[statement.sourceLocale]) continue;
    await publishSourceEdition(deps, statement.id);
    published.push(statement.id);
  }
  return published;
}

/** Imports the statement when it is not there yet (first start). Returns true when imported. */
export async function ensureStatement(deps: ServiceDeps, id: string, bytes: Uint8Array): Promise<boolean> {
  if (await deps.store.getStatement(id)) return false;
  await importStatement(deps, id, bytes);
  return true;
}

export interface NewStatementInput {
  /** Made from the date and title when absent. */
  id?: string;
  markdown: string;
  sourceLocale: string;
  /** The statement's first segment when absent. */
  title?: string;
  /** ISO yyyy-mm-dd. */
  date?: string;
  /** Only segment and show what would be created. */
  dryRun?: boolean;
}

/** An admin creates a statement from Markdown (upload or paste); with `dryRun`, a preview. */
export async function createStatementFromMarkdown(deps: ServiceDeps, actor: Actor | undefined, input: NewStatementInput): Promise<Statement> {
  if (!can(actor, 'manage_statements')) throw forbiddenOrUnauthenticated(actor);
  const sourceLocale = canonicalTag(input.sourceLocale);
  if (input.id !== undefined && !STATEMENT_ID.test(input.id)) throw new DomainError('invalid_input', 'statement.invalid_id', { id: input.id });
  const blocks = segmentMarkdown(input.markdown.normalize('NFC'));
  const taken = new Set((await deps.store.listStatements()).map((s) => s.id));
  const draft = createStatement('x', blocks, sourceLocale, { title: input.title, date: input.date });
  const id = input.id ?? statementIdFor(draft.title, input.date, taken);
  if (taken.has(id)) throw new DomainError('duplicate', 'statement.id_taken', { id });
  const statement = { ...draft, id };
  if (input.dryRun) return statement;
  return addStatement(deps, actor, statement, 'statement.create');
}

/** The one way a statement enters the store, recorded in the audit log. */
async function addStatement(deps: ServiceDeps, actor: Actor | null | undefined, statement: Statement, action: AuditAction): Promise<Statement> {
  try {
    await deps.store.createStatement(statement);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'duplicate') throw new DomainError('duplicate', 'statement.id_taken', { id: statement.id });
    throw e;
  }
  await recordAudit(deps, actor, action, statement.id);
  // The source language's edition is out as soon as the statement is in.
  await publishSourceEdition(deps, statement.id);
  return statement;
}

/** Leaves `/`; its pages, editions and API keep answering. Archiving twice changes nothing. */
export async function archiveStatement(deps: ServiceDeps, actor: Actor | undefined, id: string): Promise<Statement> {
  if (!can(actor, 'manage_statements')) throw forbiddenOrUnauthenticated(actor);
  const statement = await requireStatement(deps, id);
  if (statement.archived) return statement;
  const archived = { ...statement, archived: true };
  await deps.store.replaceStatement(archived, [], { sourceRevision: statement.sourceRevision, translations: [] });
  await recordAudit(deps, actor, 'statement.archive', id);
  return archived;
}

/** Every statement, archived ones too, for the admins' page. */
export async function listAllStatements(deps: ServiceDeps, actor: Actor | undefined): Promise<Statement[]> {
  if (!can(actor, 'manage_statements')) throw forbiddenOrUnauthenticated(actor);
  return newestFirst([...(await deps.store.listStatements())]);
}
