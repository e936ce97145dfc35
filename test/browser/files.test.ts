// The files page with JavaScript off, as a volunteer working offline uses it: from the workspace
// to the files page, download the PO file, translate it "in Poedit", upload it through the plain
// form, read the report. And the page in every interface language: no axe violation, no
// horizontal scrolling at 360 px, no request to another host.
import { expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { editPo } from '../support/cat-tool.js';
import { axeViolations, fitsWidth, keepScreenshot, PHONE, postForm, SID, UI_LANGUAGES } from './support/browser.js';
import { useTandem } from './support/suite.js';

const tandem = useTandem({ accounts: [['nilar', 'translator', ['my']]] });

it('downloads a PO file, and an upload of its translation comes back as a submission, without JavaScript', async () => {
  const page = await tandem.newPage({ javaScriptEnabled: false, as: 'nilar' });
  await page.goto(`${tandem.origin}/translate/${SID}/my`);
  await Promise.all([page.waitForURL(`**/files/${SID}/my`), page.click(`a[href="/files/${SID}/my"]`)]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="format=po"]')]);
  expect(download.suggestedFilename()).toBe(`${SID}.my.po`);
  const po = readFileSync((await download.path())!, 'utf8');
  const translated = editPo(po, [{ segmentId: 's2', target: '၂၀၂၂ ခုနှစ် ဇန်နဝါရီလ ၄ ရက်' }]);
  await page.setInputFiles('#u-file', { name: 'my.po', mimeType: 'text/x-gettext-translation', buffer: Buffer.from(translated) });
  await postForm(page, () => page.click('.upload-form button[type=submit]'));
  await expect(page.locator('.import-report [role=status]').textContent()).resolves.toContain('Imported: 1.');
  await expect(page.locator('.import-report tr.outcome-imported').textContent()).resolves.toContain('s2');
  expect(await tandem.t.deps.store.getTranslation(SID, 'my', 's2')).toMatchObject({ text: '၂၀၂၂ ခုနှစ် ဇန်နဝါရီလ ၄ ရက်', status: 'submitted' });
  await page.context().close();
});

it.each(UI_LANGUAGES)('the files page in %s: no axe violation, fits a phone', async (lang) => {
  const page = await tandem.newPage({ uiLanguage: lang, viewport: PHONE, as: 'nilar' });
  await page.goto(`${tandem.origin}/files/${SID}/my`);
  expect(await axeViolations(page)).toEqual([]);
  expect(await fitsWidth(page)).toBe(true);
  await keepScreenshot(page, `files-${lang}-phone`, true);
  await page.context().close();
});

it('made no request to another origin', () => {
  expect(tandem.requests.length).toBeGreaterThan(0);
  expect(tandem.foreignRequests()).toEqual([]);
});
