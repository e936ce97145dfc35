// Names kept as in the source: an editor marks every remaining signatory and supporter segment of
// a locale "keep original" at once. Each becomes an ordinary submitted translation, so it counts
// as translated and still goes through review.
import { DomainError } from '../domain/errors.js';
import { canKeepOriginal } from '../domain/limits.js';
import type { Actor } from '../domain/permissions.js';
import type { Segment } from '../domain/types.js';
import { decideSave } from '../domain/translation-decision.js';
import { loadLocaleWorkContext } from './context.js';
import type { ServiceDeps } from './deps.js';
import { noteCommitted } from './tm.js';

export async function keepRemainingOriginal(
  deps: ServiceDeps,
  actor: Actor | undefined,
  input: { statementId: string; locale: string; /** Only segments of these kinds (a section of names). */ kinds?: readonly Segment['kind'][] },
): Promise<{ kept: number }> {
  // An editor's decision: loadLocaleWorkContext refuses anyone else before it reads.
  const [work, translations] = await Promise.all([
    loadLocaleWorkContext(deps, actor, 'review', input.statementId, input.locale),
    deps.store.listTranslations(input.statementId, input.locale),
  ]);
  const { statement } = work;
  const started = new Set(translations.map((t) => t.segmentId));
  const remaining = statement.segments.filter((s) => canKeepOriginal(s) && !started.has(s.id) && (!input.kinds || input.kinds.includes(s.kind)));
  // Stored together, so the journal writes them with a few fsyncs; one started meanwhile (a
  // conflict) or refused by a check is left for the translators.
  const results = await Promise.allSettled(
    remaining.map(async (segment) => {
      const decision = decideSave(work.contextOf(segment, undefined), {
        text: segment.source,
        baseRevision: 0,
        action: 'submit',
        keepOriginal: true,
        confirmWarnings: true,
      });
      if (decision.outcome === 'refused') throw decision.refusal;
      if (decision.outcome === 'same') return;
      const translation = await deps.store.commitTranslation(input.statementId, decision.change, 0);
      noteCommitted(deps, statement, undefined, translation);
    }),
  );
  const unexpected = results.find((r) => r.status === 'rejected' && !(r.reason instanceof DomainError));
  if (unexpected) throw (unexpected as PromiseRejectedResult).reason;
  return { kept: results.filter((r) => r.status === 'fulfilled').length };
}
