// Pages for anonymous readers, kept rendered and compressed until any stored data changes.
// Readers are most of the traffic and they all get the same page for a URL and interface
// language; rendering and compressing an edition of 242 segments for each of them was the
// server's main cost (bench/README.md). Logged-in users always get a fresh page.
import type { Request, RequestHandler, Response } from 'express';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

interface Entry {
  type: string;
  etag: string;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

export interface PublicCacheOptions {
  /** Changes whenever stored data changes (the store's dataVersion). */
  version: () => number;
  /** Which paths are readers' pages (the same for every anonymous visitor). */
  isPublic: (path: string) => boolean;
  /** Most pages kept at once (least recently used go first). */
  maxEntries?: number;
}

export function publicPageCache({ version, isPublic, maxEntries = 200 }: PublicCacheOptions): RequestHandler {
  const entries = new Map<string, Entry>();
  let cachedVersion = -1;

  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isPublic(req.path)) return next();
    if (res.locals.actor || req.get('authorization')) return next();
    const now = version();
    if (now !== cachedVersion) {
      entries.clear();
      cachedVersion = now;
    }
    const key = `${res.locals.tr.lang}\u0000${req.originalUrl}`;
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key); // most recently used last
      entries.set(key, hit);
      sendEntry(req, res, hit);
      return;
    }
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      res.send = send;
      const cacheable =
        res.statusCode === 200 && typeof body === 'string' && version() === now && !res.getHeader('set-cookie');
      if (!cacheable) return send(body);
      const entry = makeEntry(body, String(res.getHeader('content-type') ?? 'text/html; charset=utf-8'));
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      sendEntry(req, res, entry);
      return res;
    };
    next();
  };
}

function makeEntry(html: string, type: string): Entry {
  const identity = Buffer.from(html, 'utf8');
  return {
    type,
    etag: `W/"${createHash('sha1').update(identity).digest('base64url')}"`,
    identity,
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }),
    gzip: gzipSync(identity, { level: 6 }),
  };
}

function sendEntry(req: Request, res: Response, entry: Entry): void {
  res.setHeader('Content-Type', entry.type);
  res.setHeader('ETag', entry.etag);
  res.setHeader('Vary', 'Accept-Encoding, Accept-Language, Cookie');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const encoding = req.acceptsEncodings('br', 'gzip', 'identity');
  const body = encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gzip : entry.identity;
  // Already compressed: the compression middleware passes a response with Content-Encoding as it is.
  if (body !== entry.identity) res.setHeader('Content-Encoding', encoding as string);
  res.setHeader('Content-Length', body.length);
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
}
