// Every kind of page, in every interface language: axe-core finds no violation (WCAG 2.2 A and AA
// and best practices), the page needs no horizontal scrolling on a 360 px phone, and screenshots
// at both widths are kept for a person to look at (screenshots/, git-ignored).
// The three languages of one page are checked side by side, in three browser contexts at once.
import { beforeAll, expect, it } from '@jest/globals';
import { axeViolations, DESKTOP, fitsWidth, keepScreenshot, PHONE, SID, UI_LANGUAGES, type Page, type UiLanguage } from './support/browser.js';
import { useTandem } from './support/suite.js';

type Viewer = 'reader' | 'admin';

/** Every kind of page; the administrator may open the work pages of every language. */
const PAGES: { name: string; path: string; as: Viewer; status: number }[] = [
  { name: 'statements', path: '/', as: 'reader', status: 200 },
  { name: 'edition-my', path: `/s/${SID}/my`, as: 'reader', status: 200 },
  { name: 'edition-km', path: `/s/${SID}/km`, as: 'reader', status: 200 },
  { name: 'compare', path: `/s/${SID}/compare?langs=en,my,km`, as: 'reader', status: 200 },
  { name: 'login', path: '/login', as: 'reader', status: 200 },
  { name: 'error', path: `/s/${SID}/xx`, as: 'reader', status: 404 },
  { name: 'workspace', path: `/translate/${SID}/my`, as: 'admin', status: 200 },
  { name: 'review', path: `/review/${SID}/km`, as: 'admin', status: 200 },
  { name: 'admin', path: '/admin', as: 'admin', status: 200 },
  { name: 'statements-admin', path: '/admin/statements', as: 'admin', status: 200 },
  { name: 'correction', path: `/correct/${SID}`, as: 'admin', status: 200 },
];

// Approved Burmese and Khmer text, one segment of each waiting for review.
const tandem = useTandem({ seed: ['my', 'km'], accounts: [['aung-admin', 'admin', []]] });
const pages = new Map<string, Page>();
const pageOf = (lang: UiLanguage, as: Viewer) => pages.get(`${lang}/${as}`)!;

beforeAll(async () => {
  for (const lang of UI_LANGUAGES) {
    for (const as of ['reader', 'admin'] as const) {
      pages.set(`${lang}/${as}`, await tandem.newPage({ uiLanguage: lang, as: as === 'admin' ? 'aung-admin' : undefined }));
    }
  }
});

interface Finding {
  status: number | undefined;
  lang: string | null;
  violations: Awaited<ReturnType<typeof axeViolations>>;
  fitsPhone: boolean;
}

async function check(page: Page, lang: UiLanguage, name: string, path: string): Promise<Finding> {
  await page.setViewportSize(DESKTOP);
  const response = await page.goto(tandem.origin + path);
  const finding = {
    status: response?.status(),
    lang: await page.getAttribute('html', 'lang'),
    // Every segment row in English; in Burmese and Khmer the page around the first 20 rows (the
    // rows repeat one template, and the interface strings in them are the same in every row).
    violations: await axeViolations(page, lang === 'en' ? {} : { segments: 20 }),
    fitsPhone: false,
  };
  await keepScreenshot(page, `${lang}-${name}`);
  await page.setViewportSize(PHONE);
  finding.fitsPhone = await fitsWidth(page);
  await keepScreenshot(page, `${lang}-${name}-phone`);
  return finding;
}

it.each(PAGES)('$name: no axe violation and no horizontal scrolling at 360 px, in every interface language', async ({ name, path, as, status }) => {
  const findings = await Promise.all(UI_LANGUAGES.map((lang) => check(pageOf(lang, as), lang, name, path)));
  const expected = UI_LANGUAGES.map((lang) => ({ status, lang, violations: [], fitsPhone: true }));
  expect(findings).toEqual(expected);
});

it('made no request to another origin', async () => {
  await tandem.closeContexts();
  expect(tandem.requests.length).toBeGreaterThan(PAGES.length * UI_LANGUAGES.length);
  expect(tandem.foreignRequests()).toEqual([]);
});
