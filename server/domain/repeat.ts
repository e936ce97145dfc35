// A request sent twice (a double click, a retried request on a flaky connection) must answer the
// same as the first time, not "someone saved a newer version": the translation's last change is
// exactly the one the request asks for, made by the same person on top of the revision it named.
import type { HistoryAction, Translation } from './types.js';

export interface RequestedChange {
  /** The revision the request started from (a save's baseRevision, a review's revision). */
  from: number;
  action: HistoryAction;
  actor: string;
  /** The text the change leaves (a save's text; a review keeps the text it reviewed). */
  text: string;
  comment?: string;
}

/** True when `current` is already the result of this very change. */
export function isRepeat(current: Translation | undefined, change: RequestedChange): boolean {
  if (!current || current.revision !== change.from + 1) return false;
  const last = current.history.at(-1);
  return (
    last !== undefined &&
    last.revision === current.revision &&
    last.action === change.action &&
    last.actor === change.actor &&
    last.text === change.text &&
    (last.comment ?? '') === (change.comment ?? '')
  );
}
