// An edition is a pure function from a statement and its translations to rows, one per segment,
// with one cell per requested locale (MediaWiki Translate's TranslationUnit::getTextForRendering).
import type { LocaleInfo } from './locales.js';
import { parseSegmentText, placeholderValues, type InlinePart } from './placeholders.js';
import { publishedOf } from './published.js';
import type { EditionVersion, VersionSegment } from './edition-version.js';
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
  /** Published versions by locale: such a column shows its version, not the approved text of now. */
  versions: Readonly<Record<string, EditionVersion>> = {},
): EditionRow[] {
  const byKey = new Map(translations.map((t) => [`${t.locale}\u0000${t.segmentId}`, t]));
  const versionSegments = new Map<string, VersionSegment>(
    Object.values(versions).flatMap((v) => v.segments.map((s) => [`${v.locale}\u0000${s.segmentId}`, s] as const)),
  );
  return statement.segments.map((segment) => ({
    segmentId: segment.id,
    index: segment.index,
    kind: segment.kind,
    ...(segment.listNumber === undefined ? {} : { listNumber: segment.listNumber }),
    links: placeholderValues(segment, 'link'),
    tokens: placeholderValues(segment, 'token'),
    cells: locales.map((locale) => {
      const key = `${locale.tag}\u0000${segment.id}`;
      if (versions[locale.tag]) return versionCell(segment, locale, source, versionSegments.get(key));
      return cellFor(segment, locale, source, byKey.get(key));
    }),
  }));
}

/** The rows of one published version, as readers of it get them (nothing read from the work table). */
export function versionRows(version: EditionVersion, locale: LocaleInfo, source: LocaleInfo): EditionRow[] {
  return version.segments.map((s, index) => ({
    segmentId: s.segmentId,
    index,
    kind: s.kind,
    ...(s.listNumber === undefined ? {} : { listNumber: s.listNumber }),
    links: placeholderValues(s, 'link'),
    tokens: placeholderValues(s, 'token'),
    cells: [versionCell({ source: s.text, placeholders: s.placeholders }, locale, source, s)],
  }));
}

/** A cell from a version's segment; a segment the version lacks (newer source) is the source, marked. */
function versionCell(
  segment: Pick<Segment, 'source' | 'placeholders'>,
  locale: LocaleInfo,
  source: LocaleInfo,
  s: VersionSegment | undefined,
): EditionCell {
  const isSource = locale.tag === source.tag;
  if (!s || s.fallback) {
    const text = s?.text ?? segment.source;
    return {
      locale: locale.tag,
      lang: source.tag,
      dir: source.direction,
      state: isSource ? 'source' : 'fallback',
      parts: parseSegmentText(text, (s ?? segment).placeholders).parts,
    };
  }
  return {
    locale: locale.tag,
    lang: isSource ? source.tag : locale.tag,
    dir: isSource ? source.direction : locale.direction,
    state: isSource ? 'source' : s.outdated ? 'outdated' : 'approved',
    parts: parseSegmentText(s.text, s.placeholders).parts,
  };
}

function cellFor(segment: Segment, locale: LocaleInfo, source: LocaleInfo, translation?: Translation): EditionCell {
  if (locale.tag === source.tag) return sourceCell(segment, locale.tag, source, 'source');
  const published = publishedText(segment, translation);
  if (!published) return sourceCell(segment, locale.tag, source, 'fallback');
  // A name kept as in the original is the source's text, in the source's language.
  const shown = published.text === segment.source ? source : locale;
  return {
    locale: locale.tag,
    lang: shown.tag,
    dir: shown.direction,
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
 * What readers get of a translation: its published text (the last approved revision), whatever
 * work goes on since. Text approved against an older source is still shown, marked outdated.
 */
export function publishedText(segment: Segment, t?: Translation): { text: string; state: 'approved' | 'outdated' } | undefined {
  const published = publishedOf(t);
  if (!published) return undefined;
  const outdated = t!.status === 'outdated' || published.sourceHash !== segment.sourceHash;
  return { text: published.text, state: outdated ? 'outdated' : 'approved' };
}
