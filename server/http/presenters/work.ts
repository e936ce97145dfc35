// View models for the translator workspace and the review queue.
import type { LocaleInfo } from '../../domain/locales.js';
import { parseSegmentText, placeholderValues } from '../../domain/placeholders.js';
import { diffText, type DiffPart } from '../../domain/text-diff.js';
import type { Segment, Statement, Status, Translation } from '../../domain/types.js';
import type { Translator } from '../../i18n/index.js';
import { keptMarkup } from './markup-cache.js';
import { partsToHtml } from './segment-html.js';

export interface WorkRow {
  id: string;
  index: string;
  kind: string;
  listNumber: string;
  sourceHtml: string;
  text: string;
  /** The translation rendered as the source is (its links and addresses), for reviewers. */
  textHtml: string;
  /** The translation is the source itself (a name kept as in the original): it is in the source's language. */
  sameAsSource: boolean;
  status: Status;
  statusLabel: string;
  revision: number;
  comment?: string;
  /** The segments before and after, as collapsed context: only those not on the page already (each source is shown once). */
  previous?: { id: string; sourceHtml: string };
  next?: { id: string; sourceHtml: string };
  hints: string[];
  /** Outdated by a source correction: the source's word diff, from what was translated to now. */
  sourceChange?: DiffPart[];
}

/**
 * A text of the segment (its source or a translation) with the source's links and addresses in
 * place; made once per segment and text (presenters/markup-cache.ts), so once per revision.
 */
export function segmentHtml(segment: Segment, text: string): string {
  return keptMarkup(segment, text, () => {
    const links = placeholderValues(segment, 'link');
    const tokens = placeholderValues(segment, 'token');
    return partsToHtml(parseSegmentText(text, segment.placeholders).parts, links, tokens);
  });
}

const sourceHtml = (segment: Segment) => segmentHtml(segment, segment.source);

/** Rows of the segments whose status `keep` accepts; with `only`, of those segments alone. */
export function workRows(
  statement: Statement,
  translations: readonly Translation[],
  tr: Translator,
  keep: (status: Status) => boolean,
  only?: ReadonlySet<string>,
): WorkRow[] {
  const byId = new Map(translations.map((t) => [t.segmentId, t]));
  const segs = statement.segments;
  const rows: WorkRow[] = [];
  const labels = new Map<string, string>(); // interface strings once per page, not once per row
  const label = (key: string) => labels.get(key) ?? (labels.set(key, tr.t(key)), labels.get(key)!);
  segs.forEach((segment, i) => {
    if (only && !only.has(segment.id)) return;
    const t = byId.get(segment.id);
    const status = t?.status ?? 'untranslated';
    if (!keep(status)) return;
    const beside = (s: Segment | undefined) => (s && !only?.has(s.id) ? s : undefined);
    const prev = beside(segs[i - 1]);
    const next = beside(segs[i + 1]);
    rows.push({
      id: segment.id,
      index: tr.number(segment.index + 1),
      kind: segment.kind,
      listNumber: segment.listNumber === undefined ? '' : String(segment.listNumber),
      sourceHtml: sourceHtml(segment),
      text: t?.text ?? '',
      textHtml: t ? segmentHtml(segment, t.text) : '',
      sameAsSource: t !== undefined && (t.keepOriginal === true || t.text === segment.source),
      status,
      statusLabel: label(`status.${status}`),
      revision: t?.revision ?? 0,
      ...(t?.comment && status === 'needs_work' ? { comment: t.comment } : {}),
      ...(prev ? { previous: { id: prev.id, sourceHtml: sourceHtml(prev) } } : {}),
      ...(next ? { next: { id: next.id, sourceHtml: sourceHtml(next) } } : {}),
      hints: segment.placeholders.length > 0 ? [label('workspace.placeholder_hint')] : [],
      ...(status === 'outdated' && t?.outdated ? { sourceChange: diffText(t.outdated.source, segment.source, statement.sourceLocale) } : {}),
    });
  });
  return rows;
}

export function localeView(l: LocaleInfo) {
  return { tag: l.tag, autonym: l.autonym, englishName: l.englishName, dir: l.direction };
}
