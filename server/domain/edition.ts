// An edition is a pure function from a statement and its translations to rows, one per segment,
// with one cell per requested locale (MediaWiki Translate's TranslationUnit::getTextForRendering).
import type { LocaleInfo } from './locales.js';
import { parseSegmentText, type InlinePart } from './placeholders.js';
import type { Segment, SegmentKind, Statement, Translation } from './types.js';

/**
 * source: the locale is the source language; approved: published translation;
 * outdated: approved before the source changed, shown marked; fallback: source text in place of a
 * missing translation, carrying the source's lang and dir.
 */
export type CellState = 'source' | 'approved' | 'outdated' | 'fallback';

export interface EditionCell {
  /** The edition's locale (the column). */
  locale: string;
  /** Language and direction of the text actually shown (the source's for a fallback). */
  lang: string;
  dir: 'ltr' | 'rtl';
  state: CellState;
  parts: InlinePart[];
}

export interface EditionRow {
  segmentId: string;
  index: number;
  kind: SegmentKind;
  listNumber?: number;
  /** Links of the source, by placeholder number: the only URLs an edition can contain. */
  links: Record<number, string>;
  tokens: Record<number, string>;
  cells: EditionCell[];
}

export function buildEdition(
  statement: Statement,
  translations: readonly Translation[],
  locales: readonly LocaleInfo[],
  source: LocaleInfo,
): EditionRow[] {
  const byKey = new Map(translations.map((t) => [`${t.locale}\u0000${t.segmentId}`, t]));
  return statement.segments.map((segment) => ({
    segmentId: segment.id,
    index: segment.index,
    kind: segment.kind,
    ...(segment.listNumber === undefined ? {} : { listNumber: segment.listNumber }),
    links: placeholderValues(segment, 'link'),
    tokens: placeholderValues(segment, 'token'),
    cells: locales.map((locale) =>
      cellFor(segment, locale, source, byKey.get(`${locale.tag}\u0000${segment.id}`)),
    ),
  }));
}

function cellFor(segment: Segment, locale: LocaleInfo, source: LocaleInfo, translation?: Translation): EditionCell {
  if (locale.tag === source.tag) return sourceCell(segment, locale.tag, source, 'source');
  const published = publishedText(translation);
  if (!published) return sourceCell(segment, locale.tag, source, 'fallback');
  return {
    locale: locale.tag,
    lang: locale.tag,
    dir: locale.direction,
    state: published.state,
    parts: parseSegmentText(published.text, segment.placeholders).parts,
  };
}

function sourceCell(segment: Segment, column: string, source: LocaleInfo, state: CellState): EditionCell {
  return {
    locale: column,
    lang: source.tag,
    dir: source.direction,
    state,
    parts: parseSegmentText(segment.source, segment.placeholders).parts,
  };
}

/**
 * Only approved text is published. A translation outdated by a source change is still shown,
 * marked, when the text it holds had been approved.
 */
export function publishedText(t?: Translation): { text: string; state: 'approved' | 'outdated' } | undefined {
  if (!t) return undefined;
  if (t.status === 'approved') return { text: t.text, state: 'approved' };
  if (t.status === 'outdated' && wasApproved(t)) return { text: t.text, state: 'outdated' };
  return undefined;
}

function wasApproved(t: Translation): boolean {
  return t.approvedText === t.text;
}

function placeholderValues(segment: Segment, kind: 'link' | 'token'): Record<number, string> {
  return Object.fromEntries(segment.placeholders.filter((p) => p.kind === kind).map((p) => [p.n, p.value]));
}
