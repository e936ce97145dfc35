// View model of the workspace's outline: each section with its progress (in the interface
// language's digits) and a link that keeps the filter, and the links between pages of a section.
import type { Translator } from '../../i18n/index.js';
import type { WorkspacePlan } from './outline.js';

export interface OutlineView {
  sections: { key: string; label: string; href: string; current: boolean; progress: string; done: boolean; percent: number }[];
  current: { label: string; pageLabel: string };
  pages: { n: string; href: string; current: boolean }[];
  previous?: string;
  next?: string;
}

export function outlineView(plan: WorkspacePlan, tr: Translator, pageUrl: string, filter: string): OutlineView {
  const href = (section: string, page?: number) => `${pageUrl}?status=${filter}&section=${section}${page && page > 1 ? `&page=${page}` : ''}`;
  const sections = plan.sections.map((s) => ({
    key: s.key,
    label: tr.t(`outline.section.${s.key}`),
    href: href(s.key),
    current: s.key === plan.section,
    // "12 of 195 started" in the interface language's digits.
    progress: tr.t('outline.progress', { started: tr.number(s.started), total: tr.number(s.total) }),
    done: s.started === s.total,
    percent: s.total === 0 ? 0 : Math.round((100 * s.started) / s.total),
  }));
  const current = sections.find((s) => s.current)!;
  const pages = Array.from({ length: plan.pages }, (_, i) => ({ n: tr.number(i + 1), href: href(plan.section, i + 1), current: i + 1 === plan.page }));
  return {
    sections,
    current: {
      label: current.label,
      pageLabel: plan.pages > 1 ? tr.t('outline.page_of', { page: tr.number(plan.page), pages: tr.number(plan.pages) }) : '',
    },
    pages: plan.pages > 1 ? pages : [],
    ...(plan.page > 1 ? { previous: href(plan.section, plan.page - 1) } : {}),
    ...(plan.page < plan.pages ? { next: href(plan.section, plan.page + 1) } : {}),
  };
}
