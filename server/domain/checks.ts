// Quality checks: small declarative objects in one list (Weblate's checks/, Pontoon's
// errors-block / warnings-confirm). A check returns data; views word it in the interface language.
import { parseSegmentText } from './placeholders.js';
import type { Segment } from './types.js';

export type Severity = 'error' | 'warning';

export interface CheckInput {
  segment: Segment;
  text: string;
  locale: string;
}

export interface CheckProblem {
  /** Stable id of the check ("placeholders"). */
  id: string;
  severity: Severity;
  /** Message key under `checks.` in locales/, with parameters. */
  key: string;
  params?: Record<string, string | number>;
}

export interface Check {
  id: string;
  severity: Severity;
  run(input: CheckInput): CheckProblem[];
}

/** Longest translation accepted, in UTF-16 code units (the longest source segment is ~1,300). */
export const MAX_TRANSLATION_LENGTH = 10_000;

const problem = (check: Check, key: string, params?: CheckProblem['params']): CheckProblem => ({
  id: check.id,
  severity: check.severity,
  key,
  ...(params ? { params } : {}),
});

export const emptyCheck: Check = {
  id: 'empty',
  severity: 'error',
  run(input) {
    return input.text.trim() === '' ? [problem(this, 'checks.empty')] : [];
  },
};

export const placeholdersCheck: Check = {
  id: 'placeholders',
  severity: 'error',
  run({ segment, text }) {
    return parseSegmentText(text, segment.placeholders).problems.map((p) =>
      problem(this, `checks.placeholder.${p.code}`, { n: p.n, kind: p.kind }),
    );
  },
};

/** Every check, in the order they are shown. */
export const CHECKS: readonly Check[] = [emptyCheck, placeholdersCheck];

export function runChecks(input: CheckInput, checks: readonly Check[] = CHECKS): CheckProblem[] {
  return checks.flatMap((check) => check.run(input));
}

export const blocking = (problems: readonly CheckProblem[]) => problems.filter((p) => p.severity === 'error');
