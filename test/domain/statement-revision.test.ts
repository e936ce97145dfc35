import { describe, expect, it } from '@jest/globals';
import type { ParsedBlock } from '../../server/domain/segmenter.js';
import { sourceHash } from '../../server/domain/source-hash.js';
import { createStatement, reviseStatement, type SegmentChange } from '../../server/domain/statement-revision.js';
import type { SegmentKind } from '../../server/domain/types.js';

const block = (kind: SegmentKind, source: string, listNumber?: number): ParsedBlock =>
  listNumber === undefined ? { kind, source, placeholders: [] } : { kind, source, placeholders: [], listNumber };
const title = (source: string) => block('title', source);
const para = (source: string) => block('paragraph', source);
const signatory = (n: number, source: string) => block('signatory', source, n);

/** Each change as "type id: text", readable in one line. */
const describeChanges = (changes: SegmentChange[]) =>
  changes.map((change) =>
    change.type === 'removed'
      ? `removed ${change.previous.id}: ${change.previous.source}`
      : `${change.type} ${change.segment.id}: ${change.segment.source}`,
  );

/** The first statement's blocks: revised with these alone, nothing changes. */
const firstBlocks = [
  title('Joint Statement'),
  para('First paragraph.'),
  para('Second paragraph.'),
  block('heading', 'Signed by:'),
  signatory(1, 'Alpha Group'),
  signatory(2, 'Beta Group'),
];
const first = createStatement('joint-statement', firstBlocks);

describe('createStatement', () => {
  it('numbers segments s1..sN at source revision 1', () => {
    expect(first.segments.map((s) => [s.id, s.index, s.kind])).toEqual([
      ['s1', 0, 'title'],
      ['s2', 1, 'paragraph'],
      ['s3', 2, 'paragraph'],
      ['s4', 3, 'heading'],
      ['s5', 4, 'signatory'],
      ['s6', 5, 'signatory'],
    ]);
    expect(first).toMatchObject({
      id: 'joint-statement',
      title: 'Joint Statement',
      sourceLocale: 'en',
      sourceRevision: 1,
      nextSegmentNumber: 7,
      removedSegmentIds: [],
    });
  });

  it('hashes each source and keeps list numbers', () => {
    expect(first.segments[1].sourceHash).toBe(sourceHash('First paragraph.'));
    expect(first.segments[1].sourceHash).toMatch(/^[0-9a-f]{16}$/);
    expect(first.segments[4].listNumber).toBe(1);
    expect('listNumber' in first.segments[1]).toBe(false);
  });

  it.each([
    ['4 January 2022', '2022-01-04'],
    ['January 4, 2022', '2022-01-04'],
    ['2024-03-15', '2024-03-15'],
    ['၂၀၂၄ ခုနှစ်၊ မတ်လ ၁၅ ရက်', undefined],
  ])('takes its date from a date line %j', (line, date) => {
    expect(createStatement('x', [title('T'), block('date', line)]).date).toBe(date);
    expect(createStatement('x', [title('T'), block('date', line)], 'en', { date: '2020-02-02' }).date).toBe('2020-02-02');
  });

  it('takes the title without its markers and accepts another source locale', () => {
    const linkedTitle = { kind: 'title' as const, source: 'A <1>linked</1> title', placeholders: [{ kind: 'link' as const, n: 1, value: '#' }] };
    expect(createStatement('x', [linkedTitle], 'my')).toMatchObject({ title: 'A linked title', sourceLocale: 'my' });
  });
});

describe('reviseStatement', () => {
  const rows: Array<{ name: string; blocks: ParsedBlock[]; changes: string[] }> = [
    {
      name: 'identical source: everything unchanged',
      blocks: firstBlocks,
      changes: [
        'unchanged s1: Joint Statement',
        'unchanged s2: First paragraph.',
        'unchanged s3: Second paragraph.',
        'unchanged s4: Signed by:',
        'unchanged s5: Alpha Group',
        'unchanged s6: Beta Group',
      ],
    },
    {
      name: 'an edited paragraph keeps its id; a new signatory gets a fresh id; a removed one is listed',
      blocks: [
        title('Joint Statement'),
        para('First paragraph, edited.'),
        para('Second paragraph.'),
        block('heading', 'Signed by:'),
        signatory(1, 'Gamma Group'),
        signatory(2, 'Alpha Group'),
      ],
      changes: [
        'unchanged s1: Joint Statement',
        'changed s2: First paragraph, edited.',
        'unchanged s3: Second paragraph.',
        'unchanged s4: Signed by:',
        'new s7: Gamma Group',
        'unchanged s5: Alpha Group',
        'removed s6: Beta Group',
      ],
    },
    {
      name: 'a paragraph moved elsewhere is moved, with its id',
      blocks: [
        title('Joint Statement'),
        para('Second paragraph.'),
        para('First paragraph.'),
        block('heading', 'Signed by:'),
        signatory(1, 'Alpha Group'),
        signatory(2, 'Beta Group'),
      ],
      changes: [
        'unchanged s1: Joint Statement',
        'unchanged s3: Second paragraph.',
        'moved s2: First paragraph.',
        'unchanged s4: Signed by:',
        'unchanged s5: Alpha Group',
        'unchanged s6: Beta Group',
      ],
    },
    {
      name: 'a replaced block of another kind is new, not changed',
      blocks: [
        title('Joint Statement'),
        block('heading', 'A new section'),
        para('Second paragraph.'),
        block('heading', 'Signed by:'),
        signatory(1, 'Alpha Group'),
        signatory(2, 'Beta Group'),
      ],
      changes: [
        'unchanged s1: Joint Statement',
        'new s7: A new section',
        'unchanged s3: Second paragraph.',
        'unchanged s4: Signed by:',
        'unchanged s5: Alpha Group',
        'unchanged s6: Beta Group',
        'removed s2: First paragraph.',
      ],
    },
  ];
  it.each(rows)('$name', ({ blocks, changes }) => {
    expect(describeChanges(reviseStatement(first, blocks).changes)).toEqual(changes);
  });

  it('keeps the previous text of a changed segment, and re-indexes and re-hashes', () => {
    const { statement, changes } = reviseStatement(first, [title('Joint Statement'), para('Second paragraph, edited.')]);
    const changed = changes.filter((change) => change.type === 'changed');
    // Pairing is by position and kind, not by similarity: the first remaining paragraph.
    expect(changed).toMatchObject([
      {
        segment: { id: 's2', index: 1, source: 'Second paragraph, edited.', sourceHash: sourceHash('Second paragraph, edited.') },
        previous: { id: 's2', index: 1, source: 'First paragraph.' },
      },
    ]);
    expect(statement.segments.map((s) => [s.id, s.index])).toEqual([
      ['s1', 0],
      ['s2', 1],
    ]);
  });

  it('increments the source revision and takes the new title', () => {
    const { statement } = reviseStatement(first, [title('Joint Statement, revised'), para('First paragraph.')]);
    expect(statement).toMatchObject({ id: 'joint-statement', sourceRevision: 2, title: 'Joint Statement, revised' });
    const { statement: third } = reviseStatement(statement, [title('Joint Statement, revised')]);
    expect(third.sourceRevision).toBe(3);
  });

  it('keeps a title the admin gave, through corrections', () => {
    const named = createStatement('x', [title('Joint Statement'), para('First paragraph.')], 'en', { title: 'Our name for it' });
    expect(reviseStatement(named, [title('Joint Statement, revised'), para('First paragraph.')]).statement.title).toBe('Our name for it');
  });

  it('never reuses an id, even when removed text comes back', () => {
    const removed = reviseStatement(first, [title('Joint Statement'), para('First paragraph.')]).statement;
    expect(removed.removedSegmentIds).toEqual(['s3', 's4', 's5', 's6']);
    expect(removed.nextSegmentNumber).toBe(7);

    const { statement, changes } = reviseStatement(removed, [title('Joint Statement'), para('First paragraph.'), para('Second paragraph.')]);
    expect(describeChanges(changes)).toEqual(['unchanged s1: Joint Statement', 'unchanged s2: First paragraph.', 'new s7: Second paragraph.']);
    expect(statement.nextSegmentNumber).toBe(8);
    expect(statement.removedSegmentIds).toEqual(['s3', 's4', 's5', 's6']);
    const ids = [...statement.segments.map((s) => s.id), ...statement.removedSegmentIds];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('does not change the previous statement', () => {
    const before = structuredClone(first);
    reviseStatement(first, [title('Other'), para('Else.')]);
    expect(first).toEqual(before);
  });
});
