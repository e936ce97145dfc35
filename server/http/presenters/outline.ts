// The workspace as a document: its sections (title and date, text, contacts, signatories,
// supporters), each with its progress, and one section, or one page of at most PAGE_SIZE
// segments, at a time. Pure: statement and translations in, the page's plan out.
import type { Segment, Statement, Status, Translation } from '../../domain/types.js';

export const PAGE_SIZE = 25;
export const SECTIONS = ['heading', 'body', 'contact', 'signatory', 'supporter'] as const;
export type SectionKey = (typeof SECTIONS)[number];

export function sectionOf(kind: Segment['kind']): SectionKey {
  if (kind === 'title' || kind === 'date') return 'heading';
  if (kind === 'contact' || kind === 'signatory' || kind === 'supporter') return kind;
  return 'body';
}

export interface OutlineSection {
  key: SectionKey;
  total: number;
  /** Segments with a text (any status but untranslated). */
  started: number;
  approved: number;
  /** The ids of the section's segments the filter keeps, in document order. */
  matching: string[];
}

export interface WorkspacePlan {
  sections: OutlineSection[];
  section: SectionKey;
  page: number;
  pages: number;
  /** Ids of the segments shown, at most PAGE_SIZE. */
  shown: string[];
}

/**
 * What waits for the translator, most pressing first: where the workspace opens when nothing else
 * is asked (a text an editor sent back before anything untranslated).
 */
const WAITING: readonly (readonly Status[])[] = [['needs_work'], ['outdated'], ['untranslated', 'draft']];

export function planWorkspace(
  statement: Statement,
  translations: readonly Translation[],
  keep: (segmentId: string, status: Status) => boolean,
  ask: { section?: SectionKey; page?: number; segment?: string },
): WorkspacePlan {
  const status = new Map(translations.map((t) => [t.segmentId, t.status]));
  const statusOf = (id: string): Status => status.get(id) ?? 'untranslated';
  const sections = new Map<SectionKey, OutlineSection>();
  for (const s of statement.segments) {
    const key = sectionOf(s.kind);
    let section = sections.get(key);
    if (!section) {
      section = { key, total: 0, started: 0, approved: 0, matching: [] };
      sections.set(key, section);
    }
    const st = statusOf(s.id);
    section.total += 1;
    if (st !== 'untranslated') section.started += 1;
    if (st === 'approved') section.approved += 1;
    if (keep(s.id, st)) section.matching.push(s.id);
  }
  const list = SECTIONS.map((k) => sections.get(k)).filter((s): s is OutlineSection => s !== undefined);
  // Which section and page: the one holding the asked segment, the asked one, or the first place
  // where something waits for the translator.
  let target = ask.segment && statement.segments.some((s) => s.id === ask.segment) ? ask.segment : undefined;
  let chosen = target ? list.find((s) => s.matching.includes(target!)) : undefined;
  if (!chosen && ask.section) chosen = list.find((s) => s.key === ask.section);
  for (const statuses of ask.section ? [] : WAITING) {
    if (chosen) break;
    for (const s of list) {
      const waiting = s.matching.find((id) => statuses.includes(statusOf(id)));
      if (waiting) {
        chosen = s;
        target = ask.page === undefined ? waiting : undefined;
        break;
      }
    }
  }
  chosen ??= list.find((s) => s.matching.length > 0) ?? list[0]!;
  const pages = Math.max(1, Math.ceil(chosen.matching.length / PAGE_SIZE));
  const at = target ? chosen.matching.indexOf(target) : -1;
  const page = at >= 0 ? Math.floor(at / PAGE_SIZE) + 1 : Math.min(Math.max(1, ask.page ?? 1), pages);
  return {
    sections: list,
    section: chosen.key,
    page,
    pages,
    shown: chosen.matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
  };
}
