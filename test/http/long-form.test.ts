// The workspace form without JavaScript: a long paragraph in any script fits the body limit, and
// whatever is refused, the page comes back with the translator's text in the box.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BODY_LIMIT } from '../../server/app.js';
import { MAX_TRANSLATION_LENGTH } from '../../server/domain/checks.js';
import { makeApp, SID, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let translator: Session;
beforeAll(async () => {
  t = await makeApp();
  translator = await t.login('htet', 'translator', ['my', 'km']);
});
afterAll(() => t.close());

const form = (fields: Record<string, string>) => new URLSearchParams({ _csrf: translator.csrf, ...fields }).toString();
const post = (locale: string, seg: string, body: string) => translator.agent.post(`/translate/${SID}/${locale}/${seg}`).type('form').send(body);
/** The textarea of a segment as the page shows it. */
const box = (html: string, seg: string) => {
  const match = new RegExp(`<textarea id="t-${seg}"[^>]*>([^<]*)</textarea>`).exec(html);
  return match?.[1];
};

/** Burmese text of `n` UTF-16 code units (3 UTF-8 bytes each, 9 once percent-encoded), a space between phrases. */
const burmese = (n: number) => 'ပြည်ထောင်စုသမ္မတမြန်မာနိုင်ငံတော် '.repeat(Math.ceil(n / 35)).slice(0, n);

describe('the body limit holds the longest translation in any script', () => {
  it('is derived from the 10,000-character maximum: 12 bytes a character plus the other fields', () => {
    expect(BODY_LIMIT).toBeGreaterThanOrEqual(MAX_TRANSLATION_LENGTH * 4 * 3);
    expect(BODY_LIMIT).toBeLessThan(MAX_TRANSLATION_LENGTH * 4 * 3 + 16 * 1024);
  });

  it('saves a 7,800-character Burmese paragraph sent by the form (over 64 KB once encoded)', async () => {
    const text = burmese(7_800).trim();
    const body = form({ text, baseRevision: '0', action: 'save' });
    expect(body.length).toBeGreaterThan(64 * 1024);
    await post('my', 's3', body).expect(303);
    expect((await t.deps.store.getTranslation(SID, 'my', 's3'))?.text).toBe(text);
  });

  it.each([
    ['Burmese', 'my', 's4', 'က'.repeat(MAX_TRANSLATION_LENGTH)],
    ['Khmer', 'km', 's4', 'ក'.repeat(MAX_TRANSLATION_LENGTH)],
    ['four-byte characters', 'my', 's6', '𝐀'.repeat(MAX_TRANSLATION_LENGTH / 2)],
  ])('saves the longest text allowed in %s', async (_name, locale, seg, text) => {
    await post(locale, seg, form({ text, baseRevision: '0', action: 'save' })).expect(303);
    expect((await t.deps.store.getTranslation(SID, locale, seg))?.text).toBe(text);
  });
});

describe('a refused form comes back with the translator’s text', () => {
  it('a text over 10,000 characters: the reason, and the text in the box', async () => {
    const text = 'က'.repeat(MAX_TRANSLATION_LENGTH + 1);
    const res = await post('my', 's7', form({ text, baseRevision: '0', action: 'save' })).expect(413);
    expect(res.text).toContain('The translation is too long (at most 10,000 characters).');
    expect(box(res.text, 's7')).toBe(text);
    expect(await t.deps.store.getTranslation(SID, 'my', 's7')).toBeUndefined();
  });

  it('keeping the original of a paragraph (not a name): the reason, and the text in the box', async () => {
    const res = await post('my', 's8', form({ text: 'ကျွန်ုပ်တို့ စာ', baseRevision: '0', action: 'keep_original' })).expect(400);
    expect(res.text).toContain('Only the names of signatories and supporters can be kept as in the original.');
    expect(box(res.text, 's8')).toBe('ကျွန်ုပ်တို့ စာ');
  });

  it('a form changed by hand (an unknown action): the reason, and the text in the box', async () => {
    const res = await post('my', 's8', form({ text: 'ကျွန်ုပ်တို့ &lt;စာ>', baseRevision: '0', action: 'publish' })).expect(400);
    expect(res.text).toContain('The field “action” is missing or not valid.');
    expect(box(res.text, 's8')).toBe('ကျွန်ုပ်တို့ &amp;lt;စာ&gt;');
    expect(await t.deps.store.getTranslation(SID, 'my', 's8')).toBeUndefined();
  });

  it('submitting an empty text: the reason on the workspace, not an error page', async () => {
    const res = await post('my', 's9', form({ text: '   ', baseRevision: '0', action: 'submit' })).expect(422);
    expect(res.text).toContain('<textarea id="t-s9"');
    expect(box(res.text, 's9')).toBe('   ');
  });
});
