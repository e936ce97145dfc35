// The command line as an operator uses it: accounts, tokens and importing a statement.
import { describe, expect, it, jest } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openStore } from '../../server/store/lowdb-store.js';
import { cli, tempDir } from '../durability/processes.js';
import { ROOT, SID } from '../support/app.js';

jest.setTimeout(30_000);
const statementFile = path.join(ROOT, 'content', `${SID}.md`);

describe('npm run tandem', () => {
  it('adds a user with the password from standard input and prints a token last', async () => {
    const dataDir = tempDir('tandem-cli-');
    const added = await cli(dataDir, ['user', 'add', 'nilar', '--role', 'translator', '--locales', 'my,km'], 'a long enough passphrase\n');
    expect(added.code).toBe(0);
    const token = await cli(dataDir, ['token', 'nilar']);
    expect(token.code).toBe(0);
    expect(token.stdout.trim().split('\n').at(-1)).toMatch(/^tdm_[A-Za-z0-9_-]{40,}$/);
    const store = await openStore(dataDir);
    expect(await store.findAccountByName('nilar')).toMatchObject({ role: 'translator', locales: ['my', 'km'] });
    await store.close();
  });

  it.each([
    ['a short password', ['user', 'add', 'kyaw', '--role', 'editor'], 'short\n', 'at least 10 characters'],
    ['an unknown role', ['user', 'add', 'kyaw', '--role', 'boss'], 'a long enough passphrase\n', '--role must be'],
    ['a token for nobody', ['token', 'nobody'], '', 'There is no account'],
  ])('refuses %s with words, not a stack', async (_n, args, input, words) => {
    const dataDir = tempDir('tandem-cli-');
    const run = await cli(dataDir, args, input);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(words);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('imports a statement, and refuses a file it cannot import, saying why and storing nothing', async () => {
    const dataDir = tempDir('tandem-cli-');
    const ok = await cli(dataDir, ['import', statementFile, '--id', 'joint']);
    expect([ok.code, ok.stdout]).toEqual([0, expect.stringContaining('242 segments')]);
    const broken = path.join(tempDir('tandem-cli-'), 'broken.md');
    writeFileSync(broken, Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
    const bad = await cli(dataDir, ['import', broken]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('The file is not UTF-8 text.');
    const store = await openStore(dataDir);
    expect((await store.listStatements()).map((s) => s.id)).toEqual(['joint']);
    expect((await store.listAudit()).map((a) => a.action)).toEqual(['statement.import']);
    await store.close();
  });
});
