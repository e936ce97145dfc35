// A term of the source that has a glossary entry should be translated as the glossary says.
import { expectedTranslation, findTerms, termKey } from '../glossary.js';
import { problem, type Check } from './types.js';

export const glossaryCheck: Check = {
  id: 'glossary',
  severity: 'warning',
  run({ sourceTyped, targetTyped, glossary, keepOriginal }) {
    if (!glossary || glossary.length === 0 || keepOriginal) return [];
    const target = termKey(targetTyped);
    const seen = new Set<string>();
    return findTerms(sourceTyped, glossary).flatMap(({ entry }) => {
      const expected = expectedTranslation(entry);
      if (seen.has(entry.id) || target.includes(termKey(expected))) return [];
      seen.add(entry.id);
      return [problem(this, 'checks.glossary.missing', { term: entry.term, translation: expected })];
    });
  },
};
