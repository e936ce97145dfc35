// Content for the benchmark: stand-in Burmese and Khmer text of about the source's length, with
// the source's placeholders (`<1>..</1>`, `{1}`) in place, and the seeding of a fresh server
// through the public API (a translator submits, an editor approves: nobody approves their own).
import { request, requestJson, type HttpResponse } from './processes.js';

export interface SourceSegment {
  id: string;
  index: number;
  kind: string;
  source: string;
}

// Benchmark filler only (words about the statement's subject), not a translation.
const WORDS: Record<string, { words: string[]; stop: string }> = {
  my: {
    words: ['မြန်မာနိုင်ငံ', 'စစ်တပ်', 'လူ့အခွင့်အရေး', 'အာဆီယံ', 'ပြည်သူများ', 'ကမ္ဘောဒီးယား', 'အရပ်ဘက်လူ့အဖွဲ့အစည်း', 'ထုတ်ပြန်ချက်', 'ငြိမ်းချမ်းရေး', 'ဒီမိုကရေစီ'],
    stop: '။',
  },
  km: {
    words: ['ប្រទេសមីយ៉ាន់ម៉ា', 'យោធា', 'សិទ្ធិមនុស្ស', 'អាស៊ាន', 'ប្រជាជន', 'កម្ពុជា', 'សង្គមស៊ីវិល', 'សេចក្តីថ្លែងការណ៍', 'សន្តិភាព', 'លទ្ធិប្រជាធិបតេយ្យ'],
    stop: '។',
  },
};

/** Words of `locale` until about `length` UTF-16 units; `seed` varies the words. */
export function filler(locale: string, length: number, seed: number): string {
  const { words } = WORDS[locale] ?? WORDS.my!;
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < Math.max(1, length); i++) {
    const word = words[(seed + i * 7) % words.length]!;
    out.push(word);
    size += word.length + 1;
  }
  return out.join(' ');
}

const MARKER = /(<\/?[1-9]\d*>|\{[1-9]\d*\})/;
const NUMBER = /(\p{Nd}(?:[\p{Nd},.]*\p{Nd})?)/u;

/** Filler for a run of source text, keeping its numbers (a translation keeps them too). */
function standInRun(run: string, locale: string, seed: number): string {
  return run
    .split(NUMBER)
    .map((part, i) => {
      if (i % 2 === 1) return part; // a number
      const words = part.replace(/[^\p{L}\p{M}]+/gu, ' ').trim();
      if (words === '') return part.replace(/[^\s]/gu, '');
      const lead = /^[^\p{L}\p{M}]*\s/u.test(part) ? ' ' : '';
      const trail = /\s[^\p{L}\p{M}]*$/u.test(part) ? ' ' : '';
      return lead + filler(locale, words.length, seed + i) + trail;
    })
    .join('');
}

/**
 * A stand-in translation of `source`: each run of text between placeholders becomes filler of
 * about the same length, the placeholders and numbers stay where they were, and the text ends
 * as the source does (a full stop in the locale's own), so `submit` passes the checks.
 */
export function standInTranslation(source: string, locale: string, seed: number): string {
  const parts = source.trim().split(MARKER);
  const body = parts
    .map((part, i) => (i % 2 === 1 ? part : part.trim() === '' ? part : standInRun(part, locale, seed + i)))
    .join('')
    .trim();
  const last = source
    .trim()
    .replace(/[\s"'”’»)\]]+$/u, '')
    .slice(-1);
  const ending = last === '.' ? (WORDS[locale]?.stop ?? '.') : '?!:'.includes(last) && last !== '' ? last : '';
  return body + ending;
}

export interface TranslationView {
  segmentId: string;
  text: string;
  status: string;
  revision: number;
}

export interface SeedPlan {
  locale: string;
  /** Submitted by the translator, then approved by the editor. */
  approve: number;
  /** Submitted, left for review. */
  submitOnly: number;
  /** Saved as drafts. */
  draft: number;
}

export interface SeedResult {
  locale: string;
  approved: number;
  submitted: number;
  drafts: number;
}

/** Runs `fn` over `items` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Seeds one locale over the first segments of the statement, through the API. */
export async function seedLocale(
  base: string,
  statementId: string,
  segments: SourceSegment[],
  plan: SeedPlan,
  tokens: { translator: string; editor: string },
): Promise<SeedResult> {
  const url = (segmentId: string) => `${base}/api/v1/statements/${statementId}/translations/${plan.locale}/${segmentId}`;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const submitted = segments.slice(0, plan.approve + plan.submitOnly);
  const drafts = segments.slice(submitted.length, submitted.length + plan.draft);

  const revisions = new Map<string, number>();
  await pool(submitted, 4, async (s) => {
    const t = await requestJson<TranslationView>(url(s.id), {
      method: 'PUT',
      headers: as(tokens.translator),
      // A translator reads and confirms the warnings that remain (the API then records them).
      body: { text: standInTranslation(s.source, plan.locale, s.index), baseRevision: 0, action: 'submit', confirmWarnings: true },
    });
    revisions.set(s.id, t.revision);
  });
  await pool(drafts, 4, async (s) => {
    await requestJson<TranslationView>(url(s.id), {
      method: 'PUT',
      headers: as(tokens.translator),
      body: { text: standInTranslation(s.source, plan.locale, s.index), baseRevision: 0, action: 'save' },
    });
  });
  await pool(submitted.slice(0, plan.approve), 4, async (s) => {
    await requestJson<TranslationView>(`${url(s.id)}/review`, {
      method: 'POST',
      headers: as(tokens.editor),
      body: { decision: 'approve', revision: revisions.get(s.id) },
    });
  });
  return { locale: plan.locale, approved: plan.approve, submitted: plan.submitOnly, drafts: drafts.length };
}

/** How the benchmark's load authenticates: request headers for reads, and for writes. */
export interface Credentials {
  read: Record<string, string>;
  write: Record<string, string>;
}

export const bearer = (token: string): Credentials => {
  const h = { authorization: `Bearer ${token}` };
  return { read: h, write: h };
};

function sessionCookie(res: HttpResponse, name = 'tandem.sid'): string | undefined {
  for (const c of res.headers['set-cookie'] ?? []) {
    const pair = c.split(';')[0]!;
    if (pair.startsWith(`${name}=`)) return pair;
  }
  return undefined;
}

const hiddenCsrf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

/**
 * Logs in as a browser does (GET /login for the form's CSRF token, POST /login), then reads the
 * new session's CSRF token from a page: a browser's API calls send the cookie, and writes add
 * the token as `x-csrf-token` (public/js/workspace/saving.js).
 */
export async function browserSession(base: string, name: string, password: string, page: string): Promise<Credentials> {
  const form = await request(`${base}/login`);
  // Anonymous visitors get no stored session: the login form is protected by the tandem.form cookie.
  const anonymous = sessionCookie(form, 'tandem.form');
  const formToken = hiddenCsrf(form.body.toString('utf8'));
  if (form.status !== 200 || !anonymous || !formToken) throw new Error(`GET /login -> ${form.status}: no form cookie or CSRF token`);
  const login = await request(`${base}/login`, {
    method: 'POST',
    headers: { cookie: anonymous },
    form: { name, password, _csrf: formToken },
  });
  const cookie = sessionCookie(login);
  if (!cookie) throw new Error(`POST /login as ${name} -> ${login.status}: no session cookie`);
  if (login.status !== 303 && login.status !== 302) {
    throw new Error(`POST /login as ${name} -> ${login.status}: ${login.body.toString('utf8').slice(0, 300)}`);
  }
  const after = await request(`${base}${page}`, { headers: { cookie } });
  const csrf = hiddenCsrf(after.body.toString('utf8'));
  if (after.status !== 200 || !csrf) throw new Error(`GET ${page} as ${name} -> ${after.status}: not logged in, or no CSRF token on the page`);
  return { read: { cookie }, write: { cookie, 'x-csrf-token': csrf } };
}
