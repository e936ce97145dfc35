// Translators' and editors' pages (the workspace and the review queue), rendered once and kept
// until what they show changes.
//
// Such a page is one volunteer's: it names their account, shows the other languages they may see
// and the actions their role allows. It is kept under a key naming the account, its role and
// languages, the interface language, the page's address and what the page is built from
// (services/aids.ts `localeWorkDependencies`): the statement's change counter, the locale list,
// the locale's glossary, the statement's publications. Any save, review, glossary change or
// publication changes the key, so a kept page is never older than what the store holds.
//
// Two parts are the request's own and are put in when the page is served: the account header
// (with the waiting count) and the session's CSRF token, which every form of the page carries. The
// page is rendered with `CSRF_SLOT` in place of the token.
import { randomBytes } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { KeptPages, splitAccountNav } from './public-cache.js';

/** Stands for the session's CSRF token in a kept page; random per process, so no page can forge it. */
export const CSRF_SLOT = `csrf-slot-${randomBytes(12).toString('hex')}`;

export interface WorkPage {
  /** The page before the account header, cut where the CSRF token goes. */
  before: readonly string[];
  /** The page after the account header, cut the same way. */
  after: readonly string[];
  /** The page as last sent to a few sessions (their token and header in), compressed once each. */
  sent: Map<string, Partial<Record<Compressed, Buffer>>>;
}

type Compressed = 'br' | 'gzip';
/** Sessions whose compressed copy of one page is kept (a few volunteers reloading the same page). */
const SENT_PER_PAGE = 4;

function makeWorkPage(html: string): WorkPage {
  const { before, after } = splitAccountNav(html);
  return { before: before.split(CSRF_SLOT), after: after.split(CSRF_SLOT), sent: new Map() };
}

/** At most 64 pages (about 10 MB): a few pages each for the volunteers at work at once. */
export class WorkPageCache extends KeptPages<WorkPage> {
  constructor(maxEntries = 64) {
    super(makeWorkPage, maxEntries);
  }
}

/** The page as this request gets it: its own account header and CSRF token put in. */
export function assembleWorkPage(page: WorkPage, csrf: string, accountNav: string): string {
  return page.before.join(csrf) + accountNav + page.after.join(csrf);
}

/**
 * The page as this request gets it, compressed as `encoding`; the same session asking again for
 * the same page (a reload) gets the bytes compressed the first time.
 */
export function compressedWorkPage(page: WorkPage, csrf: string, accountNav: string, encoding: Compressed): Buffer {
  const key = `${csrf}\u0000${accountNav}`;
  let sent = page.sent.get(key);
  if (!sent) {
    if (page.sent.size >= SENT_PER_PAGE) page.sent.delete(page.sent.keys().next().value!);
    page.sent.set(key, (sent = {}));
  }
  let body = sent[encoding];
  if (!body) {
    const identity = Buffer.from(assembleWorkPage(page, csrf, accountNav), 'utf8');
    // Brotli at the quality the compression middleware uses for pages made per request.
    body =
      encoding === 'br'
        ? brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } })
        : gzipSync(identity);
    sent[encoding] = body;
  }
  return body;
}
