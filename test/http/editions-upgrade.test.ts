// A data directory written before editions were published (test/fixtures/data-before-editions,
// written by the previous release): approved translations have no `published` field and there
// are no edition files. Readers must still get the approved text, drafts on top of it included.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { ensureSourceEditions } from '../../server/services/statements.js';
import { makeApp, ROOT, SID, type TestApp } from '../support/app.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'data-before-editions');
let dir: string;
let t: TestApp;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tandem-upgrade-'));
  cpSync(FIXTURE, dir, { recursive: true });
  t = await makeApp(dir, {
    store: {
      log: () => {
        /* the migration's notice is checked in test/store/migration.test.ts */
      },
    },
  });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an upgraded data directory', () => {
  it('shows approved text that a later draft covers, in the preview and the anonymous API', async () => {
    const html = (await request(t.app).get(`/s/${SID}/my`).expect(200)).text;
    expect(html).toContain('ပထမ စာ ။');
    expect(html).not.toContain('ဒုတိယ စာ ။');
    const rows = (await request(t.app).get(`/api/v1/statements/${SID}/translations/my`).expect(200)).body as { segmentId: string; text: string }[];
    expect(rows.find((r) => r.segmentId === 's40')?.text).toBe('ပထမ စာ ။');
  });

  it('publishes the source edition of statements that have none, once', async () => {
    expect(await ensureSourceEditions(t.deps)).toEqual([SID]);
    expect(await ensureSourceEditions(t.deps)).toEqual([]);
    const versions = (await request(t.app).get(`/api/v1/statements/${SID}/editions/en`).expect(200)).body;
    expect(versions).toHaveLength(1);
  });

  it('publishes a version holding the approved text, and keeps the old statement file as it was', async () => {
    const token = await t.token('root', 'admin');
    await request(t.app).post(`/api/v1/statements/${SID}/editions/my`).set('Authorization', `Bearer ${token}`).send({}).expect(201);
    const version = (await request(t.app).get(`/api/v1/statements/${SID}/editions/my/1`).expect(200)).body as {
      segments: { segmentId: string; text: string }[];
    };
    expect(version.segments.find((s) => s.segmentId === 's40')?.text).toBe('ပထမ စာ ။');
    // The statement file became a snapshot with a journal at start; the original is kept byte for byte.
    const file = `statements/${SID}.json`;
    const kept = readdirSync(dir).filter((name) => name.startsWith('pre-journal-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(dir, kept[0]!, file), 'utf8')).toBe(readFileSync(path.join(FIXTURE, file), 'utf8'));
  });
});
