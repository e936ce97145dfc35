// One validation middleware: a zod schema per route for params, query and body. Handlers read
// only the parsed values, through the route's `input(res)` (typed from its schemas), never the raw request.
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import type { SegmentRef } from '../services/context.js';
import { LOCALE_TAG, LOCALE_TAG_MAX, MAX_TRANSLATION_LENGTH, SEGMENT_ID, STATEMENT_ID } from '../domain/limits.js';

export interface Schemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

/** What `validate` parsed, typed from the schemas themselves. */
export type Validated<S extends Schemas> = {
  [K in keyof S & ('params' | 'query' | 'body')]: S[K] extends z.ZodType ? z.infer<S[K]> : never;
};

/**
 * The middleware that parses a request's parts with their schemas (a 400 naming the first bad
 * field otherwise), with `input(res)`: the parsed parts, typed from the schemas.
 */
export function validate<S extends Schemas>(schemas: S): RequestHandler & { input(res: { locals: Record<string, unknown> }): Validated<S> } {
  const middleware: RequestHandler = (req, res, next) => {
    const input: Record<string, unknown> = {};
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const result = schema.safeParse(req[part] ?? {});
      if (!result.success) throw invalidField(result.error, part);
      input[part] = result.data;
    }
    res.locals.input = input;
    next();
  };
  return Object.assign(middleware, { input: (res: { locals: Record<string, unknown> }) => res.locals.input as Validated<S> });
}

/** The refusal of input that does not match its schema, naming the first field concerned. */
export function invalidField(error: z.ZodError, part = 'body'): DomainError {
  const field = error.issues[0]?.path.join('.') || part;
  return new DomainError(
    'invalid_input',
    'request.invalid_field',
    { field },
    {
      field,
      issues: error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })),
    },
  );
}

// Shared pieces of schemas, from the domain's one definition of each rule (domain/limits.ts).
export const statementId = z.string().regex(STATEMENT_ID);
export const localeTag = z.string().min(1).max(LOCALE_TAG_MAX).regex(LOCALE_TAG);
export const segmentId = z.string().regex(SEGMENT_ID);
export const revision = z.coerce.number().int().min(0).max(1_000_000_000);
export const sidLocale = z.object({ sid: statementId, locale: localeTag });
export const sidLocaleSegment = sidLocale.extend({ segmentId });
/**
 * A translation's text as sent: a transport bound, twice the real limit, so that a text a little
 * too long reaches the use case and is refused with its own message (the length and the limit).
 */
export const translationText = z.string().max(2 * MAX_TRANSLATION_LENGTH);

/** A validated segment address (params) merged with the validated body, as the services name them. */
export function segmentOf<B extends object>(input: { params: { sid: string; locale: string; segmentId: string }; body: B }): SegmentRef & B {
  const { sid, locale, segmentId } = input.params;
  return { statementId: sid, locale, segmentId, ...input.body };
}

export type { SegmentRef } from '../services/context.js';

/**
 * A glossary entry's address and fields as they travel: an id (what the store makes), and
 * transport bounds on the texts (the domain's own limits, GLOSSARY_LIMITS, are applied by the use
 * case with a message naming the field). The API sends JSON; the page's form sends strings.
 */
export const glossaryEntryParams = z.object({ locale: localeTag, id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
export const glossaryEntryFields = z.object({
  term: z.string().max(1000),
  translation: z.string().max(2000).default(''),
  note: z.string().max(5000),
});
