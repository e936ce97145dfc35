// With JavaScript off, every step still works with plain forms and links: a translator saves and
// submits Khmer text, an editor approves one segment and sends another back, the translator reads
// the comment, and a reader reads the edition, switches language and compares editions.
import { beforeAll, expect, it } from '@jest/globals';
import { postForm, SID, type Page } from './support/browser.js';
import { useTandem } from './support/suite.js';
import { CHANGE_REQUEST, TEXTS } from './support/texts.js';

const tandem = useTandem({
  accounts: [
    ['dara', 'translator', ['km']],
    ['sophea', 'editor', ['km']],
  ],
});
/** Method and path of every request sent by the translator's and the editor's pages. */
const sent: string[] = [];
let translator: Page;
let editor: Page;

beforeAll(async () => {
  // Two browser contexts: the editor has a session of their own.
  translator = await tandem.newPage({ javaScriptEnabled: false, as: 'dara' });
  editor = await tandem.newPage({ javaScriptEnabled: false, as: 'sophea' });
  for (const page of [translator, editor]) page.context().on('request', (r) => sent.push(`${r.method()} ${new URL(r.url()).pathname}`));
});

const workspace = `/translate/${SID}/km`;
const statusOf = (page: Page, id: string) => page.locator(`section#${id} .seg-head .status`).getAttribute('class');

it('a translator saves a draft, then submits, with plain form posts', async () => {
  await translator.goto(tandem.origin + workspace);
  const s1 = translator.locator('section#s1');
  await s1.locator('textarea').fill(TEXTS.km.s1);
  // Back to the page that holds the segment (one section at a time), with the filter kept.
  expect(await postForm(translator, () => s1.getByRole('button', { name: 'Save draft' }).click())).toBe(
    `${tandem.origin}${workspace}?status=all&seg=s1#s1`,
  );
  await expect(statusOf(translator, 's1')).resolves.toContain('status-draft');
  await expect(translator.locator('#t-s1').inputValue()).resolves.toBe(TEXTS.km.s1);

  for (const id of ['s1', 's3'] as const) {
    if (id === 's3') {
      // The text is the next section of the outline: a plain link.
      await Promise.all([translator.waitForURL(/section=body/), translator.locator('nav.outline a', { hasText: 'Text' }).click()]);
    }
    const row = translator.locator(`section#${id}`);
    await row.locator('textarea').fill(TEXTS.km[id]);
    expect(await postForm(translator, () => row.getByRole('button', { name: 'Submit for review' }).click())).toBe(
      `${tandem.origin}${workspace}?status=all&seg=${id}#${id}`,
    );
    await expect(statusOf(translator, id)).resolves.toContain('status-submitted');
  }
  const stored = await tandem.t.deps.store.listTranslations(SID, 'km');
  expect(stored.map((x) => [x.segmentId, x.status, x.revision])).toEqual([
    ['s1', 'submitted', 2],
    ['s3', 'submitted', 1],
  ]);
});

it('an editor approves one and requests changes on the other', async () => {
  const review = `${tandem.origin}/review/${SID}/km`;
  await editor.goto(review);
  // A request for changes without a comment: the queue again, the reason beside the comment box.
  const s3 = editor.locator('section#s3');
  expect(await postForm(editor, () => s3.getByRole('button', { name: 'Request changes' }).click())).toBe(`${review}/s3`);
  await expect(editor.locator('section#s3 .error-message').innerText()).resolves.toBe('Please write a comment saying what should change.');
  expect(await postForm(editor, () => editor.locator('section#s1').getByRole('button', { name: 'Approve' }).click())).toBe(`${review}?done=approved`);
  await s3.getByLabel(/Comment for the translator/).fill(CHANGE_REQUEST.km);
  expect(await postForm(editor, () => s3.getByRole('button', { name: 'Request changes' }).click())).toBe(`${review}?done=changes_requested`);
  expect(await editor.locator('section.review-row').count()).toBe(0);
  const stored = await tandem.t.deps.store.listTranslations(SID, 'km');
  expect(stored.map((x) => [x.segmentId, x.status])).toEqual([
    ['s1', 'approved'],
    ['s3', 'needs_work'],
  ]);
});

it('the translator reads the comment in the workspace', async () => {
  await translator.goto(tandem.origin + workspace);
  await expect(translator.locator('section#s3 .review-comment').innerText()).resolves.toContain(CHANGE_REQUEST.km);
  await expect(statusOf(translator, 's3')).resolves.toContain('status-needs_work');
});

it('a reader reads the Khmer edition, switches to English and compares', async () => {
  const page = await tandem.newPage({ javaScriptEnabled: false });
  await page.goto(`${tandem.origin}/s/${SID}/km`);
  await expect(page.locator('article.edition h1').innerText()).resolves.toBe(TEXTS.km.s1);
  // Segment 3 was sent back: the reader sees the original. It is in a run of untranslated parts,
  // which one notice announces, rather than a mark on each.
  await expect(page.locator('#s3 .text').getAttribute('lang')).resolves.toBe('en');
  await expect(page.locator('#s3 .mark-fallback').count()).resolves.toBe(0);
  await expect(page.locator('.run-notice').first().innerText()).resolves.toMatch(/parts are not translated yet/);
  await Promise.all([page.waitForURL(`${tandem.origin}/s/${SID}/en`), page.locator('nav.switcher a[hreflang=en]').click()]);
  await Promise.all([page.waitForURL(/\/compare\?langs=/), page.locator('.compare-link a').click()]);
  await expect(page.locator('#s1 .cell[data-col=km] .text').innerText()).resolves.toBe(TEXTS.km.s1);
  await page.context().close();
});

it('a translator goes through the pages of the signatories and keeps a name as in the original', async () => {
  await translator.goto(`${tandem.origin}${workspace}?status=untranslated&section=signatory`);
  await expect(translator.locator('form.save-form').count()).resolves.toBe(25);
  await Promise.all([translator.waitForURL(/page=2/), translator.locator('nav.pages a[rel=next]').click()]);
  expect(translator.url()).toContain('status=untranslated');
  const first = translator.locator('section.work-row').first();
  const id = await first.getAttribute('id');
  await postForm(translator, () => first.getByRole('button', { name: 'Keep original' }).click());
  expect((await tandem.t.deps.store.getTranslation(SID, 'km', id!))?.keepOriginal).toBe(true);
});

it('sent every change as a plain form post, never through the JSON API', () => {
  expect(sent.filter((x) => x.startsWith('POST /translate/'))).toHaveLength(4);
  expect(sent.filter((x) => x.startsWith('POST /review/'))).toHaveLength(3); // one refused: no comment
  expect(sent.filter((x) => x.includes('/api/'))).toEqual([]);
});

it('made no request to another origin', () => {
  expect(tandem.foreignRequests()).toEqual([]);
});
