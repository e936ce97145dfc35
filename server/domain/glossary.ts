// A locale's glossary, kept by its editors: how a term of the source is translated, or that it is
// not translated at all (names, acronyms). Terms are found in a source text as whole words,
// regardless of case, the longest first ("Karen National Union" before "Karen").

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

/** One spelling per term: NFC, single spaces, lower case. Two entries may not share a key. */
export function termKey(term: string): string {
  return term.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** The words a translation must contain for this entry. */
export function expectedTranslation(entry: Pick<GlossaryEntry, 'term' | 'translation' | 'doNotTranslate'>): string {
  return entry.doNotTranslate ? entry.term : entry.translation;
}

export interface GlossaryProblem { key: string; params: Record<string, string | number> }

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
      return { problem: { key: 'glossary.too_long', params: { field, max: GLOSSARY_LIMITS[field] } } };
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
const matchers = new WeakMap<readonly GlossaryEntry[], Matcher>();

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A function finding the glossary's terms in a text; built once per list of entries. */
export function termMatcher(entries: readonly GlossaryEntry[]): Matcher {
  let matcher = matchers.get(entries);
  if (matcher) return matcher;
  const byKey = new Map(entries.map((e) => [termKey(e.term), e]));
  const terms = [...byKey.values()].map((e) => termKey(e.term)).sort((a, b) => b.length - a.length);
  if (terms.length === 0) {
    matcher = () => [];
  } else {
    const alternatives = terms.map((t) => escapeRegExp(t).replace(/ /g, '\\s+')).join('|');
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${alternatives})(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
    matcher = (text) =>
      [...text.matchAll(pattern)].flatMap((m) => {
        const entry = byKey.get(termKey(m[0]));
        return entry ? [{ entry, start: m.index, end: m.index + m[0].length }] : [];
      });
  }
  matchers.set(entries, matcher);
  return matcher;
}

export function findTerms(text: string, entries: readonly GlossaryEntry[]): TermMatch[] {
  return termMatcher(entries)(text);
}
