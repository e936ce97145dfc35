// Anonymous readers get pages kept rendered and compressed, never stale after a change, and never
// another user's page.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { api, makeApp, SID, type TestApp } from '../support/app.js';

let t: TestApp;
let server: http.Server;
let translator: string;
let editor: string;
beforeAll(async () => {
  t = await makeApp();
  translator = await t.token('aye', 'translator', ['my']);
  editor = await t.token('bopha', 'editor', ['my']);
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
});
afterAll(async () => {
  server.close();
  await t.close();
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they crossed the wire (still compressed). */
  wire: Buffer;
}

/** A request with Node's own client, which does not decompress: we see what the reader's browser gets. */
function get(url: string, encoding = 'br', headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const address = server.address() as AddressInfo;
    http
      .get({ host: '127.0.0.1', port: address.port, path: url, headers: { 'accept-encoding': encoding, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, wire: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const text = (res: Raw) => {
  const encoding = res.headers['content-encoding'];
  return (encoding === 'br' ? brotliDecompressSync(res.wire) : encoding === 'gzip' ? gunzipSync(res.wire) : res.wire).toString('utf8');
};

describe('public page cache', () => {
  it('serves the same page again, compressed as the reader asks', async () => {
    const first = await get(`/s/${SID}/my`);
    const second = await get(`/s/${SID}/my`);
    const gzip = await get(`/s/${SID}/my`, 'gzip');
    const plain = await get(`/s/${SID}/my`, 'identity');
    expect([first.headers['content-encoding'], gzip.headers['content-encoding'], plain.headers['content-encoding']]).toEqual(['br', 'gzip', undefined]);
    expect(text(second)).toBe(text(first));
    expect(text(gzip)).toBe(text(first));
    expect(text(plain)).toBe(text(first));
    expect(text(first)).toContain('Not yet translated');
    expect(first.headers.vary).toContain('Accept-Encoding');
  });

  it('answers a repeated request with its ETag by 304', async () => {
    const first = await get(`/s/${SID}/km`);
    expect((await get(`/s/${SID}/km`, 'br', { 'if-none-match': String(first.headers.etag) })).status).toBe(304);
  });

  it('shows a newly approved translation at once', async () => {
    await get(`/s/${SID}/my`);
    await request(t.app)
      .put(api().segment('my', 's2'))
      .set('Authorization', `Bearer ${translator}`)
      .send({ text: '၂၀၂၂ ခုနှစ် ဇန်နဝါရီလ ၄ ရက်', baseRevision: 0, action: 'submit', confirmWarnings: true })
      .expect(200);
    await request(t.app).post(api().review('my', 's2')).set('Authorization', `Bearer ${editor}`).send({ decision: 'approve', revision: 1 }).expect(200);
    const after = await get(`/s/${SID}/my`);
    expect(text(after)).toContain('၂၀၂၂ ခုနှစ် ဇန်နဝါရီလ ၄ ရက်');
  });

  it('keeps interface languages apart', async () => {
    const en = await get('/');
    const km = await get('/', 'br', { cookie: 'tandem.lang=km' });
    expect(text(en)).toContain('<html lang="en"');
    expect(text(km)).toContain('<html lang="km"');
  });

  it('never serves a cached page to a logged-in user, nor theirs to anyone', async () => {
    await get(`/s/${SID}/th`);
    const session = await t.login('qx-volunteer', 'translator', ['th']);
    const mine = await session.agent.get(`/s/${SID}/th`).expect(200);
    expect(mine.text).toContain('qx-volunteer');
    const anonymous = await get(`/s/${SID}/th`);
    expect(text(anonymous)).not.toContain('qx-volunteer');
  });
});
