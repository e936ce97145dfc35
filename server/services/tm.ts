// Translation memory: suggestions from approved translations in the same locale, across every
// statement. The index lives in memory, one per store and locale, and is rebuilt on the first
// lookup after the store says approved translations changed (an approval, a new source revision).
import { can, type Actor } from '../domain/permissions.js';
import { buildMemoryIndex, lookupMemory, type MemoryEntry, type MemoryIndex, type MemoryMatch } from '../domain/similarity.js';
import type { Store } from '../store/interface.js';
import type { ServiceDeps } from './deps.js';
import { forbiddenOrUnauthenticated, requireLocale } from './locales.js';

interface Cached {
  revision: number;
  index: MemoryIndex;
}

const indexes = new WeakMap<Store, Map<string, Cached>>();

/** Approved translations of a locale whose source has not changed since, from every statement. */
export async function memoryEntries(deps: ServiceDeps, locale: string): Promise<MemoryEntry[]> {
  const entries: MemoryEntry[] = [];
  for (const statement of await deps.store.listStatements()) {
    const segments = new Map(statement.segments.map((s) => [s.id, s]));
    for (const t of await deps.store.listTranslations(statement.id, locale)) {
      const segment = segments.get(t.segmentId);
      if (t.status === 'approved' && segment && t.sourceHash === segment.sourceHash) {
        entries.push({ source: segment.source, target: t.text });
      }
    }
  }
  return entries;
}

export async function memoryIndex(deps: ServiceDeps, locale: string): Promise<MemoryIndex> {
  let byLocale = indexes.get(deps.store);
  if (!byLocale) indexes.set(deps.store, (byLocale = new Map<string, Cached>()));
  const revision = await deps.store.approvedRevision();
  const cached = byLocale.get(locale);
  if (cached && cached.revision === revision) return cached.index;
  const index = buildMemoryIndex(await memoryEntries(deps, locale));
  byLocale.set(locale, { revision, index });
  return index;
}

export interface SuggestInput {
  locale: string;
  /** The source text to translate (placeholder form or plain). */
  q: string;
  limit?: number;
}

/** Suggestions for a source text, best first (translators and editors of the locale). */
export async function suggestTranslations(deps: ServiceDeps, actor: Actor | undefined, input: SuggestInput): Promise<MemoryMatch[]> {
  if (!can(actor, 'read_work', input.locale)) throw forbiddenOrUnauthenticated(actor);
  await requireLocale(deps, input.locale);
  return lookupMemory(await memoryIndex(deps, input.locale), input.q, { limit: input.limit ?? 5 });
}
