// Slows down guessing: failed logins and unknown tokens or links earn delays that double with each
// further failure, and each API token's account has a budget of requests per minute.
//
// Counters live in memory only. An IP address is never written to a data file, and a restart
// forgets them (a guesser gains one fresh start per restart; volunteers never stay locked out).
// The clock and the limits are injectable (createApp's `limits`), so tests never sleep.
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { DomainError } from '../domain/errors.js';

export interface BackoffOptions {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** The first delay; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts afresh. */
  forgetAfterMs: number;
}

interface Failures {
  count: number;
  blockedUntil: number;
  last: number;
}

/** Failure counters per key, with delays that double; the oldest keys go first past `maxKeys`. */
export class FailureBackoff {
  private readonly entries = new Map<string, Failures>();

  constructor(
    private readonly options: BackoffOptions,
    private readonly now: () => number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds to wait before this key may try again (0: go ahead). */
  waitMs(key: string): number {
    const entry = this.current(key);
    return entry ? Math.max(0, entry.blockedUntil - this.now()) : 0;
  }

  fail(key: string): void {
    const now = this.now();
    const entry = this.current(key) ?? { count: 0, blockedUntil: 0, last: now };
    entry.count += 1;
    entry.last = now;
    const over = entry.count - this.options.freeFailures;
    if (over > 0) entry.blockedUntil = now + Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** Math.min(over - 1, 30));
    this.entries.delete(key); // re-inserted last: the Map stays ordered from least to most recent
    this.entries.set(key, entry);
    if (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private current(key: string): Failures | undefined {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.last > this.options.forgetAfterMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

export interface RateLimitOptions {
  now?: () => number;
  /** Failed logins per IP address and account name. */
  login?: Partial<BackoffOptions>;
  /** Failed logins per IP address, whatever the name (one password tried on many names). */
  loginPerAddress?: Partial<BackoffOptions>;
  /** Unknown bearer tokens and one-time links per IP address. */
  badTokens?: Partial<BackoffOptions>;
  /** Requests per minute for each account calling with an API token. */
  tokenRequestsPerMinute?: number;
}

export interface Limits {
  login: FailureBackoff;
  loginPerAddress: FailureBackoff;
  badTokens: FailureBackoff;
  tokenRate: RequestHandler;
}

const MINUTE = 60_000;
const DEFAULT_BACKOFF: BackoffOptions = { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 24 * 60 * MINUTE };

export function createLimits(options: RateLimitOptions = {}): Limits {
  const now = options.now ?? Date.now;
  return {
    login: new FailureBackoff({ ...DEFAULT_BACKOFF, ...options.login }, now),
    loginPerAddress: new FailureBackoff({ ...DEFAULT_BACKOFF, freeFailures: 30, ...options.loginPerAddress }, now),
    badTokens: new FailureBackoff({ ...DEFAULT_BACKOFF, freeFailures: 10, ...options.badTokens }, now),
    tokenRate: rateLimit({
      windowMs: MINUTE,
      limit: options.tokenRequestsPerMinute ?? 600,
      // Browsers (session cookies) are not counted here: only calls made with an API token.
      skip: (_req, res) => !res.locals.viaToken,
      keyGenerator: (_req, res) => `account:${(res.locals.actor as { id: string }).id}`,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, res, next, limit) => next(tooManyAttempts(res, limit.windowMs)),
      // The key is an account id, not an address: the checks about addresses and proxies do not apply.
      validate: { ip: false, xForwardedForHeader: false, forwardedHeader: false, trustProxy: false },
    }),
  };
}

/** The caller's address, IPv6 addresses reduced to their /56 network (one user holds a whole block). */
export function addressOf(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}

/** The error that answers a throttled request (429), with Retry-After in seconds. */
export function tooManyAttempts(res: Response, waitMs: number): DomainError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  res.set('Retry-After', String(seconds));
  return new DomainError('rate_limited', 'auth.too_many_attempts', { count: seconds });
}
