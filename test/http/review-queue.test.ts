// The review queue: refusals come back on the queue beside the comment box, decisions say what
// happened and how much is left, and translations are shown as rendered as their source.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api, makeApp, SID, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let translator: Session;
let editor: Session;
const QUEUE = `/review/${SID}/my`;

async function submit(segmentId: string, text: string) {
  const current = await t.deps.store.getTranslation(SID, 'my', segmentId);
  await translator.agent
    .put(api().segment('my', segmentId))
    .set('x-csrf-token', translator.csrf)
    .send({ text, baseRevision: current?.revision ?? 0, action: 'submit', confirmWarnings: true })
    .expect((r) => {
      if (r.status !== 200) throw new Error(segmentId + JSON.stringify(r.body));
    });
}

async function revisionOf(segmentId: string) {
  return (await t.deps.store.getTranslation(SID, 'my', segmentId))!.revision;
}

beforeAll(async () => {
  t = await makeApp();
  translator = await t.login('htet', 'translator', ['my']);
  editor = await t.login('mon', 'editor', ['my']);
  await submit('s3', 'မြန်မာ စာသား');
  await submit('s4', 'မြန်မာ စာသား');
  await submit('s5', 'လူ ၁,၃၉၈ ဦး <1>သတ်ဖြတ်ခံရ</1> သည်။');
});
afterAll(() => t.close());

describe('request changes without a comment', () => {
  it('shows the queue again with the message beside that comment box, and changes nothing', async () => {
    const res = await editor.agent
      .post(`${QUEUE}/s4`)
      .type('form')
      .send({ _csrf: editor.csrf, revision: String(await revisionOf('s4')), decision: 'request_changes', comment: '  ' })
      .expect(400);
    expect(res.text).not.toContain('Something went wrong');
    expect(res.text).toContain('<h1>Review'); // the queue itself
    const row = res.text.slice(res.text.indexOf('id="s4"'), res.text.indexOf('</section>', res.text.indexOf('id="s4"')));
    expect(row).toContain('<p class="error-message" role="alert" id="e-s4">Please write a comment saying what should change.</p>');
    expect(row).toContain('aria-describedby="e-s4"');
    expect(res.text.match(/class="error-message"/g)).toHaveLength(1); // only beside the row concerned
    expect((await t.deps.store.getTranslation(SID, 'my', 's4'))!.status).toBe('submitted');
  });

  it('keeps the comment the editor wrote when another refusal happens (a stale revision)', async () => {
    const res = await editor.agent
      .post(`${QUEUE}/s4`)
      .type('form')
      .send({ _csrf: editor.csrf, revision: '999', decision: 'request_changes', comment: 'ပြင်ပါ <b>' })
      .expect(409);
    const row = res.text.slice(res.text.indexOf('id="s4"'), res.text.indexOf('</section>', res.text.indexOf('id="s4"')));
    expect(row).toContain('>ပြင်ပါ &lt;b&gt;</textarea>');
    expect(row).toContain('class="error-message"');
  });
});

describe('decisions say what happened', () => {
  it('approve: "Approved. 2 translations left to review", then in Burmese digits', async () => {
    const approved = await editor.agent
      .post(`${QUEUE}/s3`)
      .type('form')
      .send({ _csrf: editor.csrf, revision: String(await revisionOf('s3')), decision: 'approve' })
      .expect(303);
    const page = await editor.agent.get(approved.headers.location!).expect(200);
    expect(page.text).toContain('<p class="notice" role="status">Approved. 2 translations left to review.</p>');
    const mine = await editor.agent.get(approved.headers.location!).set('Cookie', 'tandem.lang=my').expect(200);
    expect(mine.text).toMatch(/<p class="notice" role="status">[^<]*၂[^<]*<\/p>/);
  });

  it('request changes: "Changes requested. 1 translation left to review" (singular)', async () => {
    const asked = await editor.agent
      .post(`${QUEUE}/s4`)
      .type('form')
      .send({ _csrf: editor.csrf, revision: String(await revisionOf('s4')), decision: 'request_changes', comment: 'Please check the date.' })
      .expect(303);
    const page = await editor.agent.get(asked.headers.location!).expect(200);
    expect(page.text).toContain('<p class="notice" role="status">Changes requested. 1 translation left to review.</p>');
  });

  it('refuses an unknown outcome in the address', async () => {
    await editor.agent.get(`${QUEUE}?done=bogus`).expect(400);
  });
});

describe('the translation as readers will see it', () => {
  it('renders links and addresses like the source, never raw <1>…</1> markers', async () => {
    const page = await editor.agent.get(QUEUE).expect(200);
    const row = page.text.slice(page.text.indexOf('id="s5"'), page.text.indexOf('</section>', page.text.indexOf('id="s5"')));
    expect(row).toContain('<div class="target" lang="my" dir="ltr">လူ ၁,၃၉၈ ဦး <a href="#" rel="noopener">သတ်ဖြတ်ခံရ</a> သည်။</div>');
    expect(row).not.toContain('&lt;1&gt;');
  });

  it('marks a name kept as in the original with the source’s language, not the translation’s', async () => {
    const res = await translator.agent.get(`/api/v1/statements/${SID}`).expect(200);
    const name = res.body.segments.find((s: { kind: string }) => s.kind === 'signatory') as { id: string; source: string };
    await translator.agent
      .put(api().segment('my', name.id))
      .set('x-csrf-token', translator.csrf)
      .send({ text: name.source, baseRevision: 0, action: 'submit', keepOriginal: true })
      .expect(200);
    const page = await editor.agent.get(QUEUE).expect(200);
    const row = page.text.slice(page.text.indexOf(`id="${name.id}"`), page.text.indexOf('</section>', page.text.indexOf(`id="${name.id}"`)));
    expect(row).toContain(`<div class="target" lang="en" dir="ltr">${name.source.replace(/&/g, '&amp;').replace(/'/g, '&#39;')}</div>`);
  });
});
