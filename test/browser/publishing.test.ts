// Published editions in a browser: the new pages pass axe in the three interface languages; the
// exported static site, opened from disk, draws Burmese and Khmer with the fonts it carries,
// resolves every relative link to a file of the export and asks for nothing outside its folder;
// the standalone HTML download renders with no other file, offline.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { exportSite } from '../../server/export-site.js';
import { toActor } from '../../server/services/accounts.js';
import { publishEdition } from '../../server/services/publishing.js';
import { axeViolations, ensureAccount, foreign, SID, UI_LANGUAGES, type Page } from './support/browser.js';
import { fontsOf } from './support/fonts.js';
import { useTandem } from './support/suite.js';

let site: string;
const tandem = useTandem({
  seed: ['my', 'km'],
  async prepare({ t }) {
    const admin = toActor(await ensureAccount(t, 'publisher-admin', 'admin', []));
    for (const locale of ['my', 'km']) await publishEdition(t.deps, admin, { statementId: SID, locale, confirmIncomplete: true });
    await publishEdition(t.deps, admin, { statementId: SID, locale: 'km', note: 'ទីពីរ', confirmIncomplete: true });
    site = mkdtempSync(path.join(tmpdir(), 'tandem-site-'));
    await exportSite(t.dataDir, site);
  },
  timeout: 120_000,
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

async function newPage(options: Parameters<typeof tandem.newContext>[0] = {}): Promise<{ page: Page; requests: string[] }> {
  const { context, requests } = await tandem.newContext(options);
  return { page: await context.newPage(), requests };
}

describe('new pages pass axe in every interface language', () => {
  const PAGES = [`/s/${SID}/km`, `/s/${SID}/km/v/1`, `/s/${SID}/km/versions`, `/s/${SID}/th`];
  it.each(UI_LANGUAGES.flatMap((lang) => PAGES.map((p) => [lang, p] as const)))('%s %s', async (lang, url) => {
    const { page, requests } = await newPage({ uiLanguage: lang });
    const response = await page.goto(tandem.origin + url);
    expect(response?.status()).toBe(200);
    expect(await axeViolations(page, { segments: 12 })).toEqual([]);
    expect(foreign(requests, tandem.origin)).toEqual([]);
  });
});

describe('the exported site, opened from disk', () => {
  it.each([
    ['my', 'my', 'Noto Sans Myanmar'],
    ['km', 'km', 'Noto Sans Khmer'],
  ] as const)(
    'the %s edition (interface %s) is drawn with %s carried by the export; every link resolves; nothing leaves the folder',
    async (locale, ui, family) => {
      const { page, requests } = await newPage();
      await page.goto(pathToFileURL(path.join(site, ui, SID, locale, 'index.html')).href);
      const fonts = await fontsOf(page, '#s3 .text');
      expect(fonts[0]).toMatchObject({ familyName: family, isCustomFont: true });
      const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(links.length).toBeGreaterThan(5);
      for (const link of links) {
        const url = new URL(link);
        expect(url.protocol).toBe('file:');
        const file = fileURLToPath(url);
        expect(file.startsWith(site)).toBe(true);
        expect(existsSync(file) && statSync(file).isFile()).toBe(true);
      }
      const outside = requests.filter((r) => !r.startsWith(pathToFileURL(site).href));
      expect(outside).toEqual([]);
      expect(requests.some((r) => r.endsWith('.woff2'))).toBe(true);
    },
  );

  it('the compare view and the version list open from disk too', async () => {
    const { page, requests } = await newPage();
    for (const file of [path.join(site, 'km', SID, 'compare.html'), path.join(site, 'en', SID, 'km', 'versions.html'), path.join(site, 'index.html')]) {
      const response = await page.goto(pathToFileURL(file).href);
      expect(response?.ok()).toBe(true);
    }
    expect(requests.filter((r) => !r.startsWith(pathToFileURL(site).href))).toEqual([]);
  });
});

describe('the standalone HTML download', () => {
  it('renders Khmer with its embedded font, offline, with no other file', async () => {
    const { page, requests } = await newPage();
    await page.context().setOffline(true);
    const file = path.join(site, 'downloads', `${SID}.km.v2.html`);
    await page.goto(pathToFileURL(file).href);
    const fonts = await fontsOf(page, '#s3 .text');
    expect(fonts[0]).toMatchObject({ familyName: 'Noto Sans Khmer', isCustomFont: true });
    expect(requests.filter((r) => !r.startsWith('data:'))).toEqual([pathToFileURL(file).href]);
    expect(await page.$$('script')).toHaveLength(0);
  });
});
