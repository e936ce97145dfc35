// One process owns a data directory: two writers on one JSON file lose each other's changes.
//
// The owner is kept in `<dataDir>/tandem.lock`: its pid and, where /proc exists, the boot and the
// start time of that process. A lock whose process is gone (killed, crashed, machine restarted) is
// taken over, so a crash never stops the next start; so is the lock of a zombie (killed but not yet
// reaped by its parent: state Z in /proc/PID/stat), which will never write again. The start time
// matters in containers: after a restart another process often has the old pid, and must not be
// taken for the owner.
import { closeSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'tandem.lock';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`The data directory ${dataDir} is in use by another Tandem process (pid ${pid}). Stop it first.`);
    this.name = 'DataDirInUseError';
  }
}

/** Identifies one run of a process: "<boot id>:<start time>", or "" where /proc is not available. */
function processIdentity(pid: number): string {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return startTime ? `${boot}:${startTime}` : '';
  } catch {
    return '';
  }
}

/** A process that runs: it exists and is not a zombie (killed, not yet reaped by its parent). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return processState(pid) !== 'Z';
}

/** The state letter of /proc/PID/stat (R, S, D, Z...), or "" where /proc is not available. */
function processState(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? '';
  } catch {
    return '';
  }
}

/** True when the process that wrote `content` still runs. */
function ownerRuns(content: string): { pid: number; runs: boolean } {
  const [pidLine = '', identity = ''] = content.split('\n');
  const pid = Number(pidLine.trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return { pid, runs: false };
  // The pid runs; it is the owner unless we know that it is another process now.
  const now = identity.trim() ? processIdentity(pid) : '';
  return { pid, runs: !now || now === identity.trim() };
}

/** Takes the lock or throws DataDirInUseError; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const content = `${process.pid}\n${processIdentity(process.pid)}\n`;
  // The lock appears with its content in one step (a link of a complete file): a second process
  // never reads an empty lock and takes it for a stale one.
  const temp = path.join(dataDir, `.${LOCK_FILE}.${process.pid}.tmp`);
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(temp, file);
        return () => {
          try {
            if (readFileSync(file, 'utf8') === content) unlinkSync(file);
          } catch {
            // already gone
          }
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      let held: string;
      try {
        held = readFileSync(file, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile: try again
        throw e;
      }
      const owner = ownerRuns(held);
      if (owner.runs) throw new DataDirInUseError(dataDir, owner.pid);
      try {
        unlinkSync(file); // stale: its process is gone
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    throw new Error(`Could not lock ${dataDir}: ${file} keeps coming back`);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // nothing to clean
    }
  }
}
