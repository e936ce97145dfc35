// Word-level difference between two texts of one locale, for conflicts and history.
//
// Burmese, Khmer and Thai write no spaces between words, so splitting on spaces would mark a
// whole sentence as changed. Words come from Intl.Segmenter (ICU's dictionary-based word
// breaking), placeholders (`<1>`, `</1>`, `{1}`) stay single tokens, and the longest common
// subsequence of the tokens comes from jsdiff's Myers diff (`diffArrays`).
import { diffArrays } from 'diff';

export type DiffPartType = 'same' | 'added' | 'removed';

export interface DiffPart {
  type: DiffPartType;
  text: string;
}

/** Link tags and locked tokens, as segment text writes them (see Placeholder in types.ts). */
const PLACEHOLDER = /(<\/?\d+>|\{\d+\})/;

function segmenterFor(locale: string): Intl.Segmenter {
  try {
    return new Intl.Segmenter(locale, { granularity: 'word' });
  } catch {
    return new Intl.Segmenter(undefined, { granularity: 'word' }); // a tag ICU cannot parse
  }
}

/** The text cut into words, spaces, punctuation and placeholders; joined they give the text back. */
export function tokenize(text: string, locale: string): string[] {
  const segmenter = segmenterFor(locale);
  const tokens: string[] = [];
  text.split(PLACEHOLDER).forEach((piece, i) => {
    if (i % 2 === 1) tokens.push(piece);
    else for (const { segment } of segmenter.segment(piece)) tokens.push(segment);
  });
  return tokens;
}

/**
 * What changed from `before` to `after`: the `same` and `removed` parts spell `before`, the `same`
 * and `added` parts spell `after`. Where a run is replaced, the removed part comes first.
 */
export function diffText(before: string, after: string, locale: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays(tokenize(before, locale), tokenize(after, locale))) {
    const type: DiffPartType = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const text = change.value.join('');
    if (text === '') continue;
    const last = parts.at(-1);
    if (last?.type === type) last.text += text;
    else parts.push({ type, text });
  }
  return parts;
}

/** True when the two texts the parts came from are equal. */
export const unchanged = (parts: readonly DiffPart[]): boolean => parts.every((p) => p.type === 'same');
