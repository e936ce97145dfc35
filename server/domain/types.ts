// The domain's vocabulary. Plain data only: every other layer speaks in these shapes.

export type SegmentKind = 'title' | 'date' | 'paragraph' | 'heading' | 'contact' | 'signatory' | 'supporter';

/**
 * A locked part of a segment's source. Links appear in segment text as numbered tags around the
 * linked words, `<1>killed</1>`; the translator may move and translate the words but the URL lives
 * here only. Tokens (e-mail addresses) appear as `{1}` and render as the original text.
 */
export interface Placeholder {
  kind: 'link' | 'token';
  /** 1-based number, unique per kind within a segment. */
  n: number;
  /** link: target URL exactly as in the source; token: the locked text (an e-mail address). */
  value: string;
}

export interface Segment {
  /** Stable id ("s1", "s2", ...). Never changes, never reused for other text. */
  id: string;
  /** 0-based position in the statement. */
  index: number;
  kind: SegmentKind;
  /** Source text with placeholders in tag form (see Placeholder). */
  source: string;
  /** Hash of `source`, so a translation knows which source it was made against. */
  sourceHash: string;
  placeholders: Placeholder[];
  /** Position in a numbered list (structure, not text the translator types). */
  listNumber?: number;
}

export interface Statement {
  id: string;
  title: string;
  sourceLocale: string;
  /** Grows by one with each import of a new source text. */
  sourceRevision: number;
  segments: Segment[];
  /** Next number for a new segment id; ids are never reused. */
  nextSegmentNumber: number;
  /** Segments removed by a later source revision (kept so their ids are never reused). */
  removedSegmentIds: string[];
  /** The statement's own date (ISO yyyy-mm-dd), for listing newest first. */
  date?: string;
  /** Left off the list of statements; its pages and editions keep working. */
  archived?: boolean;
}

export const STATUSES = ['untranslated', 'draft', 'needs_work', 'outdated', 'submitted', 'approved'] as const;
export type Status = (typeof STATUSES)[number];

export type HistoryAction = 'save' | 'submit' | 'approve' | 'request_changes' | 'outdate' | 'restore' | 'reinstate';

export interface HistoryEntry {
  revision: number;
  action: HistoryAction;
  status: Status;
  text: string;
  /** Account id (never shown in public). */
  actor: string;
  at: string;
  comment?: string;
  /** For a 'restore': the earlier revision whose text this one brought back. */
  restoredFrom?: number;
}

export interface Translation {
  segmentId: string;
  locale: string;
  text: string;
  status: Status;
  /** 0 while untranslated; grows by one with every change. */
  revision: number;
  /** Source hash the text was made against. */
  sourceHash: string;
  /** Account id of the last person who changed the text. */
  author: string;
  updatedAt: string;
  /** Reviewer's comment when changes were requested. */
  comment?: string;
  /** The translator kept the source text on purpose (a name): counted as translated, still reviewed. */
  keepOriginal?: boolean;
  /** Ids of the warnings the translator confirmed when submitting this text (shown to reviewers). */
  confirmedWarnings?: string[];
  /**
   * Set while the status is `outdated` by a source correction: the source text this translation
   * was made against (for the word diff) and the status it had, given back if a later correction
   * reverts the source. Any new save drops it.
   */
  outdated?: { source: string; status: Status };
  /**
   * What readers get: the text of the last approved revision, kept while newer work goes on
   * (draft, submitted, needs_work). Only an approval replaces it. Absent in data written before
   * it existed: their migration derives it from the history (`publishedOf`, domain/published.ts).
   */
  published?: PublishedText;
}

/**
 * What a use case decided for one translation: its new current value and the history entry the
 * change adds (none for a change that makes no revision: a small fix of the source re-stamps the
 * source hash only). The current value never holds its history; the store keeps the two apart.
 */
export interface TranslationChange {
  translation: Translation;
  entry?: HistoryEntry;
}

export interface PublishedText {
  text: string;
  /** The approved revision. */
  revision: number;
  /** When it was approved. */
  at: string;
  /** Source hash the approved text was made against. */
  sourceHash: string;
}

export type Role = 'admin' | 'editor' | 'translator';

export interface Account {
  id: string;
  name: string;
  role: Role;
  /** Locales granted (ignored for admins, who may do everything). */
  locales: string[];
  /** bcrypt hash; empty while an invited volunteer has not chosen a password yet. */
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  /** Public pseudonym for edition credits; absent means "do not credit me" (the default). */
  creditAs?: string;
  /** A pending one-time link to set the password (an invitation or a reset); only its hash is kept. */
  passwordLink?: PasswordLink;
  /** Grows when the password changes: sessions made before stop working. */
  sessionVersion?: number;
}

export interface PasswordLink {
  purpose: 'invite' | 'reset';
  /** SHA-256 of the link's token, hex. */
  hash: string;
  expiresAt: string;
}

/** One administrative action, for the audit log (never an IP address, a password or a token). */
export interface AuditEntry {
  at: string;
  /** Account id of the admin (the new admin itself for the web set-up), or "operator" for the command line. */
  actorId: string;
  action: AuditAction;
  /** Account id, locale tag or statement id the action was about. */
  target: string;
}

export type AuditAction =
  | 'account.create'
  /** The first admin, created by whoever started the server, through the web set-up link. */
  | 'account.setup'
  | 'account.invite'
  | 'account.grant'
  | 'account.disable'
  | 'account.enable'
  | 'account.reset_link'
  | 'locale.enable'
  | 'locale.disable'
  | 'statement.import'
  | 'statement.create'
  | 'statement.correct'
  | 'statement.archive'
  | 'edition.publish';

export interface LocaleSetting {
  tag: string;
  /** Name in the language itself when Intl has none (or an admin prefers another). */
  nativeName?: string;
  /** An admin may let the single editor of a locale approve their own translations. */
  allowSelfReview?: boolean;
  /** Disabled by an admin: out of every list and page, its translations kept for its return. */
  disabled?: boolean;
}
