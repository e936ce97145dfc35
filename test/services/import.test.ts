// Importing a statement: refused files leave nothing behind.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ServiceDeps } from '../../server/services/deps.js';
import { bcryptHasher, randomToken } from '../../server/services/passwords.js';
import { importStatement } from '../../server/services/statements.js';
import { openStore } from '../../server/store/lowdb-store.js';
import { STATEMENT_BYTES } from '../support/app.js';
import { temporaryDir } from '../support/temp-dirs.js';

let deps: ServiceDeps;
beforeEach(async () => {
  const store = await openStore(temporaryDir('tandem-import-'));
  deps = { store, now: () => new Date('2026-01-01'), randomToken, passwords: bcryptHasher(4) };
});
afterEach(() => deps.store.close());

describe('importStatement', () => {
  it('imports the shipped statement as 242 segments', async () => {
    const s = await importStatement(deps, 'joint', STATEMENT_BYTES);
    expect(s.segments).toHaveLength(242);
    expect((await deps.store.getStatement('joint'))?.segments.map((x) => x.id).slice(0, 3)).toEqual(['s1', 's2', 's3']);
  });

  it.each([
    ['an empty file', new Uint8Array(), 'import.empty'],
    ['only whitespace', new TextEncoder().encode(' \n\n\t'), 'import.empty'],
    ['bytes that are not UTF-8', new Uint8Array([0x48, 0xff, 0xfe, 0x0a]), 'import.not_utf8'],
    ['no block (only rules)', new TextEncoder().encode('---\n\n***\n'), 'import.no_blocks'],
  ])('refuses %s with a reason and stores nothing', async (_n, bytes, key) => {
    await expect(importStatement(deps, 'bad', bytes)).rejects.toMatchObject({ code: 'import_failed', key });
    expect(await deps.store.listStatements()).toEqual([]);
  });

  it('refuses an id that is not a slug, and an id that exists', async () => {
    await expect(importStatement(deps, '../etc', STATEMENT_BYTES)).rejects.toMatchObject({ code: 'invalid_input' });
    await importStatement(deps, 'joint', STATEMENT_BYTES);
    await expect(importStatement(deps, 'joint', STATEMENT_BYTES)).rejects.toMatchObject({ code: 'duplicate' });
  });
});
