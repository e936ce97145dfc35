// The workspace's plan: which section and page it opens at, 25 segments at a time.
import { describe, expect, it } from '@jest/globals';
import { PAGE_SIZE, planWorkspace } from '../../server/http/presenters/outline.js';
import { segment, statement, translation } from '../builders/domain.js';

const title = segment(1, 'Title', { kind: 'title' });
const paragraphs = Array.from({ length: 3 }, (_, i) => segment(2 + i, `Paragraph ${i}.`, { kind: 'paragraph' }));
const names = Array.from({ length: 60 }, (_, i) => segment(5 + i, `Name ${i}`, { kind: 'signatory' }));
const doc = statement([title, ...paragraphs, ...names]);
const all = () => true;

describe('planWorkspace', () => {
  it('opens at a text sent back before anything untranslated', () => {
    const plan = planWorkspace(doc, [translation(names[40]!, 'my', 'needs_work')], all, {});
    expect([plan.section, plan.page, plan.pages]).toEqual(['signatory', 2, 3]);
    expect(plan.shown).toContain(names[40]!.id);
  });
  it('opens at the first untranslated segment otherwise', () => {
    const plan = planWorkspace(doc, [translation(title, 'my', 'approved')], all, {});
    expect([plan.section, plan.shown]).toEqual(['body', paragraphs.map((p) => p.id)]);
  });
  it('shows at most a page of a section, and the page holding an asked segment', () => {
    const plan = planWorkspace(doc, [], all, { section: 'signatory', page: 3 });
    expect(plan.shown).toHaveLength(60 - 2 * PAGE_SIZE);
    expect(planWorkspace(doc, [], all, { segment: names[30]!.id }).page).toBe(2);
    expect(planWorkspace(doc, [], all, { section: 'signatory', page: 99 }).page).toBe(3);
  });
  it('counts each section’s progress', () => {
    const plan = planWorkspace(doc, [translation(names[0]!, 'my', 'approved'), translation(names[1]!, 'my', 'draft')], all, {});
    expect(plan.sections.map((s) => [s.key, s.started, s.approved, s.total])).toEqual([
      ['heading', 0, 0, 1],
      ['body', 0, 0, 3],
      ['signatory', 2, 1, 60],
    ]);
  });
});
