// One process per data directory; a lock left by a process that is gone never blocks a start.
import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataDirInUseError, lockDataDir } from '../../server/store/data-lock.js';
import { tempDir } from './processes.js';

const lockOf = (dir: string) => path.join(dir, 'tandem.lock');
/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
/** This machine's boot and a process's start, as the lock records them (Linux, where Tandem runs). */
const identityOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return `${readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}:${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]}`;
};

/** Resolves once the process is a zombie (state Z), checking again after each turn of the event loop. */
async function untilZombie(pid: number): Promise<void> {
  for (;;) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('the data-directory lock', () => {
  it('is taken with this process in it, and released', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    const [pid, identity] = readFileSync(lockOf(dir), 'utf8').split('\n');
    expect(Number(pid)).toBe(process.pid);
    expect(identity).toBe(identityOf(process.pid));
    release();
    expect(existsSync(lockOf(dir))).toBe(false);
  });

  it('refuses while a running process holds it, and leaves its lock alone', () => {
    const dir = tempDir();
    const owner = `${process.ppid}\n${identityOf(process.ppid)}\n`;
    writeFileSync(lockOf(dir), owner);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir)).toThrow(`pid ${process.ppid}`);
    expect(readFileSync(lockOf(dir), 'utf8')).toBe(owner);
  });

  it.each([
    ['a process that has ended (killed, crashed)', () => `${deadPid()}\n`],
    ['a pid now used by another process (a container restarted)', () => `${process.ppid}\nanother-boot:12345\n`],
    ['an empty lock (an old format, cut short)', () => ''],
    ['this very pid (the same pid after a restart)', () => `${process.pid}\n`],
  ])('takes over the lock of %s', (_name, content) => {
    const dir = tempDir();
    writeFileSync(lockOf(dir), content());
    const release = lockDataDir(dir);
    expect(readFileSync(lockOf(dir), 'utf8').split('\n')[0]).toBe(String(process.pid));
    release();
  });

  it('takes over the lock of a zombie (killed, not yet reaped by its parent)', async () => {
    // A shell starts `sleep` in the background and then becomes another `sleep` that never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 600 & echo $!; exec sleep 600'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(d.toString()))));
      const owner = `${pid}\n${identityOf(pid)}\n`;
      process.kill(pid, 'SIGKILL');
      await untilZombie(pid);
      const dir = tempDir();
      writeFileSync(lockOf(dir), owner);
      const release = lockDataDir(dir);
      expect(readFileSync(lockOf(dir), 'utf8').split('\n')[0]).toBe(String(process.pid));
      release();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('leaves no temporary file behind', () => {
    const dir = tempDir();
    lockDataDir(dir)();
    expect(existsSync(path.join(dir, `.tandem.lock.${process.pid}.tmp`))).toBe(false);
  });
});
