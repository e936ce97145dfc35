// Downloads of a version: Markdown, plain text and one standalone HTML file. Each carries the
// version's stamp. Made once per version and interface language, then kept (versions never change).
import type { Translator } from '../../i18n/index.js';
import type { EditionReading } from '../../services/publishing.js';
import { descriptionOf, stampView, versionGroups, type DownloadFormat } from '../presenters/version.js';
import { renderView } from '../views.js';
import { embeddedFonts } from './fonts.js';
import { versionToMarkdown } from './markdown.js';
import { versionToText } from './plain-text.js';
import { plainText } from '../../domain/placeholders.js';

export interface Download {
  type: string;
  body: string;
}

const made = new Map<string, Promise<Download>>();
const KEEP = 200;

export function downloadFile(reading: EditionReading, format: DownloadFormat, tr: Translator): Promise<Download> {
  const v = reading.version;
  // The stamp's "newer version" and "source corrected" facts are the page's; a download states its own version.
  const key = `${v.statementId}|${v.locale}|${v.version}|${format}|${tr.lang}`;
  let download = made.get(key);
  if (!download) {
    download = make(reading, format, tr);
    made.set(key, download);
    download.catch(() => made.delete(key));
    if (made.size > KEEP) made.delete(made.keys().next().value!);
  }
  return download;
}

async function make(reading: EditionReading, format: DownloadFormat, tr: Translator): Promise<Download> {
  const v = reading.version;
  const stamp = stampView(v, v.version, v.sourceRevision, reading.locale, tr);
  if (format === 'md') return { type: 'text/markdown; charset=utf-8', body: versionToMarkdown(v, stamp) };
  if (format === 'txt') return { type: 'text/plain; charset=utf-8', body: versionToText(v, stamp, (n) => tr.numberIn(v.locale, n)) };
  const text = v.segments.map((s) => plainText(s.text, s.placeholders)).join('\n') + JSON.stringify(stamp) + tr.t('publishing.stamp.note');
  const body = await renderView('standalone', {
    tr,
    title: v.title,
    description: descriptionOf(v),
    locale: reading.locale,
    stamp,
    groups: versionGroups(v, reading.locale, reading.source, tr),
    fonts: await embeddedFonts(text + allMarks(tr)),
  });
  return { type: 'text/html; charset=utf-8', body };
}

/** The fallback and outdated marks are in the interface language: their characters need the font too. */
const allMarks = (tr: Translator) => tr.t('edition.fallback') + tr.t('edition.outdated');
