// The decisions on a translation, as pure functions of a context: a change, the same answer for a
// repeated request, or a refusal.
import { describe, expect, it } from '@jest/globals';
import { describeLocale } from '../../server/domain/locales.js';
import type { Actor } from '../../server/domain/permissions.js';
import { decideRestore, decideReview, decideSave, type TranslationContext } from '../../server/domain/translation-decision.js';
import type { Translation } from '../../server/domain/types.js';
import { segment, statement, translation } from '../builders/domain.js';

const seg = segment(1, 'Source text here.');
const translator: Actor = { id: 'u1', name: 'Thida', role: 'translator', locales: ['my', 'km'] };
const editor: Actor = { id: 'u2', name: 'Sokha', role: 'editor', locales: ['my', 'km'] };
const at = '2026-01-04T00:00:00.000Z';

function context(locale: string, current: Translation | undefined, actor = translator): TranslationContext {
  return {
    actor,
    statement: statement([seg]),
    segment: seg,
    locale,
    info: describeLocale({ tag: locale }),
    selfReviewAllowed: false,
    glossary: [],
    current,
    at,
  };
}

describe.each([
  ['my', 'မြန်မာ စာသား။'],
  ['km', 'អត្ថបទ ខ្មែរ។'],
])('in %s', (locale, text) => {
  it('decides a first save: revision 1, draft, its history entry, by the translator', () => {
    const d = decideSave(context(locale, undefined), { text, baseRevision: 0, action: 'save' });
    expect(d.outcome).toBe('change');
    if (d.outcome !== 'change') return;
    expect(d.change.translation).toMatchObject({ text, revision: 1, status: 'draft', author: 'u1', updatedAt: at, locale });
    expect(d.change.entry).toEqual({ revision: 1, action: 'save', status: 'draft', text, actor: 'u1', at });
    expect(d.change.translation).not.toHaveProperty('history');
  });

  it('answers a save repeated after it succeeded with the current translation, and refuses a real conflict', () => {
    const current = { ...translation(seg, locale, 'draft', text), revision: 1, author: 'u1' };
    expect(decideSave(context(locale, current), { text, baseRevision: 0, action: 'save' })).toMatchObject({ outcome: 'same', translation: current });
    expect(decideSave(context(locale, current), { text: `${text} x`, baseRevision: 0, action: 'save' })).toMatchObject({
      outcome: 'refused',
      refusal: { code: 'conflict', details: { current: { revision: 1, text } } },
    });
    expect(decideSave(context(locale, current), { text, baseRevision: 0, action: 'submit', confirmWarnings: true })).toMatchObject({ outcome: 'refused' });
  });

  it('refuses an empty draft and a text over the maximum', () => {
    expect(decideSave(context(locale, undefined), { text: ' ', baseRevision: 0, action: 'save' })).toMatchObject({
      outcome: 'refused',
      refusal: { code: 'checks_failed' },
    });
    expect(decideSave(context(locale, undefined), { text: 'x'.repeat(10_001), baseRevision: 0, action: 'save' })).toMatchObject({
      outcome: 'refused',
      refusal: { code: 'too_large' },
    });
  });

  it('approves a submitted revision once, answers the same approval again alike, and keeps the approved text', () => {
    const submitted = { ...translation(seg, locale, 'submitted', text), revision: 2, author: 'u1' };
    const d = decideReview(context(locale, submitted, editor), { decision: 'approve', revision: 2 });
    expect(d).toMatchObject({
      outcome: 'change',
      change: { translation: { status: 'approved', revision: 3, published: { text, revision: 3 }, author: 'u1' } },
    });
    if (d.outcome !== 'change') return;
    expect(decideReview(context(locale, d.change.translation, editor), { decision: 'approve', revision: 2 })).toMatchObject({ outcome: 'same' });
  });

  it('refuses an editor approving their own text unless the locale allows it', () => {
    const own = { ...translation(seg, locale, 'submitted', text), revision: 1, author: 'u2' };
    expect(decideReview(context(locale, own, editor), { decision: 'approve', revision: 1 })).toMatchObject({
      outcome: 'refused',
      refusal: { code: 'forbidden' },
    });
    expect(decideReview({ ...context(locale, own, editor), selfReviewAllowed: true }, { decision: 'approve', revision: 1 })).toMatchObject({
      outcome: 'change',
    });
  });

  it('restores an earlier revision as a new draft, naming where it came from', () => {
    const current = { ...translation(seg, locale, 'draft', `${text} 2`), revision: 2 };
    const history = [
      { revision: 1, action: 'save' as const, status: 'draft' as const, text, actor: 'u1', at },
      { revision: 2, action: 'save' as const, status: 'draft' as const, text: `${text} 2`, actor: 'u1', at },
    ];
    expect(decideRestore(context(locale, current, editor), history, { revision: 1, baseRevision: 2 })).toMatchObject({
      outcome: 'change',
      change: { translation: { text, revision: 3, status: 'draft' }, entry: { action: 'restore', restoredFrom: 1 } },
    });
    expect(decideRestore(context(locale, current, editor), history, { revision: 1, baseRevision: 1 })).toMatchObject({
      outcome: 'refused',
      refusal: { code: 'conflict' },
    });
  });
});
