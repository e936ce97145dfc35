// Quality checks: small declarative objects in one list (Weblate's checks/, Pontoon's
// errors-block / warnings-confirm). Errors block a submission; warnings need the translator's
// confirmation, which is recorded with the translation. A check returns data; views word it.
import { emptyCheck, bracketsCheck, sameAsSourceCheck, scriptCheck, whitespaceCheck } from './checks/text.js';
import { glossaryCheck } from './checks/glossary.js';
import { lockedTokensCheck, placeholdersCheck } from './checks/markers.js';
import { numbersCheck } from './checks/numbers.js';
import { punctuationCheck } from './checks/punctuation.js';
import { scriptOfLocale } from './checks/scripts.js';
import type { Check, CheckInput, CheckProblem, CheckSubject } from './checks/types.js';
import { zawgyiCheck } from './checks/zawgyi.js';
import { parseSegmentText, type InlinePart } from './placeholders.js';

export type { Check, CheckInput, CheckProblem, CheckSubject, Severity } from './checks/types.js';
export { emptyCheck, placeholdersCheck };

export { MAX_TRANSLATION_LENGTH } from './limits.js';

/** Every check, in the order they are shown. */
export const CHECKS: readonly Check[] = [
  emptyCheck,
  placeholdersCheck,
  lockedTokensCheck,
  zawgyiCheck,
  scriptCheck,
  numbersCheck,
  sameAsSourceCheck,
  punctuationCheck,
  whitespaceCheck,
  bracketsCheck,
  glossaryCheck,
];

/** Typed words only: link words kept, markers and token values (locked addresses) left out. */
function typedText(parts: readonly InlinePart[]): string {
  return parts.map((p) => (p.type === 'text' ? p.text : p.type === 'link' ? typedText(p.children) : ' ')).join('');
}

export function checkSubject(input: CheckInput): CheckSubject {
  const { placeholders } = input.segment;
  return {
    ...input,
    sourceTyped: typedText(parseSegmentText(input.segment.source, placeholders).parts),
    targetTyped: typedText(parseSegmentText(input.text, placeholders).parts),
    script: scriptOfLocale(input.locale),
  };
}

/** Problems of a translation. An empty one reports only that it is empty. */
export function runChecks(input: CheckInput, checks: readonly Check[] = CHECKS): CheckProblem[] {
  const subject = checkSubject(input);
  const empty = emptyCheck.run(subject);
  if (empty.length > 0 && checks.includes(emptyCheck)) return empty;
  return checks.flatMap((check) => check.run(subject));
}

export const blocking = (problems: readonly CheckProblem[]) => problems.filter((p) => p.severity === 'error');
export const warnings = (problems: readonly CheckProblem[]) => problems.filter((p) => p.severity === 'warning');
