// The real server and the real command line as child processes, for tests that kill, corrupt or
// restore a data directory. `node --import tsx` runs the TypeScript in the node process itself (no
// wrapper process), so a signal sent to the child reaches the server. Traffic stays on 127.0.0.1.
import { afterAll } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/app.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all([...children].map((child) => new Promise((resolve) => child.once('close', resolve).kill('SIGKILL'))));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary directory, removed after the test file. */
export function tempDir(prefix = 'tandem-durability-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** The environment of a production start: no jest NODE_OPTIONS, no NODE_ENV=test. */
function childEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TANDEM_DATA_DIR: dataDir, ...extra };
  delete env.NODE_OPTIONS;
  delete env.NODE_ENV;
  delete env.JEST_WORKER_ID;
  return env;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Children still running when a test file ends (a test that failed or timed out) are killed. */
const children = new Set<ChildProcess>();

function collect(child: ChildProcess, input?: string): Promise<Finished> {
  children.add(child);
  child.once('close', () => children.delete(child));
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  if (child.stdin) child.stdin.end(input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** `npm run tandem -- ARGS`, as node runs it, on `dataDir`. */
export function cli(dataDir: string, args: string[], input?: string): Promise<Finished> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/tandem.ts', ...args], { cwd: ROOT, env: childEnv(dataDir) });
  return collect(child, input);
}

/** `npm start` on `dataDir` (the real package script), for tests of how start-up fails. */
export function npmStart(dataDir: string): Promise<Finished> {
  const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: childEnv(dataDir, { PORT: '0' }) });
  return collect(child);
}

/** server/main.ts run to its end (a start that fails). */
export function runMain(dataDir: string): Promise<Finished> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: childEnv(dataDir, { PORT: '0' }) });
  return collect(child);
}

/** Creates a translator with the CLI and returns an API token for them. */
export async function translatorToken(dataDir: string, name: string, locales: string): Promise<string> {
  const added = await cli(dataDir, ['user', 'add', name, '--role', 'translator', '--locales', locales], 'a long enough password\n');
  if (added.code !== 0) throw new Error(`user add failed: ${added.stderr}`);
  const issued = await cli(dataDir, ['token', name]);
  if (issued.code !== 0) throw new Error(`token failed: ${issued.stderr}`);
  return issued.stdout.trim().split('\n').at(-1)!;
}

export interface RunningServer {
  child: ChildProcess;
  pid: number;
  /** http://127.0.0.1:PORT */
  url: string;
  stderr(): string;
  /** Resolves when the process has ended. */
  exited: Promise<Finished>;
}

/** Starts server/main.ts with PORT=0 and waits for "Tandem is on http://localhost:PORT". */
export function startServer(dataDir: string): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: childEnv(dataDir, { PORT: '0' }) });
  const exited = collect(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const port = /Tandem is on http:\/\/localhost:(\d+)/.exec(stdout)?.[1];
      if (!port) return;
      child.stdout!.off('data', onData);
      resolve({ child, pid: child.pid!, url: `http://127.0.0.1:${port}`, stderr: () => stderr, exited });
    };
    child.stdout!.on('data', onData);
    void exited.then((end) => reject(new Error(`server exited before listening (${end.code ?? end.signal}): ${end.stderr}`)));
  });
}

/** Every file under `dir` whose name ends in .json, except temp files (`.name.tmp`). */
export function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Files and their bytes, to assert that a refused operation changed nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[path.relative(dir, path.join(entry.parentPath, entry.name))] = readFileSync(path.join(entry.parentPath, entry.name), 'base64');
  }
  return out;
}
