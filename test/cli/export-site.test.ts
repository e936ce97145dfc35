// `npm run tandem -- export-site DIR`, run as a child process beside a running server: a static
// site with relative links only, no script, a manifest of every file, and nothing rewritten when
// nothing changed.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { api, makeApp, SID } from '../support/app.js';
import { cli, snapshot, startServer, tempDir, type RunningServer } from '../durability/processes.js';

jest.setTimeout(120_000);

let dataDir: string;
let out: string;
let server: RunningServer;
let firstRun: Awaited<ReturnType<typeof cli>>;

beforeAll(async () => {
  dataDir = tempDir('tandem-export-');
  out = path.join(tempDir('tandem-site-'), 'site');
  const t = await makeApp(dataDir);
  const translator = await t.token('ko', 'translator', ['my', 'km']);
  const editor = await t.token('ed', 'editor', ['my', 'km']);
  for (const [locale, text] of [
    ['my', 'ပူးတွဲကြေညာချက်'],
    ['km', 'សេចក្តីថ្លែងការណ៍រួម'],
  ] as const) {
    await request(t.app)
      .put(api().segment(locale, 's1'))
      .set('Authorization', `Bearer ${translator}`)
      .send({ text, baseRevision: 0, action: 'submit', confirmWarnings: true })
      .expect(200);
    await request(t.app).post(api().review(locale, 's1')).set('Authorization', `Bearer ${editor}`).send({ decision: 'approve', revision: 1 }).expect(200);
    await request(t.app).post(`/api/v1/statements/${SID}/editions/${locale}`).set('Authorization', `Bearer ${editor}`).send({}).expect(201);
  }
  await request(t.app).post(`/api/v1/statements/${SID}/editions/km`).set('Authorization', `Bearer ${editor}`).send({ note: 'second' }).expect(201);
  await t.close();
  server = await startServer(dataDir); // holds the data directory's lock
  firstRun = await cli(dataDir, ['export-site', out]);
});
afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
});

const filesOf = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));

describe('export-site', () => {
  it('runs while the server runs and writes every published edition, version and download', () => {
    expect(firstRun.code).toBe(0);
    const files = filesOf(out);
    for (const ui of ['en', 'my', 'km']) {
      expect(files).toEqual(
        expect.arrayContaining([
          `${ui}/index.html`,
          `${ui}/${SID}/km/index.html`,
          `${ui}/${SID}/km/v1.html`,
          `${ui}/${SID}/km/v2.html`,
          `${ui}/${SID}/km/versions.html`,
          `${ui}/${SID}/my/index.html`,
          `${ui}/${SID}/en/index.html`,
          `${ui}/${SID}/compare.html`,
        ]),
      );
    }
    expect(files).toEqual(
      expect.arrayContaining([
        `downloads/${SID}.km.v2.md`,
        `downloads/${SID}.km.v2.txt`,
        `downloads/${SID}.km.v2.html`,
        'index.html',
        'manifest.json',
        'static/tandem.css',
      ]),
    );
    expect(files.some((f) => f.startsWith('fonts/') && f.endsWith('.woff2'))).toBe(true);
    expect(readFileSync(path.join(out, 'km', SID, 'km', 'index.html'), 'utf8')).toContain('សេចក្តីថ្លែងការណ៍រួម');
  });

  it('lists every file with its SHA-256 in manifest.json', () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
    const listed = manifest.files.map((f) => f.path).sort();
    expect(listed).toEqual(
      filesOf(out)
        .filter((f) => f !== 'manifest.json')
        .sort(),
    );
    for (const f of manifest.files)
      expect(
        createHash('sha256')
          .update(readFileSync(path.join(out, f.path)))
          .digest('hex'),
      ).toBe(f.sha256);
  });

  it('links only relatively, to files of the export, and carries no script', () => {
    const broken: string[] = [];
    for (const file of filesOf(out).filter((f) => f.endsWith('.html') && !f.startsWith('downloads/'))) {
      const html = readFileSync(path.join(out, file), 'utf8');
      expect(html).not.toMatch(/<script/i);
      for (const [, target] of html.matchAll(/(?:href|src)="([^"]*)"/g)) {
        if (target!.startsWith('#')) continue;
        expect(target).not.toMatch(/^(\/|[a-z]+:)/i);
        const resolved = path.join(out, path.dirname(file), target!.split('#')[0]!);
        if (!existsSync(resolved) || !statSync(resolved).isFile()) broken.push(`${file} -> ${target}`);
      }
    }
    const css = readFileSync(path.join(out, 'static', 'tandem.css'), 'utf8');
    for (const [, target] of css.matchAll(/url\(([^)]+)\)/g)) {
      if (!existsSync(path.join(out, 'static', target!))) broken.push(`static/tandem.css -> ${target}`);
    }
    expect(broken).toEqual([]);
  });

  it('rewrites nothing when nothing changed', async () => {
    const before = snapshot(out);
    const mtimes = filesOf(out).map((f) => statSync(path.join(out, f)).mtimeMs);
    const again = await cli(dataDir, ['export-site', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/; 0 written/);
    expect(snapshot(out)).toEqual(before);
    expect(filesOf(out).map((f) => statSync(path.join(out, f)).mtimeMs)).toEqual(mtimes);
  });
});
