// What a process supervisor or a container runtime does: start `npm start`, send SIGTERM (or
// SIGINT) to the process it started, wait for it to end. The server must stop cleanly, say so,
// release the data lock and close its port; nothing may keep running behind npm's back.
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { ROOT } from '../support/app.js';
import { tempDir } from './processes.js';

/** The environment of a production start: no jest NODE_OPTIONS, no NODE_ENV=test. */
function productionEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TANDEM_DATA_DIR: dataDir, PORT: '0' };
  delete env.NODE_OPTIONS;
  delete env.NODE_ENV;
  delete env.JEST_WORKER_ID;
  return env;
}

/** True when something accepts connections on the port (waits on the socket's own events). */
function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.each(['SIGTERM', 'SIGINT'] as const)('%s to the process `npm start` started', (signal) => {
  it('stops the server cleanly, says so, releases the data lock and closes the port', async () => {
    const dataDir = tempDir();
    const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: productionEnv(dataDir) });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // 'exit': npm itself ended; 'close': and every process holding its output (the server) too.
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, sig) => resolve({ code, signal: sig })),
    );
    const closed = new Promise((resolve) => child.once('close', resolve));
    let serverPid = 0;
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString('utf8');
          const found = /Tandem is on http:\/\/localhost:(\d+)/.exec(stdout)?.[1];
          if (found) resolve(Number(found));
        });
        void ended.then(() => reject(new Error(`npm start ended before listening: ${stderr}`)));
      });
      const lock = path.join(dataDir, 'tandem.lock');
      expect(existsSync(lock)).toBe(true);
      serverPid = Number(readFileSync(lock, 'utf8').split('\n')[0]);
      expect(await portOpen(port)).toBe(true);

      child.kill(signal); // to npm's own pid, as a supervisor does
      const end = await ended;
      // The server process itself is gone, not left running behind npm (it would hold the port and the lock).
      expect(alive(serverPid)).toBe(false);
      await closed;

      expect(end.code).toBe(0);
      expect(stdout).toMatch(new RegExp(`${signal}: stopping Tandem[^]*Tandem stopped`));
      expect(existsSync(lock)).toBe(false);
      expect(await portOpen(port)).toBe(false);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      if (serverPid && alive(serverPid)) process.kill(serverPid, 'SIGKILL');
    }
  }, 60_000);
});
