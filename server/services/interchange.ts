// Use cases for files that go to and come from translation tools (XLIFF 1.2 and 2.0, gettext PO,
// i18next JSON). Each loads its context once, asks the domain (domain/interchange/), and hands
// the decision to the store.
import { DomainError } from '../domain/errors.js';
import { decideImport, type UnitOutcome } from '../domain/interchange/decide-import.js';
import { exportDocument, exportFileName, FILE_TYPES, writeExport } from '../domain/interchange/export.js';
import { readInterchangeFile } from '../domain/interchange/read.js';
import type { ExportFormat, ImportFormat } from '../domain/interchange/types.js';
import { can, type Actor } from '../domain/permissions.js';
import type { Statement, Translation } from '../domain/types.js';
import { loadLocaleContext, permit } from './context.js';
import type { ServiceDeps } from './deps.js';
import { noteCommitted } from './tm.js';

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: string;
}

/**
 * A locale's translations as a file. Those who may read the locale's work get every current
 * translation with its status, revision and the editor's comments; anyone else (anonymous readers
 * included) gets approved text only, as from the translations API. A JSON bundle is always
 * approved text only: it is what an application would show. No file names a volunteer.
 */
export async function exportTranslations(
  deps: ServiceDeps,
  actor: Actor | undefined,
  input: { statementId: string; locale: string; format: ExportFormat },
): Promise<ExportedFile> {
  const { statement } = await loadLocaleContext(deps, input.statementId, input.locale);
  const translations = await deps.store.listTranslations(input.statementId, input.locale);
  const approvedOnly = input.format === 'json' || !can(actor, 'read_work', input.locale);
  const doc = exportDocument(statement, input.locale, translations, { approvedOnly, exportedAt: deps.now() });
  return {
    fileName: exportFileName(statement.id, input.locale, input.format),
    contentType: FILE_TYPES[input.format].contentType,
    body: writeExport(input.format, doc),
  };
}

export interface ImportInput {
  statementId: string;
  locale: string;
  bytes: Uint8Array;
  /** The format the caller says the file is in (checked against its content). */
  format?: ImportFormat;
  /** Report what would happen, store nothing. */
  dryRun: boolean;
  /** A reviewer approves the unchanged units the file marks final (never their own work). */
  approve: boolean;
}

export interface ImportReport {
  format: ImportFormat;
  dryRun: boolean;
  counts: Record<UnitOutcome['outcome'], number>;
  units: UnitOutcome[];
}

/** Largest file accepted, in bytes (the HTTP routes limit their bodies to the same). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export async function importTranslations(deps: ServiceDeps, actor: Actor | undefined, input: ImportInput): Promise<ImportReport> {
  permit(actor, 'translate', input.locale);
  if (input.approve && !can(actor, 'review', input.locale)) throw new DomainError('forbidden', 'interchange.approve_forbidden');
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw new DomainError('too_large', 'interchange.too_large', { max: 5 });
  const { statement, setting } = await loadLocaleContext(deps, input.statementId, input.locale);
  const file = readInterchangeFile(input.bytes, input.format);
  const [translations, glossary] = await Promise.all([
    deps.store.listTranslations(input.statementId, input.locale),
    deps.store.listGlossary(input.locale),
  ]);
  const decision = decideImport(
    {
      statement,
      locale: input.locale,
      actorId: actor!.id,
      selfReviewAllowed: setting.allowSelfReview === true,
      translations: new Map(translations.map((t) => [t.segmentId, t])),
      glossary,
      at: deps.now().toISOString(),
    },
    file,
    { approve: input.approve },
  );
  const units = input.dryRun ? decision.outcomes : await write(deps, statement, translations, decision);
  const counts = { imported: 0, unchanged: 0, conflict: 0, outdated: 0, refused: 0 };
  for (const u of units) counts[u.outcome] += 1;
  return { format: file.format, dryRun: input.dryRun, counts, units };
}

/**
 * The writes are issued together, in one turn of the event loop, so the store makes them durable
 * with a shared fsync. Each is stored only if the translation still has the revision the decision
 * saw: a save that slipped in since makes that unit a conflict.
 */
async function write(
  deps: ServiceDeps,
  statement: Statement,
  before: readonly Translation[],
  decision: ReturnType<typeof decideImport>,
): Promise<UnitOutcome[]> {
  const results = await Promise.allSettled(decision.writes.map((w) => deps.store.commitTranslation(statement.id, w.next, w.expectedRevision)));
  const previous = new Map(before.map((t) => [t.segmentId, t]));
  const stale = new Map<string, number>();
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') return noteCommitted(deps, statement, previous.get(r.value.segmentId), r.value);
    if (!(r.reason instanceof DomainError) || r.reason.code !== 'conflict') throw r.reason;
    const current = r.reason.details?.current as { revision: number } | null | undefined;
    stale.set(decision.writes[i]!.segmentId, current?.revision ?? 0);
  });
  return decision.outcomes.map((o) =>
    stale.has(o.segmentId) ? { segmentId: o.segmentId, outcome: 'conflict', serverRevision: stale.get(o.segmentId)! } : o,
  );
}

/** The files page of a locale: its translators download and upload; its reviewers may approve. */
export async function openInterchange(
  deps: ServiceDeps,
  actor: Actor | undefined,
  input: { statementId: string; locale: string },
): Promise<{ statement: Statement; mayApprove: boolean }> {
  permit(actor, 'translate', input.locale);
  const { statement } = await loadLocaleContext(deps, input.statementId, input.locale);
  return { statement, mayApprove: can(actor, 'review', input.locale) };
}
