// View models for readers' pages: edition, compare view, language switcher, statement list.
import type { EditionRow } from '../../domain/edition.js';
import type { LocaleInfo } from '../../domain/locales.js';
import type { LocaleProgress } from '../../domain/progress.js';
import type { Translator } from '../../i18n/index.js';
import type { Edition } from '../../services/editions.js';
import { escapeHtml, partsToHtml } from './segment-html.js';

export interface CellView {
  lang: string;
  dir: string;
  state: string;
  /** The segment's text element (and its fallback or outdated mark), every text escaped. */
  markup: string;
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
  /** "in progress" for a language with no published version. */
  mark: string;
}

/**
 * Rows of an edition. Each cell's markup is built here once rather than by an EJS include per
 * cell: an include costs a path lookup on disk, and an edition has hundreds of cells (the
 * benchmark measured 40 % of a page's time there). In the compare view, whose h1 names the view,
 * titles and headings are one level down.
 */
export function presentRows(rows: readonly EditionRow[], tr: Translator, options: { inCompare?: boolean } = {}): RowView[] {
  const down = options.inCompare ? 1 : 0;
  const marks = {
    fallback: markHtml('mark-fallback', tr.t('edition.fallback'), tr),
    outdated: markHtml('mark-outdated', tr.t('edition.outdated'), tr),
  };
  return rows.map((row) => {
    const tag = row.kind === 'title' ? `h${1 + down}` : row.kind === 'heading' ? `h${2 + down}` : 'div';
    return {
      id: row.segmentId,
      kind: row.kind,
      numbers: row.cells.map((c) => (row.listNumber === undefined ? '' : tr.numberIn(c.locale, row.listNumber))),
      cells: row.cells.map((c) => ({
        lang: c.lang,
        dir: c.dir,
        state: c.state,
        markup:
          `<${tag} class="text state-${c.state}" lang="${escapeHtml(c.lang)}" dir="${c.dir}">` +
          `${partsToHtml(c.parts, row.links, row.tokens)}</${tag}>` +
          (c.state === 'fallback' || c.state === 'outdated' ? marks[c.state] : ''),
      })),
    };
  });
}

function markHtml(className: string, text: string, tr: Translator): string {
  return `\n<span class="mark ${className}" lang="${tr.lang}" dir="${tr.dir}">${escapeHtml(text)}</span>`;
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

/**
 * The language switcher: every language, `current` ones marked, unpublished ones "in progress";
 * `percent` says how much of a language readers get (empty where there is nothing to say).
 */
export function switcherEntries(
  all: readonly LocaleInfo[],
  current: readonly string[],
  published: Readonly<Record<string, number>>,
  tr: Translator,
  hrefFor: (tag: string) => string,
  percent: (tag: string) => string = () => '',
): SwitcherEntry[] {
  return all.map((l) => ({
    tag: l.tag,
    autonym: l.autonym,
    dir: l.direction,
    href: hrefFor(l.tag),
    current: current.includes(l.tag),
    percent: percent(l.tag),
    mark: published[l.tag] ? '' : tr.t('publishing.in_progress'),
  }));
}

/** The switcher of a live edition: the share readers get beside each unpublished translation. */
export function switcher(edition: Edition, tr: Translator, hrefFor: (tag: string) => string, current: readonly string[]): SwitcherEntry[] {
  return switcherEntries([edition.source, ...edition.available], current, edition.published, tr, hrefFor, (tag) =>
    tag === edition.source.tag || edition.published[tag] ? '' : tr.percent(edition.readersGet[tag]?.percent ?? 0),
  );
}

/** Plain text of a cell (its links' words kept). */
const cellText = (parts: EditionRow['cells'][number]['parts']): string =>
  parts.map((p) => (p.type === 'text' ? p.text : p.type === 'link' ? cellText(p.children) : '')).join('');

/** The title as readers of column `column` get it: translated when its title is, else the source's. */
export function editionTitle(edition: Edition, column: number): string {
  const title = edition.rows.find((r) => r.kind === 'title')?.cells[column];
  return title ? cellText(title.parts).trim() || edition.statement.title : edition.statement.title;
}

/** The compare view's title: in the reader's interface language when it is one of the columns, else the first translated one. */
export function compareTitle(edition: Edition, uiLang: string): string {
  const translated = (i: number) => edition.rows.find((r) => r.kind === 'title')?.cells[i]?.state === 'approved';
  let column = edition.locales.findIndex((l) => l.tag === uiLang);
  if (column === -1 || (edition.locales[column]!.tag !== edition.source.tag && !translated(column))) {
    column = edition.locales.findIndex((l, i) => l.tag !== edition.source.tag && translated(i));
  }
  return column === -1 ? edition.statement.title : editionTitle(edition, column);
}

export function progressView(p: LocaleProgress | undefined, tr: Translator) {
  const total = p?.total ?? 0;
  return {
    translated: tr.percent(p?.percentTranslated ?? 0),
    approved: tr.percent(p?.percentApproved ?? 0),
    percentTranslated: p?.percentTranslated ?? 0,
    percentApproved: p?.percentApproved ?? 0,
    notice: tr.plural('edition.notice', total, {
      approved: tr.number(p?.approved ?? 0),
      percent: tr.percent(p?.percentApproved ?? 0),
    }),
  };
}

/** The notice of a preview: how much readers get translated (published text), in the reader's digits. */
export function readersNotice(edition: Edition, locale: string, tr: Translator): string {
  const p = edition.readersGet[locale];
  return tr.plural('edition.notice', p?.total ?? 0, { approved: tr.number(p?.published ?? 0), percent: tr.percent(p?.percent ?? 0) });
}
