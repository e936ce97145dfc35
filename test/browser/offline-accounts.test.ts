// Unsent offline text belongs to one account (issue: a draft typed offline by one volunteer was
// sent in the next volunteer's name after logout and login on the same browser).
import { expect, it } from '@jest/globals';
import { logIn, postForm, SID } from './support/browser.js';
import { useTandem } from './support/suite.js';

const tandem = useTandem({
  accounts: [
    ['offline-a', 'translator', ['my']],
    ['offline-b', 'translator', ['my']],
  ],
  timeout: 60_000,
});

it('log in as A, go offline, type, log out, log in as B: nothing of A is sent or shown', async () => {
  const page = await tandem.newPage({ as: 'offline-a' });
  const context = page.context();
  const workspace = `${tandem.origin}/translate/${SID}/my?seg=s5`;
  await page.goto(workspace);
  await context.setOffline(true);
  await page.fill('#t-s5', 'ပထမ အကောင့်၏ စာ');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('tandem:pending:')));
  await page.close(); // the text stays on the device, unsent

  const next = await context.newPage();
  await context.setOffline(false);
  await next.goto(`${tandem.origin}/`);
  // The logout's answer is loaded before the next login, as when a volunteer clicks one after the other.
  await postForm(next, () => next.click('form[action="/logout"] button'));
  await logIn(next, tandem.origin, 'offline-b');
  const sent: string[] = [];
  next.on('request', (r) => {
    if (r.method() === 'PUT') sent.push(r.postData() ?? '');
  });
  await next.goto(workspace);
  await next.waitForLoadState('networkidle');
  // The page is B's, and its box is empty; what the server holds says where any text came from.
  const b = (await tandem.t.deps.store.findAccountByName('offline-b'))!.id;
  expect({
    account: await next.getAttribute('#ws-strings', 'data-account'),
    text: await next.inputValue('#t-s5'),
    stored: await tandem.t.deps.store.getTranslation(SID, 'my', 's5'),
  }).toEqual({ account: b, text: '', stored: undefined });
  expect(sent).toEqual([]);
  expect(await next.evaluate(() => Object.values(localStorage).join(''))).not.toContain('ပထမ');
  expect(await tandem.t.deps.store.getTranslation(SID, 'my', 's5')).toBeUndefined();
  await context.close();
}, 60_000);
