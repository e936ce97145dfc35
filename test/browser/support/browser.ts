// The browser suite's harness: the real app listening on a free local port in this process,
// Debian's Chromium through playwright-core (nothing downloads a browser), and helpers to log in,
// seed translations through the services, run axe-core and keep screenshots for people to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { Role } from '../../../server/domain/types.js';
import { createAccount, toActor } from '../../../server/services/accounts.js';
import { reviewTranslation, saveTranslation } from '../../../server/services/translations.js';
import { makeApp, PASSWORD, ROOT, SID, type TestApp } from '../../support/app.js';
import { TEXTS } from './texts.js';

export { SID };
export const SCREENSHOTS = path.join(ROOT, 'screenshots');
export const TEST_OUTPUT = path.join(ROOT, 'test-output');
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };
export const UI_LANGUAGES = ['en', 'my', 'km'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export interface Tandem {
  t: TestApp;
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the app on 127.0.0.1 with a free port and launches a headless Chromium. */
export async function startTandem(): Promise<Tandem> {
  const t = await makeApp();
  const server = t.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Without the networking flags Chromium keeps trying to reach Google on a closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    t,
    origin,
    browser,
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

/** Playwright's context options, plus the interface language (the `tandem.lang` cookie). */
export type ContextOptions = BrowserContextOptions & { uiLanguage?: UiLanguage };

/** A fresh context whose every request URL is recorded, so a test can assert none leaves the origin. */
export async function openContext(tandem: Tandem, options: ContextOptions = {}) {
  const { uiLanguage, ...rest } = options;
  const context = await tandem.browser.newContext({ viewport: DESKTOP, ...rest });
  // Every page here answers in well under a second: a missing element should fail fast.
  context.setDefaultTimeout(10_000);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  if (uiLanguage) {
    await context.addCookies([{ name: 'tandem.lang', value: uiLanguage, url: tandem.origin }]);
  }
  return { context, requests };
}

export const foreign = (requests: readonly string[], origin: string) => requests.filter((url) => new URL(url).origin !== origin);

export async function ensureAccount(t: TestApp, name: string, role: Role, locales: string[]) {
  return (await t.deps.store.findAccountByName(name)) ?? createAccount(t.deps, null, { name, password: PASSWORD, role, locales });
}

/** Logs in through the login form, as a person would. */
export async function logIn(page: Page, origin: string, name: string) {
  await page.goto(`${origin}/login`);
  await page.fill('#name', name);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.click('form.narrow button[type=submit]')]);
}

/**
 * Sends a plain form (by a click or a key press) and waits until the page the server answers with
 * has loaded; returns its URL. (Waiting for a URL is not enough: after a post the server often
 * redirects back to the very same URL.)
 */
export async function postForm(page: Page, send: () => Promise<unknown>): Promise<string> {
  const loaded = page.waitForEvent('load');
  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.isNavigationRequest());
  await send();
  await posted;
  await loaded;
  return page.url();
}

/**
 * Approved Burmese and Khmer text for the first segments (through the services, as the API would),
 * plus one segment submitted and one sent back, so every status shows somewhere.
 */
export async function seedTranslations(t: TestApp, locales: readonly ('my' | 'km')[] = ['my', 'km']) {
  const translator = toActor(await ensureAccount(t, 'seed-translator', 'translator', ['my', 'km']));
  const editor = toActor(await ensureAccount(t, 'seed-editor', 'editor', ['my', 'km']));
  for (const locale of locales) {
    for (const [segmentId, text] of Object.entries(TEXTS[locale])) {
      const ref = { statementId: SID, locale, segmentId };
      const current = (await t.deps.store.listTranslations(SID, locale)).find((x) => x.segmentId === segmentId);
      if (current) continue;
      const { translation } = await saveTranslation(t.deps, translator, { ...ref, text, baseRevision: 0, action: 'submit' });
      if (segmentId === 's4') continue; // left submitted: the review queue has something to show
      await reviewTranslation(t.deps, editor, { ...ref, decision: 'approve', revision: translation.revision });
    }
  }
}

// Evaluated through the DevTools protocol rather than added as a <script>: the app's CSP refuses
// inline scripts, and the test should not have to weaken it (no bypassCSP).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA, plus best practices) and returns its violations.
 * With `segments`, only the first that many segment rows are checked (the page around them is
 * checked whole): rows repeat one template, and axe takes seconds over all 242 of them.
 */
export async function axeViolations(page: Page, options: { segments?: number } = {}): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (segments) => {
    const axe = (window as unknown as { axe: { run(ctx: object, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const rows = [...document.querySelectorAll('[data-seg]')];
    const skipped = segments === undefined ? [] : rows.slice(segments).map((row) => [`#${CSS.escape(row.id)}`]);
    const result = await axe.run(
      { include: [['html']], exclude: skipped },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations'],
      },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, options.segments);
}

/** Saves a screenshot under screenshots/ (git-ignored) for a person to look at. */
export async function keepScreenshot(page: Page, name: string, fullPage = false) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** True when the page needs no horizontal scrolling. */
export const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

export type { Browser, BrowserContext, Page };
