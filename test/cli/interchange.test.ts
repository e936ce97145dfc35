// The command line a coordinator uses to send files to translators and take them back:
// `export` writes a locale's translations, `import-translations` takes a file in an account's name.
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../server/store/lowdb-store.js';
import { editXliff20 } from '../support/cat-tool.js';
import { cli } from '../durability/processes.js';
import { ROOT, SID } from '../support/app.js';

// Each command starts tsx and opens the data directory: seconds each on a loaded machine.
jest.setTimeout(300_000);
const work = mkdtempSync(path.join(tmpdir(), 'tandem-cli-files-'));
const dataDir = path.join(work, 'data');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run tandem -- export / import-translations', () => {
  it('exports XLIFF 2.0, and imports the translated file in the name of an account, reporting each unit', async () => {
    expect((await cli(dataDir, ['import', path.join(ROOT, 'content', `${SID}.md`)])).code).toBe(0);
    expect((await cli(dataDir, ['user', 'add', 'nilar', '--role', 'translator', '--locales', 'my'], 'a long enough passphrase\n')).code).toBe(0);
    const file = path.join(work, 'my.xliff');
    const exported = await cli(dataDir, ['export', SID, 'my', '--format', 'xliff20', '--out', file]);
    expect(exported.code).toBe(0);
    writeFileSync(file, editXliff20(readFileSync(file, 'utf8'), [{ segmentId: 's4', target: 'မြန်မာစစ်ကောင်စီသည် အကြမ်းဖက်မှုကို အသုံးပြုနေသည်။' }]));

    const dry = await cli(dataDir, ['import-translations', SID, 'my', file, '--as', 'nilar', '--dry-run']);
    expect([dry.code, dry.stdout]).toEqual([0, expect.stringContaining('Would import: 1.')]);
    const done = await cli(dataDir, ['import-translations', SID, 'my', file, '--as', 'nilar']);
    expect([done.code, done.stdout]).toEqual([0, expect.stringMatching(/^s4\timported\tImported as Submitted/m)]);
    const again = await cli(dataDir, ['import-translations', SID, 'my', file, '--as', 'nilar']);
    expect([again.code, again.stdout]).toEqual([0, expect.stringContaining('Imported: 0.')]);

    const store = await openStore(dataDir);
    const t = await store.getTranslation(SID, 'my', 's4');
    const account = await store.findAccountByName('nilar');
    await store.close();
    expect(t).toMatchObject({ status: 'submitted', author: account!.id, revision: 1 });
  });

  it('refuses a file for another language with words, not a stack, and writes a PO to standard output', async () => {
    const file = path.join(work, 'km.po');
    const po = await cli(dataDir, ['export', SID, 'km', '--format', 'po']);
    expect([po.code, po.stdout]).toEqual([0, expect.stringContaining('"Language: km\\n"')]);
    writeFileSync(file, po.stdout);
    const refused = await cli(dataDir, ['import-translations', SID, 'my', file, '--as', 'nilar']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('The file is for the language “km”, not “my”.');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });
});
