// Child processes of the benchmark (Tandem itself, the baseline server, the command-line tool),
// a small HTTP client, and what Linux says about a process (peak memory, CPU time).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Child {
  name: string;
  proc: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
}

/**
 * What `npm start` runs once its build is done (package.json): the server's bundle, with source
 * maps. Build it first with `buildServer`.
 */
export const SERVER_BUNDLE = ['--enable-source-maps', 'build/main.js'] as const;

/** `npm start`'s build step (scripts/build-server.mjs): bundles server/ into build/main.js. */
export function buildServer(root: string): void {
  try {
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`the server's build failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`, { cause: e });
  }
}

/**
 * Runs `node ARGS` in one process (no wrapper process: the pid is the program), e.g. the server's
 * bundle (`SERVER_BUNDLE`) or a TypeScript entry point (`'--import', 'tsx', 'file.ts'`).
 */
export function startNode(name: string, args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): Child {
  const proc = spawn(process.execPath, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(opts.logFile);
  proc.stdout!.pipe(log, { end: false });
  proc.stderr!.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { name, proc, logFile: opts.logFile, exited };
}

/** The first line of standard output matching `pattern` (e.g. the baseline's "listening PORT"). */
export function waitForLine(child: Child, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => done(new Error(`${child.name}: no line matching ${pattern} within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = buffered.match(pattern);
      if (match) done(undefined, match);
    };
    const onExit = (code: number | null) => done(new Error(`${child.name} exited (code ${code}) before it was ready`));
    function done(err?: Error, match?: RegExpMatchArray) {
      clearTimeout(timer);
      child.proc.stdout!.off('data', onData);
      child.proc.off('exit', onExit);
      if (err) reject(err);
      else resolve(match!);
    }
    child.proc.stdout!.on('data', onData);
    child.proc.once('exit', onExit);
  });
}

/** Polls `url` until it answers 200; fails early if the process exits. */
export async function waitForHealthy(child: Child, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${child.name} exited before ${url} answered (log: ${child.logFile})`);
    try {
      if ((await request(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${child.name}: ${url} did not answer 200 within ${timeoutMs} ms (log: ${child.logFile})`);
}

/** SIGTERM, then SIGKILL when it has not exited after `graceMs`. Safe to call twice. */
export async function stopChild(child: Child | undefined, graceMs = 5000): Promise<void> {
  if (!child || child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill('SIGTERM');
  const timedOut = await Promise.race([child.exited.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut && child.proc.exitCode === null && child.proc.signalCode === null) {
    child.proc.kill('SIGKILL');
    await child.exited;
  }
}

/** Runs a command to completion and returns its standard output; throws with its output on failure. */
export function runCommand(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; input?: string }): string {
  try {
    return execFileSync(process.execPath, ['--import', 'tsx', ...args], {
      cwd: opts.cwd,
      env: opts.env,
      input: opts.input ?? '',
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 60_000,
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${args.join(' ')} failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`, { cause: e });
  }
}

/** A port that was free a moment ago on 127.0.0.1 (for a server we cannot ask to listen on 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One HTTP request, raw bytes back (no decompression: send no Accept-Encoding to get identity). */
export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: unknown; form?: Record<string, string>; timeoutMs?: number } = {},
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const payload = opts.form
      ? Buffer.from(new URLSearchParams(opts.form).toString())
      : opts.body === undefined
        ? undefined
        : Buffer.from(JSON.stringify(opts.body));
    const type = opts.form ? 'application/x-www-form-urlencoded' : 'application/json';
    const req = http.request(
      url,
      {
        method: opts.method ?? 'GET',
        headers: {
          ...(payload ? { 'content-type': type, 'content-length': String(payload.length) } : {}),
          ...opts.headers,
        },
        timeout: opts.timeoutMs ?? 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${opts.method ?? 'GET'} ${url}`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** JSON request that must answer 2xx. */
export async function requestJson<T>(url: string, opts: Parameters<typeof request>[1] = {}): Promise<T> {
  const res = await request(url, opts);
  if (res.status < 200 || res.status > 299) {
    throw new Error(`${opts.method ?? 'GET'} ${url} -> ${res.status}: ${res.body.toString('utf8').slice(0, 500)}`);
  }
  return JSON.parse(res.body.toString('utf8')) as T;
}

// --- /proc (Linux only; undefined elsewhere) ---

function procStatusField(pid: number, field: string): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident set size (VmHWM) in bytes. */
export const peakRss = (pid: number) => procStatusField(pid, 'VmHWM');
/** Current resident set size (VmRSS) in bytes. */
export const currentRss = (pid: number) => procStatusField(pid, 'VmRSS');

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond(); // utime, stime (fields 14, 15)
  } catch {
    return undefined;
  }
}

/** CPU seconds all processes of the machine used so far (every core). */
function machineBusySeconds(): number {
  return os.cpus().reduce((n, c) => n + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0) / 1000;
}

export interface CpuShares {
  /** The measured server (100 = one core). */
  server?: number;
  /** This process: autocannon, the load generator. */
  load: number;
  /** Everything else on the machine: a high figure means the numbers are disturbed. */
  others?: number;
}

/**
 * Starts a CPU accounting window over the measured server, our other child processes and this
 * process; the returned function ends it.
 */
export function cpuWindow(server: number, ourOthers: number[]): () => CpuShares {
  const started = process.hrtime.bigint();
  const machine0 = machineBusySeconds();
  const self0 = process.cpuUsage();
  const pids = [server, ...ourOthers];
  const before = pids.map((pid) => cpuSeconds(pid));
  return () => {
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    const self = process.cpuUsage(self0);
    const selfSeconds = (self.user + self.system) / 1e6;
    const used = pids.map((pid, i) => {
      const now = cpuSeconds(pid);
      const then = before[i];
      return now === undefined || then === undefined ? undefined : now - then;
    });
    const shares: CpuShares = { load: (100 * selfSeconds) / wall };
    if (used[0] !== undefined) shares.server = (100 * used[0]) / wall;
    if (used.every((u) => u !== undefined)) {
      const ours = selfSeconds + used.reduce((n: number, u) => n + u!, 0);
      shares.others = Math.max(0, (100 * (machineBusySeconds() - machine0 - ours)) / wall);
    }
    return shares;
  };
}
