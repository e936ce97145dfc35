// Disabling an account ends its access for good: every session and every API token. Enabling it
// again brings back neither (the volunteer logs in again; an admin issues a new token).
import { DomainError } from './errors.js';
import type { Account } from './types.js';

export interface DisableDecision {
  account: Account;
  /** The account's API tokens are to be removed. */
  revokeTokens: boolean;
}

/** What disabling (or enabling) `account` at the request of admin `actorId` changes. */
export function decideDisabled(context: { actorId: string; account: Account }, disabled: boolean): DisableDecision {
  const { actorId, account } = context;
  if (disabled && actorId === account.id) throw new DomainError('invalid_input', 'account.cannot_disable_self');
  if (!disabled) return { account: { ...account, disabled: false }, revokeTokens: false };
  // A new session version ends every session of the account, including those not used meanwhile.
  return { account: { ...account, disabled: true, sessionVersion: (account.sessionVersion ?? 0) + 1 }, revokeTokens: true };
}
