// One zod schema per kind of data file, checked at start: a file whose content does not fit is
// refused with its path and the first failing field ("translations.my"), before the server serves
// a request, rather than found by a 500 later (or, worse, by a save that is lost at the next write).
//
// The record schemas are checked against the domain's types both ways at compile time (`exactly`):
// a field added to a domain type without its schema here does not compile. Validation only reads:
// the data kept is the file's own, so a field this release does not know is kept, not dropped.
import { z } from 'zod';
import type { GlossaryEntry } from '../domain/glossary.js';
import type { Account, AuditEntry, HistoryEntry, LocaleSetting, Placeholder, Segment, Statement, Translation } from '../domain/types.js';
import { STATUSES } from '../domain/types.js';
import type { ApiToken, SetupToken } from './interface.js';
import type { JournalRecord, StatementSnapshot } from './statement-format.js';

/** The schema, when its output and `T` are assignable to each other; otherwise a type error here. */
const exactly =
  <T>() =>
  <S extends z.ZodType>(schema: S & ([z.infer<S>] extends [T] ? ([T] extends [z.infer<S>] ? unknown : never) : never)): S =>
    schema;

const count = z.number().int().min(0);
const text = z.string();
const time = z.string();

const placeholder = exactly<Placeholder>()(z.object({ kind: z.enum(['link', 'token']), n: count, value: text }));

const segment = exactly<Segment>()(
  z.object({
    id: text,
    index: count,
    kind: z.enum(['title', 'date', 'paragraph', 'heading', 'contact', 'signatory', 'supporter']),
    source: text,
    sourceHash: text,
    placeholders: z.array(placeholder),
    listNumber: count.optional(),
  }),
);

const statement = exactly<Statement>()(
  z.object({
    id: text,
    title: text,
    sourceLocale: text,
    sourceRevision: count,
    segments: z.array(segment),
    nextSegmentNumber: count,
    removedSegmentIds: z.array(text),
    date: text.optional(),
    archived: z.boolean().optional(),
  }),
);

const status = z.enum(STATUSES);

const historyEntry = exactly<HistoryEntry>()(
  z.object({
    revision: count,
    action: z.enum(['save', 'submit', 'approve', 'request_changes', 'outdate', 'restore', 'reinstate']),
    status,
    text,
    actor: text,
    at: time,
    comment: text.optional(),
    restoredFrom: count.optional(),
  }),
);

const translation = exactly<Translation>()(
  z.object({
    segmentId: text,
    locale: text,
    text,
    status,
    revision: count,
    sourceHash: text,
    author: text,
    updatedAt: time,
    comment: text.optional(),
    keepOriginal: z.boolean().optional(),
    confirmedWarnings: z.array(text).optional(),
    outdated: z.object({ source: text, status }).optional(),
    published: z.object({ text, revision: count, at: time, sourceHash: text }).optional(),
  }),
);

/** statements/<id>.json: a snapshot, the statement and its current translations (locale -> segment id -> translation), and how much of the journal it holds. */
export const statementFileSchema = exactly<StatementSnapshot>()(
  z.object({
    format: z.literal(2),
    statement,
    translations: z.record(text, z.record(text, translation)),
    journal: z.object({ seq: count, bytes: count, lines: count }),
  }),
);

/** statements/<id>.json before journals (migrated at start): translations still held their history. */
export const legacyStatementFileSchema = z.object({
  statement,
  translations: z.record(text, z.record(text, translation.extend({ history: z.array(historyEntry).optional() }))),
});

/** One line of statements/<id>.journal.jsonl: one change of the statement, current values and the history entries they add. */
export const journalRecordSchema = exactly<JournalRecord>()(
  z.object({
    seq: count,
    keys: z.array(text),
    statement: statement.optional(),
    changes: z.array(z.object({ translation, history: z.array(historyEntry) })),
  }),
);

const account = exactly<Account>()(
  z.object({
    id: text,
    name: text,
    role: z.enum(['admin', 'editor', 'translator']),
    locales: z.array(text),
    passwordHash: text,
    disabled: z.boolean(),
    createdAt: time,
    creditAs: text.optional(),
    passwordLink: z.object({ purpose: z.enum(['invite', 'reset']), hash: text, expiresAt: time }).optional(),
    sessionVersion: count.optional(),
  }),
);

const auditEntry = exactly<AuditEntry>()(
  z.object({
    at: time,
    actorId: text,
    action: z.enum([
      'account.create',
      'account.setup',
      'account.invite',
      'account.grant',
      'account.disable',
      'account.enable',
      'account.reset_link',
      'locale.enable',
      'locale.disable',
      'statement.import',
      'statement.create',
      'statement.correct',
      'statement.archive',
      'edition.publish',
    ]),
    target: text,
  }),
);

/** tandem.json: accounts, API tokens, the set-up token, enabled locales, the audit log. */
export const settingsFileSchema = z.object({
  version: z.literal(1),
  accounts: z.array(account),
  tokens: z.array(exactly<ApiToken>()(z.object({ hash: text, accountId: text, createdAt: time }))),
  setupToken: exactly<SetupToken>()(z.object({ hash: text, expiresAt: time })).nullable(),
  locales: z.array(
    exactly<LocaleSetting>()(
      z.object({ tag: text, nativeName: text.optional(), allowSelfReview: z.boolean().optional(), disabled: z.boolean().optional() }),
    ),
  ),
  audit: z.array(auditEntry).optional(),
});

const glossaryEntry = exactly<GlossaryEntry>()(
  z.object({ id: text, locale: text, term: text, translation: text, note: text, doNotTranslate: z.boolean(), updatedAt: time }),
);

/** glossary.json: locale -> entries. */
export const glossaryFileSchema = z.object({ version: z.literal(1), locales: z.record(text, z.array(glossaryEntry)) });

/** sessions.json: session id -> what express-session keeps, and its expiry. */
export const sessionsFileSchema = z.object({
  version: z.literal(1),
  sessions: z.record(text, z.object({ session: z.looseObject({ cookie: z.looseObject({}) }), expiresAt: z.number() })),
});

/**
 * What is wrong with `data` for `schema`, worded to follow the file's path, naming the first
 * failing field: `has an invalid "translations.my": expected record, received array`.
 */
export function schemaProblem(schema: z.ZodType, data: unknown): string | undefined {
  const result = schema.safeParse(data);
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(the whole file)';
  return `has an invalid "${field}": ${issue.message.replace(/^Invalid input: /, '')}`;
}
