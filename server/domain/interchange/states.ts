// Tandem's statuses in each format's vocabulary, both ways (one table per format).
//
//   status        XLIFF 2.0 state (subState)   XLIFF 1.2 target state (qualifier), approved   PO
//   untranslated  initial, no target           no target                                      empty msgstr
//   draft         initial (tandem:draft)       needs-review-translation                       #, fuzzy
//   needs_work    initial (tandem:needs_work)  needs-review-translation                       #, fuzzy
//   outdated      initial (tandem:outdated)    needs-review-translation (fuzzy-match)         #, fuzzy
//   submitted     translated                   translated                                     (none)
//   approved      final                        final, approved="yes"                          (none)
//
// An outdated translation was made for an earlier source: a fuzzy match of the current one, which
// is what XLIFF 1.2's `fuzzy-match` qualifier and PO's fuzzy flag say.
import type { Status } from '../types.js';
import type { ImportedState } from './types.js';

export function xliff20State(status: Status): { state: 'initial' | 'translated' | 'final'; subState?: string } {
  switch (status) {
    case 'approved':
      return { state: 'final' };
    case 'submitted':
      return { state: 'translated' };
    case 'untranslated':
      return { state: 'initial' };
    default:
      return { state: 'initial', subState: `tandem:${status}` };
  }
}

export function xliff12State(status: Status): { state?: string; qualifier?: string; approved: boolean } {
  switch (status) {
    case 'approved':
      return { state: 'final', approved: true };
    case 'submitted':
      return { state: 'translated', approved: false };
    case 'untranslated':
      return { approved: false };
    case 'outdated':
      return { state: 'needs-review-translation', qualifier: 'fuzzy-match', approved: false };
    default:
      return { state: 'needs-review-translation', approved: false };
  }
}

export const poFuzzy = (status: Status): boolean => status === 'draft' || status === 'needs_work' || status === 'outdated';

/** XLIFF 2.0 segment state -> what the import makes of a changed target. */
export function fromXliff20State(state: string | null): ImportedState {
  if (state === 'final') return 'approved';
  if (state === 'translated' || state === 'reviewed') return 'translated';
  return state === 'initial' ? 'unfinished' : 'translated';
}

/** XLIFF 1.2 target state and trans-unit approved -> what the import makes of a changed target. */
export function fromXliff12State(state: string | null, approved: boolean): ImportedState {
  if (approved || state === 'final' || state === 'signed-off') return 'approved';
  if (state === 'new' || state === 'needs-translation') return 'unfinished';
  return 'translated';
}
