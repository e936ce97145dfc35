// Login does the same work for every name, so its time cannot tell which names exist, which are
// invitations without a password yet, or which are disabled: one bcrypt comparison of the same
// cost each time. Counted through an injected hasher, not timed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import request from 'supertest';
import { createAccount, inviteAccount, setDisabled, toActor } from '../../server/services/accounts.js';
import type { PasswordHasher } from '../../server/services/deps.js';
import { csrfFrom, makeApp, PASSWORD, type TestApp } from '../support/app.js';

let t: TestApp;
/** The bcrypt cost of every hash a login compared against. */
const compared: string[] = [];

beforeAll(async () => {
  t = await makeApp();
  const real: PasswordHasher = t.deps.passwords;
  t.deps.passwords = {
    hash: (password) => real.hash(password),
    verify: (password, hash) => {
      compared.push(hash.split('$')[2]!);
      return real.verify(password, hash);
    },
  };
  const admin = await createAccount(t.deps, null, { name: 'boss', password: PASSWORD, role: 'admin', locales: [] });
  await createAccount(t.deps, null, { name: 'normal', password: PASSWORD, role: 'translator', locales: ['my'] });
  await inviteAccount(t.deps, toActor(admin), { name: 'invited', role: 'translator', locales: ['my'] });
  const leaving = await createAccount(t.deps, null, { name: 'leaving', password: PASSWORD, role: 'translator', locales: ['my'] });
  await setDisabled(t.deps, toActor(admin), leaving.id, true);
});
afterAll(async () => {
  await t.close();
  rmSync(t.dataDir, { recursive: true, force: true });
});

async function logIn(name: string, password: string): Promise<number> {
  const agent = request.agent(t.app);
  const page = await agent.get('/login').expect(200);
  const res = await agent
    .post('/login')
    .type('form')
    .send({ _csrf: csrfFrom(page.text), name, password });
  return res.status;
}

describe('login does the same work for every name', () => {
  it.each([
    ['an unknown name', 'nobody', PASSWORD, 401],
    ['an invited account without a password', 'invited', PASSWORD, 401],
    ['an invited account, empty password', 'invited', '', 401],
    ['a disabled account', 'leaving', PASSWORD, 401],
    ['an account, wrong password', 'normal', 'not the password at all', 401],
    ['an account, right password', 'normal', PASSWORD, 303],
  ])("%s: one bcrypt comparison of the accounts' cost", async (_name, name, password, status) => {
    compared.length = 0;
    expect(await logIn(name, password)).toBe(status);
    expect(compared).toEqual(['04']);
  });
});
