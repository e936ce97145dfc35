// Text must be well-formed Unicode. A lone surrogate (half of a UTF-16 pair) can be stored but
// never shown back: every page and file is UTF-8, where it becomes U+FFFD. Refused at the edge.
// So are bytes that are not UTF-8, before anything decodes them: raw in a JSON or form body
// (the body parsers would store U+FFFD), or percent-encoded in a form or a query string (the
// query-string parser would keep the literal "%FF").
import type { IncomingMessage } from 'node:http';
import { isUtf8 } from 'node:buffer';
import type { RequestHandler } from 'express';
import { DomainError } from '../domain/errors.js';

const notUtf8 = () => new DomainError('invalid_input', 'request.not_utf8');

/** The bytes a percent-encoded text stands for (`+` and malformed `%` left as they are: both ASCII). */
function percentDecodedBytes(text: string): Buffer {
  return Buffer.from(
    text.replace(/%([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
}

/** The body parsers' `verify` for JSON: the raw bytes (after any gzip) must be UTF-8. */
export function verifyUtf8Json(_req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (!isUtf8(body)) throw notUtf8();
}

/** The body parsers' `verify` for forms: the raw bytes, and the bytes behind each %XX, must be UTF-8. */
export function verifyUtf8Form(_req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (!isUtf8(body) || !isUtf8(percentDecodedBytes(body.toString('latin1')))) throw notUtf8();
}

/** The query string of a request must stand for UTF-8 too. */
export const requireUtf8Query: RequestHandler = (req, _res, next) => {
  const at = req.originalUrl.indexOf('?');
  if (at >= 0 && !isUtf8(percentDecodedBytes(req.originalUrl.slice(at + 1)))) throw notUtf8();
  next();
};

/** A surrogate not part of a pair (String#isWellFormed is ES2024; the project targets ES2022). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const isWellFormed = (s: string) => !LONE_SURROGATE.test(s);

function wellFormed(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return isWellFormed(value);
  if (depth > 20 || value === null || typeof value !== 'object') return true;
  return Object.entries(value).every(([key, v]) => isWellFormed(key) && wellFormed(v, depth + 1));
}

export const requireWellFormedText: RequestHandler = (req, _res, next) => {
  if (!wellFormed(req.body) || !wellFormed(req.query)) throw new DomainError('invalid_input', 'request.not_unicode');
  next();
};
