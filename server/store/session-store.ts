// Browser sessions for express-session, in `<dataDir>/sessions.json` (same durable file and write
// queue as the rest of the store), so that a restart does not log everybody out.
//
// A record holds what express-session hands over (the cookie settings and what the app put in
// the session) plus its expiry; the store adds nothing, in particular no IP address or user agent.
// Only logged-in browsers have sessions (anonymous visitors' forms need none: http/auth.ts).
// Expired sessions are not returned, are dropped with the next write, at open and every hour;
// an account keeps at most MAX_SESSIONS_PER_ACCOUNT (logging in once more ends the oldest).
// The file keeps no backups: an ended session must not live on in a copy.
import session, { type SessionData } from 'express-session';
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { DurableJsonFileOptions } from './durable-json-file.js';
import { schemaProblem, sessionsFileSchema } from './file-schemas.js';
import { openJsonDocument, type JsonDocument } from './write-queue.js';

interface StoredSession {
  session: SessionData;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface SessionsFile {
  version: 1;
  sessions: Record<string, StoredSession>;
}

export interface SessionStoreOptions extends Omit<DurableJsonFileOptions, 'backups'> {
  /** Lifetime of a session whose cookie has no expiry of its own (a browser-session cookie). */
  defaultTtlMs?: number;
  /** How often expired sessions are removed while the server runs (default: hourly). */
  pruneEveryMs?: number;
}

/** Browsers (sessions) one account may be logged in on at once; a further login ends the oldest. */
export const MAX_SESSIONS_PER_ACCOUNT = 10;
const SESSIONS_FILE = 'sessions.json';

/** express-session ids are base64url; anything else never becomes a key (`__proto__` is base64url too). */
function isSessionId(sid: string): boolean {
  return /^[A-Za-z0-9_-]{1,200}$/.test(sid) && sid !== '__proto__';
}
/** A touch that moves the expiry by less than this is not written: one write per request is waste. */
const TOUCH_RESOLUTION_MS = 60_000;

export class FileSessionStore extends session.Store {
  private readonly pruning: ReturnType<typeof setInterval>;

  constructor(
    private readonly document: JsonDocument<SessionsFile>,
    private readonly now: () => number,
    private readonly defaultTtlMs: number,
    pruneEveryMs: number,
  ) {
    super();
    this.pruning = setInterval(() => void this.pruneExpired().catch(() => undefined), pruneEveryMs);
    this.pruning.unref(); // never what keeps the process alive
  }

  /** Removes expired sessions (one write, and none when nothing expired). */
  async pruneExpired(): Promise<number> {
    const at = this.now();
    const expired = Object.keys(this.document.data.sessions).filter((sid) => !(this.document.data.sessions[sid]!.expiresAt > at));
    if (expired.length === 0) return 0;
    await this.document.update((file) => {
      for (const sid of expired) delete file.sessions[sid];
    });
    return expired.length;
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    const stored = this.live(sid);
    callback(null, stored ? structuredClone(stored.session) : null);
  }

  override set(sid: string, data: SessionData, callback?: (err?: unknown) => void): void {
    if (!isSessionId(sid)) return callback?.(new Error('Invalid session id.'));
    const record: StoredSession = { session: asJson(data), expiresAt: this.expiryOf(data) };
    const now = this.now();
    this.settle(
      this.document.update((file) => {
        for (const [id, stored] of Object.entries(file.sessions)) if (!(stored.expiresAt > now)) delete file.sessions[id];
        file.sessions[sid] = record;
        const accountId = record.session.accountId;
        if (accountId) endOldestSessions(file, accountId, MAX_SESSIONS_PER_ACCOUNT);
      }),
      callback,
    );
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    if (!isSessionId(sid) || !Object.hasOwn(this.document.data.sessions, sid)) return callback?.();
    this.settle(
      this.document.update((file) => {
        delete file.sessions[sid];
      }),
      callback,
    );
  }

  override touch(sid: string, data: SessionData, callback?: (err?: unknown) => void): void {
    const stored = this.live(sid);
    const expiresAt = this.expiryOf(data);
    if (!stored || expiresAt - stored.expiresAt < TOUCH_RESOLUTION_MS) return callback?.();
    const cookie = asJson(data).cookie;
    this.settle(
      this.document.update(() => {
        stored.expiresAt = expiresAt;
        stored.session.cookie = cookie;
      }),
      callback,
    );
  }

  /** Waits for pending writes; later changes are refused. */
  close(): Promise<void> {
    clearInterval(this.pruning);
    return this.document.close();
  }

  private live(sid: string): StoredSession | undefined {
    if (!isSessionId(sid) || !Object.hasOwn(this.document.data.sessions, sid)) return undefined;
    const stored = this.document.data.sessions[sid]!;
    return stored.expiresAt > this.now() ? stored : undefined;
  }

  private expiryOf(data: SessionData): number {
    const { expires, maxAge } = data.cookie ?? {};
    if (expires) return new Date(expires).getTime();
    if (typeof maxAge === 'number') return this.now() + maxAge;
    return this.now() + this.defaultTtlMs;
  }

  private settle(write: Promise<void>, callback?: (err?: unknown) => void): void {
    write.then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }
}

/** Opens (or creates) `<dataDir>/sessions.json`, dropping expired sessions and any old backups of the file. */
export async function createSessionStore(dataDir: string, options: SessionStoreOptions = {}): Promise<FileSessionStore> {
  const now = options.now ?? Date.now;
  const document = await openJsonDocument<SessionsFile>(
    join(dataDir, SESSIONS_FILE),
    { version: 1, sessions: {} },
    {
      ...options,
      backups: 0,
      check: (data) => schemaProblem(sessionsFileSchema, data),
    },
  );
  await removeBackups(dataDir);
  const store = new FileSessionStore(document, now, options.defaultTtlMs ?? 24 * 60 * 60 * 1000, options.pruneEveryMs ?? 3600_000);
  await store.pruneExpired();
  return store;
}

/** Copies of the sessions file made by earlier releases (backups/sessions.<time>.json). */
async function removeBackups(dataDir: string): Promise<void> {
  const dir = join(dataDir, 'backups');
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => /^sessions\..+\.json$/.test(n))) await unlink(join(dir, name));
}

/** Keeps the `max` sessions of an account that expire last; the others end. */
function endOldestSessions(file: SessionsFile, accountId: string, max: number): void {
  const mine = Object.entries(file.sessions)
    .filter(([, stored]) => stored.session.accountId === accountId)
    .sort(([, a], [, b]) => b.expiresAt - a.expiresAt);
  for (const [sid] of mine.slice(max)) delete file.sessions[sid];
}

/** What JSON keeps of a session (a Date becomes its ISO string, as express-session expects back). */
function asJson(data: SessionData): SessionData {
  return JSON.parse(JSON.stringify(data)) as SessionData;
}
