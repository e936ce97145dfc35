// Text must be well-formed Unicode. A lone surrogate (half of a UTF-16 pair) can be stored but
// never shown back: every page and file is UTF-8, where it becomes U+FFFD. Refused at the edge.
import type { RequestHandler } from 'express';
import { DomainError } from '../domain/errors.js';

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
