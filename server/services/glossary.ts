// Use cases for a locale's glossary: read it (the locale's translators and editors), keep it
// (its editors), and move it in and out as CSV (columns term, translation, note, do_not_translate).
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DomainError } from '../domain/errors.js';
import { cleanGlossaryFields, GLOSSARY_LIMITS, termKey, type GlossaryEntry, type GlossaryFields } from '../domain/glossary.js';
import { can, type Actor } from '../domain/permissions.js';
import type { ServiceDeps } from './deps.js';
import { forbiddenOrUnauthenticated, requireLocale } from './locales.js';

export interface GlossaryInput {
  term: string;
  translation: string;
  note?: string;
  doNotTranslate?: boolean;
}

export const CSV_COLUMNS = ['term', 'translation', 'note', 'do_not_translate'] as const;

async function authorize(deps: ServiceDeps, actor: Actor | undefined, action: 'read_work' | 'keep_glossary', locale: string) {
  if (!can(actor, action, locale)) throw forbiddenOrUnauthenticated(actor);
  await requireLocale(deps, locale);
}

export async function listGlossary(deps: ServiceDeps, actor: Actor | undefined, locale: string): Promise<GlossaryEntry[]> {
  await authorize(deps, actor, 'read_work', locale);
  return sortByTerm(await deps.store.listGlossary(locale));
}

function fieldsOf(input: GlossaryInput, problemKey = (key: string) => key, extra: Record<string, number> = {}): GlossaryFields {
  const cleaned = cleanGlossaryFields({
    term: input.term,
    translation: input.translation,
    note: input.note ?? '',
    doNotTranslate: input.doNotTranslate === true,
  });
  if ('problem' in cleaned) throw new DomainError('invalid_input', problemKey(cleaned.problem.key), { ...cleaned.problem.params, ...extra });
  return cleaned.fields;
}

const duplicate = (term: string) => new DomainError('duplicate', 'glossary.duplicate_term', { term });
const tooMany = () => new DomainError('too_large', 'glossary.too_many', { count: GLOSSARY_LIMITS.entries });

/** Adds an entry, or changes the one with `id`. A term is in a glossary once, whatever its case. */
export async function saveGlossaryEntry(
  deps: ServiceDeps,
  actor: Actor | undefined,
  locale: string,
  input: GlossaryInput & { id?: string },
): Promise<GlossaryEntry> {
  await authorize(deps, actor, 'keep_glossary', locale);
  const fields = fieldsOf(input);
  const key = termKey(fields.term);
  const entry: GlossaryEntry = { id: input.id ?? deps.randomToken().slice(0, 16), locale, ...fields, updatedAt: deps.now().toISOString() };
  await deps.store.updateGlossary(locale, (entries) => {
    if (entries.some((e) => e.id !== entry.id && termKey(e.term) === key)) throw duplicate(fields.term);
    const index = entries.findIndex((e) => e.id === entry.id);
    if (input.id !== undefined && index < 0) throw new DomainError('not_found', 'glossary.not_found');
    if (index >= 0) entries[index] = entry;
    else if (entries.length >= GLOSSARY_LIMITS.entries) throw tooMany();
    else entries.push(entry);
    return entries;
  });
  return entry;
}

export async function deleteGlossaryEntry(deps: ServiceDeps, actor: Actor | undefined, locale: string, id: string): Promise<void> {
  await authorize(deps, actor, 'keep_glossary', locale);
  await deps.store.updateGlossary(locale, (entries) => {
    if (!entries.some((e) => e.id === id)) throw new DomainError('not_found', 'glossary.not_found');
    return entries.filter((e) => e.id !== id);
  });
}

/** Spreadsheets run a cell that starts like a formula: such cells are exported behind a quote. */
const FORMULA_START = /^[=+\-@\t\r]/;

export async function exportGlossaryCsv(deps: ServiceDeps, actor: Actor | undefined, locale: string): Promise<string> {
  const entries = await listGlossary(deps, actor, locale);
  const cell = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);
  return stringify(
    entries.map((e) => [cell(e.term), cell(e.translation), cell(e.note), e.doNotTranslate ? 'yes' : 'no']),
    { header: true, columns: [...CSV_COLUMNS], bom: true },
  );
}

const YES = /^(?:1|true|yes|y|x)$/i;

/**
 * Merges a CSV file into the glossary: a known term (any case) is updated, a new one added. Every
 * row is checked before anything is written; a bad row refuses the whole file, naming the row.
 */
export async function importGlossaryCsv(
  deps: ServiceDeps,
  actor: Actor | undefined,
  locale: string,
  csv: string,
): Promise<{ added: number; updated: number; unchanged: number }> {
  await authorize(deps, actor, 'keep_glossary', locale);
  let records: Record<string, string>[];
  try {
    records = parse(csv, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
    }) as Record<string, string>[];
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 0;
    throw new DomainError('invalid_input', 'glossary.csv.malformed', { line });
  }
  if (records.length === 0) throw new DomainError('invalid_input', 'glossary.csv.empty');
  if (!('term' in records[0]!)) throw new DomainError('invalid_input', 'glossary.csv.no_term_column');
  const unquote = (s: string | undefined) => (s && s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : (s ?? ''));
  const rows = records.map((r, i) =>
    fieldsOf(
      { term: unquote(r.term), translation: unquote(r.translation), note: unquote(r.note), doNotTranslate: YES.test((r.do_not_translate ?? '').trim()) },
      (key) => key.replace('glossary.', 'glossary.csv.'),
      { row: i + 2 }, // the header is row 1, as a spreadsheet numbers them
    ),
  );

  const counts = { added: 0, updated: 0, unchanged: 0 };
  const now = deps.now().toISOString();
  await deps.store.updateGlossary(locale, (entries) => {
    const byKey = new Map(entries.map((e, i) => [termKey(e.term), i]));
    for (const fields of rows) {
      const index = byKey.get(termKey(fields.term));
      if (index === undefined) {
        byKey.set(termKey(fields.term), entries.push({ id: deps.randomToken().slice(0, 16), locale, ...fields, updatedAt: now }) - 1);
        counts.added += 1;
        continue;
      }
      const old = entries[index]!;
      const same =
        old.term === fields.term && old.translation === fields.translation && old.note === fields.note && old.doNotTranslate === fields.doNotTranslate;
      if (same) counts.unchanged += 1;
      else {
        entries[index] = { ...old, ...fields, updatedAt: now };
        counts.updated += 1;
      }
    }
    if (entries.length > GLOSSARY_LIMITS.entries) throw tooMany();
    return entries;
  });
  return counts;
}

function sortByTerm(entries: readonly GlossaryEntry[]): GlossaryEntry[] {
  return [...entries].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}
