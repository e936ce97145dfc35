// Unsent offline text belongs to one account (issue: a draft typed offline by one volunteer was
// sent in the next volunteer's name after logout and login on the same browser).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { ensureAccount, logIn, openContext, SID, startTandem, type Tandem } from './support/browser.js';

let tandem: Tandem;
beforeAll(async () => {
  tandem = await startTandem();
  await ensureAccount(tandem.t, 'offline-a', 'translator', ['my']);
  await ensureAccount(tandem.t, 'offline-b', 'translator', ['my']);
}, 60_000);
afterAll(() => tandem.close());

it('log in as A, go offline, type, log out, log in as B: nothing of A is sent or shown', async () => {
  const { context } = await openContext(tandem);
  const page = await context.newPage();
  const workspace = `${tandem.origin}/translate/${SID}/my?seg=s5`;
  await logIn(page, tandem.origin, 'offline-a');
  await page.goto(workspace);
  await context.setOffline(true);
  await page.fill('#t-s5', 'ပထမ အကောင့်၏ စာ');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('tandem:pending:')));
  await page.close(); // the text stays on the device, unsent

  const next = await context.newPage();
  await context.setOffline(false);
  await next.goto(`${tandem.origin}/`);
  await Promise.all([next.waitForURL(`${tandem.origin}/`), next.click('form[action="/logout"] button')]);
  await logIn(next, tandem.origin, 'offline-b');
  const sent: string[] = [];
  next.on('request', (r) => {
    if (r.method() === 'PUT') sent.push(r.postData() ?? '');
  });
  await next.goto(workspace);
  await next.waitForLoadState('networkidle');
  expect(await next.inputValue('#t-s5')).toBe('');
  expect(sent).toEqual([]);
  expect(await next.evaluate(() => Object.values(localStorage).join(''))).not.toContain('ပထမ');
  expect(await tandem.t.deps.store.getTranslation(SID, 'my', 's5')).toBeUndefined();
  await context.close();
}, 60_000);
