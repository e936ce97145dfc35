// Names kept as in the source: an editor marks every remaining signatory and supporter segment of
// a locale "keep original" at once. Each becomes an ordinary submitted translation, so it counts
// as translated and still goes through review.
import { DomainError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';
import type { Segment } from '../domain/types.js';
import { canKeepOriginal } from './checks.js';
import type { ServiceDeps } from './deps.js';
import { forbiddenOrUnauthenticated, requireTargetLocale } from './locales.js';
import { requireStatement } from './statements.js';
import { saveTranslation } from './translations.js';

export async function keepRemainingOriginal(
  deps: ServiceDeps,
  actor: Actor | undefined,
  input: { statementId: string; locale: string; /** Only segments of these kinds (a section of names). */ kinds?: readonly Segment['kind'][] },
): Promise<{ kept: number }> {
  if (!can(actor, 'review', input.locale)) throw forbiddenOrUnauthenticated(actor); // an editor's decision
  const statement = await requireStatement(deps, input.statementId);
  await requireTargetLocale(deps, statement, input.locale);
  const started = new Set((await deps.store.listTranslations(input.statementId, input.locale)).map((t) => t.segmentId));
  const remaining = statement.segments.filter((s) => canKeepOriginal(s) && !started.has(s.id) && (!input.kinds || input.kinds.includes(s.kind)));
  // Saved together so the store writes them in a few writes; one started meanwhile (a conflict)
  // or refused by a check is left for the translators.
  const results = await Promise.allSettled(
    remaining.map((segment) =>
      saveTranslation(deps, actor, {
        statementId: input.statementId,
        locale: input.locale,
        segmentId: segment.id,
        text: segment.source,
        baseRevision: 0,
        action: 'submit',
        keepOriginal: true,
        confirmWarnings: true,
      }),
    ),
  );
  const unexpected = results.find((r) => r.status === 'rejected' && !(r.reason instanceof DomainError));
  if (unexpected) throw (unexpected as PromiseRejectedResult).reason;
  return { kept: results.filter((r) => r.status === 'fulfilled').length };
}
