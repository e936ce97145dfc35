// View models for readers' pages: edition, compare view, language switcher, statement list.
import type { EditionRow } from '../../domain/edition.js';
import type { LocaleInfo } from '../../domain/locales.js';
import type { LocaleProgress } from '../../domain/progress.js';
import type { Translator } from '../../i18n/index.js';
import type { Edition } from '../../services/editions.js';
import { partsToHtml } from './segment-html.js';

export interface CellView {
  lang: string;
  dir: string;
  state: string;
  html: string;
}

export interface RowView {
  id: string;
  kind: string;
  /** List number in the digits of each column's locale. */
  numbers: string[];
  cells: CellView[];
}

export interface SwitcherEntry {
  tag: string;
  autonym: string;
  dir: string;
  href: string;
  current: boolean;
  percent: string;
}

export function presentRows(rows: readonly EditionRow[], tr: Translator): RowView[] {
  return rows.map((row) => ({
    id: row.segmentId,
    kind: row.kind,
    numbers: row.cells.map((c) => (row.listNumber === undefined ? '' : tr.numberIn(c.locale, row.listNumber))),
    cells: row.cells.map((c) => ({ lang: c.lang, dir: c.dir, state: c.state, html: partsToHtml(c.parts, row.links, row.tokens) })),
  }));
}

/** Sections of an edition: the body, then the contact, signatory and supporter lists. */
export function groupRows(rows: RowView[]): { kind: string; rows: RowView[] }[] {
  const groups: { kind: string; rows: RowView[] }[] = [];
  for (const row of rows) {
    const kind = ['contact', 'signatory', 'supporter'].includes(row.kind) ? row.kind : 'body';
    const last = groups.at(-1);
    if (last && last.kind === kind) last.rows.push(row);
    else groups.push({ kind, rows: [row] });
  }
  return groups;
}

export function switcher(
  edition: Edition,
  tr: Translator,
  hrefFor: (tag: string) => string,
  current: readonly string[],
): SwitcherEntry[] {
  const all: LocaleInfo[] = [edition.source, ...edition.available];
  return all.map((l) => ({
    tag: l.tag,
    autonym: l.autonym,
    dir: l.direction,
    href: hrefFor(l.tag),
    current: current.includes(l.tag),
    percent: l.tag === edition.source.tag ? '' : tr.percent(edition.progress[l.tag]?.percentApproved ?? 0),
  }));
}

export function progressView(p: LocaleProgress | undefined, tr: Translator) {
  const total = p?.total ?? 0;
  return {
    translated: tr.percent(p?.percentTranslated ?? 0),
    approved: tr.percent(p?.percentApproved ?? 0),
    percentTranslated: p?.percentTranslated ?? 0,
    percentApproved: p?.percentApproved ?? 0,
    notice: tr.t('edition.notice', {
      approved: tr.number(p?.approved ?? 0),
      total: tr.number(total),
      percent: tr.percent(p?.percentApproved ?? 0),
    }),
  };
}
