// One table maps error codes to HTTP statuses; one handler words errors in the caller's language,
// as JSON under /api and as a page elsewhere. Stack traces and paths never reach a client.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Translator } from '../i18n/index.js';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { translatorOf } from './language.js';
import { presentErrorDetails } from './presenters/checks.js';

export const STATUS_OF: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  invalid_transition: 409,
  too_large: 413,
  checks_failed: 422,
  warnings_unconfirmed: 422,
  import_failed: 422,
  rate_limited: 429,
  storage_full: 507,
};

/** Most fields a form may have (the body parser's parameter limit). */
export const MAX_FORM_FIELDS = 100;

/** Errors thrown by body parsers and other middleware, as DomainErrors. */
function asDomainError(err: unknown): DomainError | undefined {
  if (err instanceof DomainError) return err;
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.too.large') return new DomainError('too_large', 'request.too_large');
  if (type === 'entity.parse.failed') return new DomainError('invalid_input', 'request.malformed_json');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new DomainError('invalid_input', 'request.unsupported_encoding');
  }
  if (type === 'parameters.too.many') return new DomainError('too_large', 'request.too_many_fields', { count: MAX_FORM_FIELDS });
  // Any other client error of a middleware (gzip garbage, an aborted body...): never a 500.
  const status = (err as { status?: number } | null)?.status;
  if (status === 413) return new DomainError('too_large', 'request.too_large');
  if (status !== undefined && status >= 400 && status < 500) return new DomainError('invalid_input', 'request.malformed');
  return undefined;
}

/**
 * Numbers in a message are written in the reader's digits ("at most ១០ characters"). A `count`
 * stays a number: the translator picks its plural form and writes its digits ("wait ၃၀ seconds").
 */
function localDigits(params: Record<string, string | number> | undefined, tr: Translator): Record<string, string | number> | undefined {
  if (!params) return undefined;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && k !== 'count' ? tr.number(v) : v]));
}

export const isApi = (path: string) => path.startsWith('/api/');

/**
 * `interfaceLanguage` gives every request its translator before anything can fail; `fallback`
 * words an error raised even earlier (a static file's bad address), so no error is left unworded
 * and the error page always has its `tr`.
 */
export function errorHandler(log: (line: string) => void, fallback: (req: Request) => Translator): ErrorRequestHandler {
  return (err, req, res, _next) => {
    res.locals.tr ??= fallback(req);
    // An error before the caller is known still gets the page frame (logged-out navigation).
    res.locals.actor ??= undefined;
    res.locals.path ??= req.originalUrl;
    const known = asDomainError(err);
    if (!known) log(`error on ${req.method} ${req.path}: ${(err as Error)?.stack ?? String(err)}`);
    const code: ErrorCode | 'internal' = known?.code ?? 'internal';
    const status = known ? STATUS_OF[known.code] : 500;
    const key = known ? known.key : 'internal';
    const tr = translatorOf(res);
    const message: string = tr.t(`errors.${key}`, localDigits(known?.params, tr));
    if (res.headersSent) return;
    if (isApi(req.path)) {
      res.status(status).json({ error: { code, message, ...presentErrorDetails(known?.details, tr) } });
      return;
    }
    // If the error page itself fails, answer plain text: never Express's default page with a stack.
    res.status(status).render('error', { status, message, code }, (renderError: Error | null, html?: string) => {
      if (renderError) {
        log(`error page failed: ${renderError.message}`);
        res.type('text').send(message);
      } else {
        res.send(html);
      }
    });
  };
}

export const notFound: RequestHandler = () => {
  throw new DomainError('not_found', 'page.not_found');
};
