// What `npm start` runs: the server bundled by scripts/build-server.mjs into one file at another
// depth than its sources. Built here into its own folder under build/ (the bundle finds the
// project by walking up to package.json, so it must sit inside it), then run by plain node, with
// no tsx, from another working directory: the views, public files, fonts, interface strings and
// shipped statements must still be found, a stack trace must name the TypeScript file, and
// importing the bundle must not start a server.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadI18n } from '../../server/i18n/index.js';
import { ROOT as SERVER_ROOT } from '../../server/root.js';
import { ROOT } from '../support/app.js';
import { temporaryDir } from '../support/temp-dirs.js';

const run = promisify(execFile);
// Four folders deep, a depth no server file has: a path computed from a source file's own depth
// (`import.meta.url` and a fixed number of '..') would miss the project here.
const testBuild = path.join('build', `test-${process.pid}-${Date.now()}`);
const outdir = path.join(testBuild, 'four', 'deep');
const bundle = path.join(ROOT, outdir, 'main.js');

/** The environment of a production start: no jest NODE_OPTIONS, no NODE_ENV=test. */
function productionEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  delete env.NODE_ENV;
  delete env.JEST_WORKER_ID;
  return env;
}

beforeAll(async () => {
  await run(process.execPath, ['scripts/build-server.mjs', '--outdir', outdir], { cwd: ROOT, env: productionEnv({}) });
});
afterAll(() => rmSync(path.join(ROOT, testBuild), { recursive: true, force: true }));

it('the project folder is the same from source as the tests see it', () => {
  expect(SERVER_ROOT).toBe(ROOT);
});

it('refuses to build outside the project, where the bundle could not find it', async () => {
  const refused = run(process.execPath, ['scripts/build-server.mjs', '--outdir', tmpdir()], { cwd: ROOT, env: productionEnv({}) });
  await expect(refused).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--outdir must be inside') });
});

it('the build is one JavaScript file and its source map, importing packages from node_modules', () => {
  const code = readFileSync(bundle, 'utf8');
  expect(code).toContain('//# sourceMappingURL=main.js.map');
  const imported = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!);
  expect(imported.length).toBeGreaterThan(10);
  expect(imported.filter((name) => name.startsWith('.') || name.startsWith('/'))).toEqual([]); // no project file left outside
  const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sources: string[] };
  const sources = map.sources.map((source) => path.relative(ROOT, path.resolve(path.dirname(bundle), source)));
  expect(sources).toEqual(expect.arrayContaining(['server/main.ts', 'server/root.ts', 'server/http/views.ts']));
});

it('imported rather than run, the bundle starts nothing; its stack traces name the TypeScript files', async () => {
  // readConfig throws on a bad PORT; the trace goes through the bundle's source map.
  const script = `const { readConfig } = await import(${JSON.stringify(bundle)});
    try { readConfig({ PORT: 'x' }); } catch (e) { console.log(e.stack); }`;
  const { stdout } = await run(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
    cwd: tmpdir(),
    env: productionEnv({ PORT: '0', TANDEM_DATA_DIR: temporaryDir('tandem-bundle-') }),
    timeout: 20_000,
  });
  expect(stdout).toContain('PORT must be a port number');
  expect(stdout).toContain(path.join(ROOT, 'server', 'config.ts'));
  expect(stdout).not.toContain('Tandem is on');
});

describe('the bundle run by node, from another working directory', () => {
  let server: ChildProcess;
  let base = '';
  let stdout = '';
  let stderr = '';
  let exited: Promise<number | null>;

  beforeAll(async () => {
    const dataDir = temporaryDir('tandem-bundle-');
    server = spawn(process.execPath, ['--enable-source-maps', bundle], { cwd: tmpdir(), env: productionEnv({ PORT: '0', TANDEM_DATA_DIR: dataDir }) });
    exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
    server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const port = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const found = /Tandem is on http:\/\/localhost:(\d+)/.exec(stdout)?.[1];
        if (found) resolve(found);
      });
      void exited.then((code) => reject(new Error(`the bundle exited (${code}) before listening: ${stderr}`)));
    });
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await exited;
    }
  });

  it('imports the shipped statement and prints the set-up link', () => {
    expect(stdout).toContain('Imported statement 2022-01-04-joint-statement-hun-sen-myanmar-junta');
    expect(stdout).toContain('/setup?token=');
  });

  it('answers /healthz and serves the home page in the visitor’s language', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const english = await fetch(`${base}/`, { headers: { 'accept-language': 'en' } });
    expect(english.status).toBe(200);
    expect(await english.text()).toContain('Joint Statement by the Civil Society Organizations');
    const burmeseStrings = (await loadI18n(path.join(ROOT, 'locales'))).translator('my');
    const burmese = await fetch(`${base}/`, { headers: { 'accept-language': 'my' } });
    expect(await burmese.text()).toContain(burmeseStrings.t('nav.skip'));
  });

  it('serves the style sheet and the fonts from the project folder', async () => {
    const css = await fetch(`${base}/static/css/tandem.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toBe(readFileSync(path.join(ROOT, 'public', 'css', 'tandem.css'), 'utf8'));
    const fonts = await fetch(`${base}/fonts/locales.css?l=my`);
    expect(fonts.status).toBe(200);
    const font = /url\(["']?([^"')]+\.woff2)/.exec(await fonts.text())?.[1];
    expect(font).toBeDefined();
    const file = await fetch(new URL(font!, `${base}/fonts/`));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('woff2');
  });

  it('stops on SIGTERM and releases the data directory', async () => {
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('Tandem stopped');
    expect(existsSync(path.join(ROOT, outdir))).toBe(true); // removed after the file, not by the server
  });
});
