// Test data for the store tests: valid records with only what a test cares about changed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Account, HistoryEntry, Segment, Statement, Translation, TranslationChange } from '../../server/domain/types.js';
import type { Store } from '../../server/store/interface.js';

export function aSegment(n: number, source = `Paragraph ${n}.`): Segment {
  return { id: `s${n}`, index: n - 1, kind: n === 1 ? 'title' : 'paragraph', source, sourceHash: `hash-${n}`, placeholders: [] };
}

export function aStatement(id = 'joint-statement', overrides: Partial<Statement> = {}): Statement {
  return {
    id,
    title: 'Joint statement',
    sourceLocale: 'en',
    sourceRevision: 1,
    segments: [aSegment(1, 'Joint statement'), aSegment(2), aSegment(3)],
    nextSegmentNumber: 4,
    removedSegmentIds: [],
    ...overrides,
  };
}

export function aTranslation(locale: string, segmentId: string, overrides: Partial<Translation> = {}): Translation {
  return {
    segmentId,
    locale,
    text: `${locale} text of ${segmentId}`,
    status: 'draft',
    revision: 1,
    sourceHash: 'hash',
    author: 'account-1',
    updatedAt: '2022-01-04T00:00:00.000Z',
    ...overrides,
  };
}

/** A change as a use case decides it: the translation at a revision and its history entry. */
export function aChange(locale: string, segmentId: string, revision: number, text = 'text', entry: Partial<HistoryEntry> = {}): TranslationChange {
  return {
    translation: aTranslation(locale, segmentId, { revision, text }),
    entry: { revision, action: 'save', status: 'draft', text, actor: 'account-1', at: '2022-01-04T00:00:00.000Z', ...entry },
  };
}

/** Saves the next revision of a translation, as a save would: decided from the current one. */
export async function saveNext(store: Store, statementId: string, locale: string, segmentId: string, text = 'text'): Promise<Translation> {
  const revision = (await store.getTranslation(statementId, locale, segmentId))?.revision ?? 0;
  return store.commitTranslation(statementId, aChange(locale, segmentId, revision + 1, text), revision);
}

export function anAccount(name = 'Aung', overrides: Partial<Account> = {}): Account {
  return {
    id: `account-${name.toLowerCase()}`,
    name,
    role: 'translator',
    locales: ['my'],
    passwordHash: 'not-a-real-hash',
    disabled: false,
    createdAt: '2022-01-04T00:00:00.000Z',
    ...overrides,
  };
}

/** A fresh directory per test; `cleanUp` removes them all. */
export function tempDirs() {
  const made: string[] = [];
  return {
    async make(): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), 'tandem-store-'));
      made.push(dir);
      return dir;
    },
    async cleanUp(): Promise<void> {
      await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}
