// The one place that decides how a translation's status may change (DESIGN.md "Status").
import { DomainError } from './errors.js';
import type { Status } from './types.js';

export type StatusAction =
  | { type: 'save' }
  | { type: 'submit' }
  | { type: 'approve'; reviewerIsAuthor: boolean; selfReviewAllowed: boolean }
  | { type: 'request_changes' }
  | { type: 'source_changed' }
  /** A correction gave the source back the text this translation was made against. */
  | { type: 'source_reverted'; before: Status };

/**
 * Returns the status after `action`, or throws DomainError('invalid_transition') with the
 * reason as message key. Saving is always possible (a new text), reviewing needs a submission.
 */
export function transition(current: Status, action: StatusAction): Status {
  switch (action.type) {
    case 'save':
      return 'draft';
    case 'submit':
      return 'submitted';
    case 'approve':
      if (current === 'outdated') throw invalid('status.outdated_cannot_be_approved', current);
      if (current !== 'submitted') throw invalid('status.only_submitted_can_be_reviewed', current);
      if (action.reviewerIsAuthor && !action.selfReviewAllowed) {
        throw new DomainError('forbidden', 'status.cannot_approve_own');
      }
      return 'approved';
    case 'request_changes':
      if (current !== 'submitted') throw invalid('status.only_submitted_can_be_reviewed', current);
      return 'needs_work';
    case 'source_changed':
      return current === 'untranslated' ? 'untranslated' : 'outdated';
    case 'source_reverted':
      return current === 'outdated' ? action.before : current;
  }
}

function invalid(key: string, status: Status): DomainError {
  return new DomainError('invalid_transition', key, { status });
}
