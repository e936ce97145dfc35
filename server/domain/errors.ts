// Errors carry a stable code and parameters, never an English sentence: the http layer maps the
// code to a status (one table, http/errors.ts) and words the message in the caller's language.

export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'duplicate'
  | 'invalid_transition'
  | 'checks_failed'
  | 'warnings_unconfirmed'
  | 'too_large'
  | 'import_failed'
  | 'csrf'
  | 'rate_limited'
  /** The disk is full: nothing was stored. */
  | 'storage_full';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Message key under `errors.` in locales/, plus parameters for it. */
    readonly key: string = code,
    readonly params: Record<string, string | number> = {},
    /** Extra data for API callers (the current translation on a conflict, failing checks...). */
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${key}`);
    this.name = 'DomainError';
  }
}
