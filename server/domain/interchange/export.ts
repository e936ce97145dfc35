// What an export holds, and the file each format makes of it.
import type { Statement, Translation } from '../types.js';
import { writeJson } from './json.js';
import { writePo } from './po.js';
import type { ExportDocument, ExportFormat } from './types.js';
import { writeXliff12 } from './xliff12.js';
import { writeXliff20 } from './xliff20.js';

/**
 * One unit per segment, in order. `approvedOnly` (callers who may not see work in progress, and
 * every JSON bundle) leaves out any text that is not approved, and editors' comments.
 */
export function exportDocument(
  statement: Statement,
  locale: string,
  translations: readonly Translation[],
  options: { approvedOnly: boolean; exportedAt: Date },
): ExportDocument {
  const bySegment = new Map(translations.map((t) => [t.segmentId, t]));
  return {
    statementId: statement.id,
    title: statement.title,
    sourceLocale: statement.sourceLocale,
    targetLocale: locale,
    sourceRevision: statement.sourceRevision,
    exportedAt: options.exportedAt,
    units: statement.segments.map((segment) => {
      const t = bySegment.get(segment.id);
      const visible = t && t.status !== 'untranslated' && (!options.approvedOnly || t.status === 'approved');
      return {
        segment,
        ...(visible ? { translation: { text: t.text, status: t.status, revision: t.revision } } : {}),
        ...(visible && !options.approvedOnly && t.status === 'needs_work' && t.comment ? { comment: t.comment } : {}),
      };
    }),
  };
}

export const FILE_TYPES: Record<ExportFormat, { contentType: string; extension: string }> = {
  xliff12: { contentType: 'application/xliff+xml; charset=utf-8', extension: 'xlf' },
  xliff20: { contentType: 'application/xliff+xml; charset=utf-8', extension: 'xliff' },
  po: { contentType: 'text/x-gettext-translation; charset=utf-8', extension: 'po' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
};

export function writeExport(format: ExportFormat, doc: ExportDocument): string {
  switch (format) {
    case 'xliff12':
      return writeXliff12(doc);
    case 'xliff20':
      return writeXliff20(doc);
    case 'po':
      return writePo(doc);
    case 'json':
      return writeJson(doc);
  }
}

/** "2022-01-04-joint-statement.my.xliff": the statement, the locale, the format. */
export const exportFileName = (statementId: string, locale: string, format: ExportFormat) =>
  `${statementId}.${locale}.${format === 'xliff12' ? 'xliff12.xlf' : FILE_TYPES[format].extension}`;
