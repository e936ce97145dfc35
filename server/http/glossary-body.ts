// The body of a glossary CSV import (the page's form and the API), parsed on those routes only and
// before the global parsers: a CSV may hold GLOSSARY_CSV_LIMIT characters of any script, more than
// the 125 KiB of any other form, so the body size follows from that one limit (http/body-limit.ts).
// A body larger still is refused with the limit in characters, in the caller's interface language;
// one within it but over the limit in characters is refused by the route, the text kept.
import express, { type RequestHandler } from 'express';
import { DomainError } from '../domain/errors.js';
import { GLOSSARY_CSV_LIMIT } from '../domain/glossary.js';
import { bodyLimitFor } from './body-limit.js';
import { MAX_FORM_FIELDS } from './errors.js';
import { verifyUtf8Form, verifyUtf8Json } from './well-formed.js';

const PATHS = [/^\/glossary\/[^/]+\/import\/?$/, /^\/api\/v1\/glossary\/[^/]+\/import\/?$/];
const LIMIT = bodyLimitFor(GLOSSARY_CSV_LIMIT);

const json = express.json({ limit: LIMIT, verify: verifyUtf8Json });
const form = express.urlencoded({ extended: false, limit: LIMIT, parameterLimit: MAX_FORM_FIELDS, verify: verifyUtf8Form });

/** The refusal of a CSV longer than the limit, wherever it is found. */
export const csvTooLarge = () => new DomainError('too_large', 'glossary.csv.too_large', { count: GLOSSARY_CSV_LIMIT });

export const glossaryCsvBody: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || !PATHS.some((path) => path.test(req.path))) return next();
  const done = (err?: unknown) => next((err as { type?: string } | undefined)?.type === 'entity.too.large' ? csvTooLarge() : err);
  json(req, res, (err?: unknown) => (err ? done(err) : form(req, res, done)));
};
