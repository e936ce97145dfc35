// View models of published editions: a version's page (stamp, notices, rows), the version list,
// the switcher's published / in progress marks, and the head's alternates and Open Graph tags.
// The same models serve the server's pages and the static export; `links` says where things are.
import { versionRows } from '../../domain/edition.js';
import { stampOf, type EditionVersion, type VersionSummary } from '../../domain/edition-version.js';
import type { LocaleInfo } from '../../domain/locales.js';
import { plainText } from '../../domain/placeholders.js';
import { diffText } from '../../domain/text-diff.js';
import { changedSegments } from '../../domain/edition-version.js';
import type { Translator } from '../../i18n/index.js';
import { groupRows, presentRows, switcherEntries, type SwitcherEntry } from './edition.js';
import { escapeHtml } from './segment-html.js';

/** Where a page links to: absolute paths on the server, relative files in the static export. */
export interface EditionLinks {
  latest(locale: string): string;
  version(locale: string, n: number): string;
  versions(locale: string): string;
  compare(tags: readonly string[]): string;
  download(locale: string, n: number, format: DownloadFormat): string;
  home: string;
  /** Absolute URL of a path, for alternates and Open Graph (empty in the export: relative only). */
  absolute?(path: string): string;
}

export type DownloadFormat = 'md' | 'txt' | 'html';
export const DOWNLOAD_FORMATS: readonly DownloadFormat[] = ['md', 'txt', 'html'];

/** File name of a download: statement, locale and version. */
export const downloadName = (v: { statementId: string; locale: string; version: number }, format: DownloadFormat) =>
  `${v.statementId}.${v.locale}.v${v.version}.${format}`;

export interface StampView {
  heading: string;
  lines: string[];
  note?: string;
}

export function stampView(v: VersionSummary, latest: number, currentSourceRevision: number, locale: LocaleInfo, tr: Translator): StampView {
  const stamp = stampOf(v, latest, currentSourceRevision);
  const lines = [
    tr.t('publishing.stamp.source', {
      revision: tr.number(stamp.sourceRevision),
      ...(stamp.sourceDate ? {} : {}),
    }) + (stamp.sourceDate ? ` · ${tr.t('publishing.stamp.source_date', { date: stamp.sourceDate })}` : ''),
    tr.t('publishing.stamp.published', { date: tr.date(stamp.publishedAt) }),
    stamp.approved >= stamp.total
      ? tr.t('publishing.stamp.complete')
      : tr.t('publishing.stamp.reviewed', {
          approved: tr.number(stamp.approved),
          total: tr.number(stamp.total),
          percent: tr.percent(stamp.percentApproved),
        }),
  ];
  return {
    heading: tr.t('publishing.stamp.heading', { language: locale.autonym, version: tr.number(stamp.version) }),
    lines,
    ...(stamp.note ? { note: stamp.note } : {}),
  };
}

/** Every language of the statement, published ones linking to their latest version. */
export function publishedSwitcher(
  all: readonly LocaleInfo[],
  published: Record<string, number>,
  current: readonly string[],
  tr: Translator,
  hrefFor: (tag: string) => string,
): SwitcherEntry[] {
  return switcherEntries(all, current, published, tr, hrefFor);
}

/** `<head>` additions: alternates between published editions (with x-default), Open Graph, robots. */
export function headTags(input: {
  title: string;
  titleLang: string;
  description: string;
  locale: string;
  alternates: { hreflang: string; href: string }[];
  noindex?: boolean;
  stylesheet?: string;
}): string {
  const tags = [
    ...(input.stylesheet ? [`<link rel="stylesheet" href="${escapeHtml(input.stylesheet)}">`] : []),
    ...(input.noindex ? ['<meta name="robots" content="noindex">'] : []),
    ...input.alternates.map((a) => `<link rel="alternate" hreflang="${escapeHtml(a.hreflang)}" href="${escapeHtml(a.href)}">`),
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${escapeHtml(input.title)}">`,
    `<meta property="og:description" content="${escapeHtml(input.description)}">`,
    `<meta property="og:locale" content="${escapeHtml(input.locale.replace(/-/g, '_'))}">`,
  ];
  return tags.join('\n');
}

/** The first paragraph readers get, shortened: the description for Open Graph and the feed. */
export function descriptionOf(v: EditionVersion, max = 200): string {
  const paragraph = v.segments.find((s) => s.kind === 'paragraph' && !s.fallback) ?? v.segments.find((s) => s.kind === 'paragraph');
  const text = paragraph ? plainText(paragraph.text, paragraph.placeholders).replace(/\s+/g, ' ').trim() : v.title;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Rows and groups of a version's article. */
export function versionGroups(v: EditionVersion, locale: LocaleInfo, source: LocaleInfo, tr: Translator) {
  return groupRows(presentRows(versionRows(v, locale, source), tr));
}

/** One entry of the versions list, with the segments changed since the version before. */
export function versionListEntry(v: EditionVersion, before: EditionVersion | undefined, tr: Translator, links: EditionLinks) {
  return {
    n: tr.number(v.version),
    version: v.version,
    href: links.version(v.locale, v.version),
    published: tr.date(v.publishedAt),
    reviewed: tr.percent(v.percentApproved),
    note: v.note ?? '',
    changes: changedSegments(before, v).map((c) => ({
      segmentId: c.segmentId,
      parts: diffText(c.before, c.after, v.locale),
    })),
  };
}

export { escapeHtml };
