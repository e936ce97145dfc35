// 50 parallel saves of one segment from the same base revision: exactly one wins, the others
// get 409, and the stored text is the winner's.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import request from 'supertest';
import { api, makeApp, type TestApp } from '../support/app.js';
import { openStore } from '../../server/store/lowdb-store.js';
import { SID } from '../support/app.js';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await makeApp();
  token = await t.token('nay', 'translator', ['my']);
});
afterAll(() => t.close());

it('lets exactly one of 50 concurrent saves from revision 0 win', async () => {
  const server = t.app.listen(0);
  try {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        request(server)
          .put(api().segment('my', 's3'))
          .set('Authorization', `Bearer ${token}`)
          .send({ text: `ဘာသာပြန် ${i}`, baseRevision: 0, action: 'save' }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = responses.find((r) => r.status === 200)!.body;
    for (const loser of responses.filter((r) => r.status === 409)) {
      expect(loser.body.error.current).toEqual({ segmentId: 's3', text: winner.text, status: 'draft', revision: 1 });
    }
    await t.close();
    const reopened = await openStore(t.dataDir);
    expect((await reopened.getTranslation(SID, 'my', 's3'))?.text).toBe(winner.text);
    await reopened.close();
  } finally {
    server.close();
  }
});
