// Bodies of file imports, which are larger than anything else the app accepts (5 MB against the
// 64 KiB JSON and form limit), parsed on their own routes only and before the global parsers:
// - the API's import (`POST .../export`): the file itself is the body, whatever its type (curl's
//   --data-binary sends form-urlencoded by default: that must not reach the form parser);
// - the upload form (`POST /files/:sid/:locale`): multipart/form-data with one file, read by multer
//   with limits, before the CSRF check so the form's `_csrf` field is there to be checked.
// The bytes go to `res.locals.upload`; `req.body` keeps only form fields.
import express, { type RequestHandler } from 'express';
import multer from 'multer';
import { DomainError } from '../domain/errors.js';
import { MAX_IMPORT_BYTES } from '../services/interchange.js';

const API_IMPORT = /^\/api\/v1\/statements\/[^/]+\/translations\/[^/]+\/export\/?$/;
const UPLOAD_FORM = /^\/files\/[^/]+\/[^/]+\/?$/;

const tooLarge = () => new DomainError('too_large', 'interchange.too_large', { max: 5 });

const raw = express.raw({ type: () => true, limit: MAX_IMPORT_BYTES });

export const importBody: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || !API_IMPORT.test(req.path)) return next();
  raw(req, res, (err?: unknown) => {
    // Refused after the interface language is known (the route throws it): the body has been read
    // to its end by then, so no later parser touches it.
    if (err)
      res.locals.uploadError =
        (err as { type?: string }).type === 'entity.too.large' ? tooLarge() : new DomainError('invalid_input', 'interchange.bad_upload');
    res.locals.upload = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    req.body = {};
    next();
  });
};

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 8, fieldSize: 1024, parts: 10 },
}).single('file');

export const uploadForm: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || !UPLOAD_FORM.test(req.path) || !req.is('multipart/form-data')) return next();
  upload(req, res, (err?: unknown) => {
    if (err instanceof multer.MulterError) {
      return next(err.code === 'LIMIT_FILE_SIZE' ? tooLarge() : new DomainError('invalid_input', 'interchange.bad_upload'));
    }
    if (err) return next(new DomainError('invalid_input', 'interchange.bad_upload'));
    res.locals.upload = req.file?.buffer ?? Buffer.alloc(0);
    next();
  });
};
