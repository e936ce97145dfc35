// `npm run tandem -- backup DIR` and `restore DIR`, run as the command line runs them (child
// processes), on a data directory made by the real app.
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { openServices } from '../../server/main.js';
import { api, makeApp, SID } from '../support/app.js';
import { cli, snapshot, startServer, tempDir, type RunningServer } from '../durability/processes.js';

// Each step starts a process (1 to 3 s on a busy machine).
jest.setTimeout(30_000);

const STATEMENT = `statements/${SID}.json`;
/** The source edition, published when the statement was imported. */
const EDITION = `editions/${SID}/en/1.json`;
const JOURNAL = `statements/${SID}.journal.jsonl`;
let dataDir: string;
let token: string;

/** Saves `text` for my/s3 through the real app on `dataDir` (in this process, then closed). */
async function saveInApp(text: string): Promise<void> {
  const t = await makeApp(dataDir);
  const current = await t.deps.store.getTranslation(SID, 'my', 's3');
  await request(t.app)
    .put(api().segment('my', 's3'))
    .set('Authorization', `Bearer ${token}`)
    .send({ text, baseRevision: current?.revision ?? 0, action: 'save' })
    .expect(200);
  await t.close();
}

beforeAll(async () => {
  dataDir = tempDir('tandem-cli-');
  const t = await makeApp(dataDir);
  token = await t.token('mya', 'translator', ['my']);
  await t.deps.store.updateGlossary('my', () => [
    { id: 'g1', locale: 'my', term: 'junta', translation: 'စစ်ကောင်စီ', note: '', doNotTranslate: false, updatedAt: '2022-01-04T00:00:00.000Z' },
  ]);
  await t.close();
  await saveInApp('မြန်မာ ပထမ');
});

/** Every file below `dir`, relative with `/`, sorted. */
function filesUnder(dir: string, under = ''): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true })
    .flatMap((entry) => {
      const file = under ? `${under}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(dir, file) : [file];
    })
    .sort();
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, ...file.split('/')));

let firstBackup: string | undefined;
/** Where the first backup goes (a directory that does not exist yet). */
const backupDir = () => (firstBackup ??= path.join(tempDir('tandem-backup-'), 'b'));

describe('backup', () => {
  it('copies every data file, byte for byte, with a manifest of their hashes', async () => {
    const run = await cli(dataDir, ['backup', backupDir()]);
    expect(run.code).toBe(0);
    for (const file of ['tandem.json', 'glossary.json', STATEMENT, JOURNAL, EDITION])
      expect(read(backupDir(), file).equals(read(dataDir, file))).toBe(true);
    const manifest = JSON.parse(read(backupDir(), 'backup.json').toString('utf8'));
    expect(manifest.files).toEqual(
      ['tandem.json', 'glossary.json', STATEMENT, JOURNAL, EDITION].map((file) => ({
        path: file,
        bytes: read(dataDir, file).length,
        sha256: createHash('sha256').update(read(dataDir, file)).digest('hex'),
      })),
    );
    // Credentials stay out of backups: sessions, the session secret; so does the lock.
    expect(readdirSync(backupDir()).sort()).toEqual(['backup.json', 'editions', 'glossary.json', 'statements', 'tandem.json']);
  });

  it('holds every file the store wrote into the data directory (credentials, the lock and backups/ aside)', () => {
    const NOT_DATA = /^(sessions\.json|session-secret|tandem\.lock)$|(^|\/)backups\//;
    const written = filesUnder(dataDir).filter((file) => !NOT_DATA.test(file));
    expect(written).toContain('glossary.json');
    expect(filesUnder(backupDir()).filter((file) => file !== 'backup.json')).toEqual(written);
  });

  it('refuses a directory that is not empty, and writes nothing into it', async () => {
    const before = snapshot(backupDir());
    const run = await cli(dataDir, ['backup', backupDir()]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`${backupDir()} is not empty`);
    expect(snapshot(backupDir())).toEqual(before);
  });

  it('copies whole files while the app is saving (each file is one complete version)', async () => {
    const t = await makeApp(dataDir);
    const target = path.join(tempDir('tandem-hot-'), 'copy');
    let saving = true;
    const saves = (async () => {
      for (let n = 0; saving && n < 200; n++) {
        // bounded: the API allows 600 requests a minute per account
        const current = await t.deps.store.getTranslation(SID, 'my', 's4');
        await request(t.app)
          .put(api().segment('my', 's4'))
          .set('Authorization', `Bearer ${token}`)
          .send({ text: `ခဏ ${n}`, baseRevision: current?.revision ?? 0, action: 'save' })
          .expect(200);
      }
    })();
    const run = await cli(dataDir, ['backup', target]);
    saving = false;
    await saves;
    await t.close();
    expect(run.code).toBe(0);
    expect(JSON.parse(read(target, STATEMENT).toString('utf8')).statement.id).toBe(SID);
  });
});

describe('restore', () => {
  let backup: string;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    backup = backupDir(); // made by the first backup test
    await saveInApp('မြန်မာ ဒုတိယ'); // the data now differ from the backup
  });

  /** A copy of the backup with one file replaced (and, when `rehash`, a manifest that matches it). */
  function brokenBackup(file: string, bytes: string, rehash: boolean): string {
    const copy = path.join(tempDir('tandem-broken-'), 'b');
    for (const name of ['backup.json', 'tandem.json', 'glossary.json', STATEMENT, JOURNAL, EDITION]) {
      mkdirSync(path.dirname(path.join(copy, name)), { recursive: true });
      writeFileSync(path.join(copy, name), read(backup, name));
    }
    writeFileSync(path.join(copy, file), bytes);
    if (rehash) {
      const manifest = JSON.parse(read(copy, 'backup.json').toString('utf8'));
      for (const entry of manifest.files) {
        const content = read(copy, entry.path);
        Object.assign(entry, { bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') });
      }
      writeFileSync(path.join(copy, 'backup.json'), JSON.stringify(manifest));
    }
    return copy;
  }

  it.each([
    ['a file changed since the backup', STATEMENT, '{}', false, 'differs from the copy the backup made'],
    ['a file that is not JSON (manifest edited to match)', 'tandem.json', '{"version":1,', true, 'is not valid JSON'],
    [
      'a statement with a malformed translation',
      STATEMENT,
      JSON.stringify({ statement: { id: SID, segments: [] }, translations: { my: { s3: { revision: 1 } } } }),
      true,
      'holds a malformed translation of s3 into my',
    ],
  ])('refuses %s before replacing anything, naming the file', async (_name, file, bytes, rehash, reason) => {
    const broken = brokenBackup(file, bytes, rehash);
    const before = snapshot(dataDir);
    const run = await cli(dataDir, ['restore', broken]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`${path.join(broken, file)} ${reason}`);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('refuses a directory that is not a finished backup (no manifest)', async () => {
    const before = snapshot(dataDir);
    const run = await cli(dataDir, ['restore', dataDir]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('backup.json is missing');
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('replaces the data files, keeping the replaced ones (and the sessions) in pre-restore-<time>/', async () => {
    const replaced = { tandem: read(dataDir, 'tandem.json'), statement: read(dataDir, STATEMENT), sessions: read(dataDir, 'sessions.json') };
    const run = await cli(dataDir, ['restore', backup]);
    expect(run.code).toBe(0);
    for (const file of ['tandem.json', 'glossary.json', STATEMENT, JOURNAL, EDITION]) expect(read(dataDir, file).equals(read(backup, file))).toBe(true);
    const aside = readdirSync(dataDir).filter((name) => name.startsWith('pre-restore-'));
    expect(aside).toHaveLength(1);
    expect(read(path.join(dataDir, aside[0]!), 'tandem.json').equals(replaced.tandem)).toBe(true);
    expect(read(path.join(dataDir, aside[0]!), STATEMENT).equals(replaced.statement)).toBe(true);
    expect(read(path.join(dataDir, aside[0]!), 'sessions.json').equals(replaced.sessions)).toBe(true);
    expect(existsSync(path.join(dataDir, 'restore-in-progress.json'))).toBe(false);
  });

  it('leaves data the server starts on, with the backed-up text', async () => {
    server = await startServer(dataDir);
    const response = await fetch(`${server.url}/api/v1/statements/${SID}/translations/my`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toContainEqual(expect.objectContaining({ segmentId: 's3', text: 'မြန်မာ ပထမ' }));
  });

  it('refuses while the server runs (the data-directory lock), changing nothing', async () => {
    const before = snapshot(dataDir);
    const run = await cli(dataDir, ['restore', backup]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`is in use by another Tandem process (pid ${server!.pid})`);
    server!.child.kill('SIGTERM');
    expect((await server!.exited).code).toBe(0);
    const after = snapshot(dataDir);
    delete before['tandem.lock'];
    expect(Object.keys(after).filter((f) => !(f in before))).toEqual([]);
  });

  it('after an interrupted restore, nothing starts until the restore is run again', async () => {
    writeFileSync(path.join(dataDir, 'restore-in-progress.json'), '{}');
    // openServices is what the server and every command open a data directory with.
    await expect(openServices(dataDir)).rejects.toThrow('did not finish');
    const again = await cli(dataDir, ['restore', backup]);
    expect(again.code).toBe(0);
    expect(existsSync(path.join(dataDir, 'restore-in-progress.json'))).toBe(false);
  });
});
