// A locale glossary of 4,500 terms: the workspace highlights its terms with a matcher built once
// for the glossary, not once per render, and /healthz is answered while workspaces render.
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { rmSync } from 'node:fs';
import request from 'supertest';
import { termMatcherBuilds } from '../../server/domain/glossary.js';
import { glossaryOf } from '../../scripts/bench/glossary-terms.js';
import { makeApp, SID, type Session, type TestApp } from '../support/app.js';

jest.setTimeout(30_000);

let t: TestApp;
let translator: Session;

beforeAll(async () => {
  t = await makeApp();
  translator = await t.login('mya', 'translator', ['my']);
  await t.deps.store.updateGlossary('my', () => glossaryOf(4500));
});
afterAll(async () => {
  await t.close();
  rmSync(t.dataDir, { recursive: true, force: true });
});

it('renders the workspace with 4,500 terms, building the matcher once for all renders', async () => {
  const before = termMatcherBuilds();
  const first = await translator.agent.get(`/translate/${SID}/my`).expect(200);
  expect(first.text).toContain('class="term"');
  expect(first.text).toContain('ဘာသာပြန် 0');
  const [second, health] = await Promise.all([translator.agent.get(`/translate/${SID}/my`).expect(200), request(t.app).get('/healthz').expect(200)]);
  expect(health.text).toBe('ok');
  expect(second.text).toContain('class="term"');
  expect(termMatcherBuilds() - before).toBe(1);
});
