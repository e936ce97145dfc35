// An import's report, worded in the caller's interface language: one line per unit.
import type { UnitOutcome } from '../../domain/interchange/decide-import.js';
import type { Translator } from '../../i18n/index.js';
import type { ImportReport } from '../../services/interchange.js';
import { presentChecks, type CheckView } from './checks.js';

export interface UnitView {
  segmentId: string;
  outcome: UnitOutcome['outcome'];
  message: string;
  status?: string;
  revision?: number;
  serverRevision?: number;
  checks?: CheckView[];
}

/** Numbers in a message in the reader's digits (line ၁၂, ១២ MB). */
export function localParams(params: Record<string, string | number> | undefined, tr: Translator): Record<string, string | number> {
  // A `count` stays a number: the translator picks its plural form and writes its digits.
  return Object.fromEntries(Object.entries(params ?? {}).map(([k, v]) => [k, typeof v === 'number' && k !== 'count' ? tr.number(v) : v]));
}

export function presentUnit(u: UnitOutcome, tr: Translator): UnitView {
  switch (u.outcome) {
    case 'imported':
      return { ...u, message: tr.t(`interchange.outcome.imported`, { status: tr.t(`status.${u.status}`), revision: tr.number(u.revision) }) };
    case 'unchanged':
      return { ...u, message: tr.t('interchange.outcome.unchanged') };
    case 'outdated':
      return { ...u, message: tr.t('interchange.outcome.outdated') };
    case 'conflict':
      return { ...u, message: tr.t('interchange.outcome.conflict', { revision: tr.number(u.serverRevision) }) };
    case 'refused': {
      const checks = u.checks ? presentChecks(u.checks, tr) : undefined;
      const reason = u.reason ? tr.t(`errors.${u.reason.key}`, localParams(u.reason.params, tr)) : checks!.map((c) => c.message).join(' ');
      return { segmentId: u.segmentId, outcome: u.outcome, message: tr.t('interchange.outcome.refused', { reason }), ...(checks ? { checks } : {}) };
    }
  }
}

export function presentReport(report: ImportReport, tr: Translator) {
  return {
    format: report.format,
    dryRun: report.dryRun,
    counts: report.counts,
    summary: tr.t(report.dryRun ? 'interchange.summary_dry_run' : 'interchange.summary', {
      imported: tr.number(report.counts.imported),
      unchanged: tr.number(report.counts.unchanged),
      conflict: tr.number(report.counts.conflict),
      outdated: tr.number(report.counts.outdated),
      refused: tr.number(report.counts.refused),
    }),
    units: report.units.map((u) => presentUnit(u, tr)),
  };
}
