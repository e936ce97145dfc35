// The translator workspace's first view on realistic data, weighed as the bench weighs it: the
// statement seeded through the API as `npm run bench` seeds it (Burmese: 80 approved, 20 waiting
// for review, 20 drafts; Khmer: 60 approved, shown as "other languages"), then the page, its
// stylesheets and its scripts fetched as a browser would (scripts/bench/workspace-weight.ts).
// Budget (README, "Benchmark"): 40 KB compressed and 150 KB uncompressed, fonts aside.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestJson } from '../../scripts/bench/processes.js';
import { browserSession, seedLocale, type SourceSegment } from '../../scripts/bench/seed.js';
import { WORKSPACE_BUDGET, workspaceWeight } from '../../scripts/bench/workspace-weight.js';
import { makeApp, PASSWORD, SID, type TestApp } from '../support/app.js';

let t: TestApp;
let server: Server;
let base: string;

beforeAll(async () => {
  t = await makeApp();
  server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = {
    translator: await t.token('bench-translator', 'translator', ['my', 'km']),
    editor: await t.token('bench-editor', 'editor', ['my', 'km']),
  };
  const { segments } = await requestJson<{ segments: SourceSegment[] }>(`${base}/api/v1/statements/${SID}`);
  await seedLocale(base, SID, segments, { locale: 'my', approve: 80, submitOnly: 20, draft: 20 }, tokens);
  await seedLocale(base, SID, segments, { locale: 'km', approve: 60, submitOnly: 0, draft: 0 }, tokens);
}, 120_000);
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

it('keeps the first workspace view on the bench data within 40 KB compressed and 150 KB uncompressed', async () => {
  const session = await browserSession(base, 'bench-translator', PASSWORD, `/s/${SID}/my`);
  const weight = await workspaceWeight(base, `/translate/${SID}/my`, session.read, 'gzip, deflate, br');
  const page = weight.files[0]!;
  expect(page.path).toBe(`/translate/${SID}/my`);
  expect(weight.files.map((f) => f.path)).toEqual(expect.arrayContaining([expect.stringMatching(/\.css/), expect.stringMatching(/workspace\/main\.js$/)]));
  // The files and their sizes in the failure message, to see which one went over.
  const sizes = weight.files.map((f) => `${f.path}: ${f.uncompressed} (${f.compressed} compressed)`);
  expect([weight.uncompressed < WORKSPACE_BUDGET.uncompressed, weight.uncompressed, sizes]).toEqual([true, weight.uncompressed, sizes]);
  expect([weight.compressed < WORKSPACE_BUDGET.compressed, weight.compressed, sizes]).toEqual([true, weight.compressed, sizes]);
}, 60_000);
