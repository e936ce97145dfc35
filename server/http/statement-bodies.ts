// Bodies that carry a statement's source. Elsewhere a body is at most 64 KiB; a statement's
// Markdown is bigger (a Burmese statement of the first one's length is about 45 KB of UTF-8, three
// times that once form-encoded), so only these routes accept up to 1 MiB, and a Markdown file
// uploaded from a form without JavaScript (multipart/form-data, one file, kept in memory). They
// run before the CSRF check, which then finds the form's token in the parsed body.
import express, { type RequestHandler } from 'express';
import multer from 'multer';
import { DomainError } from '../domain/errors.js';
import { verifyUtf8Form, verifyUtf8Json } from './well-formed.js';

const LIMIT = 1024 * 1024;
const PATHS = [/^\/api\/v1\/statements$/, /^\/api\/v1\/statements\/[^/]+\/source$/, /^\/admin\/statements$/, /^\/correct\/[^/]+$/];

const json = express.json({ limit: LIMIT, verify: verifyUtf8Json });
const form = express.urlencoded({ extended: false, limit: LIMIT, parameterLimit: 10_000, verify: verifyUtf8Form });
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: LIMIT, files: 1, fields: 10_000, fieldSize: LIMIT } }).single('file');

export const statementSourceBodies: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' && req.method !== 'PUT') return next();
  if (!PATHS.some((path) => path.test(req.path))) return next();
  if (req.is('multipart/form-data')) {
    upload(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError) {
        const tooLarge = err.code === 'LIMIT_FILE_SIZE' || err.code === 'LIMIT_FIELD_VALUE';
        return next(tooLarge ? new DomainError('too_large', 'request.too_large') : new DomainError('invalid_input', 'request.malformed'));
      }
      if (err) return next(err);
      // The uploaded file stands for the pasted text (the form's "markdown" field).
      if (req.file) (req.body as Record<string, unknown>).markdown = req.file.buffer;
      next();
    });
    return;
  }
  json(req, res, (err?: unknown) => (err ? next(err) : form(req, res, next)));
};
