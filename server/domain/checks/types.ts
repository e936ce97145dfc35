// The shape of a quality check (Weblate's checks/, Pontoon's errors-block / warnings-confirm):
// a stable id, a severity and one pure function from what is checked to problems. Problems are
// data (message key and parameters); the http layer words them in the interface language.
import type { GlossaryEntry } from '../glossary.js';
import type { Segment } from '../types.js';

export type Severity = 'error' | 'warning';

export interface CheckInput {
  segment: Segment;
  /** The translation in placeholder form, as the translator typed it (NFC). */
  text: string;
  locale: string;
  /** The translator chose to keep the source text (a name): silences same-as-source and script. */
  keepOriginal?: boolean;
  /** Glossary entries of the locale. */
  glossary?: readonly GlossaryEntry[];
}

/** What a check reads: the input and what is derived from it once for every check. */
export interface CheckSubject extends CheckInput {
  /** Typed text only: link words kept, markers and locked tokens left out. */
  sourceTyped: string;
  targetTyped: string;
  /** ISO 15924 script of the locale when it is known ("Mymr", "Khmr"). */
  script: string | undefined;
}

export interface CheckProblem {
  /** Stable id of the check ("placeholders"). */
  id: string;
  severity: Severity;
  /** Message key under `checks.` in locales/, with parameters. */
  key: string;
  params?: Record<string, string | number>;
  /** A corrected text the translator may accept in one click (Zawgyi converted to Unicode). */
  conversion?: string;
}

export interface Check {
  id: string;
  severity: Severity;
  run(subject: CheckSubject): CheckProblem[];
}

export function problem(check: Check, key: string, params?: CheckProblem['params']): CheckProblem {
  return { id: check.id, severity: check.severity, key, ...(params ? { params } : {}) };
}
