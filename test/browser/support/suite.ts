// One test file's Tandem: `useTandem()` registers the hooks that start the app and Chromium before
// the file's tests (with the translations and accounts the file asks for) and close every context
// it opened, the browser and the app after them. Every request of those contexts is recorded, so a
// file can say that no page asked another origin for anything.
import { afterAll, beforeAll } from '@jest/globals';
import type { Role } from '../../../server/domain/types.js';
import type { TestApp } from '../../support/app.js';
import {
  ensureAccount,
  foreign,
  logIn,
  openContext,
  seedTranslations,
  startTandem,
  type Browser,
  type BrowserContext,
  type ContextOptions,
  type Page,
  type Tandem,
} from './browser.js';

/** An account made before the tests, through the services: name, role and locales. */
export type AccountSpec = readonly [name: string, role: Role, locales: readonly string[]];

export interface SuiteSetup {
  /** Locales that get approved text for their first segments (`seedTranslations`). */
  seed?: readonly ('my' | 'km')[];
  accounts?: readonly AccountSpec[];
  /** Anything else to prepare once the app runs, after the translations and accounts. */
  prepare?(tandem: Tandem): Promise<void>;
  /** Time the start may take, when it does more than usual (jest's `beforeAll` timeout). */
  timeout?: number;
}

export interface BrowserSuite {
  readonly t: TestApp;
  readonly origin: string;
  readonly browser: Browser;
  /** Every URL requested so far by the contexts opened through the suite. */
  readonly requests: readonly string[];
  /** The requests above that went to another origin (none, in every test file). */
  foreignRequests(): string[];
  /** A fresh context, closed with the suite; `requests` holds its own requests. */
  newContext(options?: ContextOptions): Promise<{ context: BrowserContext; requests: string[] }>;
  /** A page in a fresh context, logged in through the login form as `as` when given. */
  newPage(options?: ContextOptions & { as?: string }): Promise<Page>;
  /** Closes every context opened so far (their requests stay recorded). */
  closeContexts(): Promise<void>;
}

export function useTandem(setup: SuiteSetup = {}): BrowserSuite {
  let running: Tandem | undefined;
  const contexts: BrowserContext[] = [];
  const requests: string[] = [];
  const tandem = (): Tandem => {
    if (!running) throw new Error('Tandem is not running: use the suite inside a test or a hook');
    return running;
  };
  const closeContexts = async () => {
    for (const context of contexts.splice(0)) await context.close();
  };

  beforeAll(async () => {
    running = await startTandem();
    if (setup.seed) await seedTranslations(running.t, setup.seed);
    for (const [name, role, locales] of setup.accounts ?? []) await ensureAccount(running.t, name, role, [...locales]);
    await setup.prepare?.(running);
  }, setup.timeout);
  afterAll(async () => {
    await closeContexts();
    await running?.close();
  });

  const suite: BrowserSuite = {
    get t() {
      return tandem().t;
    },
    get origin() {
      return tandem().origin;
    },
    get browser() {
      return tandem().browser;
    },
    requests,
    foreignRequests: () => foreign(requests, tandem().origin),
    async newContext(options = {}) {
      const opened = await openContext(tandem(), options);
      contexts.push(opened.context);
      opened.context.on('request', (request) => requests.push(request.url()));
      return opened;
    },
    async newPage({ as, ...options } = {}) {
      const page = await (await suite.newContext(options)).context.newPage();
      if (as !== undefined) await logIn(page, tandem().origin, as);
      return page;
    },
    closeContexts,
  };
  return suite;
}
