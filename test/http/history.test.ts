// A segment's full history, each revision with its difference from the one before, and an editor
// bringing back an earlier revision as a new one (pages and API).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { api, makeApp, SID, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
const people = {} as Record<'translatorMy' | 'translatorKm' | 'editorMy' | 'editorKm', Session>;
const tokens = {} as Record<'translator' | 'editor', string>;
beforeAll(async () => {
  t = await makeApp();
  people.translatorMy = await t.login('thida', 'translator', ['my']);
  people.translatorKm = await t.login('vanna', 'translator', ['km']);
  people.editorMy = await t.login('zaw', 'editor', ['my']);
  people.editorKm = await t.login('chenda', 'editor', ['km']);
  tokens.translator = await t.token('thida', 'translator', ['my']);
  tokens.editor = await t.token('zaw', 'editor', ['my']);
});
afterAll(() => t.close());

const ROWS = [
  // locale, segment, translator, editor, first text, second text, word removed, word added
  ['my', 's30', 'translatorMy', 'editorMy', 'စစ်အာဏာသိမ်းမှုကို ရှုတ်ချသည်။', 'စစ်အာဏာသိမ်းမှုကို ပြင်းထန်စွာ ရှုတ်ချသည်။', undefined, 'ပြင်းထန်စွာ '],
  ['km', 's31', 'translatorKm', 'editorKm', 'អង្គការសង្គមស៊ីវិលកម្ពុជា', 'អង្គការសង្គមស៊ីវិលមីយ៉ាន់ម៉ា', 'កម្ពុជា', 'មីយ៉ាន់ម៉ា'],
] as const;

const historyUrl = (locale: string, seg: string) => `/history/${SID}/${locale}/${seg}`;
const put = (s: Session, locale: string, seg: string, text: string, baseRevision: number) =>
  s.agent.put(api().segment(locale, seg)).set('x-csrf-token', s.csrf).send({ text, baseRevision, action: 'save' }).expect(200);
const restore = (s: Session, locale: string, seg: string, fields: Record<string, string>) =>
  s.agent
    .post(`${historyUrl(locale, seg)}/restore`)
    .type('form')
    .send({ _csrf: s.csrf, ...fields });

describe.each(ROWS)('history in %s', (locale, seg, translatorName, editorName, first, second, removed, added) => {
  beforeAll(async () => {
    await put(people[translatorName], locale, seg, first, 0);
    await put(people[translatorName], locale, seg, second, 1);
  });

  it('shows each revision against the one before, the change marked word by word', async () => {
    const res = await people[translatorName].agent.get(historyUrl(locale, seg)).expect(200);
    const revision2 = /<li id="r2">([\s\S]*?)<\/li>/.exec(res.text)![1]!;
    if (removed) expect(revision2).toMatch(new RegExp(`<del><span class="visually-hidden">[^<]+</span>${removed}</del>`));
    else expect(revision2).not.toContain('<del>');
    expect(revision2).toMatch(new RegExp(`<ins><span class="visually-hidden">[^<]+</span>${added}</ins>`));
    const revision1 = /<li id="r1">([\s\S]*?)<\/li>/.exec(res.text)![1]!;
    expect(revision1).toContain(`>${first}</p>`); // the first text, plain
  });

  it('offers a translator no restore, and refuses theirs with 403, changing nothing', async () => {
    const page = await people[translatorName].agent.get(historyUrl(locale, seg)).expect(200);
    expect(page.text).not.toContain('class="restore-form"');
    await restore(people[translatorName], locale, seg, { revision: '1', baseRevision: '2' }).expect(403);
    expect(await t.deps.store.getTranslation(SID, locale, seg)).toMatchObject({ text: second, revision: 2 });
  });

  it('refuses an editor of another locale with 403', async () => {
    const other = editorName === 'editorMy' ? people.editorKm : people.editorMy;
    await restore(other, locale, seg, { revision: '1', baseRevision: '2' }).expect(403);
    expect(await t.deps.store.getTranslation(SID, locale, seg)).toMatchObject({ revision: 2 });
  });

  it('refuses a restore without the CSRF token', async () => {
    await people[editorName].agent
      .post(`${historyUrl(locale, seg)}/restore`)
      .type('form')
      .send({ revision: '1', baseRevision: '2' })
      .expect(403);
    expect(await t.deps.store.getTranslation(SID, locale, seg)).toMatchObject({ revision: 2 });
  });

  it('answers a stale restore with 409 and the history as it is now, restoring nothing', async () => {
    const res = await restore(people[editorName], locale, seg, { revision: '1', baseRevision: '1' }).expect(409);
    expect(res.text).toContain('Nothing was restored');
    expect(await t.deps.store.getTranslation(SID, locale, seg)).toMatchObject({ text: second, revision: 2 });
  });

  it('lets the editor restore revision 1: a new draft revision, the history kept whole', async () => {
    const page = await people[editorName].agent.get(historyUrl(locale, seg)).expect(200);
    // Revision 1 can be restored; revision 2 is the current text.
    expect(page.text.match(/class="restore-form"/g)).toHaveLength(1);
    expect(page.text).toMatch(/name="revision" value="1">\s*<input type="hidden" name="baseRevision" value="2">/);
    const res = await restore(people[editorName], locale, seg, { revision: '1', baseRevision: '2' }).expect(303);
    expect(res.headers.location).toBe(`${historyUrl(locale, seg)}#r3`);
    const stored = await t.deps.store.getTranslation(SID, locale, seg);
    expect(stored).toMatchObject({ text: first, revision: 3, status: 'draft', author: people[editorName].accountId });
    const history = await t.deps.store.translationHistory(SID, locale, seg);
    expect(history.map((h) => [h.revision, h.action, h.text])).toEqual([
      [1, 'save', first],
      [2, 'save', second],
      [3, 'restore', first],
    ]);
    expect(history[2]!.restoredFrom).toBe(1);
    const after = await people[translatorName].agent.get(historyUrl(locale, seg)).expect(200);
    expect(after.text).toMatch(/Revision 3: restored revision 1 by/);
  });
});

describe('restore through the API', () => {
  const seg = 's32';
  beforeAll(async () => {
    await put(people.translatorMy, 'my', seg, 'ပထမ စာသား', 0);
    await put(people.translatorMy, 'my', seg, 'ဒုတိယ စာသား', 1);
  });
  const call = (token: string | undefined, body: object) => {
    const req = request(t.app).post(`${api().segment('my', seg)}/restore`);
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };

  it.each([
    ['anonymous', 401, undefined, { revision: 1, baseRevision: 2 }],
    ['a translator', 403, 'translator', { revision: 1, baseRevision: 2 }],
    ['an unknown revision', 404, 'editor', { revision: 9, baseRevision: 2 }],
    ['the current revision', 404, 'editor', { revision: 2, baseRevision: 2 }],
    ['revision 0', 400, 'editor', { revision: 0, baseRevision: 2 }],
  ] as const)('refuses %s with %i and changes nothing', async (_name, status, who, body) => {
    await call(who && tokens[who], body).expect(status);
    expect(await t.deps.store.getTranslation(SID, 'my', seg)).toMatchObject({ text: 'ဒုတိယ စာသား', revision: 2 });
  });

  it('answers a stale base revision with 409 and the current translation', async () => {
    const res = await call(tokens.editor, { revision: 1, baseRevision: 1 }).expect(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', current: { text: 'ဒုတိယ စာသား', revision: 2 } });
  });

  it('answers the new translation', async () => {
    const res = await call(tokens.editor, { revision: 1, baseRevision: 2 }).expect(200);
    expect(res.body).toEqual({ segmentId: seg, text: 'ပထမ စာသား', status: 'draft', revision: 3 });
  });

  it('refuses to restore a revision whose text is the current text (400)', async () => {
    const res = await call(tokens.editor, { revision: 1, baseRevision: 3 }).expect(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(await t.deps.store.getTranslation(SID, 'my', seg)).toMatchObject({ revision: 3 });
  });
});
