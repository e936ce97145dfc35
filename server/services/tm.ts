// Translation memory: suggestions from approved translations in the same locale, across every
// statement. Each locale's memory is built once, on its first lookup, and then kept up to date
// commit by commit (noteCommitted): an approval adds its entry to a small index of recent entries,
// a change to an approved text retires its entry, and nothing is rebuilt. Only when the recent
// entries grow past RECENT_LIMIT, or a new source revision may have changed many entries at
// once (the store's approvedRevision), is the locale's index built again.
import { DomainError } from '../domain/errors.js';
import type { Actor } from '../domain/permissions.js';
import { buildMemoryIndex, lookupMemory, matchKey, type MemoryEntry, type MemoryIndex, type MemoryMatch } from '../domain/similarity.js';
import type { Statement, Translation } from '../domain/types.js';
import type { Store } from '../store/interface.js';
import { permit } from './context.js';
import type { ServiceDeps } from './deps.js';

/** Recent entries kept in their own small index before the locale's index is built again. */
const RECENT_LIMIT = 2000;

const identity = (e: MemoryEntry) => `${matchKey(e.source)}\u0000${e.target}`;
const segmentKey = (statementId: string, segmentId: string) => `${statementId}/${segmentId}`;

/** One locale's memory: an index built at one moment, and the changes since. */
class LocaleMemory {
  /** Entry of each statement/segment whose approved translation is in the memory now. */
  private readonly live = new Map<string, MemoryEntry>();
  /** How many live segments give each entry (the same text may be approved in several places). */
  private readonly liveCount = new Map<string, number>();
  private base!: MemoryIndex;
  private baseIdentities!: Set<string>;
  /** Live entries the base index does not hold, by segment. */
  private readonly recent = new Map<string, MemoryEntry>();
  private recentIndex: MemoryIndex | undefined;

  constructor(
    entries: Map<string, MemoryEntry>,
    readonly approvedRevision: number,
  ) {
    for (const [key, entry] of entries) this.set(key, entry);
    this.rebuild();
  }

  set(key: string, entry: MemoryEntry | undefined): void {
    const before = this.live.get(key);
    if (before) this.liveCount.set(identity(before), (this.liveCount.get(identity(before)) ?? 1) - 1);
    if (entry) {
      this.live.set(key, entry);
      this.liveCount.set(identity(entry), (this.liveCount.get(identity(entry)) ?? 0) + 1);
    } else {
      this.live.delete(key);
    }
    if (!this.baseIdentities) return; // still being built
    if (entry && !this.baseIdentities.has(identity(entry))) this.recent.set(key, entry);
    else this.recent.delete(key);
    this.recentIndex = undefined;
    if (this.recent.size > RECENT_LIMIT) this.rebuild();
  }

  lookup(query: string, limit: number): MemoryMatch[] {
    this.recentIndex ??= buildMemoryIndex([...this.recent.values()]);
    // Entries retired since the base was built are left out, so ask the base for a few more.
    const fromBase = lookupMemory(this.base, query, { limit: limit + 5 }).filter((m) => (this.liveCount.get(identity(m)) ?? 0) > 0);
    const fromRecent = lookupMemory(this.recentIndex, query, { limit });
    const seen = new Set<string>();
    return [...fromRecent, ...fromBase]
      .sort((a, b) => b.score - a.score || a.source.localeCompare(b.source) || a.target.localeCompare(b.target))
      .filter((m) => !seen.has(identity(m)) && seen.add(identity(m)))
      .slice(0, limit);
  }

  private rebuild(): void {
    this.base = buildMemoryIndex([...this.live.values()]);
    this.baseIdentities = new Set([...this.live.values()].map(identity));
    this.recent.clear();
    this.recentIndex = undefined;
  }
}

interface Building {
  pending: Array<[string, MemoryEntry | undefined]>;
  done: Promise<LocaleMemory>;
}

const memories = new WeakMap<Store, Map<string, LocaleMemory | Building>>();

function memoriesOf(store: Store): Map<string, LocaleMemory | Building> {
  let byLocale = memories.get(store);
  if (!byLocale) memories.set(store, (byLocale = new Map<string, LocaleMemory | Building>()));
  return byLocale;
}

/** The memory entry a translation gives: approved, and made against the segment's current source. */
function entryOf(statement: Statement, t: Translation): MemoryEntry | undefined {
  const segment = statement.segments.find((s) => s.id === t.segmentId);
  return t.status === 'approved' && segment && t.sourceHash === segment.sourceHash ? { source: segment.source, target: t.text } : undefined;
}

/** Approved translations of a locale whose source has not changed since, from every statement, by segment. */
async function entriesBySegment(deps: ServiceDeps, locale: string): Promise<Map<string, MemoryEntry>> {
  const entries = new Map<string, MemoryEntry>();
  for (const statement of await deps.store.listStatements()) {
    const segments = new Map(statement.segments.map((s) => [s.id, s]));
    for (const t of await deps.store.listTranslations(statement.id, locale)) {
      const segment = segments.get(t.segmentId);
      if (t.status === 'approved' && segment && t.sourceHash === segment.sourceHash) {
        entries.set(segmentKey(statement.id, t.segmentId), { source: segment.source, target: t.text });
      }
    }
  }
  return entries;
}

async function localeMemory(deps: ServiceDeps, locale: string): Promise<LocaleMemory> {
  const byLocale = memoriesOf(deps.store);
  const revision = deps.store.approvedRevision();
  const found = byLocale.get(locale);
  if (found instanceof LocaleMemory && found.approvedRevision === revision) return found;
  if (found && !(found instanceof LocaleMemory)) return found.done;
  // Commits noted while the entries are read are applied once the memory exists.
  const building: Building = { pending: [], done: undefined as unknown as Promise<LocaleMemory> };
  building.done = entriesBySegment(deps, locale).then(
    (entries) => {
      const memory = new LocaleMemory(entries, revision);
      for (const [key, entry] of building.pending) memory.set(key, entry);
      byLocale.set(locale, memory);
      return memory;
    },
    (error: unknown) => {
      byLocale.delete(locale);
      throw error;
    },
  );
  byLocale.set(locale, building);
  return building.done;
}

/** Keeps the locale's memory (if it has been built) up to date with one committed change. */
export function noteCommitted(deps: ServiceDeps, statement: Statement, previous: Translation | undefined, next: Translation): void {
  const memory = memories.get(deps.store)?.get(next.locale);
  if (!memory) return;
  if (previous?.status !== 'approved' && next.status !== 'approved') return;
  const change: [string, MemoryEntry | undefined] = [segmentKey(statement.id, next.segmentId), entryOf(statement, next)];
  if (memory instanceof LocaleMemory) memory.set(...change);
  else memory.pending.push(change);
}

export interface SuggestInput {
  locale: string;
  /** The source text to translate (placeholder form or plain). */
  q: string;
  limit?: number;
}

/** Suggestions for a source text, best first (translators and editors of the locale). */
export async function suggestTranslations(deps: ServiceDeps, actor: Actor | undefined, input: SuggestInput): Promise<MemoryMatch[]> {
  permit(actor, 'read_work', input.locale);
  if (!(await deps.store.listLocales()).some((l) => l.tag === input.locale)) {
    throw new DomainError('not_found', 'locale.not_enabled', { tag: input.locale });
  }
  return (await localeMemory(deps, input.locale)).lookup(input.q, input.limit ?? 5);
}
