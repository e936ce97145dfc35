// One validation middleware: a zod schema per route for params, query and body. Handlers read
// only the parsed values (res.locals.input), never the raw request.
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import { MAX_LOCALE_TAG_LENGTH } from '../domain/locales.js';

export interface Schemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

export function validate(schemas: Schemas): RequestHandler {
  return (req, res, next) => {
    const input: Record<string, unknown> = {};
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const result = schema.safeParse(req[part] ?? {});
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = issue?.path.join('.') || part;
        throw new DomainError('invalid_input', 'request.invalid_field', { field }, {
          field,
          issues: result.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })),
        });
      }
      input[part] = result.data;
    }
    res.locals.input = input;
    next();
  };
}

/** The validated input of this request (set by `validate`). */
export function inputOf<T>(res: { locals: Record<string, unknown> }, part: 'params' | 'query' | 'body'): T {
  return (res.locals.input as Record<string, T>)[part]!;
}

// Shared pieces of schemas.
export const statementId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/);
export const localeTag = z.string().min(1).max(MAX_LOCALE_TAG_LENGTH).regex(/^[A-Za-z0-9-]+$/);
export const segmentId = z.string().regex(/^s[0-9]{1,6}$/);
export const revision = z.coerce.number().int().min(0).max(1_000_000_000);
export const sidLocale = z.object({ sid: statementId, locale: localeTag });
export const sidLocaleSegment = sidLocale.extend({ segmentId });

/** A validated segment address (params) merged with the validated body, as the services name them. */
export function segmentInput<B extends object>(res: { locals: Record<string, unknown> }): SegmentRef & B {
  const p = inputOf<{ sid: string; locale: string; segmentId: string }>(res, 'params');
  return { statementId: p.sid, locale: p.locale, segmentId: p.segmentId, ...inputOf<B>(res, 'body') };
}

export interface SegmentRef {
  statementId: string;
  locale: string;
  segmentId: string;
}
