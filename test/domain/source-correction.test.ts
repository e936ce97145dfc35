// Corrections of a statement's source, on real cases from the 4 January 2022 statement: what each
// segment became, and what happened to the translations of changed segments.
import { describe, expect, it } from '@jest/globals';
import { decideCorrection, type CorrectionContext } from '../../server/domain/source-correction.js';
import { segmentMarkdown } from '../../server/domain/segmenter.js';
import { createStatement, type SegmentChange } from '../../server/domain/statement-revision.js';
import type { Statement, Status, Translation } from '../../server/domain/types.js';

const TITLE = "Joint Statement by the Civil Society Organizations of Myanmar and Cambodia Condemning Hun Sen's Support of the Myanmar Military Junta";
const TOLL = 'As of today, 1,398 people have been [killed](#), including at least 100 children and 11,328 people have been illegally detained.';
const PAGE_BREAK_1 = 'The escalating violence amounts to crimes against humanity, given the millions of Cambodian people who were victims and';
const PAGE_BREAK_2 = 'survivors of genocide committed by the tyrannical Khmer Rouge.';
const SOLIDARITY = 'The people of Myanmar stand in solidarity with the people of Cambodia.';
const SIGNED = ['Action Against Myanmar Military Coup (Sydney)', 'Anti-Myanmar Military Dictatorship Network (AMMDN)', 'Arakan Rohingya Union'];

const markdown = (o: { toll?: string; body?: string[]; signed?: string[]; numbered?: boolean } = {}) =>
  [
    TITLE,
    '4 January 2022',
    o.toll ?? TOLL,
    ...(o.body ?? [`${PAGE_BREAK_1}\n\n${PAGE_BREAK_2}`, SOLIDARITY]),
    'Signed by:',
    (o.signed ?? SIGNED).map((name, i) => (o.numbered === false ? `- ${name}` : `${i + 1}. ${name}`)).join('\n'),
  ].join('\n\n') + '\n';

const original: Statement = createStatement('joint', segmentMarkdown(markdown()));
const idOf = (start: string) => original.segments.find((s) => s.source.startsWith(start))!.id;

/** Each change as "type id", with the text for new and removed segments. */
const describeChanges = (changes: SegmentChange[]) =>
  changes
    .filter((c) => c.type !== 'unchanged')
    .map((c) =>
      c.type === 'removed' ? `removed ${c.previous.id}` : c.type === 'new' ? `new ${c.segment.id}: ${c.segment.source}` : `${c.type} ${c.segment.id}`,
    );

const AT = '2026-01-02T03:04:05.000Z';
function translation(segmentId: string, status: Status, locale = 'my', statement = original): Translation {
  const segment = statement.segments.find((s) => s.id === segmentId)!;
  return {
    segmentId,
    locale,
    text: `${locale} ${segmentId}`,
    status,
    revision: 2,
    sourceHash: segment.sourceHash,
    author: 'a1',
    updatedAt: AT,
  };
}
const context = (translations: Translation[], statement = original): CorrectionContext => ({ statement, translations, actorId: 'admin1', at: AT });

describe('decideCorrection on real cases', () => {
  const rows: Array<{ name: string; corrected: string; changes: string[] }> = [
    {
      name: 'reworded paragraph: changed, same id',
      corrected: markdown({ body: [`${PAGE_BREAK_1}\n\n${PAGE_BREAK_2}`, 'The people of Myanmar stand firmly with the people of Cambodia.'] }),
      changes: [`changed ${idOf('The people of Myanmar')}`],
    },
    {
      name: 'corrected number: changed',
      corrected: markdown({ toll: TOLL.replace('1,398', '1,400') }),
      changes: [`changed ${idOf('As of today')}`],
    },
    {
      name: 'a signatory added at the end: new, with the next unused id',
      corrected: markdown({ signed: [...SIGNED, 'Blood Money Campaign'] }),
      changes: ['new s10: Blood Money Campaign'],
    },
    {
      name: 'a signatory removed: removed, the others unchanged',
      corrected: markdown({ signed: [SIGNED[0]!, SIGNED[2]!] }),
      changes: [`removed ${idOf('Anti-Myanmar')}`],
    },
    {
      name: 'another organisation in place of a signatory: removed and new, not changed',
      corrected: markdown({ signed: [SIGNED[0]!, 'Burma Campaign UK', SIGNED[2]!] }),
      changes: ['new s10: Burma Campaign UK', `removed ${idOf('Anti-Myanmar')}`],
    },
    {
      name: 'list renumbered (bullets instead of numbers): nothing to translate again',
      corrected: markdown({ numbered: false }),
      changes: [],
    },
    {
      name: 'paragraph moved: moved, same id',
      corrected: markdown({ body: [SOLIDARITY, `${PAGE_BREAK_1}\n\n${PAGE_BREAK_2}`] }),
      changes: [`moved ${idOf('The escalating')}`],
    },
    {
      name: 'page-break paragraph fixed in the source: the segmenter had joined it, so unchanged',
      corrected: markdown({ body: [`${PAGE_BREAK_1} ${PAGE_BREAK_2}`, SOLIDARITY], toll: TOLL.replace('1,398', '1,400') }),
      changes: [`changed ${idOf('As of today')}`],
    },
  ];
  it.each(rows)('$name', ({ corrected, changes }) => {
    const decision = decideCorrection(context([]), { blocks: segmentMarkdown(corrected), smallFixes: [] });
    expect(describeChanges(decision.changes)).toEqual(changes);
    expect(decision.statement.sourceRevision).toBe(2);
  });

  it('a renumbered list keeps each signatory and gives it its new number', () => {
    const renumbered = markdown({ signed: [...SIGNED] })
      .replace('1. Action', '5. Action')
      .replace('2. Anti', '6. Anti')
      .replace('3. Arakan', '7. Arakan');
    const { changes, statement } = decideCorrection(context([]), { blocks: segmentMarkdown(renumbered), smallFixes: [] });
    expect(describeChanges(changes)).toEqual([]);
    expect(statement.segments.filter((s) => s.kind === 'signatory').map((s) => s.listNumber)).toEqual([5, 6, 7]);
  });
});

describe('what corrections do to translations', () => {
  const toll = idOf('As of today');
  const solidarity = idOf('The people of Myanmar');
  const corrected = segmentMarkdown(
    markdown({ toll: TOLL.replace('1,398', '1,400'), body: [`${PAGE_BREAK_1}\n\n${PAGE_BREAK_2}`, `${SOLIDARITY} Fully.`] }),
  );
  const translations = [
    translation(toll, 'approved'),
    translation(toll, 'submitted', 'km'),
    translation(solidarity, 'approved'),
    translation(idOf('Signed'), 'approved'),
  ];

  it('substantive by default: translations of changed segments become outdated, text kept; others untouched', () => {
    const decision = decideCorrection(context(translations), { blocks: corrected, smallFixes: [] });
    expect(decision.translations.map(({ translation: t }) => [t.locale, t.segmentId, t.status, t.text, t.revision])).toEqual([
      ['my', toll, 'outdated', `my ${toll}`, 3],
      ['km', toll, 'outdated', `km ${toll}`, 3],
      ['my', solidarity, 'outdated', `my ${solidarity}`, 3],
    ]);
    expect(decision.translations[0]!.translation).toMatchObject({
      outdated: { status: 'approved', source: original.segments.find((s) => s.id === toll)!.source },
      author: 'a1',
    });
    expect(decision.translations[0]!.entry).toEqual({
      revision: 3,
      action: 'outdate',
      status: 'outdated',
      text: `my ${toll}`,
      actor: 'admin1',
      at: AT,
    });
  });

  it('a small fix leaves the translations valid, now made against the corrected source', () => {
    const decision = decideCorrection(context(translations), { blocks: corrected, smallFixes: [solidarity] });
    const fixed = decision.translations.find(({ translation: t }) => t.segmentId === solidarity)!;
    expect(fixed.entry).toBeUndefined(); // no new revision: nothing to add to the history
    expect(fixed.translation).toMatchObject({
      status: 'approved',
      revision: 2,
      sourceHash: decision.statement.segments.find((s) => s.id === solidarity)!.sourceHash,
    });
    expect(decision.translations.filter(({ translation: t }) => t.segmentId === toll).map(({ translation: t }) => t.status)).toEqual([
      'outdated',
      'outdated',
    ]);
  });

  it('refuses a small fix on a segment that did not change', () => {
    expect(() => decideCorrection(context(translations), { blocks: corrected, smallFixes: [idOf('Signed')] })).toThrow(
      expect.objectContaining({ code: 'invalid_input', key: 'correction.small_fix_not_changed' }),
    );
  });

  it('refuses a correction that changes nothing', () => {
    expect(() => decideCorrection(context(translations), { blocks: segmentMarkdown(markdown()), smallFixes: [] })).toThrow(
      expect.objectContaining({ code: 'import_failed', key: 'correction.nothing_changed' }),
    );
  });

  it('a correction that only reverts the previous one gives back the earlier statuses', () => {
    const first = decideCorrection(context(translations), { blocks: corrected, smallFixes: [] });
    const changed = first.translations.map((c) => c.translation);
    const untouched = translations.filter((t) => !changed.some((u) => u.segmentId === t.segmentId && u.locale === t.locale));
    const now = [...changed, ...untouched];
    const revert = decideCorrection(context(now, first.statement), { blocks: segmentMarkdown(markdown()), smallFixes: [] });
    expect(revert.statement.sourceRevision).toBe(3);
    expect(revert.translations.map(({ translation: t }) => [t.locale, t.segmentId, t.status, t.revision, t.outdated])).toEqual([
      ['my', toll, 'approved', 4, undefined],
      ['km', toll, 'submitted', 4, undefined],
      ['my', solidarity, 'approved', 4, undefined],
    ]);
    expect(first.translations[0]!.entry?.action).toBe('outdate');
    expect(revert.translations[0]!.entry).toMatchObject({ revision: 4, action: 'reinstate', status: 'approved', actor: 'admin1' });
  });

  it('a translation edited while outdated is not reinstated by a revert: it is a new text to check', () => {
    const first = decideCorrection(context(translations), { blocks: corrected, smallFixes: [] });
    const newSource = first.statement.segments.find((s) => s.id === toll)!;
    const edited: Translation = { ...first.translations[0]!.translation, status: 'draft', sourceHash: newSource.sourceHash, outdated: undefined };
    delete edited.outdated;
    const revert = decideCorrection(context([edited], first.statement), { blocks: segmentMarkdown(markdown()), smallFixes: [] });
    expect(revert.translations.map(({ translation: t }) => [t.segmentId, t.status, t.outdated?.status])).toEqual([[toll, 'outdated', 'draft']]);
  });

  it('removed segments keep their translations as they are', () => {
    const decision = decideCorrection(context(translations), { blocks: segmentMarkdown(markdown({ signed: [SIGNED[0]!] })), smallFixes: [] });
    expect(decision.translations).toEqual([]);
    expect(decision.statement.removedSegmentIds).toEqual([idOf('Anti-Myanmar'), idOf('Arakan')]);
  });
});
