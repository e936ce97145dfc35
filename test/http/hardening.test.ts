// Request edges and storage limits, through the real app: text that is not UTF-8, request errors
// raised before a route runs (too large, malformed, too many fields, gzip garbage), a full disk,
// the locale tag limit, and what /fonts serves.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import type { FileWriting } from '../../server/store/durable-json-file.js';
import { api, csrfFrom, makeApp, SID, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let token: string;
let translator: Session;
/** When true, every data-file write fails as on a full disk, after writing part of the file. */
let diskFull = false;

const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });

/** Files whose writes fail as on a full disk while `diskFull` (checked at each write: a journal keeps its file open). */
const files: FileWriting = {
  rename,
  open: (async (file: string, flags: string, mode: number) => {
    const handle = await open(file, flags, mode);
    return new Proxy(handle, {
      get(target, prop) {
        if (prop === 'writeFile') {
          return async (data: string | Uint8Array) => {
            if (!diskFull) return target.writeFile(data);
            await target.write(Buffer.from(data).subarray(0, 100));
            throw noSpace();
          };
        }
        if (prop === 'write') {
          return async (data: Uint8Array, offset: number, length: number) => {
            if (!diskFull) return target.write(data, offset, length);
            await target.write(data, offset, Math.min(length, 100));
            throw noSpace();
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }) as FileWriting['open'],
};

beforeAll(async () => {
  t = await makeApp(undefined, { store: { files } });
  token = await t.token('bot', 'translator', ['my']);
  translator = await t.login('mya', 'translator', ['my']);
});
afterAll(async () => {
  await t.close();
  rmSync(t.dataDir, { recursive: true, force: true });
});

const BURMESE = { Cookie: 'tandem.lang=my' };
/** Sends a body's bytes as they are (superagent would turn a Buffer into JSON). */
const raw = (body: unknown) => body as string;
const bearer = () => ({ Authorization: `Bearer ${token}` });
const storedText = async (segmentId: string) => (await t.deps.store.getTranslation(SID, 'my', segmentId))?.text;

describe('text that is not valid UTF-8 is refused with 400, never stored altered', () => {
  it('in a JSON body (raw bytes of another encoding)', async () => {
    const body = Buffer.concat([Buffer.from('{"text":"ok '), Buffer.from([0xff, 0xfe]), Buffer.from('","baseRevision":0,"action":"save"}')]);
    const res = await request(t.app).put(api().segment('my', 's10')).set(bearer()).set(BURMESE).type('json').serialize(raw).send(body).expect(400);
    expect(res.body.error).toEqual({ code: 'invalid_input', message: expect.stringContaining('UTF-8 မဟုတ်သော') });
    expect(await storedText('s10')).toBeUndefined();
  });

  it.each([
    ['percent-encoded bytes that are not UTF-8', 'text=ok%FF%FE'],
    ['a cut multi-byte sequence', 'text=%E1%80'],
    ['raw bytes that are not UTF-8', Buffer.from([...Buffer.from('text=ok'), 0xe1, 0x28])],
  ])('in a form: %s', async (_name, text) => {
    const rest = `&_csrf=${encodeURIComponent(translator.csrf)}&baseRevision=0&action=save`;
    const body = Buffer.concat([Buffer.from(text), Buffer.from(rest)]);
    const res = await translator.agent.post(`/translate/${SID}/my/s11`).type('form').serialize(raw).send(body).expect(400);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('not valid UTF-8');
    expect(await storedText('s11')).toBeUndefined();
  });

  it('still takes Burmese and Khmer, percent-encoded or in JSON', async () => {
    const res = await translator.agent
      .post(`/translate/${SID}/my/s12`)
      .type('form')
      .send(`_csrf=${encodeURIComponent(translator.csrf)}&text=${encodeURIComponent('မြန်မာ ខ្មែរ')}&baseRevision=0&action=save`);
    expect(res.status).toBe(303);
    expect(await storedText('s12')).toBe('မြန်မာ ខ្មែរ');
  });
});

describe('request errors raised before any route are words in the interface language, never a 500', () => {
  const login = () => request(t.app).post('/login').set(BURMESE).type('form');

  it('a form with more than 100 fields: 413 page in Burmese', async () => {
    const fields = Array.from({ length: 150 }, (_, i) => `f${i}=x`).join('&');
    const res = await login().send(fields);
    expect(res.status).toBe(413);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('အကွက်များ များလွန်းပါသည်');
  });

  it.each([
    ['a form over the size limit', 'form', `text=${'x'.repeat(200_000)}`, 413, 'ကြီးလွန်းပါသည်'],
    ['malformed JSON', 'json', '{"text": ', 400, 'JSON မဟုတ်ပါ'],
  ])('%s: a page for a form, JSON for the API', async (_name, type, body, status, words) => {
    const page = await request(t.app).post('/login').set(BURMESE).type(type).send(body);
    expect([page.status, page.type]).toEqual([status, 'text/html']);
    expect(page.text).toContain(words);
    const json = await request(t.app).put(api().segment('my', 's13')).set(BURMESE).type(type).send(body);
    expect([json.status, json.type]).toEqual([status, 'application/json']);
    expect(json.body.error.message).toContain(words);
  });

  it('gzip garbage: 400, translated', async () => {
    const res = await request(t.app)
      .put(api().segment('my', 's13'))
      .set(BURMESE)
      .set('Content-Encoding', 'gzip')
      .type('json')
      .send(Buffer.from('this is not gzip at all'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).not.toMatch(/^request\./);
    expect(res.body.error.message).toMatch(/[\u1000-\u109f]/);
  });
});

describe('a full disk (ENOSPC)', () => {
  const tempFiles = () => readdirSync(path.join(t.dataDir, 'statements')).filter((name) => name.endsWith('.tmp'));

  it('answers 507 storage_full saying nothing was saved, stores nothing and leaves no temporary file', async () => {
    diskFull = true;
    try {
      const res = await request(t.app).put(api().segment('my', 's14')).set(bearer()).send({ text: 'မြန်မာ', baseRevision: 0, action: 'save' });
      expect(res.status).toBe(507);
      expect(res.body.error).toEqual({ code: 'storage_full', message: expect.stringContaining('NOT saved') });
      const page = await translator.agent
        .post(`/translate/${SID}/my/s14`)
        .type('form')
        .send({ _csrf: translator.csrf, text: 'မြန်မာ', baseRevision: '0', action: 'save' });
      expect(page.status).toBe(507);
      expect(page.text).toContain('NOT saved');
      expect(page.text).not.toContain('was lost');
      expect(await storedText('s14')).toBeUndefined();
      expect(tempFiles()).toEqual([]);
    } finally {
      diskFull = false;
    }
    await request(t.app).put(api().segment('my', 's14')).set(bearer()).send({ text: 'မြန်မာ', baseRevision: 0, action: 'save' }).expect(200);
  });
});

describe('locale tags: one length limit for enabling a locale and for its pages', () => {
  /** A well-formed tag of exactly `length` characters (private-use subtags). */
  const tagOf = (length: number) => {
    let tag = 'my-x-';
    while (tag.length < length) tag += 'abcdefgh-'.slice(0, Math.min(8, length - tag.length)) + '-';
    return tag.slice(0, length).replace(/-$/, 'a');
  };

  it('enables a tag of 64 characters, and its pages work', async () => {
    const admin = await t.token('boss', 'admin');
    const tag = tagOf(64);
    expect(tag).toHaveLength(64);
    await request(t.app)
      .post('/api/v1/locales')
      .set({ Authorization: `Bearer ${admin}` })
      .send({ tag })
      .expect(201);
    await request(t.app).get(`/s/${SID}/${tag}`).expect(200);
    await request(t.app).get(`/api/v1/statements/${SID}/translations/${tag}`).expect(200);
  });

  it.each([65, 91])('refuses a tag of %i characters with 400, in the page and the API', async (length) => {
    const admin = await t.token('boss', 'admin');
    const tag = tagOf(length);
    expect(tag).toHaveLength(length);
    const res = await request(t.app)
      .post('/api/v1/locales')
      .set({ Authorization: `Bearer ${admin}` })
      .send({ tag })
      .expect(400);
    expect(res.body.error.message).toBe('A language tag has at most 64 characters.');
    expect((await t.deps.store.listLocales()).map((l) => l.tag)).not.toContain(tag);
  });
});

describe('/fonts serves font files and their style sheets only', () => {
  it.each([
    ['a woff2 font', '/fonts/noto-sans-myanmar/files/noto-sans-myanmar-myanmar-400-normal.woff2', 200],
    ['a woff font', '/fonts/noto-sans-myanmar/files/noto-sans-myanmar-myanmar-400-normal.woff', 200],
    ['a style sheet', '/fonts/noto-sans-myanmar/400.css', 200],
    ['a package.json', '/fonts/noto-sans-myanmar/package.json', 404],
    ['a README', '/fonts/noto-sans-myanmar/README.md', 404],
    ['a licence', '/fonts/noto-sans-myanmar/LICENSE', 404],
    ['a climb out', '/fonts/../package.json', 404],
  ])('%s: %s', async (_name, url, status) => {
    await request(t.app).get(url).expect(status);
  });
});

it('the login form still has its token', async () => {
  expect(csrfFrom((await request(t.app).get('/login').expect(200)).text)).toBeTruthy();
});
