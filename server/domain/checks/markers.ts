// Locked parts of the source: link placeholders and tokens (e-mail addresses). A translator moves
// the linked words but can never drop, repeat or add a link, nor type an address of their own.
import { parseSegmentText } from '../placeholders.js';
import { problem, type Check } from './types.js';

/** Every link of the source appears exactly once, closed, and no link is added (`<1>words</1>`). */
export const placeholdersCheck: Check = {
  id: 'placeholders',
  severity: 'error',
  run({ segment, text }) {
    return parseSegmentText(text, segment.placeholders)
      .problems.filter((p) => p.kind === 'link')
      .map((p) => problem(this, `checks.placeholder.${p.code}`, { n: p.n, kind: p.kind }));
  },
};

// The local part is bounded (64 characters, as in RFC 5321): unbounded, a long run of letters
// without an @ is scanned again from every position (10,000 Burmese letters took 6 s per check).
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"“”«»]+/giu;

/** Addresses and web addresses written out in a text, without the punctuation that ends a sentence. */
export function lockedValuesIn(text: string): string[] {
  return [...(text.includes('@') ? text.matchAll(EMAIL) : []), ...text.matchAll(URL)].map((m) => m[0].replace(/[.,;:!?)\]។။]+$/u, ''));
}

/**
 * Every token of the source (`{1}`) appears exactly once, and the translation spells out no e-mail
 * or web address that the source does not have: the address lives in the token only.
 */
export const lockedTokensCheck: Check = {
  id: 'locked_tokens',
  severity: 'error',
  run(subject) {
    const markers = parseSegmentText(subject.text, subject.segment.placeholders)
      .problems.filter((p) => p.kind === 'token')
      .map((p) => problem(this, `checks.placeholder.${p.code}`, { n: p.n, kind: p.kind }));
    const inSource = new Set(lockedValuesIn(subject.sourceTyped).map((v) => v.toLowerCase()));
    const typed = [...new Set(lockedValuesIn(subject.targetTyped))]
      .filter((v) => !inSource.has(v.toLowerCase()))
      .map((value) => problem(this, 'checks.locked_token.typed', { value }));
    return [...markers, ...typed];
  },
};
