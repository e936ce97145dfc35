// Page weight on the wire, as Chromium received it: responses are compressed, and an edition's
// HTML, CSS and scripts together stay within 50 KB (fonts aside: they are cached for a year).
// The figures are written to test-output/page-weight.json for the README.
import { afterAll, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SID, TEST_OUTPUT } from './support/browser.js';
import { useTandem } from './support/suite.js';

const BUDGET = 50_000; // bytes, compressed

const tandem = useTandem({ seed: ['my', 'km'] });
const measured: Record<string, unknown> = {};

afterAll(() => {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  writeFileSync(path.join(TEST_OUTPUT, 'page-weight.json'), `${JSON.stringify(measured, null, 2)}\n`);
});

interface Transfer {
  url: string;
  type: string;
  encoding: string | undefined;
  /** Body bytes as received (compressed). */
  wire: number;
  /** Body bytes once decompressed. */
  decoded: number;
}

/**
 * What the browser received for a page, from its own Resource Timing records (encoded and decoded
 * body sizes), read while the page is open: nothing is read from a response after the page closes,
 * and no figure depends on when an event arrives. The encoding each file was sent with is asked
 * separately, with the browser's Accept-Encoding, from the same server.
 */
async function transfers(path: string): Promise<{ transfers: Transfer[]; acceptEncoding: string }> {
  const { context } = await tandem.newContext();
  try {
    const page = await context.newPage();
    const response = await page.goto(tandem.origin + path, { waitUntil: 'load' });
    const acceptEncoding = (await response!.request().allHeaders())['accept-encoding'] ?? '';
    await page.evaluate(() => document.fonts.ready);
    const entries = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => {
        const r = e as PerformanceResourceTiming;
        return { url: r.name, initiator: r.initiatorType, wire: r.encodedBodySize, decoded: r.decodedBodySize };
      }),
    );
    const result: Transfer[] = [];
    for (const e of entries) {
      const url = new URL(e.url);
      const sent = await context.request.get(e.url, { headers: { 'accept-encoding': acceptEncoding } });
      result.push({
        url: url.pathname,
        type: typeOf(e.initiator, url.pathname),
        encoding: sent.headers()['content-encoding'],
        wire: e.wire,
        decoded: e.decoded,
      });
    }
    return { transfers: result, acceptEncoding };
  } finally {
    await context.close();
  }
}

function typeOf(initiator: string, pathname: string): string {
  if (initiator === 'navigation') return 'document';
  if (pathname.endsWith('.css')) return 'stylesheet';
  if (pathname.endsWith('.js')) return 'script';
  if (/\.(woff2?|ttf|otf)$/.test(pathname)) return 'font';
  return initiator;
}

const kb = (n: number) => Math.round(n / 100) / 10;

it.each([
  { name: 'Burmese edition', path: `/s/${SID}/my`, budget: BUDGET },
  { name: 'Khmer edition', path: `/s/${SID}/km`, budget: BUDGET },
  { name: 'English edition', path: `/s/${SID}/en`, budget: BUDGET },
  // Three editions side by side carry three times the text; measured, not held to the budget.
  { name: 'compare view (3 editions)', path: `/s/${SID}/compare?langs=en,my,km`, budget: Infinity },
])('the $name is compressed and within its budget', async ({ name, path, budget }) => {
  const { transfers: all, acceptEncoding } = await transfers(path);
  expect(acceptEncoding).toMatch(/gzip/);
  const page = all.filter((t) => ['document', 'stylesheet', 'script'].includes(t.type));
  const fonts = all.filter((t) => t.type === 'font');
  // The page, its script, and its stylesheets (the site's, the editions', the fonts of its languages).
  expect(new Set(page.map((t) => t.type))).toEqual(new Set(['document', 'script', 'stylesheet']));
  // The compression middleware leaves bodies under 1 KB as they are: gzip would only add bytes.
  for (const t of page.filter((x) => x.decoded >= 1024)) {
    expect([t.url, t.encoding]).toEqual([t.url, expect.stringMatching(/^(gzip|br)$/)]);
    expect(t.wire).toBeLessThan(t.decoded);
  }
  const wire = page.reduce((sum, t) => sum + t.wire, 0);
  measured[name] = {
    path,
    htmlCssJsCompressedKB: kb(wire),
    htmlCssJsUncompressedKB: kb(page.reduce((sum, t) => sum + t.decoded, 0)),
    files: Object.fromEntries(page.map((t) => [t.url, { type: t.type, encoding: t.encoding, compressedKB: kb(t.wire), uncompressedKB: kb(t.decoded) }])),
    fontsKB: kb(fonts.reduce((sum, t) => sum + t.wire, 0)),
  };
  expect(wire).toBeLessThanOrEqual(budget);
});
