// The shapes every interchange format (XLIFF 1.2, XLIFF 2.0, gettext PO, i18next JSON) maps to
// and from. Writers take an ExportDocument; readers return an ImportedFile. Plain data only.
import type { Segment, SegmentKind, Status } from '../types.js';

export const EXPORT_FORMATS = ['xliff12', 'xliff20', 'po', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Formats a file can be imported from (a JSON resource bundle carries no revision or source). */
export const IMPORT_FORMATS = ['xliff12', 'xliff20', 'po'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One segment and what the locale has for it, as exported. No author, no account: nobody is named. */
export interface ExportUnit {
  segment: Segment;
  /** Absent while untranslated. */
  translation?: { text: string; status: Status; revision: number };
  /** The editor's comment when changes were requested. */
  comment?: string;
}

export interface ExportDocument {
  statementId: string;
  title: string;
  sourceLocale: string;
  targetLocale: string;
  sourceRevision: number;
  /** When the file was made (PO-Revision-Date); the services pass the clock's time. */
  exportedAt: Date;
  units: ExportUnit[];
}

/**
 * How the file marks a unit's target: `unfinished` (PO fuzzy, XLIFF 2.0 initial, XLIFF 1.2 new or
 * needs-translation), `approved` (XLIFF final / approved="yes"), otherwise `translated`.
 */
export type ImportedState = 'unfinished' | 'translated' | 'approved';

export interface ImportedUnit {
  /** The unit's id: a segment id when the file came from Tandem. */
  segmentId: string;
  /** Source and target in the workspace's marker form (`<1>…</1>`, `{1}`). */
  source: string;
  /** Undefined or '' when the file has no target for the unit. */
  target: string | undefined;
  state: ImportedState;
  /** The revision the unit was exported at, when the file still carries it. */
  revision: number | undefined;
  /** Inline codes the target has that Tandem did not export (unknown ids or kinds). */
  foreignCodes: string[];
  /** Line of the unit in the file, for messages. */
  line: number | undefined;
}

export interface ImportedFile {
  format: ImportFormat;
  sourceLocale: string | undefined;
  targetLocale: string | undefined;
  units: ImportedUnit[];
}

export const KIND_NOTE: Record<SegmentKind, string> = {
  title: 'title of the statement',
  date: 'date line',
  paragraph: 'paragraph',
  heading: 'heading',
  contact: 'contact line',
  signatory: 'signatory (an organisation name: may be kept as in the source)',
  supporter: 'supporter (an organisation name: may be kept as in the source)',
};
