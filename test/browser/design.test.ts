// What the design promises, measured in the browser: Burmese and Khmer get the line height their
// stacked marks need (and English beside them does not), statuses show a symbol and a word as
// well as a colour, progress is drawn as labelled bars, and the language switcher stays in view.
import { beforeAll, expect, it } from '@jest/globals';
import { SID, type Page } from './support/browser.js';
import { useTandem } from './support/suite.js';

const tandem = useTandem({ seed: ['my', 'km'], accounts: [['mya', 'translator', ['my']]] });
let reader: Page;

beforeAll(async () => {
  reader = await tandem.newPage();
});

/** Line height as a multiple of the font size, for the first element matching `selector`. */
const lineHeight = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const style = getComputedStyle(el);
      return parseFloat(style.lineHeight) / parseFloat(style.fontSize);
    });

it.each([
  { text: 'a Burmese paragraph', path: `/s/${SID}/my`, selector: '#s3 .text', min: 1.9, max: 2.4 },
  { text: 'a Khmer paragraph', path: `/s/${SID}/km`, selector: '#s3 .text', min: 1.9, max: 2.4 },
  { text: 'a Burmese title', path: `/s/${SID}/my`, selector: '#s1 .text', min: 1.8, max: 2.2 },
  { text: 'Khmer in the compare view', path: `/s/${SID}/compare?langs=en,my,km`, selector: '#s3 .cell[data-col=km] .text', min: 1.9, max: 2.4 },
  { text: 'English shown in a Burmese edition', path: `/s/${SID}/my`, selector: '#s5 .text', min: 1.4, max: 1.7 },
  { text: 'an English paragraph', path: `/s/${SID}/en`, selector: '#s3 .text', min: 1.4, max: 1.7 },
])('$text has a line height between $min and $max', async ({ path, selector, min, max }) => {
  await reader.goto(tandem.origin + path);
  const ratio = await lineHeight(reader, selector);
  expect(ratio).toBeGreaterThanOrEqual(min);
  expect(ratio).toBeLessThanOrEqual(max);
});

it('the language switcher stays in view while reading an edition', async () => {
  await reader.goto(`${tandem.origin}/s/${SID}/my`);
  await reader.evaluate(() => document.getElementById('s40')!.scrollIntoView());
  const box = await reader.locator('nav.switcher').boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeLessThan(10);
  // The segment the page was opened at is not hidden under it.
  await reader.goto(`${tandem.origin}/s/${SID}/my#s40`);
  const [bar, target] = await Promise.all([reader.locator('.edition-bar').boundingBox(), reader.locator('#s40').boundingBox()]);
  expect(target!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height - 1);
});

it('every status in the workspace shows a symbol and a word, not only a colour', async () => {
  const page = await tandem.newPage({ as: 'mya' });
  await page.goto(`${tandem.origin}/translate/${SID}/my`);
  const badges = await page.locator('.seg-head .status').evaluateAll((els) =>
    els.slice(0, 6).map((el) => ({
      status: [...el.classList].find((c) => c.startsWith('status-')),
      symbol: getComputedStyle(el.querySelector('.icon')!, '::before').content,
      word: (el.textContent ?? '').trim(),
    })),
  );
  // The workspace opens on the section where work waits (the text: segment 3 approved, 4
  // submitted, 5 and on untranslated); each status has its own symbol and word.
  const SIGNS: Record<string, [string, string]> = {
    'status-approved': ['"✓"', 'Approved'],
    'status-submitted': ['"↑"', 'Submitted'],
    'status-untranslated': ['"○"', 'Untranslated'],
  };
  expect(new Set(badges.map((b) => b.status))).toEqual(new Set(Object.keys(SIGNS)));
  for (const b of badges) expect([b.status, b.symbol, b.word]).toEqual([b.status, ...SIGNS[b.status!]!]);
  // The row's status colours only its border and badge, never the source text.
  const colours = await page.evaluate(() => ['#s3 .source', '#s5 .source'].map((s) => getComputedStyle(document.querySelector(s)!).color));
  expect(colours[0]).toBe(colours[1]);
});

it('progress is drawn as labelled bars with the number written out', async () => {
  await reader.goto(`${tandem.origin}/`);
  const bars = await reader.locator('.locale-progress progress').evaluateAll((els) =>
    els.map((el) => ({
      label: el.closest('label')?.querySelector('.k')?.textContent,
      value: (el as HTMLProgressElement).value,
      shown: el.closest('label')?.querySelector('.v')?.textContent,
    })),
  );
  expect(bars.length).toBe(6); // approved and translated, for Burmese, Khmer and Thai
  expect(bars[0]).toEqual({ label: 'Approved', value: expect.any(Number), shown: expect.stringMatching(/%/) });
  expect(bars.every((b) => b.value >= 0 && b.value <= 100)).toBe(true);
  expect(bars.filter((b) => b.value > 0).length).toBeGreaterThan(0);
});
