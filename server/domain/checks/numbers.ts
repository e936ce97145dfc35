// Numbers of the source must reach the translation, in Latin digits or the locale's own, grouped
// as the locale likes: 1,398 = ၁,၃၉၈ = ១.៣៩៨ = 1398.
import { latinDigit } from './scripts.js';
import { problem, type Check } from './types.js';

/** Groups of three after one to three digits, joined by a comma, point, apostrophe or a narrow space. */
const NUMBER = /\p{Nd}{1,3}(?:[,.'’\u00a0\u202f\u2009]\p{Nd}{3})+(?!\p{Nd})|\p{Nd}+(?:[.,]\p{Nd}+)?/gu;
const GROUPED = /^\p{Nd}{1,3}(?:[,.'’\u00a0\u202f\u2009]\p{Nd}{3})+$/u;

/** One spelling per number: Latin digits, no grouping, a decimal point, no leading zeros. */
export function numberKey(written: string): string {
  const latin = [...written].map(latinDigit).join('');
  const plain = GROUPED.test(written) ? latin.replace(/\D/g, '') : latin.replace(',', '.');
  return plain.replace(/^0+(?=\d)/, '');
}

export function numbersIn(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [written] of text.matchAll(NUMBER)) {
    const key = numberKey(written);
    if (!found.has(key)) found.set(key, written);
  }
  return found;
}

export const numbersCheck: Check = {
  id: 'numbers',
  severity: 'warning',
  run({ sourceTyped, targetTyped }) {
    const inTarget = numbersIn(targetTyped);
    const missing = [...numbersIn(sourceTyped)].filter(([key]) => !inTarget.has(key)).map(([, written]) => written);
    return missing.length === 0 ? [] : [problem(this, 'checks.numbers.missing', { numbers: missing.join(', ') })];
  },
};
