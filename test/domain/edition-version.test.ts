// decidePublish: who may publish, what a version holds, the confirmation under 100 %; stamps.
import { describe, expect, it } from '@jest/globals';
import { changedSegments, decidePublish, stampOf, type PublishContext } from '../../server/domain/edition-version.js';
import { publishedOf } from '../../server/domain/published.js';
import { historyOf, segment, statement, translation } from '../builders/domain.js';

const segs = [segment(1, 'Title', { kind: 'title' }), segment(2, '4 January 2022', { kind: 'date' }), segment(3)];
const st = statement(segs);
const approved = (n: number, locale: string, text: string) => ({
  ...translation(segs[n - 1]!, locale, 'approved', text),
  published: { text, revision: 1, at: '2026-01-01T00:00:00.000Z', sourceHash: segs[n - 1]!.sourceHash },
});
const context = (over: Partial<PublishContext> = {}): PublishContext => ({
  statement: st,
  locale: 'my',
  translations: [approved(1, 'my', 'ခေါင်းစဉ်')],
  latestVersion: 0,
  allowed: true,
  at: '2026-02-01T00:00:00.000Z',
  ...over,
});

describe('decidePublish', () => {
  it.each([
    ['not allowed', context({ allowed: false }), { confirmIncomplete: true }, 'forbidden'],
    ['incomplete, not confirmed', context(), { confirmIncomplete: false }, 'invalid_input'],
    ['a note over 500 characters', context(), { confirmIncomplete: true, note: 'x'.repeat(501) }, 'invalid_input'],
  ] as const)('refuses: %s', (_name, ctx, input, code) => {
    expect(() => decidePublish(ctx, input)).toThrow(expect.objectContaining({ code }));
  });

  it('holds the published text or the marked source for every segment, numbered after the latest', () => {
    const v = decidePublish(context({ latestVersion: 2 }), { confirmIncomplete: true, note: '  corrected  ' });
    expect(v).toMatchObject({
      version: 3,
      sourceRevision: 1,
      sourceDate: '4 January 2022',
      approved: 1,
      total: 3,
      percentApproved: 33,
      note: 'corrected',
      title: 'ခေါင်းစဉ်',
      titleLang: 'my',
    });
    expect(v.segments.map((s) => [s.segmentId, s.text, s.fallback])).toEqual([
      ['s1', 'ခေါင်းစဉ်', false],
      ['s2', '4 January 2022', true],
      ['s3', 'Source 3.', true],
    ]);
  });

  it('publishes the approved text, not a draft written over it', () => {
    const drafted = { ...approved(1, 'my', 'ခေါင်းစဉ်'), text: 'မူကြမ်း', status: 'draft' as const, revision: 2 };
    expect(decidePublish(context({ translations: [drafted] }), { confirmIncomplete: true }).segments[0]!.text).toBe('ခေါင်းစဉ်');
  });

  it('the source language is complete by definition', () => {
    expect(decidePublish(context({ locale: 'en', translations: [] }), { confirmIncomplete: false })).toMatchObject({ percentApproved: 100, approved: 3 });
  });
});

describe('stamps and changes', () => {
  const v1 = decidePublish(context(), { confirmIncomplete: true });
  const v2 = decidePublish(context({ latestVersion: 1, translations: [approved(1, 'my', 'ခေါင်းစဉ်'), approved(3, 'my', 'စာ')] }), {
    confirmIncomplete: true,
  });
  it('says when a newer version exists and when the source was corrected', () => {
    expect(stampOf(v1, 2, 1)).toMatchObject({ version: 1, newerVersion: 2, sourceCorrected: false });
    expect(stampOf(v2, 2, 2)).toMatchObject({ version: 2, sourceCorrected: true });
    expect(stampOf(v2, 2, 2).newerVersion).toBeUndefined();
  });
  it('lists the segments whose text changed', () => {
    expect(changedSegments(v1, v2)).toEqual([{ segmentId: 's3', before: 'Source 3.', after: 'စာ', fallback: false }]);
    expect(changedSegments(undefined, v1)).toEqual([]);
  });
});

describe('publishedOf: data written before `published` existed', () => {
  it('takes the last approval from the history', () => {
    const seg = segs[2]!;
    const history = historyOf('draft', 'ថ្មី', [
      { action: 'submit', status: 'submitted', text: 'ចាស់' },
      { action: 'approve', status: 'approved', text: 'ចាស់' },
      { action: 'save', status: 'draft', text: 'ថ្មី' },
    ]);
    // As stored before `published` existed: no published text, the history inside.
    const { published: _derived, ...stored } = translation(seg, 'km', 'draft', 'ថ្មី', history);
    expect(stored).not.toHaveProperty('published');
    expect(publishedOf(stored, history)).toMatchObject({ text: 'ចាស់', revision: 2 });
    expect(publishedOf(stored)).toBeUndefined();
    expect(
      publishedOf(
        translation(seg, 'km', 'submitted', 'x', [{ action: 'submit', status: 'submitted' }]),
        historyOf('submitted', 'x', [{ action: 'submit' }]),
      ),
    ).toBeUndefined();
  });
});
