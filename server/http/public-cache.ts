// Readers' pages, rendered once and kept compressed.
//
// Each page is kept under a key that names what it depends on (the statement, its published
// versions or its approved text, the locales, the interface language), never under "anything
// changed": a save, a session or a login does not throw pages away, and a published version's
// page is only replaced when what it shows changes (a newer version's notice). A page missing
// from the cache is rendered once however many requests wait for it (single-flight).
//
// Every reader gets the same page; the account part of the header is the only per-user part. A
// logged-in user gets the cached page with their own header put in place of the anonymous one,
// so their read costs a copy and a compression, not a render.
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Where the account part of the header starts and ends in every page (views/partials/head.ejs). */
export const ACCOUNT_NAV_START = '<!--account-nav-->';
export const ACCOUNT_NAV_END = '<!--/account-nav-->';

export interface CachedPage {
  etag: string;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
  /** The page around the anonymous account header, for logged-in users. */
  before: string;
  after: string;
}

/** `immutable`: a published version (/v/:n); `revalidate`: pages that change (latest version, previews). */
export type CachePolicy = 'immutable' | 'revalidate';

const CACHE_CONTROL: Record<CachePolicy, string> = {
  // The text of a version never changes; its notices (newer version, corrected source) may, so a
  // shared cache keeps it a day at most.
  immutable: 'public, max-age=86400, immutable',
  revalidate: 'public, no-cache',
};

export interface ReaderCacheStats {
  renders: number;
  hits: number;
  entries: number;
}

/**
 * Pages kept under keys that name what they depend on, made by `make` from the rendered HTML: at
 * most `maxEntries`, the least recently used dropped first. A page missing is rendered once
 * however many requests wait for it (single-flight); a render that fails is kept by nobody.
 */
export class KeptPages<T> {
  private readonly entries = new Map<string, T>();
  private readonly pending = new Map<string, Promise<T>>();
  private renders = 0;
  private hits = 0;

  constructor(
    private readonly make: (html: string) => T,
    private readonly maxEntries: number,
  ) {}

  /** The page under `key`, rendered by `render` only when no request has it or is making it. */
  async page(key: string, render: () => Promise<string>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.hits += 1;
      this.entries.delete(key); // most recently used last
      this.entries.set(key, hit);
      return hit;
    }
    const waiting = this.pending.get(key);
    if (waiting) {
      this.hits += 1;
      return waiting;
    }
    const making = (async () => {
      this.renders += 1;
      return this.make(await render());
    })();
    this.pending.set(key, making);
    try {
      const page = await making;
      this.entries.set(key, page);
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      return page;
    } finally {
      this.pending.delete(key);
    }
  }

  stats(): ReaderCacheStats {
    return { renders: this.renders, hits: this.hits, entries: this.entries.size };
  }
}

/** Readers' pages, kept compressed. */
export class ReaderCache extends KeptPages<CachedPage> {
  constructor(maxEntries = 500) {
    super(makePage, maxEntries);
  }
}

/** The page before and after its account header (the anonymous one, or the renderer's own). */
export function splitAccountNav(html: string): { before: string; after: string } {
  const start = html.indexOf(ACCOUNT_NAV_START);
  const end = html.indexOf(ACCOUNT_NAV_END);
  return start !== -1 && end > start ? { before: html.slice(0, start), after: html.slice(end + ACCOUNT_NAV_END.length) } : { before: html, after: '' };
}

export function makePage(html: string): CachedPage {
  const identity = Buffer.from(html, 'utf8');
  return {
    etag: `"${createHash('sha256').update(identity).digest('base64url')}"`,
    identity,
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    gzip: gzipSync(identity, { level: 9 }),
    ...splitAccountNav(html),
  };
}

/**
 * Sends a cached page. `accountNav`, for a logged-in user, is their own header part: the page is
 * then private (never kept by a shared cache) and compressed on the way out like any other.
 */
export function sendPage(req: Request, res: Response, page: CachedPage, policy: CachePolicy, accountNav?: string): void {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Vary', 'Accept-Encoding, Accept-Language, Cookie');
  if (accountNav !== undefined) {
    res.setHeader('Cache-Control', 'private, no-store');
    // end(), not send(): no ETag for a page that is this user's alone.
    res.status(200).end(req.method === 'HEAD' ? undefined : Buffer.from(page.before + accountNav + page.after, 'utf8'));
    return;
  }
  res.setHeader('ETag', page.etag);
  res.setHeader('Cache-Control', CACHE_CONTROL[policy]);
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const encoding = req.acceptsEncodings('br', 'gzip', 'identity');
  const body = encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.identity;
  // Already compressed: the compression middleware passes a response with Content-Encoding as it is.
  if (body !== page.identity) res.setHeader('Content-Encoding', encoding as string);
  res.setHeader('Content-Length', body.length);
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
}
