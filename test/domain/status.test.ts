import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../server/domain/errors.js';
import { transition, type StatusAction } from '../../server/domain/status.js';
import type { Status } from '../../server/domain/types.js';

const approve = (reviewerIsAuthor = false, selfReviewAllowed = false): StatusAction => ({ type: 'approve', reviewerIsAuthor, selfReviewAllowed });

describe('transition', () => {
  it.each<[string, Status, StatusAction, Status]>([
    ['a first save makes a draft', 'untranslated', { type: 'save' }, 'draft'],
    ['submitting a draft offers it for review', 'draft', { type: 'submit' }, 'submitted'],
    ['submitting straight away', 'untranslated', { type: 'submit' }, 'submitted'],
    ['an editor approves a submission', 'submitted', approve(), 'approved'],
    ['an editor requests changes', 'submitted', { type: 'request_changes' }, 'needs_work'],
    ['editing text that needs work makes a draft', 'needs_work', { type: 'save' }, 'draft'],
    ['editing approved text makes a draft again', 'approved', { type: 'save' }, 'draft'],
    ['editing outdated text clears the mark', 'outdated', { type: 'submit' }, 'submitted'],
    ['a source change outdates a translation', 'approved', { type: 'source_changed' }, 'outdated'],
    ['a source change leaves nothing to outdate', 'untranslated', { type: 'source_changed' }, 'untranslated'],
    ['a reverted source gives an outdated translation its status back', 'outdated', { type: 'source_reverted', before: 'approved' }, 'approved'],
    ['a reverted source leaves a translation edited since as it is', 'draft', { type: 'source_reverted', before: 'approved' }, 'draft'],
    ['a lone editor may approve their own work where the admin allows it', 'submitted', approve(true, true), 'approved'],
  ])('%s', (_name, from, action, to) => {
    expect(transition(from, action)).toBe(to);
  });

  it.each<[string, Status, StatusAction, string, string]>([
    ['an editor cannot approve their own translation', 'submitted', approve(true), 'forbidden', 'status.cannot_approve_own'],
    ['an outdated translation cannot be approved', 'outdated', approve(), 'invalid_transition', 'status.outdated_cannot_be_approved'],
    ['a draft cannot be approved', 'draft', approve(), 'invalid_transition', 'status.only_submitted_can_be_reviewed'],
    ['nothing cannot be approved', 'untranslated', approve(), 'invalid_transition', 'status.only_submitted_can_be_reviewed'],
    ['approved text cannot be sent back', 'approved', { type: 'request_changes' }, 'invalid_transition', 'status.only_submitted_can_be_reviewed'],
  ])('refuses: %s', (_name, from, action, code, key) => {
    const error = (() => {
      try {
        transition(from, action);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code, key });
  });
});
