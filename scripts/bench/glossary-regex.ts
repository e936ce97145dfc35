// The glossary matcher Tandem used before the automaton (server/domain/term-automaton.ts): one
// regular expression with every term as an alternative, longest first. Kept as the baseline of
// the glossary bench and as the reference its replacement must agree with (test/domain/glossary-matching.test.ts).
import { termKey, type GlossaryEntry, type TermMatch } from '../../server/domain/glossary.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function regexTermMatcher(entries: readonly GlossaryEntry[]): (text: string) => TermMatch[] {
  const byKey = new Map(entries.map((e) => [termKey(e.term), e]));
  const terms = [...byKey.values()].map((e) => termKey(e.term)).sort((a, b) => b.length - a.length);
  if (terms.length === 0) return () => [];
  const alternatives = terms.map((t) => escapeRegExp(t).replace(/ /g, '\\s+')).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${alternatives})(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
  return (text) =>
    [...text.matchAll(pattern)].flatMap((m) => {
      const entry = byKey.get(termKey(m[0]));
      return entry ? [{ entry, start: m.index, end: m.index + m[0].length }] : [];
    });
}
