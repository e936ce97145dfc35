import { describe, expect, it } from '@jest/globals';
import { localeProgress, statementProgress } from '../../server/domain/progress.js';
import { segment, translation } from '../builders/domain.js';

const segs = [1, 2, 3, 4, 5, 6, 7].map((n) => segment(n));

describe('localeProgress', () => {
  it('counts each status once and the rest as untranslated', () => {
    const p = localeProgress(segs, [
      translation(segs[0]!, 'my', 'approved'),
      translation(segs[1]!, 'my', 'approved'),
      translation(segs[2]!, 'my', 'submitted'),
      translation(segs[3]!, 'my', 'draft'),
      translation(segs[4]!, 'my', 'needs_work'),
      translation(segs[5]!, 'my', 'outdated'),
    ]);
    expect(p).toEqual({
      total: 7,
      untranslated: 1,
      draft: 1,
      submitted: 1,
      approved: 2,
      needs_work: 1,
      outdated: 1,
      percentTranslated: 42, // 3 of 7 = 42.9, rounded down
      percentApproved: 28,
    });
  });

  it('shows 100 % only when every segment is approved', () => {
    const almost = localeProgress(
      Array.from({ length: 300 }, (_, i) => segment(i + 1)),
      Array.from({ length: 299 }, (_, i) => translation(segment(i + 1), 'km', 'approved')),
    );
    expect(almost.percentApproved).toBe(99);
  });

  it('ignores translations of segments that no longer exist', () => {
    expect(localeProgress(segs.slice(0, 1), [translation(segment(99), 'my', 'approved')]).approved).toBe(0);
  });

  it('is 0 % of nothing, not NaN', () => {
    expect(localeProgress([], [])).toMatchObject({ total: 0, percentTranslated: 0, percentApproved: 0 });
  });
});

describe('statementProgress', () => {
  it('keeps locales apart', () => {
    const p = statementProgress(segs, [translation(segs[0]!, 'my', 'approved'), translation(segs[0]!, 'km', 'draft')], ['my', 'km', 'th']);
    expect([p.my?.approved, p.km?.draft, p.th?.untranslated]).toEqual([1, 1, 7]);
  });
});
