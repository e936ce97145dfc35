// A stale save in the workspace: both texts side by side, the difference marked word by word, and
// the translator chooses; nothing is overwritten silently.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeApp, SID, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
const team: Record<'my' | 'km', { first: Session; second: Session }> = {} as never;
beforeAll(async () => {
  t = await makeApp();
  team.my = { first: await t.login('aye', 'translator', ['my']), second: await t.login('hla', 'translator', ['my']) };
  team.km = { first: await t.login('sok', 'translator', ['km']), second: await t.login('dara', 'translator', ['km']) };
});
afterAll(() => t.close());

const ROWS = [
  // locale, segment, the newer saved text, the stale text, word removed (only in theirs), word added (only in mine)
  ['my', 's20', 'ကမ္ဘောဒီးယားအရပ်ဘက်လူမှုအဖွဲ့အစည်းများ', 'မြန်မာအရပ်ဘက်လူမှုအဖွဲ့အစည်းများ', 'ကမ္ဘောဒီးယား', 'မြန်မာ'],
  ['km', 's21', 'អង្គការសង្គមស៊ីវិលកម្ពុជាថ្កោលទោសរដ្ឋប្រហារ', 'អង្គការសង្គមស៊ីវិលមីយ៉ាន់ម៉ាថ្កោលទោសរដ្ឋប្រហារ', 'កម្ពុជា', 'មីយ៉ាន់ម៉ា'],
] as const;

const post = (s: Session, locale: string, seg: string, fields: Record<string, string>) =>
  s.agent
    .post(`/translate/${SID}/${locale}/${seg}`)
    .type('form')
    .send({ _csrf: s.csrf, ...fields });

/** The hidden fields of the "keep my text" form in a conflict page. */
function keepMineForm(html: string): Record<string, string> {
  const form = /<div class="actions conflict-choice">\s*<form method="post"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (!form) throw new Error('no "keep my text" form');
  const fields: Record<string, string> = {};
  for (const [, name, value] of form.matchAll(/name="([^"]+)" value="([^"]*)"/g)) fields[name!] = unescape(value!);
  return fields;
}
const unescape = (html: string) => html.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe.each(ROWS)('a stale save in %s', (locale, seg, theirs, mine, removed, added) => {
  let page: string;

  it('answers 409, shows both texts and the difference word by word, and keeps the newer text', async () => {
    const { first, second } = team[locale];
    await post(first, locale, seg, { text: theirs, baseRevision: '0', action: 'save' }).expect(303);
    const res = await post(second, locale, seg, { text: mine, baseRevision: '0', action: 'save' }).expect(409);
    page = res.text;
    expect(page).toContain(`class="theirs">${theirs}</p>`);
    expect(page).toContain(`class="mine">${mine}</p>`);
    // Only the changed word is marked, with a word for screen readers; the rest is plain text.
    expect(page).toMatch(
      new RegExp(`<del><span class="visually-hidden">[^<]+</span>${removed}</del><ins><span class="visually-hidden">[^<]+</span>${added}</ins>`),
    );
    expect(page).toContain('Struck through'); // the legend names the cue, not a colour
    expect(await t.deps.store.getTranslation(SID, locale, seg)).toMatchObject({ text: theirs, revision: 1, status: 'draft' });
  });

  it('offers "keep my text" on top of the newer revision, with the action first chosen', () => {
    expect(keepMineForm(page)).toEqual({ _csrf: team[locale].second.csrf, text: mine, baseRevision: '1', action: 'save' });
    expect(page).toMatch(
      new RegExp(
        `<form method="get" action="/translate/${SID}/${locale}#${seg}">\\s*<input type="hidden" name="seg" value="${seg}">\\s*<button type="submit">Keep the newer version</button>`,
      ),
    );
  });

  it('"keep the newer version" reloads the workspace with the newer text and changes nothing', async () => {
    const res = await team[locale].second.agent.get(`/translate/${SID}/${locale}?seg=${seg}`).expect(200);
    expect(res.text).toMatch(new RegExp(`<textarea id="t-${seg}"[^>]*>${theirs}</textarea>`));
    expect(await t.deps.store.getTranslation(SID, locale, seg)).toMatchObject({ text: theirs, revision: 1 });
  });

  it('"keep my text" is refused again if the segment changed once more meanwhile', async () => {
    const { first, second } = team[locale];
    await post(first, locale, seg, { text: `${theirs}။`, baseRevision: '1', action: 'save' }).expect(303);
    const stale = keepMineForm(page);
    const res = await second.agent.post(`/translate/${SID}/${locale}/${seg}`).type('form').send(stale).expect(409);
    expect(res.text).toContain(`class="theirs">${theirs}။</p>`);
    expect(await t.deps.store.getTranslation(SID, locale, seg)).toMatchObject({ text: `${theirs}။`, revision: 2 });
    page = res.text;
  });

  it('"keep my text" saves it as a new revision, both versions staying in the history', async () => {
    await team[locale].second.agent.post(`/translate/${SID}/${locale}/${seg}`).type('form').send(keepMineForm(page)).expect(303);
    const stored = await t.deps.store.getTranslation(SID, locale, seg);
    expect(stored).toMatchObject({ text: mine, revision: 3, status: 'draft' });
    expect((await t.deps.store.translationHistory(SID, locale, seg)).map((h) => h.text)).toEqual([theirs, `${theirs}။`, mine]);
  });
});

describe('what a conflict page shows', () => {
  it('escapes markup in both texts and in the difference', async () => {
    const { first, second } = team.my;
    await post(first, 'my', 's22', { text: 'ပထမ <b>ဟုတ်</b>', baseRevision: '0', action: 'save' }).expect(303);
    const res = await post(second, 'my', 's22', { text: 'ဒုတိယ <script>alert(1)</script>', baseRevision: '0', action: 'save' }).expect(409);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).not.toContain('<b>ဟုတ်</b>');
    expect(res.text).toContain('&lt;script&gt;');
  });

  it('compares with the text as it would be stored (Windows line ends are not a difference)', async () => {
    const { first, second } = team.km;
    await post(first, 'km', 's23', { text: 'ខ្មែរ\nកម្ពុជា', baseRevision: '0', action: 'save' }).expect(303);
    const res = await post(second, 'km', 's23', { text: 'ខ្មែរ\r\nកម្ពុជា', baseRevision: '0', action: 'save' }).expect(409);
    const diff = /<p lang="km" dir="ltr" class="diff">([\s\S]*?)<\/p>/.exec(res.text)?.[1];
    expect(diff).toBe('ខ្មែរ\nកម្ពុជា');
  });
});
