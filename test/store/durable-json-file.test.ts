// The durable adapter on its own: reading, refusing, replacing, and keeping backups.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DurableJsonFile, StoreFileError } from '../../server/store/durable-json-file.js';
import { tempDirs } from './builders.js';

const dirs = tempDirs();
let dir: string;
let path: string;
beforeEach(async () => {
  dir = await dirs.make();
  path = join(dir, 'doc.json');
});
afterEach(() => dirs.cleanUp());

const backups = async () => (await readdir(join(dir, 'backups')).catch(() => [])).sort();

describe('DurableJsonFile', () => {
  it('reads a missing file as null, and what it wrote as it was', async () => {
    const file = new DurableJsonFile<{ n: number; text: string }>(path);
    expect(await file.read()).toBeNull();
    await file.write({ n: 1, text: 'မြန်မာ' });
    expect(await file.read()).toEqual({ n: 1, text: 'မြန်မာ' });
    expect(await readdir(dir)).toEqual(['doc.json']); // no temp file left behind, no backup of nothing
  });

  it('refuses a file that is not JSON, naming it, and then refuses to overwrite it', async () => {
    await writeFile(path, '{not json');
    const file = new DurableJsonFile<object>(path);
    const reading = file.read();
    await expect(reading).rejects.toBeInstanceOf(StoreFileError);
    await expect(reading).rejects.toThrow(`${path} is not valid JSON: `);
    await expect(file.write({})).rejects.toThrow(path);
    expect(await readFile(path, 'utf8')).toBe('{not json');
  });

  it('keeps the last five versions in backups/', async () => {
    let now = Date.parse('2022-01-04T00:00:00Z');
    const file = new DurableJsonFile<{ version: number }>(path, { backupIntervalMs: 0, now: () => (now += 1000) });
    for (let version = 1; version <= 8; version++) await file.write({ version });
    const kept = await backups();
    expect(kept).toHaveLength(5);
    expect(kept.every((name) => /^doc\.2022-01-04T00-00-\d\d-000Z\.json$/.test(name))).toBe(true);
    const versions = await Promise.all(kept.map(async (name) => JSON.parse(await readFile(join(dir, 'backups', name), 'utf8')).version));
    expect(versions).toEqual([3, 4, 5, 6, 7]);
  });

  it('makes at most one backup per interval, however many writes', async () => {
    let now = Date.parse('2022-01-04T00:00:00Z');
    const file = new DurableJsonFile<{ version: number }>(path, { backupIntervalMs: 60_000, now: () => now });
    for (let version = 1; version <= 20; version++) await file.write({ version });
    expect(await backups()).toHaveLength(1);
    now += 60_000;
    await file.write({ version: 21 });
    expect(await backups()).toHaveLength(2);
  });
});
