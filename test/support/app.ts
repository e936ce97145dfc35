// Builds the real app on a temporary data directory, with builders for accounts and sessions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { createApp, type AppDeps } from '../../server/app.js';
import type { HistoryEntry, Role, Translation } from '../../server/domain/types.js';
import { loadI18n } from '../../server/i18n/index.js';
import { createAccount, issueToken } from '../../server/services/accounts.js';
import type { ServiceDeps } from '../../server/services/deps.js';
import { bcryptHasher, randomToken } from '../../server/services/passwords.js';
import { ensureStatement } from '../../server/services/statements.js';
import { openStore, type OpenStoreOptions } from '../../server/store/lowdb-store.js';
import { createSessionStore } from '../../server/store/session-store.js';
import { closeBeforeRemoving, temporaryDir } from './temp-dirs.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SID = '2022-01-04-joint-statement-hun-sen-myanmar-junta';
export const STATEMENT_BYTES = readFileSync(path.join(ROOT, 'content', `${SID}.md`));
export const PASSWORD = 'correct horse battery staple';

export interface TestApp {
  app: Express;
  deps: ServiceDeps;
  dataDir: string;
  /** Creates an account and returns a logged-in supertest agent with its CSRF token. */
  login(name: string, role: Role, locales?: string[]): Promise<Session>;
  token(name: string, role: Role, locales?: string[]): Promise<string>;
  close(): Promise<void>;
}

export interface Session {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
  accountId: string;
}

/** What a test may change in the app: limits and their clock, the proxy setting, the log, the store's file writing. */
export type AppOptions = Partial<Pick<AppDeps, 'limits' | 'trustProxy' | 'log'>> & { store?: OpenStoreOptions };

export async function makeApp(dataDir = temporaryDir(), appOptions: AppOptions = {}): Promise<TestApp> {
  const { store: storeOptions, ...options } = appOptions;
  const store = await openStore(dataDir, storeOptions);
  const deps: ServiceDeps = { store, now: () => new Date(), randomToken, passwords: bcryptHasher(4) };
  await ensureStatement(deps, SID, STATEMENT_BYTES);
  const sessionStore = await createSessionStore(dataDir);
  const app = createApp({
    services: deps,
    i18n: await loadI18n(path.join(ROOT, 'locales')),
    sessionStore,
    sessionSecret: 'test-secret-test-secret-test-secret',
    log: () => {
      /* tests keep the output quiet */
    },
    ...options,
  });

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= Promise.all([store.close(), sessionStore.close()]).then(() => forget()));
  const forget = closeBeforeRemoving(close);

  async function ensureAccount(name: string, role: Role, locales: string[]) {
    return (await store.findAccountByName(name)) ?? createAccount(deps, null, { name, password: PASSWORD, role, locales });
  }

  return {
    app,
    deps,
    dataDir,
    async login(name, role, locales = []) {
      const account = await ensureAccount(name, role, locales);
      const agent = request.agent(app);
      const page = await agent.get('/login').expect(200);
      const csrf = csrfFrom(page.text);
      await agent.post('/login').type('form').send({ _csrf: csrf, name, password: PASSWORD }).expect(303);
      const after = await agent.get('/').expect(200);
      return { agent, csrf: csrfFrom(after.text), accountId: account.id };
    },
    async token(name, role, locales = []) {
      await ensureAccount(name, role, locales);
      return issueToken(deps, name);
    },
    close,
  };
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token in page');
  return match[1]!;
}

/** Headers of an API call made with an access token. */
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export const api = (sid = SID) => ({
  translations: (locale: string) => `/api/v1/statements/${sid}/translations/${locale}`,
  segment: (locale: string, seg: string) => `/api/v1/statements/${sid}/translations/${locale}/${seg}`,
  review: (locale: string, seg: string) => `/api/v1/statements/${sid}/translations/${locale}/${seg}/review`,
  progress: `/api/v1/statements/${sid}/progress`,
});

/**
 * Writes a translation straight into the store, as the next revision of what is there, with a
 * history entry: for tests that need a state the HTTP surface would take several steps to reach.
 */
export async function putTranslation(
  store: ServiceDeps['store'],
  statementId: string,
  make: (revision: number) => Omit<Translation, 'revision'>,
  entry: Partial<HistoryEntry> = {},
): Promise<Translation> {
  const current = await store.getTranslation(statementId, ...keyOf(make(0)));
  const revision = (current?.revision ?? 0) + 1;
  const translation = { ...make(revision), revision } as Translation;
  return store.commitTranslation(
    statementId,
    {
      translation,
      entry: {
        revision,
        action: 'save',
        status: translation.status,
        text: translation.text,
        actor: translation.author,
        at: translation.updatedAt,
        ...entry,
      },
    },
    revision - 1,
  );
}

const keyOf = (t: Pick<Translation, 'locale' | 'segmentId'>): [string, string] => [t.locale, t.segmentId];
