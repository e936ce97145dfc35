// Every acknowledged save is still there after a restart on the same data directory, and a
// logged-in session survives it too.
import { expect, it } from '@jest/globals';
import request from 'supertest';
import { api, makeApp, SID } from '../support/app.js';

it('keeps every acknowledged save and the session across a restart', async () => {
  const first = await makeApp();
  const token = await first.token('mya', 'translator', ['my', 'km']);
  const session = await first.login('mya', 'translator');
  const acknowledged: Record<string, string> = {};
  await Promise.all(
    ['s3', 's4', 's9', 's10', 's11', 's14', 's15', 's16'].map(async (seg, i) => {
      const text = `${i % 2 ? 'ខ្មែរ' : 'မြန်မာ'} ${seg}`;
      const locale = i % 2 ? 'km' : 'my';
      const res = await request(first.app)
        .put(api().segment(locale, seg))
        .set('Authorization', `Bearer ${token}`)
        .send({ text, baseRevision: 0, action: 'submit', confirmWarnings: true }); // short texts: warnings confirmed
      if (res.status === 200) acknowledged[`${locale}/${seg}`] = text;
    }),
  );
  expect(Object.keys(acknowledged)).toHaveLength(8);
  await first.close();

  const second = await makeApp(first.dataDir);
  for (const [key, text] of Object.entries(acknowledged)) {
    const [locale, seg] = key.split('/') as [string, string];
    const res = await request(second.app).get(api().translations(locale)).set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body).toContainEqual({ segmentId: seg, text, status: 'submitted', revision: 1 });
  }
  // The cookie from before the restart still opens the workspace.
  const cookie = (await session.agent.get('/').expect(200)).request.cookies;
  const page = await request(second.app).get(`/translate/${SID}/my?seg=s3`).set('Cookie', cookie).expect(200);
  expect(page.text).toContain('မြန်မာ s3');
  await second.close();
});
