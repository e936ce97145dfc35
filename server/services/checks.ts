// Quality checks as use cases: the dry run while a translator types, and the checks of the saved
// translations of the segments a page shows. The rules a save applies live in the domain
// (domain/translation-decision.ts); here checks are only computed, and cached per translation
// revision and glossary version, so a page shown again computes none.
import { runChecks, type CheckProblem } from '../domain/checks.js';
import type { GlossaryEntry } from '../domain/glossary.js';
import { keepsOriginal, normalizeText } from '../domain/limits.js';
import type { Actor } from '../domain/permissions.js';
import type { Statement, Translation } from '../domain/types.js';
import type { Store } from '../store/interface.js';
import { loadTranslationContext, type SegmentRef } from './context.js';
import type { ServiceDeps } from './deps.js';

export interface DryRunInput extends SegmentRef {
  text: string;
  keepOriginal?: boolean;
}

/** The checks of a text not yet saved, and the Unicode text offered for Zawgyi. Stores nothing. */
export async function dryRunChecks(
  deps: ServiceDeps,
  actor: Actor | undefined,
  input: DryRunInput,
): Promise<{ checks: CheckProblem[]; conversion?: string }> {
  const { segment, glossary, locale } = await loadTranslationContext(deps, actor, 'translate', input);
  const text = normalizeText(input.text);
  const keepOriginal = input.keepOriginal === true && keepsOriginal(segment, text);
  const checks = runChecks({ segment, text, locale, keepOriginal, glossary });
  const conversion = checks.find((c) => c.conversion !== undefined)?.conversion;
  return { checks, ...(conversion === undefined ? {} : { conversion }) };
}

interface Cached {
  revision: number;
  glossaryVersion: number;
  sourceHash: string;
  problems: CheckProblem[];
}

const caches = new WeakMap<Store, Map<string, Cached>>();

/**
 * Checks of the saved translations of the given segments, by segment id (untranslated ones have
 * none). Each is computed once per translation revision, source and glossary version.
 */
export function checksOfSegments(
  deps: ServiceDeps,
  work: { statement: Statement; locale: string; translations: readonly Translation[]; glossary: readonly GlossaryEntry[] },
  segmentIds: Iterable<string>,
): Map<string, CheckProblem[]> {
  let cache = caches.get(deps.store);
  if (!cache) caches.set(deps.store, (cache = new Map<string, Cached>()));
  const glossaryVersion = deps.store.glossaryVersion(work.locale);
  const segments = new Map(work.statement.segments.map((s) => [s.id, s]));
  const own = new Map(work.translations.map((t) => [t.segmentId, t]));
  const result = new Map<string, CheckProblem[]>();
  for (const id of segmentIds) {
    const t = own.get(id);
    const segment = segments.get(id);
    if (!t || !segment || t.status === 'untranslated') continue;
    const key = `${work.statement.id}\u0000${work.locale}\u0000${id}`;
    let hit = cache.get(key);
    if (!hit || hit.revision !== t.revision || hit.glossaryVersion !== glossaryVersion || hit.sourceHash !== segment.sourceHash) {
      const problems = runChecks({ segment, text: t.text, locale: work.locale, keepOriginal: t.keepOriginal === true, glossary: work.glossary });
      hit = { revision: t.revision, glossaryVersion, sourceHash: segment.sourceHash, problems };
      cache.set(key, hit);
    }
    result.set(id, hit.problems);
  }
  return result;
}
