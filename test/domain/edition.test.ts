import { describe, expect, it } from '@jest/globals';
import { buildEdition } from '../../server/domain/edition.js';
import { describeLocale } from '../../server/domain/locales.js';
import { EN, KM, MY, segment, statement, translation } from '../builders/domain.js';

const linked = segment(2, 'People were <1>killed</1>.', { placeholders: [{ kind: 'link', n: 1, value: 'https://example.org/report' }] });
const listed = segment(3, 'Burma Campaign UK', { kind: 'signatory', listNumber: 32 });
const st = statement([segment(1, 'Title'), linked, listed]);

describe('buildEdition', () => {
  it('publishes approved text in the locale’s lang and dir', () => {
    const [row] = buildEdition(st, [translation(st.segments[0]!, 'my', 'approved', 'ခေါင်းစဉ်')], [MY], EN);
    expect(row!.cells[0]).toEqual({ locale: 'my', lang: 'my', dir: 'ltr', state: 'approved', parts: [{ type: 'text', text: 'ခေါင်းစဉ်' }] });
  });

  it.each(['draft', 'submitted', 'needs_work'] as const)('falls back to the source, marked, for %s text', (status) => {
    const [row] = buildEdition(st, [translation(st.segments[0]!, 'km', status, 'មិនទាន់')], [KM], EN);
    expect(row!.cells[0]).toMatchObject({ locale: 'km', lang: 'en', dir: 'ltr', state: 'fallback', parts: [{ type: 'text', text: 'Title' }] });
  });

  it('keeps an approved text that the source outdated, marked as outdated', () => {
    const t = translation(st.segments[0]!, 'my', 'outdated', 'ဟောင်း', [{ action: 'submit' }, { action: 'approve' }, { action: 'outdate' }]);
    expect(buildEdition(st, [t], [MY], EN)[0]!.cells[0]).toMatchObject({ state: 'outdated', lang: 'my' });
  });

  it('does not publish outdated text that was never approved', () => {
    const t = translation(st.segments[0]!, 'my', 'outdated', 'မူကြမ်း', [{ action: 'save' }, { action: 'outdate' }]);
    expect(buildEdition(st, [t], [MY], EN)[0]!.cells[0]!.state).toBe('fallback');
  });

  it('gives a right-to-left fallback the source’s direction, not the column’s', () => {
    const rohingya = describeLocale({ tag: 'rhg-Rohg' });
    const [row] = buildEdition(st, [], [rohingya], EN);
    expect(row!.cells[0]).toMatchObject({ locale: 'rhg-Rohg', lang: 'en', dir: 'ltr' });
  });

  it('lines up several locales per segment and carries links and list numbers from the source', () => {
    const rows = buildEdition(st, [translation(linked, 'my', 'approved', '<1>သတ်ဖြတ်</1> ခံရ')], [EN, MY, KM], EN);
    expect(rows.map((r) => r.cells.map((c) => c.state))).toEqual([
      ['source', 'fallback', 'fallback'],
      ['source', 'approved', 'fallback'],
      ['source', 'fallback', 'fallback'],
    ]);
    expect(rows[1]!.links).toEqual({ 1: 'https://example.org/report' });
    expect(rows[1]!.cells[1]!.parts).toEqual([
      { type: 'link', n: 1, children: [{ type: 'text', text: 'သတ်ဖြတ်' }] },
      { type: 'text', text: ' ခံရ' },
    ]);
    expect(rows[2]).toMatchObject({ kind: 'signatory', listNumber: 32 });
  });

  it.each([MY, KM])('marks a name kept as in the original (%s column) with the source’s lang and dir, still approved', (locale) => {
    const [, , row] = buildEdition(st, [translation(listed, locale.tag, 'approved', 'Burma Campaign UK')], [locale], EN);
    expect(row!.cells[0]).toMatchObject({ locale: locale.tag, lang: 'en', dir: 'ltr', state: 'approved' });
  });

  it('never turns translation text into a link the source does not have', () => {
    const [, row] = buildEdition(st, [translation(linked, 'my', 'approved', '<2>evil</2> <1>ok</1>')], [MY], EN);
    expect(row!.cells[0]!.parts.filter((p) => p.type === 'link')).toHaveLength(1);
  });
});
