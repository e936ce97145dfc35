// A locale's glossary, kept by its editors: how a term of the source is translated, or that it is
// not translated at all (names, acronyms). Terms are found in a source text as whole words,
// regardless of case, the longest first ("Karen National Union" before "Karen").
import { buildTermAutomaton, foldCase } from './term-automaton.js';

export interface GlossaryEntry {
  id: string;
  locale: string;
  term: string;
  /** The translation to use; for a term not to translate, the term itself. */
  translation: string;
  note: string;
  doNotTranslate: boolean;
  updatedAt: string;
}

export type GlossaryFields = Pick<GlossaryEntry, 'term' | 'translation' | 'note' | 'doNotTranslate'>;

export const GLOSSARY_LIMITS = { term: 200, translation: 500, note: 1000, entries: 5000 } as const;

/**
 * Characters of one CSV import, pasted or read from a file: the one definition the import form
 * (its box's maxlength), the server's check and the body size those routes accept all follow.
 */
export const GLOSSARY_CSV_LIMIT = 60_000;

/** One spelling per term: NFC, single spaces, lower case. Two entries may not share a key. */
export function termKey(term: string): string {
  return term.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** The words a translation must contain for this entry. */
export function expectedTranslation(entry: Pick<GlossaryEntry, 'term' | 'translation' | 'doNotTranslate'>): string {
  return entry.doNotTranslate ? entry.term : entry.translation;
}

export interface GlossaryProblem {
  key: string;
  params: Record<string, string | number>;
}

/** Trimmed, NFC fields, or what is wrong with them (message key under `errors.`). */
export function cleanGlossaryFields(input: GlossaryFields): { fields: GlossaryFields } | { problem: GlossaryProblem } {
  const clean = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const term = clean(input.term);
  const translation = clean(input.translation) || (input.doNotTranslate ? term : '');
  const note = input.note.normalize('NFC').trim();
  if (term === '') return { problem: { key: 'glossary.term_required', params: {} } };
  if (translation === '') return { problem: { key: 'glossary.translation_required', params: { term } } };
  for (const field of ['term', 'translation', 'note'] as const) {
    const value = { term, translation, note }[field];
    if (value.length > GLOSSARY_LIMITS[field]) {
      return { problem: { key: 'glossary.too_long', params: { field, count: GLOSSARY_LIMITS[field] } } };
    }
  }
  return { fields: { term, translation, note, doNotTranslate: input.doNotTranslate } };
}

export interface TermMatch {
  entry: GlossaryEntry;
  start: number;
  end: number;
}

type Matcher = (text: string) => TermMatch[];

/** Matchers by list of entries, and by content (the store hands out a new list for each read). */
const matchers = new WeakMap<readonly GlossaryEntry[], Matcher>();
const byContent = new Map<string, Matcher>();
const KEPT_MATCHERS = 16;
let builds = 0;

/** How many matchers were built so far (tests and the bench check that a glossary is built once). */
export const termMatcherBuilds = () => builds;

const WORD_CHAR_BEFORE = /[\p{L}\p{N}\p{M}]$/u;
const WORD_CHAR_AFTER = /^[\p{L}\p{N}\p{M}]/u;

/**
 * A function finding the glossary's terms in a text: whole words, any case, any white space
 * between the words of a term; where terms overlap, the leftmost, then the longest. Built once
 * per content of the glossary (an automaton, term-automaton.ts), so rendering a workspace with a
 * glossary of thousands of terms builds nothing when the glossary has not changed.
 */
export function termMatcher(entries: readonly GlossaryEntry[]): Matcher {
  let matcher = matchers.get(entries);
  if (matcher) return matcher;
  const content = entries.map((e) => `${e.id}\u0001${e.term}\u0001${e.translation}\u0001${e.note}\u0001${e.doNotTranslate}`).join('\u0002');
  matcher = byContent.get(content);
  if (matcher) {
    byContent.delete(content); // most recently used last
  } else {
    matcher = buildMatcher(entries);
    builds += 1;
  }
  byContent.set(content, matcher);
  if (byContent.size > KEPT_MATCHERS) byContent.delete(byContent.keys().next().value!);
  matchers.set(entries, matcher);
  return matcher;
}

function buildMatcher(entries: readonly GlossaryEntry[]): Matcher {
  const byKey = new Map<string, GlossaryEntry>();
  for (const entry of entries) if (!byKey.has(foldCase(termKey(entry.term)))) byKey.set(foldCase(termKey(entry.term)), entry);
  if (byKey.size === 0) return () => [];
  const terms = [...byKey.keys()];
  const found = [...byKey.values()];
  const automaton = buildTermAutomaton(terms);
  return (text) => {
    // The longest whole-word match at each start, then left to right without overlaps.
    const longest = new Map<number, { term: number; end: number }>();
    for (const m of automaton.findAll(text)) {
      if (WORD_CHAR_BEFORE.test(text.slice(Math.max(0, m.start - 2), m.start)) || WORD_CHAR_AFTER.test(text.slice(m.end, m.end + 2))) continue;
      const best = longest.get(m.start);
      if (!best || m.end > best.end) longest.set(m.start, { term: m.term, end: m.end });
    }
    const matches: TermMatch[] = [];
    let after = 0;
    for (const start of [...longest.keys()].sort((a, b) => a - b)) {
      if (start < after) continue;
      const { term, end } = longest.get(start)!;
      matches.push({ entry: found[term]!, start, end });
      after = end;
    }
    return matches;
  };
}

export function findTerms(text: string, entries: readonly GlossaryEntry[]): TermMatch[] {
  return termMatcher(entries)(text);
}
