// The import's rules, pure: given what the server has (one context, loaded once) and the units of
// a file, decide for every unit what happens, and the translations to write. A problem with the
// file itself (wrong language, a unit twice, text that is not Unicode) refuses everything.
//
// Per unit: a segment id the statement knows; the source as it was exported (else `outdated`: the
// source changed meanwhile, or the segment was removed); a target that differs from the server's
// text (else `unchanged`); the revision exported is still the server's (else `conflict`, never an
// overwrite); only the codes Tandem wrote; the blocking checks passed (else `refused`, with the
// checks). Imported text is the importer's, `submitted` (or `draft` when the file marks the unit
// unfinished). With `approve`, a reviewer approves the units the file marks final whose text is
// unchanged and submitted by someone else: their own work, never.
import { blocking, MAX_TRANSLATION_LENGTH, runChecks, type CheckProblem } from '../checks.js';
import { DomainError } from '../errors.js';
import type { GlossaryEntry } from '../glossary.js';
import { transition } from '../status.js';
import { recordChange } from '../translation-decision.js';
import type { HistoryAction, Segment, Statement, Status, Translation, TranslationChange } from '../types.js';
import { canonicalText } from './inline.js';
import type { ImportedFile, ImportedUnit } from './types.js';
import { fileError } from './xml.js';

export interface ImportContext {
  statement: Statement;
  locale: string;
  actorId: string;
  selfReviewAllowed: boolean;
  translations: ReadonlyMap<string, Translation>;
  glossary: readonly GlossaryEntry[];
  /** Time of the change (ISO), from the service's clock. */
  at: string;
}

export interface ImportOptions {
  approve: boolean;
}

export type UnitOutcome =
  | { segmentId: string; outcome: 'imported'; status: Status; revision: number }
  | { segmentId: string; outcome: 'unchanged' }
  | { segmentId: string; outcome: 'conflict'; serverRevision: number; exportedRevision?: number }
  | { segmentId: string; outcome: 'outdated' }
  | { segmentId: string; outcome: 'refused'; reason?: { key: string; params?: Record<string, string | number> }; checks?: CheckProblem[] };

export interface ImportWrite {
  segmentId: string;
  /** The revision the decision was made against: the write happens only if it is still current. */
  expectedRevision: number;
  next: TranslationChange;
}

export interface ImportDecision {
  outcomes: UnitOutcome[];
  writes: ImportWrite[];
}

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export function decideImport(context: ImportContext, file: ImportedFile, options: ImportOptions): ImportDecision {
  checkFile(context, file);
  const outcomes: UnitOutcome[] = [];
  const writes: ImportWrite[] = [];
  for (const unit of file.units) {
    const decided = decideUnit(context, unit, options);
    outcomes.push(decided.outcome);
    if (decided.write) writes.push(decided.write);
  }
  return { outcomes, writes };
}

function checkFile(context: ImportContext, file: ImportedFile): void {
  if (file.format !== 'po' && (!file.sourceLocale || !sameLanguage(file.sourceLocale, context.statement.sourceLocale))) {
    throw fileError('wrong_source_language', { found: file.sourceLocale ?? '', expected: context.statement.sourceLocale });
  }
  if (!file.targetLocale || !sameLanguage(file.targetLocale, context.locale)) {
    throw fileError('wrong_target_language', { found: file.targetLocale ?? '', expected: context.locale });
  }
  const seen = new Set<string>();
  for (const unit of file.units) {
    if (seen.has(unit.segmentId)) throw fileError('duplicate_unit', { unit: unit.segmentId, line: unit.line ?? 0 });
    seen.add(unit.segmentId);
    if (LONE_SURROGATE.test(unit.source) || LONE_SURROGATE.test(unit.target ?? '')) throw fileError('not_unicode', { unit: unit.segmentId });
  }
}

/** `my` matches `my`, `my-MM` and `my_MM`; `km` does not match `my`. */
export function sameLanguage(fileTag: string, locale: string): boolean {
  const canonical = (tag: string) => {
    try {
      return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0]!.toLowerCase();
    } catch {
      return tag.toLowerCase();
    }
  };
  const a = canonical(fileTag);
  const b = canonical(locale);
  return a === b || (a.startsWith(`${b}-`) && /^[a-z]{2}$|^\d{3}$/.test(a.slice(b.length + 1)));
}

const normalize = (text: string) => text.normalize('NFC').replace(/\r\n?/g, '\n');

function decideUnit(context: ImportContext, unit: ImportedUnit, options: ImportOptions): { outcome: UnitOutcome; write?: ImportWrite } {
  const segmentId = unit.segmentId;
  const segment = context.statement.segments.find((s) => s.id === segmentId);
  if (!segment) {
    if (context.statement.removedSegmentIds.includes(segmentId)) return { outcome: { segmentId, outcome: 'outdated' } };
    return { outcome: { segmentId, outcome: 'refused', reason: { key: 'interchange.unknown_segment', params: { unit: segmentId } } } };
  }
  if (!sameSource(unit.source, segment)) return { outcome: { segmentId, outcome: 'outdated' } };
  const text = normalize(unit.target ?? '');
  const current = context.translations.get(segmentId);
  const serverRevision = current?.revision ?? 0;
  if (text === '') return { outcome: { segmentId, outcome: 'unchanged' } };
  if (current && current.text === text) return approveUnchanged(context, unit, current, segment, options);
  if (unit.revision !== serverRevision && (unit.revision !== undefined || serverRevision > 0)) {
    return { outcome: { segmentId, outcome: 'conflict', serverRevision, ...(unit.revision === undefined ? {} : { exportedRevision: unit.revision }) } };
  }
  if (unit.foreignCodes.length > 0) {
    return { outcome: { segmentId, outcome: 'refused', reason: { key: 'interchange.foreign_code', params: { codes: unit.foreignCodes.join(', ') } } } };
  }
  if (text.length > MAX_TRANSLATION_LENGTH) {
    return { outcome: { segmentId, outcome: 'refused', reason: { key: 'translation.too_long', params: { count: MAX_TRANSLATION_LENGTH } } } };
  }
  const errors = blocking(runChecks({ segment, text, locale: context.locale, glossary: context.glossary }));
  if (errors.length > 0) return { outcome: { segmentId, outcome: 'refused', checks: errors } };
  const action = unit.state === 'unfinished' ? 'save' : 'submit';
  const status = transition(current?.status ?? 'untranslated', { type: action });
  const next = record(context, segment, current, { text, status, action });
  return {
    outcome: { segmentId, outcome: 'imported', status, revision: next.translation.revision },
    write: { segmentId, expectedRevision: serverRevision, next },
  };
}

/** The source as exported: Tandem's own rendering, or the segment's text as stored. */
function sameSource(source: string, segment: Segment): boolean {
  const s = normalize(source);
  return s === segment.source.normalize('NFC') || s === canonicalText(segment.source, segment.placeholders).normalize('NFC');
}

function approveUnchanged(
  context: ImportContext,
  unit: ImportedUnit,
  current: Translation,
  segment: Segment,
  options: ImportOptions,
): { outcome: UnitOutcome; write?: ImportWrite } {
  const segmentId = segment.id;
  if (!options.approve || unit.state !== 'approved' || current.status === 'approved') return { outcome: { segmentId, outcome: 'unchanged' } };
  let status: Status;
  try {
    status = transition(current.status, {
      type: 'approve',
      reviewerIsAuthor: current.author === context.actorId,
      selfReviewAllowed: context.selfReviewAllowed,
    });
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { outcome: { segmentId, outcome: 'refused', reason: { key: e.key, params: e.params } } };
  }
  const next = record(context, segment, current, { text: current.text, status, action: 'approve' });
  return {
    outcome: { segmentId, outcome: 'imported', status, revision: next.translation.revision },
    write: { segmentId, expectedRevision: current.revision, next },
  };
}

/** An imported text is the importer's, with no flags of the text it replaces; an approval keeps them. */
function record(
  context: ImportContext,
  segment: Segment,
  current: Translation | undefined,
  change: { text: string; status: Status; action: HistoryAction },
): TranslationChange {
  const base = { segment, locale: context.locale, current, actorId: context.actorId, at: context.at };
  return recordChange(base, change.action === 'approve' ? change : { ...change, flags: {} });
}
