// Guessing is slowed down: failed logins and unknown tokens earn delays that double, kept in memory
// only; each API token's account has a request budget. The clock is injected: no test sleeps.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { FailureBackoff } from '../../server/http/rate-limit.js';
import { csrfFrom, makeApp, PASSWORD, type TestApp } from '../support/app.js';

let clock = 0;
const now = () => clock;

describe('FailureBackoff', () => {
  const backoff = () => new FailureBackoff({ freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 60_000 }, now, 3);
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('lets the free failures through, then doubles the delay up to the cap', () => {
    const b = backoff();
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      b.fail('k');
      waits.push(b.waitMs('k'));
    }
    expect(waits).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000]);
  });

  it('lets the key try again once the delay has passed, and forgets it after a quiet while', () => {
    const b = backoff();
    for (let i = 0; i < 5; i++) b.fail('k');
    expect(b.waitMs('k')).toBe(2000);
    clock += 2000;
    expect(b.waitMs('k')).toBe(0);
    clock += 60_001;
    b.fail('k');
    expect(b.waitMs('k')).toBe(0); // counted from one again
  });

  it('starts afresh after a success, and keeps other keys apart', () => {
    const b = backoff();
    for (let i = 0; i < 4; i++) b.fail('a');
    expect(b.waitMs('b')).toBe(0);
    b.succeed('a');
    expect(b.waitMs('a')).toBe(0);
  });

  it('holds a bounded number of keys in memory', () => {
    const b = backoff();
    for (const key of ['a', 'b', 'c', 'd', 'e']) b.fail(key);
    expect(b.size).toBe(3);
  });
});

describe('login', () => {
  let t: TestApp;
  beforeEach(async () => {
    clock = 1_000_000;
    t = await makeApp(undefined, {
      limits: { now, login: { freeFailures: 3, baseDelayMs: 1000 }, loginPerAddress: { freeFailures: 6, baseDelayMs: 1000 } },
    });
    await t.login('mya', 'translator', ['my']);
  });
  afterEach(() => t.close());

  async function attempt(name: string, password: string) {
    const agent = request.agent(t.app);
    const csrf = csrfFrom((await agent.get('/login')).text);
    return agent.post('/login').type('form').send({ _csrf: csrf, name, password });
  }

  it('answers 429 with Retry-After once the free failures are used, before checking the password', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt('mya', 'wrong password!')).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const throttled = await attempt('mya', PASSWORD); // even the right password waits
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    expect(throttled.text).toContain('Please wait 1 second and try again'); // not "1 seconds"
    clock += 1000;
    expect((await attempt('mya', 'wrong password!')).status).toBe(401);
    const doubled = await attempt('mya', PASSWORD);
    expect(doubled.headers['retry-after']).toBe('2'); // the delay doubled
    expect(doubled.text).toContain('Please wait 2 seconds and try again');
    clock += 2000;
    expect((await attempt('mya', PASSWORD)).status).toBe(303);
  });

  it('throttles one address trying many names (password spraying)', async () => {
    for (let i = 0; i < 7; i++) expect((await attempt(`name${i}`, 'wrong password!')).status).toBe(401);
    expect((await attempt('someone-else', 'wrong password!')).status).toBe(429);
  });

  it('refuses in Burmese and Khmer too', async () => {
    for (let i = 0; i < 4; i++) await attempt('mya', 'wrong password!');
    for (const [lang, words] of [
      ['my', 'စက္ကန့်'],
      ['km', 'វិនាទី'],
    ]) {
      const agent = request.agent(t.app);
      const csrf = csrfFrom((await agent.get('/login').set('Cookie', `tandem.lang=${lang}`)).text);
      const res = await agent.post('/login').set('Cookie', `tandem.lang=${lang}`).type('form').send({ _csrf: csrf, name: 'mya', password: PASSWORD });
      expect([res.status, res.text.includes(words!)]).toEqual([429, true]);
    }
  });
});

describe('API tokens', () => {
  let t: TestApp;
  beforeEach(async () => {
    clock = 1_000_000;
    t = await makeApp(undefined, { limits: { now, badTokens: { freeFailures: 2, baseDelayMs: 5000 }, tokenRequestsPerMinute: 3 } });
  });
  afterEach(() => t.close());

  it('answers unknown tokens with 401, then 429 with growing delays', async () => {
    const guess = (n: number) => request(t.app).get('/api/v1/statements').set('Authorization', `Bearer tdm_guess-number-${n}`);
    expect([(await guess(1)).status, (await guess(2)).status, (await guess(3)).status]).toEqual([401, 401, 401]);
    const res = await guess(4);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.error.code).toBe('rate_limited');
    clock += 5000;
    expect((await guess(5)).status).toBe(401);
    expect((await guess(6)).headers['retry-after']).toBe('10');
  });

  it('gives each token’s account a budget of requests per minute; browsers are not counted', async () => {
    const token = await t.token('bot', 'translator', ['my']);
    const call = () => request(t.app).get('/api/v1/statements').set('Authorization', `Bearer ${token}`);
    expect([(await call()).status, (await call()).status, (await call()).status]).toEqual([200, 200, 200]);
    const over = await call();
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
    const browser = await t.login('person', 'translator', ['my']);
    for (let i = 0; i < 5; i++) await browser.agent.get('/api/v1/statements').expect(200);
  });
});
