// Printing an edition or the compare view: no navigation, buttons or notices on paper, columns kept
// side by side (even when printing from a phone), no segment cut across two pages.
// The PDFs are kept in test-output/ for a person to look at.
import { beforeAll, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DESKTOP, keepScreenshot, PHONE, SID, TEST_OUTPUT, type Page } from './support/browser.js';
import { useTandem } from './support/suite.js';

/** An A4 sheet at 96 dpi, for screenshots of what the printed page looks like. */
const A4 = { width: 794, height: 1123 };

const tandem = useTandem({ seed: ['my', 'km'] });
let page: Page;

beforeAll(async () => {
  page = await tandem.newPage();
  await page.emulateMedia({ media: 'print' });
});

/** Elements matching `selector` that would appear on paper. */
const printed = (selector: string) =>
  page
    .locator(selector)
    .evaluateAll((els) =>
      els.filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden').map((e) => e.outerHTML.slice(0, 80)),
    );

const CHROME = 'header.site, footer.site, nav, button, .skip, .edition-bar, .compare-link, form';

it.each([
  ['the Burmese edition', `/s/${SID}/my`],
  ['the compare view', `/s/${SID}/compare?langs=en,my,km`],
])('%s prints its text without navigation or buttons', async (_name, url) => {
  await page.setViewportSize(DESKTOP);
  await page.goto(tandem.origin + url);
  expect(await printed(CHROME)).toEqual([]);
  expect((await printed('[data-seg]')).length).toBeGreaterThan(200);
  // No segment is cut across two pages.
  const breaks = await page.locator('[data-seg], .compare-row').evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).breakInside))]);
  expect(breaks).toEqual(['avoid']);
});

it.each([
  ['a desktop', DESKTOP],
  ['a phone', PHONE],
])('the compare view keeps its columns side by side when printed from %s', async (_name, viewport) => {
  await page.setViewportSize(viewport);
  await page.goto(`${tandem.origin}/s/${SID}/compare?langs=en,my,km`);
  const rows = await page.evaluate(() =>
    [...document.querySelectorAll('.compare-row')].map((row) => {
      const cells = [...row.querySelectorAll(':scope > .cell')].map((c) => c.getBoundingClientRect());
      return {
        id: row.id,
        sideBySide:
          cells.length === 3 && cells.every((c, i) => i === 0 || (c.left > cells[i - 1]!.right - 1 && Math.round(c.top) === Math.round(cells[0]!.top))),
      };
    }),
  );
  expect(rows.filter((r) => !r.sideBySide)).toEqual([]);
  // The language of each column is named once, at the top, not in every cell.
  expect(await printed('.compare-head .cell')).toHaveLength(3);
  expect(await printed('.col-label')).toEqual([]);
});

it('produces PDFs of an edition and the compare view', async () => {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  await page.setViewportSize(A4);
  for (const [name, url] of [
    ['edition-my', `/s/${SID}/my`],
    ['compare', `/s/${SID}/compare?langs=en,my,km`],
  ] as const) {
    await page.goto(tandem.origin + url);
    await keepScreenshot(page, `print-${name}`);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(path.join(TEST_OUTPUT, `${name}.pdf`), pdf);
  }
});
