// The keyboard alone is enough: every focus stop shows a visible focus ring, every control has a
// name, the translator reaches a segment, types, submits with Ctrl+Enter and saves with Ctrl+S,
// and an editor approves from the review queue.
import { beforeAll, expect, it } from '@jest/globals';
import { postForm, SID, type Page } from './support/browser.js';
import { useTandem } from './support/suite.js';
import { TEXTS } from './support/texts.js';

const tandem = useTandem({
  seed: ['my'],
  accounts: [
    ['kosal', 'translator', ['km']],
    ['chanthy', 'editor', ['km', 'my']],
  ],
});
let translator: Page;
let editor: Page;
let reader: Page;

beforeAll(async () => {
  translator = await tandem.newPage({ as: 'kosal' });
  editor = await tandem.newPage({ as: 'chanthy' });
  reader = await tandem.newPage();
});

interface FocusStop {
  what: string;
  ring: boolean;
  onScreen: boolean;
}

/** Where focus is now, whether it shows a ring (outline or shadow) and whether it is on screen. */
const focusStop = (page: Page) =>
  page.evaluate((): FocusStop => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    return {
      what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${(el.textContent ?? '').trim().slice(0, 30)}`,
      ring,
      onScreen: box.width > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    };
  });

/**
 * Presses Tab until `done` says so, `max` presses, or focus leaves the page's last control
 * (back to the body), returning every stop on the way.
 */
async function tabUntil(page: Page, done: (stop: FocusStop) => boolean, max = 40): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    if (stop.what.startsWith('body')) break;
    stops.push(stop);
    if (done(stop)) break;
  }
  return stops;
}

/** Controls and links the accessibility tree shows without a name. */
async function unnamedControls(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  return tree.split('\n').filter((line) => /^\s*- (textbox|button|combobox|checkbox|radio|link|searchbox|progressbar)\s*(:.*)?$/.test(line));
}

it.each([
  ['statements', '/', 'reader'],
  ['Burmese edition', `/s/${SID}/my`, 'reader'],
  ['compare view', `/s/${SID}/compare?langs=en,my,km`, 'reader'],
  ['login', '/login', 'reader'],
  ['workspace', `/translate/${SID}/km`, 'translator'],
  ['review queue', `/review/${SID}/my`, 'editor'],
] as const)('on the %s every focus stop shows a ring and every control has a name', async (_name, path, who) => {
  const page = { reader, translator, editor }[who];
  await page.goto(tandem.origin + path);
  const stops = await tabUntil(page, () => false, 15);
  expect(stops.length).toBeGreaterThan(3);
  expect(stops.filter((s) => !s.ring || !s.onScreen)).toEqual([]);
  // The first stop is the skip link, shown when focused.
  expect(stops[0]!.what).toMatch(/^a /);
  expect(await unnamedControls(page)).toEqual([]);
});

it('a translator reaches a segment, types Khmer, submits with Ctrl+Enter and saves with Ctrl+S', async () => {
  await translator.goto(`${tandem.origin}/translate/${SID}/km`);
  const stops = await tabUntil(translator, (s) => s.what.startsWith('textarea#t-s1'));
  expect(stops.at(-1)!.what).toMatch(/^textarea#t-s1/);
  expect(stops.filter((s) => !s.ring)).toEqual([]);

  await translator.keyboard.insertText(TEXTS.km.s1);
  const submitted = translator.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/translations/km/s1'), { timeout: 10_000 });
  await translator.keyboard.press('Control+Enter');
  expect((await submitted).status()).toBe(200);
  // The script updates the badge once it has read the answer: wait for that, not just the answer.
  await translator.locator('section#s1 .seg-head .status.status-submitted').waitFor();
  // Focus moves on to the next segment, ready for typing.
  await translator.waitForFunction(() => document.activeElement?.id === 't-s2');

  await translator.keyboard.insertText(TEXTS.km.s2);
  const saved = translator.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/translations/km/s2'), { timeout: 10_000 });
  await translator.keyboard.press('Control+s');
  expect((await saved).status()).toBe(200);
  await translator.locator('section#s2 .seg-head .status.status-draft').waitFor();
  expect(await translator.evaluate(() => document.activeElement?.id)).toBe('t-s2');

  const stored = await tandem.t.deps.store.listTranslations(SID, 'km');
  expect(stored.map((x) => [x.segmentId, x.status, x.text])).toEqual([
    ['s1', 'submitted', TEXTS.km.s1],
    ['s2', 'draft', TEXTS.km.s2],
  ]);
});

it('an editor approves a segment with the keyboard alone', async () => {
  const review = `${tandem.origin}/review/${SID}/my`;
  await editor.goto(review);
  const stops = await tabUntil(editor, (s) => s.what.startsWith('button') && s.what.includes('Approve'));
  expect(stops.at(-1)!.what).toMatch(/^button .*Approve/);
  expect(await postForm(editor, () => editor.keyboard.press('Enter'))).toBe(`${review}?done=approved`);
  // The seeded Burmese segment 4 was the only one waiting.
  const stored = await tandem.t.deps.store.listTranslations(SID, 'my');
  expect(stored.find((x) => x.segmentId === 's4')?.status).toBe('approved');
});
