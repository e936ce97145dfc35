// The workspace with its script, now that each source is on the page once (markers shown in it):
// - suggestions are asked for the source as the translator types it, markers included, read from
//   the one rendered copy (no data attribute, no second copy);
// - "Keep original" on a name puts exactly the source in the box and keeps it;
// - "Next with warnings" goes on to another page once the page's own warnings are passed, by the
//   link and by Alt+W;
// - the glossary's import box does not take a file longer than the server accepts, and says why.
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Segment } from '../../server/domain/types.js';
import { toActor } from '../../server/services/accounts.js';
import { saveTranslation } from '../../server/services/translations.js';
import { ensureAccount, SID, type Page } from './support/browser.js';
import { useTandem } from './support/suite.js';

let segments: readonly Segment[];
const source = (id: string) => segments.find((s) => s.id === id)!.source;
const tandem = useTandem({
  async prepare({ t }) {
    segments = (await t.deps.store.getStatement(SID))!.segments;
    const actor = toActor(await ensureAccount(t, 'nay', 'translator', ['my']));
    const draft = (segmentId: string, text: string) =>
      saveTranslation(t.deps, actor, { statementId: SID, locale: 'my', segmentId, text, baseRevision: 0, action: 'save' });
    // Two drafts with warnings: s3 in the text (no full stop), s100 among the signatories (left in English).
    await draft('s3', 'ကျွန်ုပ်တို့ ဟွန်ဆန်ကို ရှုတ်ချသည်');
    await draft('s100', source('s100'));
    await ensureAccount(t, 'kyaw', 'editor', ['my']);
  },
  timeout: 60_000,
});
let translator: Page;
const workspace = (query = '') => `${tandem.origin}/translate/${SID}/my${query}`;

beforeAll(async () => {
  translator = await tandem.newPage({ as: 'nay' });
});

/** Focuses a segment's box and returns the source its suggestions were asked for. */
async function suggestionQuery(id: string): Promise<string> {
  const asked = translator.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/tm');
  await translator.focus(`#t-${id}`);
  return new URL((await asked).url()).searchParams.get('q')!;
}

describe('the source, read from the page', () => {
  it('asks suggestions for the source with its link markers, shown once on the page', async () => {
    await translator.goto(workspace('?section=body'));
    expect(await translator.locator('[data-source], .marked code').count()).toBe(0);
    expect(await translator.locator('#s5 .source .marker').allTextContents()).toEqual(['<1>', '</1>']);
    expect(source('s5')).toContain('<1>killed</1>');
    expect(await suggestionQuery('s5')).toBe(source('s5'));
  });

  it('asks for a source with an address as its {1} marker, the address only shown beside it', async () => {
    const withAddress = segments.find((s) => s.placeholders.some((p) => p.kind === 'token'))!;
    await translator.goto(workspace(`?seg=${withAddress.id}`));
    expect(await suggestionQuery(withAddress.id)).toBe(withAddress.source);
  });

  it('keeps a name as in the original: the box gets exactly the source', async () => {
    const name = segments.find((s) => s.kind === 'signatory' && s.id !== 's100')!;
    await translator.goto(workspace(`?seg=${name.id}`));
    const saved = translator.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/my/${name.id}`));
    await translator.click(`#${name.id} button.keep-original`);
    expect((await saved).status()).toBe(200);
    expect(await translator.inputValue(`#t-${name.id}`)).toBe(name.source);
    expect(await tandem.t.deps.store.getTranslation(SID, 'my', name.id)).toMatchObject({ text: name.source, keepOriginal: true });
  });
});

describe('next with warnings', () => {
  const there = `/translate/${SID}/my?seg=s100#s100`;

  it('goes from the last warning of a page to the next one on another page', async () => {
    await translator.goto(workspace('?section=body'));
    await Promise.all([translator.waitForURL((url) => url.href.endsWith(there)), translator.click('#s3 a.next-warning')]);
    expect(await translator.locator('#s100 .check-warning').count()).toBeGreaterThan(0);
  });

  it('does the same with Alt+W', async () => {
    await translator.goto(workspace('?section=body'));
    await translator.focus('#t-s3');
    await Promise.all([translator.waitForURL((url) => url.href.endsWith(there)), translator.keyboard.press('Alt+KeyW')]);
  });
});

describe('the glossary import box', () => {
  it('does not take a file longer than the server accepts, and says why', async () => {
    const editor = await tandem.newPage({ as: 'kyaw' });
    await editor.goto(`${tandem.origin}/glossary/my`);
    const limit = await editor.locator('#g-csv').evaluate((el) => (el as HTMLTextAreaElement).maxLength);
    const note = editor.locator('#g-csv-limit');
    const tooLarge = (await note.getAttribute('data-too-large'))!;
    expect(tooLarge).toContain('at most 60,000 characters');
    await editor.setInputFiles('#g-file', {
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`term,translation\n${'x,y\n'.repeat(limit / 4)}`),
    });
    await editor.waitForFunction((text) => document.getElementById('g-csv-limit')!.textContent === text, tooLarge);
    expect(await editor.inputValue('#g-csv')).toBe('');
    await editor.setInputFiles('#g-file', { name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from('term,translation\njunta,စစ်အုပ်စု\n') });
    await editor.waitForFunction(() => (document.getElementById('g-csv') as HTMLTextAreaElement).value !== '');
    expect(await editor.inputValue('#g-csv')).toBe('term,translation\njunta,စစ်အုပ်စု\n');
    expect(await note.textContent()).not.toBe(tooLarge);
    await editor.context().close();
  });
});
