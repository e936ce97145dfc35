// The whole path in a real browser with JavaScript on: a translator submits three Burmese
// segments, an editor approves two and sends one back, the translator reads the comment, a reader
// switches from the Burmese to the Khmer edition without losing their place and compares three
// editions whose rows line up; then the same pages on a 360 px wide phone.
import { describe, expect, it } from '@jest/globals';
import { fitsWidth, keepScreenshot, PHONE, postForm, SID, type Page } from './support/browser.js';
import { useTandem } from './support/suite.js';
import { CHANGE_REQUEST, TEXTS } from './support/texts.js';

// The Khmer edition already has approved text; the Burmese one is made by this test.
const tandem = useTandem({
  seed: ['km'],
  accounts: [
    ['thiri', 'translator', ['my']],
    ['sokha', 'editor', ['my']],
  ],
});

const workspace = `/translate/${SID}/my`;
const review = `/review/${SID}/my`;
const SEGMENTS = ['s1', 's3', 's4'] as const;

describe('at desktop width', () => {
  let translator: Page;

  it('a translator types three Burmese translations and submits them', async () => {
    translator = await tandem.newPage({ as: 'thiri' });
    for (const id of SEGMENTS) {
      // The workspace shows one section at a time: the title is in the first, s3 and s4 in the text.
      if (id !== 's4') await translator.goto(`${tandem.origin}${workspace}?seg=${id}`);
      const row = translator.locator(`section#${id}`);
      await row.locator('textarea').fill(TEXTS.my[id]);
      const saved = translator.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/translations/my/${id}`), { timeout: 10_000 });
      await row.getByRole('button', { name: 'Submit for review' }).click();
      expect((await saved).status()).toBe(200);
      // The script updates the badge once it has read the answer: wait for that, not just the answer.
      await expect(row.locator('.seg-head .status.status-submitted').innerText()).resolves.toBe('Submitted');
    }
    // What the page shows is what was stored.
    const stored = await tandem.t.deps.store.listTranslations(SID, 'my');
    expect(stored.map((x) => [x.segmentId, x.status, x.text])).toEqual(SEGMENTS.map((id) => [id, 'submitted', TEXTS.my[id]]));
  });

  it('an editor approves two and requests changes on the third', async () => {
    const editor = await tandem.newPage({ as: 'sokha' });
    await editor.goto(tandem.origin + review);
    expect(await editor.locator('section.review-row').evaluateAll((rows) => rows.map((r) => r.id))).toEqual([...SEGMENTS]);
    for (const id of ['s1', 's3']) {
      expect(await postForm(editor, () => editor.locator(`section#${id}`).getByRole('button', { name: 'Approve' }).click())).toBe(
        `${tandem.origin + review}?done=approved`,
      );
    }
    await expect(editor.getByRole('status').first().innerText()).resolves.toBe('Approved. 1 translation left to review.');
    const s4 = editor.locator('section#s4');
    await s4.getByLabel(/Comment for the translator/).fill(CHANGE_REQUEST.my);
    expect(await postForm(editor, () => s4.getByRole('button', { name: 'Request changes' }).click())).toBe(
      `${tandem.origin + review}?done=changes_requested`,
    );
    await expect(editor.getByRole('status').first().innerText()).resolves.toBe('Changes requested. 0 translations left to review.');
    expect(await editor.locator('section.review-row').count()).toBe(0);
    const stored = await tandem.t.deps.store.listTranslations(SID, 'my');
    expect(stored.map((x) => [x.segmentId, x.status])).toEqual([
      ['s1', 'approved'],
      ['s3', 'approved'],
      ['s4', 'needs_work'],
    ]);
  });

  it('the translator sees the comment on the segment sent back', async () => {
    // The workspace opens where something waits for the translator: the segment sent back.
    await translator.goto(tandem.origin + workspace);
    const s4 = translator.locator('section#s4');
    await expect(s4.locator('.review-comment').innerText()).resolves.toContain(CHANGE_REQUEST.my);
    await expect(s4.locator('.seg-head .status').getAttribute('class')).resolves.toContain('status-needs_work');
    await expect(translator.locator('section#s3 .review-comment').count()).resolves.toBe(0);
  });

  it('a reader switches from the Burmese edition to the Khmer one and stays at the same segment', async () => {
    const reader = await tandem.newPage();
    await reader.goto(`${tandem.origin}/s/${SID}/my`);
    await expect(reader.locator('article.edition h1').innerText()).resolves.toBe(TEXTS.my.s1);
    // Scroll so that segment 10 is the first one on screen, as a reader part-way through would.
    await reader.evaluate(() => window.scrollTo(0, document.getElementById('s10')!.getBoundingClientRect().top + window.scrollY - 8));
    // Past three languages the others are in the switcher's compact menu: open it first.
    const km = reader.locator('nav.switcher a[hreflang=km]');
    if (!(await km.isVisible())) await reader.locator('nav.switcher details.more summary').click();
    await Promise.all([reader.waitForURL(/\/km#s10$/), km.click()]);
    const top = await reader.evaluate(() => document.getElementById('s10')!.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(100);
    await expect(reader.locator('article.edition').getAttribute('lang')).resolves.toBe('km');
    await expect(reader.locator('#s3 .text').innerText()).resolves.toBe(TEXTS.km.s3);

    await Promise.all([reader.waitForURL(/\/compare\?langs=/), reader.locator('.compare-link a').click()]);
    expect(await reader.locator('.compare-head .cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('lang')))).toEqual(['en', 'km', 'my']);
    await expect(reader.locator('#s1 .cell[data-col=my] .text').innerText()).resolves.toBe(TEXTS.my.s1);
    await expect(reader.locator('#s3 .cell[data-col=km] .text').innerText()).resolves.toBe(TEXTS.km.s3);
    // Each segment's row starts at the same height in every column, and the columns sit side by side.
    const rows = await reader.evaluate(() =>
      [...document.querySelectorAll('.compare-row.seg')].map((row) => {
        const cells = [...row.querySelectorAll(':scope > .cell')].map((c) => c.getBoundingClientRect());
        return {
          id: row.id,
          cells: cells.length,
          tops: new Set(cells.map((c) => Math.round(c.top))).size,
          rising: cells.every((c, i) => i === 0 || c.left > cells[i - 1]!.right),
        };
      }),
    );
    expect(rows.length).toBeGreaterThan(200);
    expect(rows.filter((r) => r.cells !== 3 || r.tops !== 1 || !r.rising)).toEqual([]);
    await keepScreenshot(reader, 'journey-compare-desktop');
  });
});

describe('on a 360 px wide phone', () => {
  const phone = { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
  const readerPages = [
    ['statements', '/'],
    ['edition-my', `/s/${SID}/my`],
    ['edition-km', `/s/${SID}/km`],
    ['compare', `/s/${SID}/compare?langs=en,my,km`],
    ['login', '/login'],
  ] as const;

  it.each(readerPages)('%s needs no horizontal scrolling', async (name, path) => {
    const page = await tandem.newPage(phone);
    await page.goto(tandem.origin + path);
    expect(await fitsWidth(page)).toBe(true);
    await keepScreenshot(page, `journey-${name}-phone`);
    await page.close();
  });

  it('the compare view shows the editions segment by segment, one under the other', async () => {
    const page = await tandem.newPage(phone);
    await page.goto(`${tandem.origin}/s/${SID}/compare?langs=en,my,km`);
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('.compare-row.seg')].map((row) => {
        const cells = [...row.querySelectorAll(':scope > .cell')].map((c) => c.getBoundingClientRect());
        const next = row.nextElementSibling?.getBoundingClientRect();
        return {
          id: row.id,
          stacked: cells.every((c, i) => i === 0 || c.top >= cells[i - 1]!.bottom - 1),
          sameLeft: new Set(cells.map((c) => Math.round(c.left))).size === 1,
          beforeNext: !next || next.top >= cells.at(-1)!.bottom - 1,
        };
      }),
    );
    expect(rows.filter((r) => !r.stacked || !r.sameLeft || !r.beforeNext)).toEqual([]);
    // Each cell says which edition it is, since there is no column header on a phone.
    await expect(page.locator('#s1 .cell[data-col=km] .col-label').isVisible()).resolves.toBe(true);
  });

  it.each([
    ['workspace', 'thiri', workspace],
    ['review', 'sokha', review],
  ] as const)('the %s needs no horizontal scrolling', async (name, who, path) => {
    const page = await tandem.newPage({ ...phone, as: who });
    await page.goto(tandem.origin + path);
    expect(await fitsWidth(page)).toBe(true);
    await keepScreenshot(page, `journey-${name}-phone`);
  });
});

it('made no request to another origin', () => {
  expect(tandem.requests.length).toBeGreaterThan(10);
  expect(tandem.foreignRequests()).toEqual([]);
});
