// Glossary terms are found by an automaton built once per glossary content: the same matches as
// the regular expression it replaced, on the whole first statement, and on a table of edge cases.
import { describe, expect, it } from '@jest/globals';
import { findTerms, termMatcher, termMatcherBuilds, type GlossaryEntry } from '../../server/domain/glossary.js';
import { regexTermMatcher } from '../../scripts/bench/glossary-regex.js';
import { glossaryOf, statementSources } from '../../scripts/bench/glossary-terms.js';

const entry = (term: string, id = term): GlossaryEntry => ({
  id,
  locale: 'my',
  term,
  translation: `${term} (my)`,
  note: '',
  doNotTranslate: false,
  updatedAt: '2022-01-04T00:00:00.000Z',
});
const found = (text: string, terms: string[]) =>
  findTerms(
    text,
    terms.map((t) => entry(t)),
  ).map((m) => [m.entry.term, text.slice(m.start, m.end)]);

describe('term matching', () => {
  it.each([
    [
      'any case',
      'The JUNTA and the junta',
      ['junta'],
      [
        ['junta', 'JUNTA'],
        ['junta', 'junta'],
      ],
    ],
    ['whole words only', 'Karenni and Karen', ['Karen'], [['Karen', 'Karen']]],
    [
      'the longest term where terms overlap',
      'Karen National Union',
      ['Karen', 'Karen National Union'],
      [['Karen National Union', 'Karen National Union']],
    ],
    ['any white space between the words of a term', 'Hun\n  Sen met', ['Hun Sen'], [['Hun Sen', 'Hun\n  Sen']]],
    ['the leftmost of overlapping terms', 'civil society organisations', ['civil society', 'society organisations'], [['civil society', 'civil society']]],
    [
      'terms beside punctuation',
      '(ASEAN), ASEAN.',
      ['ASEAN'],
      [
        ['ASEAN', 'ASEAN'],
        ['ASEAN', 'ASEAN'],
      ],
    ],
    ['a term with punctuation of its own', 'the U.N. said', ['U.N.'], [['U.N.', 'U.N.']]],
    ['Burmese terms, between spaces', 'စစ်ကောင်စီ နှင့်', ['စစ်ကောင်စီ'], [['စစ်ကောင်စီ', 'စစ်ကောင်စီ']]],
    ['Khmer terms, not inside a longer word', 'កម្ពុជានិង កម្ពុជា', ['កម្ពុជា'], [['កម្ពុជា', 'កម្ពុជា']]],
    [
      'Greek final sigma',
      'ΟΔΟΣ οδος',
      ['οδος'],
      [
        ['οδος', 'ΟΔΟΣ'],
        ['οδος', 'οδος'],
      ],
    ],
    ['letters outside the Basic Multilingual Plane beside a term', '𝐀junta junta', ['junta'], [['junta', 'junta']]],
  ])('%s', (_name, text, terms, expected) => {
    expect(found(text, terms)).toEqual(expected);
  });

  it('finds what the regular expression found, on every segment of the first statement (1,000 terms)', () => {
    const glossary = glossaryOf(1000);
    const regex = regexTermMatcher(glossary);
    const automaton = termMatcher(glossary);
    for (const source of statementSources()) {
      const mine = automaton(source).map((m) => [m.entry.id, m.start, m.end]);
      expect([source, mine]).toEqual([source, regex(source).map((m) => [m.entry.id, m.start, m.end])]);
    }
  });

  it('is built once per glossary content, not once per list handed out by the store', () => {
    const before = termMatcherBuilds();
    const glossary = glossaryOf(300);
    termMatcher(glossary);
    termMatcher(structuredClone(glossary)); // the next read of the same glossary
    expect(termMatcherBuilds() - before).toBe(1);
    termMatcher(glossary.map((e, i) => (i === 0 ? { ...e, translation: 'changed' } : e)));
    expect(termMatcherBuilds() - before).toBe(2);
  });
});
