// Checks on the text as a whole: empty, left as the source, in the wrong script, spacing, pairs.
import { letterOf } from './scripts.js';
import { problem, type Check } from './types.js';

export const emptyCheck: Check = {
  id: 'empty',
  severity: 'error',
  run({ text }) {
    // Zero-width spaces count as nothing: a Khmer text of only U+200B is empty.
    return text.replace(/[\s\u200b\ufeff]/gu, '') === '' ? [problem(this, 'checks.empty')] : [];
  },
};

const LETTER = /\p{L}/u;
const comparable = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();

/** The source copied unchanged, unless the translator chose to keep it (a name). */
export const sameAsSourceCheck: Check = {
  id: 'same_as_source',
  severity: 'warning',
  run({ sourceTyped, targetTyped, keepOriginal }) {
    if (keepOriginal || !LETTER.test(sourceTyped)) return [];
    return comparable(sourceTyped) === comparable(targetTyped) ? [problem(this, 'checks.same_as_source')] : [];
  },
};

/** Letters, but none of the locale's script: typed with the wrong keyboard, or left in English. */
export const scriptCheck: Check = {
  id: 'script',
  severity: 'warning',
  run({ script, targetTyped, keepOriginal }) {
    const letter = script && letterOf(script);
    if (keepOriginal || !letter || !LETTER.test(targetTyped) || letter.test(targetTyped)) return [];
    return [problem(this, 'checks.script.none', { script: script! })];
  },
};

/** Zero-width spaces mark word breaks in Khmer (which writes no spaces between words). */
const ZERO_WIDTH_WELCOME = new Set(['Khmr']);

export const whitespaceCheck: Check = {
  id: 'whitespace',
  severity: 'warning',
  run({ text, script }) {
    const found: string[] = [];
    if (/^\s/u.test(text)) found.push('checks.whitespace.leading');
    if (/\s$/u.test(text)) found.push('checks.whitespace.trailing');
    if (/[ \u00a0]{2,}/u.test(text)) found.push('checks.whitespace.double');
    if (/[\u200b\ufeff]/u.test(text) && !ZERO_WIDTH_WELCOME.has(script ?? '')) found.push('checks.whitespace.zero_width');
    return found.map((key) => problem(this, key));
  },
};

/** Pairs whose balance is checked; a quote that opens and closes with one character counts in twos. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['“', '”'],
  ['«', '»'],
  ['「', '」'],
  ['"', '"'],
];

export function isBalanced(text: string, [open, close]: readonly [string, string]): boolean {
  if (open === close) return text.split(open).length % 2 === 1;
  let depth = 0;
  for (const ch of text) {
    if (ch === open) depth += 1;
    else if (ch === close && --depth < 0) return false;
  }
  return depth === 0;
}

/** Brackets and quotes the translation leaves open (or closes twice) where the source does not. */
export const bracketsCheck: Check = {
  id: 'brackets',
  severity: 'warning',
  run({ sourceTyped, targetTyped }) {
    return PAIRS.filter((pair) => !isBalanced(targetTyped, pair) && isBalanced(sourceTyped, pair)).map(([open, close]) =>
      problem(this, 'checks.brackets.unbalanced', { pair: `${open} ${close}` }),
    );
  },
};
