// The 32-translator save loop without HTTP: the same use case (`saveTranslation`) and the same
// store, in the benchmark's own process, on a data directory of its own. What a save costs below
// the HTTP edge, beside what it costs through it (the save-32 row).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAccount, toActor } from '../../server/services/accounts.js';
import { bcryptHasher, randomToken } from '../../server/services/passwords.js';
import { ensureStatement } from '../../server/services/statements.js';
import { saveTranslation } from '../../server/services/translations.js';
import { openStore } from '../../server/store/lowdb-store.js';
import type { SaveLatency } from './saves.js';
import { standInTranslation } from './seed.js';

export async function measureSavesInProcess(opts: {
  root: string;
  dataDir: string;
  statementId: string;
  clients: number;
  seconds: number;
}): Promise<SaveLatency> {
  const store = await openStore(opts.dataDir);
  try {
    const deps = { store, now: () => new Date(), randomToken, passwords: bcryptHasher(4) };
    await ensureStatement(deps, opts.statementId, readFileSync(path.join(opts.root, 'content', `${opts.statementId}.md`)));
    const account = await createAccount(deps, null, { name: 'bench-in-process', password: randomToken(), role: 'translator', locales: ['km'] });
    const actor = toActor(account);
    const segments = (await store.getStatement(opts.statementId))!.segments;
    const revisions = new Map<string, number>();
    const latencies: number[] = [];
    const started = performance.now();
    const end = started + opts.seconds * 1000;
    const client = async (c: number) => {
      const mine = segments.filter((_, i) => i % opts.clients === c);
      for (let n = 0; performance.now() < end && mine.length > 0; n++) {
        const segment = mine[n % mine.length]!;
        const baseRevision = revisions.get(segment.id) ?? 0;
        const t0 = performance.now();
        const saved = await saveTranslation(deps, actor, {
          statementId: opts.statementId,
          locale: 'km',
          segmentId: segment.id,
          baseRevision,
          text: standInTranslation(segment.source, 'km', baseRevision + 7),
          action: 'save',
        });
        latencies.push(performance.now() - t0);
        revisions.set(segment.id, saved.translation.revision);
      }
    };
    await Promise.all(Array.from({ length: opts.clients }, (_, c) => client(c)));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    return { saves: latencies.length, failures: 0, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99) };
  } finally {
    await store.close();
  }
}
