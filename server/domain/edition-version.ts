// Edition versions: an editor's explicit publish freezes what readers of one locale get, as an
// immutable, numbered record (1, 2, ...). Pure: the service hands in the context and the time.
import { DomainError } from './errors.js';
import { publishedText } from './edition.js';
import { plainText } from './placeholders.js';
import type { Placeholder, SegmentKind, Statement, Translation } from './types.js';

/** One segment as readers of a version get it. */
export interface VersionSegment {
  segmentId: string;
  kind: SegmentKind;
  listNumber?: number;
  /** Text with placeholders in tag form (`<1>words</1>`, `{1}`), resolved through `placeholders`. */
  text: string;
  /** The source text in place of a missing translation (shown marked, in the source's language). */
  fallback: boolean;
  /** Approved against an older source text (shown marked). */
  outdated?: boolean;
  placeholders: Placeholder[];
}

export interface EditionVersion {
  statementId: string;
  locale: string;
  version: number;
  sourceLocale: string;
  /** The source revision this version translates. */
  sourceRevision: number;
  /** The statement's own date line, as the source writes it (when it has one). */
  sourceDate?: string;
  publishedAt: string;
  approved: number;
  total: number;
  /** Share of segments approved, in percent, rounded down (100 for the source language). */
  percentApproved: number;
  /** Public note of the editor ("corrected the death toll"); never the editor's name. */
  note?: string;
  /** The title as readers of this version get it, plain text. */
  title: string;
  /** Language of `title` (the source's when the title is not translated). */
  titleLang: string;
  segments: VersionSegment[];
}

/** The facts of a version without its segments (lists, the feed, the API). */
export type VersionSummary = Omit<EditionVersion, 'segments'>;

export const summarizeVersion = ({ segments: _segments, ...summary }: EditionVersion): VersionSummary => summary;

export const NOTE_MAX = 500;

export interface PublishContext {
  statement: Statement;
  locale: string;
  /** Translations of the statement into `locale` (none for the source language). */
  translations: readonly Translation[];
  /** Number of the latest version of this edition, 0 when never published. */
  latestVersion: number;
  /** The actor may publish this locale (domain/permissions.ts). */
  allowed: boolean;
  /** ISO time of the publish. */
  at: string;
}

export interface PublishInput {
  note?: string;
  /** The editor saw the warning that not everything is approved and publishes anyway. */
  confirmIncomplete: boolean;
}

/** The new version, or a refusal (DomainError). */
export function decidePublish(context: PublishContext, input: PublishInput): EditionVersion {
  if (!context.allowed) throw new DomainError('forbidden');
  const { statement, locale } = context;
  const isSource = locale === statement.sourceLocale;
  const note = input.note?.trim() ?? '';
  if (note.length > NOTE_MAX) throw new DomainError('invalid_input', 'publishing.note_too_long', { max: NOTE_MAX });
  const total = statement.segments.length;
  const bySegment = new Map(context.translations.map((t) => [t.segmentId, t]));
  const segments = statement.segments.map((segment): VersionSegment => {
    const shown = isSource ? undefined : publishedText(segment, bySegment.get(segment.id));
    return {
      segmentId: segment.id,
      kind: segment.kind,
      ...(segment.listNumber === undefined ? {} : { listNumber: segment.listNumber }),
      text: shown?.text ?? segment.source,
      fallback: !isSource && !shown,
      ...(shown?.state === 'outdated' ? { outdated: true } : {}),
      placeholders: segment.placeholders.map((p) => ({ ...p })),
    };
  });
  // What readers get translated: the stamp counts the version's own segments, not today's statuses.
  const approvedInVersion = isSource ? total : segments.filter((s) => !s.fallback && !s.outdated).length;
  if (approvedInVersion < total && !input.confirmIncomplete) {
    throw new DomainError('invalid_input', 'publishing.incomplete_unconfirmed', { approved: approvedInVersion, total });
  }
  const title = segments.find((s) => s.kind === 'title');
  const date = statement.segments.find((s) => s.kind === 'date');
  return {
    statementId: statement.id,
    locale,
    version: context.latestVersion + 1,
    sourceLocale: statement.sourceLocale,
    sourceRevision: statement.sourceRevision,
    ...(date ? { sourceDate: plainText(date.source, date.placeholders) } : {}),
    publishedAt: context.at,
    approved: approvedInVersion,
    total,
    percentApproved: total === 0 ? 100 : Math.floor((approvedInVersion * 100) / total),
    ...(note ? { note } : {}),
    title: title ? plainText(title.text, title.placeholders) : statement.title,
    titleLang: title && !title.fallback ? locale : statement.sourceLocale,
    segments,
  };
}

/** What a reader of one version is told about it (the stamp). */
export interface Stamp extends Pick<
  VersionSummary,
  'locale' | 'version' | 'sourceRevision' | 'sourceDate' | 'publishedAt' | 'approved' | 'total' | 'percentApproved' | 'note'
> {
  /** The latest version, when this one is older. */
  newerVersion?: number;
  /** The source was corrected after this version's source revision (until a newer version is published). */
  sourceCorrected: boolean;
}

export function stampOf(version: VersionSummary, latestVersion: number, currentSourceRevision: number): Stamp {
  return {
    locale: version.locale,
    version: version.version,
    sourceRevision: version.sourceRevision,
    ...(version.sourceDate ? { sourceDate: version.sourceDate } : {}),
    publishedAt: version.publishedAt,
    approved: version.approved,
    total: version.total,
    percentApproved: version.percentApproved,
    ...(version.note ? { note: version.note } : {}),
    ...(latestVersion > version.version ? { newerVersion: latestVersion } : {}),
    sourceCorrected: currentSourceRevision > version.sourceRevision,
  };
}

/** Segments whose text readers get changed from one version to the next (new ones included). */
export function changedSegments(
  before: EditionVersion | undefined,
  after: EditionVersion,
): { segmentId: string; before: string; after: string; fallback: boolean }[] {
  const old = new Map(before?.segments.map((s) => [s.segmentId, s]) ?? []);
  return after.segments.flatMap((s) => {
    const previous = old.get(s.segmentId);
    if (previous && previous.text === s.text && previous.fallback === s.fallback) return [];
    if (!before) return [];
    return [
      {
        segmentId: s.segmentId,
        before: previous ? plainText(previous.text, previous.placeholders) : '',
        after: plainText(s.text, s.placeholders),
        fallback: s.fallback,
      },
    ];
  });
}
