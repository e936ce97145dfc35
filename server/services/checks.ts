// Quality checks as use cases: the dry run while a translator types, the rules a save applies
// (errors block a submission, warnings need a confirmation), and the checks of a whole locale for
// the workspace and the review queue.
import { runChecks, warnings, type CheckProblem } from '../domain/checks.js';
import { DomainError } from '../domain/errors.js';
import type { GlossaryEntry } from '../domain/glossary.js';
import { can, type Actor } from '../domain/permissions.js';
import type { Segment, Statement, Translation } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';
import { forbiddenOrUnauthenticated, requireTargetLocale } from './locales.js';
import { requireStatement } from './statements.js';

/** Segments whose text may be kept as in the source: names of organisations. */
export const KEEPABLE_KINDS: ReadonlySet<Segment['kind']> = new Set(['signatory', 'supporter']);

export const canKeepOriginal = (segment: Segment) => KEEPABLE_KINDS.has(segment.kind);

/** A translation marked "keep original" is the source text itself, for a name. */
export function requireKeepable(segment: Segment, text: string): void {
  if (!canKeepOriginal(segment)) throw new DomainError('invalid_input', 'translation.keep_original_kind');
  if (text !== segment.source.normalize('NFC')) throw new DomainError('invalid_input', 'translation.keep_original_text');
}

export async function checkText(
  deps: ServiceDeps,
  input: { segment: Segment; locale: string; text: string; keepOriginal?: boolean; glossary?: readonly GlossaryEntry[] },
): Promise<CheckProblem[]> {
  const glossary = input.glossary ?? (await deps.store.listGlossary(input.locale));
  return runChecks({ segment: input.segment, text: input.text, locale: input.locale, keepOriginal: input.keepOriginal === true, glossary });
}

/** What a translator may send with a submission: every warning (true) or the ids they read. */
export type WarningConfirmation = boolean | readonly string[];

/**
 * The ids of the warnings a submission confirms, or DomainError('warnings_unconfirmed') listing
 * those the translator has not confirmed (Pontoon: warnings block until confirmed).
 */
export function confirmedWarnings(problems: readonly CheckProblem[], confirmation: WarningConfirmation | undefined): string[] {
  const found = warnings(problems);
  const confirmed = (id: string) => confirmation === true || (Array.isArray(confirmation) && confirmation.includes(id));
  const unconfirmed = found.filter((p) => !confirmed(p.id));
  if (unconfirmed.length > 0) {
    throw new DomainError('warnings_unconfirmed', 'translation.warnings_unconfirmed', {}, { checks: unconfirmed });
  }
  return [...new Set(found.map((p) => p.id))];
}

export interface DryRunInput {
  statementId: string;
  locale: string;
  segmentId: string;
  text: string;
  keepOriginal?: boolean;
}

/** The checks of a text not yet saved, and the Unicode text offered for Zawgyi. Stores nothing. */
export async function dryRunChecks(
  deps: ServiceDeps,
  actor: Actor | undefined,
  input: DryRunInput,
): Promise<{ checks: CheckProblem[]; conversion?: string }> {
  if (!can(actor, 'translate', input.locale)) throw forbiddenOrUnauthenticated(actor);
  const statement = await requireStatement(deps, input.statementId);
  await requireTargetLocale(deps, statement, input.locale);
  const segment = statement.segments.find((s) => s.id === input.segmentId);
  if (!segment) throw new DomainError('not_found', 'segment.not_found', { id: input.segmentId });
  const text = input.text.normalize('NFC').replace(/\r\n?/g, '\n');
  const keepOriginal = input.keepOriginal === true && canKeepOriginal(segment) && text === segment.source.normalize('NFC');
  const checks = await checkText(deps, { segment, locale: input.locale, text, keepOriginal });
  const conversion = checks.find((c) => c.conversion !== undefined)?.conversion;
  return { checks, ...(conversion === undefined ? {} : { conversion }) };
}

/** Checks of every saved translation of a locale, by segment id (one glossary read for all). */
export async function checksOfLocale(
  deps: ServiceDeps,
  statement: Statement,
  locale: string,
  translations: readonly Translation[],
): Promise<Map<string, CheckProblem[]>> {
  const glossary = await deps.store.listGlossary(locale);
  const segments = new Map(statement.segments.map((s) => [s.id, s]));
  const result = new Map<string, CheckProblem[]>();
  for (const t of translations) {
    const segment = segments.get(t.segmentId);
    if (!segment || t.status === 'untranslated') continue;
    result.set(t.segmentId, runChecks({ segment, text: t.text, locale, keepOriginal: t.keepOriginal === true, glossary }));
  }
  return result;
}
