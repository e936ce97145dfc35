// Check problems worded in the reader's interface language (STYLE: checks return data, views word it).
import type { CheckProblem } from '../../domain/checks.js';
import type { Translator } from '../../i18n/index.js';

export interface CheckView {
  id: string;
  severity: 'error' | 'warning';
  message: string;
}

const scriptNames = new Map<string, Intl.DisplayNames>();

/** "Mymr" -> "Myanmar" / "မြန်မာ" / "មីយ៉ាន់ម៉ា", in the interface language. */
function scriptName(code: string, lang: string): string {
  let names = scriptNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'script', fallback: 'code' });
    scriptNames.set(lang, names);
  }
  return names.of(code) ?? code;
}

export function presentCheck(p: Pick<CheckProblem, 'id' | 'severity' | 'key' | 'params'>, tr: Translator): CheckView {
  const params = p.params && typeof p.params.script === 'string' ? { ...p.params, script: scriptName(p.params.script, tr.lang) } : p.params;
  return { id: p.id, severity: p.severity, message: tr.t(p.key, params) };
}

export const presentChecks = (problems: readonly CheckProblem[], tr: Translator): CheckView[] => problems.map((p) => presentCheck(p, tr));

/** Error details for API callers, with failing checks worded instead of message keys. */
export function presentErrorDetails(details: Record<string, unknown> | undefined, tr: Translator | undefined): Record<string, unknown> {
  if (!details || !tr || !Array.isArray(details.checks)) return details ?? {};
  return { ...details, checks: presentChecks(details.checks as CheckProblem[], tr) };
}
