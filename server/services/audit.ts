// The audit log: who did which administrative action to what, and when. It names accounts by id
// and never holds an IP address, a password, a token or translated text.
import { DomainError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';
import type { AuditAction, AuditEntry } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';

/** The actor id recorded for the command line (whoever runs it owns the machine). */
export const OPERATOR = 'operator';

export async function recordAudit(deps: ServiceDeps, actor: Actor | undefined | null, action: AuditAction, target: string): Promise<void> {
  await deps.store.appendAudit({ at: deps.now().toISOString(), actorId: actor?.id ?? OPERATOR, action, target });
}

/** The newest entries first; admins only. */
export async function listAudit(deps: ServiceDeps, actor: Actor | undefined, limit = 500): Promise<AuditEntry[]> {
  if (!can(actor, 'manage_accounts')) throw new DomainError(actor ? 'forbidden' : 'unauthenticated');
  return [...(await deps.store.listAudit())].reverse().slice(0, limit);
}
