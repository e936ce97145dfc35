// Data directories for the core benchmarks, written in the benchmark's own process through the
// store (before any server opens the directory): statements whose history is long, and a data
// directory of many statements fully translated. Changes are committed as a use case would, one
// revision after another, many statements at once so that they share fsyncs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Statement, Translation, TranslationChange } from '../../server/domain/types.js';
import { randomToken, bcryptHasher } from '../../server/services/passwords.js';
import { importStatement } from '../../server/services/statements.js';
import { openStore } from '../../server/store/lowdb-store.js';
import type { Store } from '../../server/store/interface.js';
import { standInTranslation } from './seed.js';

const at = '2026-01-01T00:00:00.000Z';

function change(statement: Statement, segmentIndex: number, locale: string, revision: number, status: Translation['status']): TranslationChange {
  const segment = statement.segments[segmentIndex]!;
  const text = standInTranslation(segment.source, locale, revision);
  return {
    translation: { segmentId: segment.id, locale, text, status, revision, sourceHash: segment.sourceHash, author: 'bench-translator', updatedAt: at },
    entry: { revision, action: status === 'approved' ? 'approve' : 'save', status, text, actor: 'bench-translator', at },
  };
}

async function withStore<T>(dataDir: string, work: (store: Store, importOne: (id: string) => Promise<Statement>) => Promise<T>): Promise<T> {
  const store = await openStore(dataDir);
  const deps = { store, now: () => new Date(at), randomToken, passwords: bcryptHasher(4) };
  const source = readFileSync(path.join(import.meta.dirname, '..', '..', 'content', '2022-01-04-joint-statement-hun-sen-myanmar-junta.md'));
  try {
    return await work(store, (id) => importStatement(deps, id, source));
  } finally {
    await store.close();
  }
}

/** Imports the statement as `id` and gives its `locale` translations `entries` history entries in all. */
export async function statementWithHistory(dataDir: string, id: string, locale: string, entries: number): Promise<void> {
  await withStore(dataDir, async (store, importOne) => {
    const statement = await importOne(id);
    const n = statement.segments.length;
    for (let done = 0, revision = 1; done < entries; revision++) {
      const batch = Math.min(n, entries - done);
      await Promise.all(
        Array.from({ length: batch }, (_, i) => store.commitTranslation(id, change(statement, i, locale, revision, 'draft'), revision - 1)),
      );
      done += batch;
    }
  });
}

/** `count` statements, each approved in every one of `locales` (one history entry per translation). */
export async function translatedStatements(dataDir: string, count: number, locales: readonly string[]): Promise<{ historyEntries: number }> {
  return withStore(dataDir, async (store, importOne) => {
    let historyEntries = 0;
    for (let k = 1; k <= count; k++) {
      const statement = await importOne(`statement-${String(k).padStart(2, '0')}`);
      await Promise.all(
        locales.flatMap((locale) =>
          statement.segments.map((_, i) => store.commitTranslation(statement.id, change(statement, i, locale, 1, 'approved'), 0)),
        ),
      );
      historyEntries += locales.length * statement.segments.length;
    }
    return { historyEntries };
  });
}
