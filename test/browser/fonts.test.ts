// Burmese, Khmer and Thai are drawn with the Noto fonts that Tandem serves itself: Chromium's
// DevTools protocol says which font actually drew a node's glyphs and whether it was a web font
// (the machine has system Noto fonts too, so the family name alone would prove nothing).
import { expect, it } from '@jest/globals';
import { SID, type Page, type UiLanguage } from './support/browser.js';
import { fontsOf } from './support/fonts.js';
import { useTandem } from './support/suite.js';

const tandem = useTandem({ seed: ['my', 'km'] });
const pages = new Map<UiLanguage, Page>();

/** One page per interface language, each in a context of its own (fresh font cache). */
async function open(uiLanguage: UiLanguage = 'en'): Promise<Page> {
  if (!pages.has(uiLanguage)) pages.set(uiLanguage, await tandem.newPage({ uiLanguage }));
  return pages.get(uiLanguage)!;
}

it.each([
  { what: 'a Burmese paragraph', ui: 'en', path: `/s/${SID}/my`, selector: '#s3 .text', family: 'Noto Sans Myanmar' },
  { what: 'a Burmese title (bold)', ui: 'en', path: `/s/${SID}/my`, selector: '#s1 .text', family: 'Noto Sans Myanmar' },
  { what: 'a Khmer paragraph', ui: 'en', path: `/s/${SID}/km`, selector: '#s3 .text', family: 'Noto Sans Khmer' },
  {
    what: 'a Khmer paragraph in the compare view',
    ui: 'en',
    path: `/s/${SID}/compare?langs=en,my,km`,
    selector: '#s3 .cell[data-col=km] .text',
    family: 'Noto Sans Khmer',
  },
  { what: 'the Thai name in the list of languages', ui: 'en', path: '/', selector: 'table.locale-progress a[lang=th]', family: 'Noto Sans Thai' },
  { what: 'the Burmese interface', ui: 'my', path: '/', selector: 'main h1', family: 'Noto Sans Myanmar' },
  { what: 'the Khmer interface', ui: 'km', path: '/', selector: 'main h1', family: 'Noto Sans Khmer' },
] as const)('$what is drawn with $family served by Tandem', async ({ ui, path, selector, family }) => {
  const page = await open(ui);
  await page.goto(tandem.origin + path);
  const fonts = await fontsOf(page, selector);
  // The web font drew glyphs, and no glyph of that family came from the machine's own copy.
  expect(fonts).toContainEqual(expect.objectContaining({ familyName: family, isCustomFont: true }));
  expect(fonts.filter((f) => f.familyName === family && !f.isCustomFont)).toEqual([]);
  if (selector.endsWith('.text')) expect(fonts[0]!.familyName).toBe(family);
});

it('declares every font with font-display: swap and serves it from Tandem, cached for a year', async () => {
  // A fresh context, so that every font comes over the network rather than from the cache.
  const page = await tandem.newPage();
  const fonts: { url: string; status: number; type: string | undefined; cache: string | undefined }[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'font')
      fonts.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'], cache: r.headers()['cache-control'] });
  });
  await page.goto(`${tandem.origin}/s/${SID}/compare?langs=my,km,th`);
  await page.evaluate(() => document.fonts.ready);
  const faces = await page.evaluate(() =>
    [...document.styleSheets].flatMap((sheet) =>
      [...sheet.cssRules]
        .filter((r): r is CSSFontFaceRule => r instanceof CSSFontFaceRule)
        .map((r) => ({
          family: r.style.getPropertyValue('font-family').replaceAll(/["']/g, ''),
          display: r.style.getPropertyValue('font-display'),
          src: r.style.getPropertyValue('src'),
        })),
    ),
  );
  expect(new Set(faces.map((f) => f.family))).toEqual(new Set(['Noto Sans Myanmar', 'Noto Sans Khmer', 'Noto Sans Thai']));
  expect(faces.filter((f) => f.display !== 'swap' || !/url\("?\/fonts\//.test(f.src))).toEqual([]);
  // Each family's files come from Tandem's own /fonts/ path.
  for (const family of ['noto-sans-myanmar', 'noto-sans-khmer', 'noto-sans-thai']) {
    expect(fonts.some((f) => new URL(f.url).pathname.startsWith(`/fonts/${family}/`))).toBe(true);
  }
  for (const font of fonts) {
    expect(new URL(font.url).origin).toBe(tandem.origin);
    expect(font).toMatchObject({ status: 200, type: 'font/woff2' });
    expect(font.cache).toMatch(/max-age=31536000/);
    expect(font.cache).toMatch(/immutable/);
  }
});

it('made no request to another origin', async () => {
  await tandem.closeContexts();
  expect(tandem.requests.some((url) => url.includes('/fonts/'))).toBe(true);
  expect(tandem.foreignRequests()).toEqual([]);
});
