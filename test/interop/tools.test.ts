// Interoperability, proven by the tools translators and packagers use: the XLIFF exports validated
// by xmllint against the OASIS schemas kept in schemas/xliff/ (xml.xsd resolved through the XML
// catalog there, never from the network), the PO checked by gettext's msgfmt, the XLIFF 1.2 read by
// translate-toolkit (xliff2po / po2xliff round trip, pocount), the JSON loaded by i18next.
// Debian packages: libxml2-utils, gettext, translate-toolkit (installed by .ci/run).
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { po } from 'gettext-parser';
import i18next from 'i18next';
import request from 'supertest';
import { makeApp, ROOT, SID, type TestApp } from '../support/app.js';
import { REVIEW_COMMENT, seedWork, TEXTS, type SeededWork } from '../support/interchange.js';

jest.setTimeout(60_000);
const run = promisify(execFile);
const SCHEMAS = path.join(ROOT, 'schemas', 'xliff');
const env = { ...process.env, XML_CATALOG_FILES: path.join(SCHEMAS, 'catalog.xml') };

let t: TestApp;
let dir: string;
let seeded: Record<'my' | 'km', SeededWork>;
const files: Record<string, string> = {};

async function exportTo(locale: string, format: string, token: string): Promise<string> {
  const res = await request(t.app)
    .get(`/api/v1/statements/${SID}/translations/${locale}/export?format=${format}`)
    .set('Authorization', `Bearer ${token}`)
    .buffer(true)
    .parse((r, done) => {
      let s = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => (s += c));
      r.on('end', () => done(null, s));
    })
    .expect(200);
  // translate-toolkit knows a file's format by its extension.
  const extension = { xliff12: 'xlf', xliff20: 'xliff', po: 'po', json: 'json' }[format];
  const file = path.join(dir, `${locale}.${format}.${extension}`);
  writeFileSync(file, res.body as string);
  return file;
}

beforeAll(async () => {
  t = await makeApp();
  dir = mkdtempSync(path.join(tmpdir(), 'tandem-tools-'));
  seeded = { my: await seedWork(t, 'my'), km: await seedWork(t, 'km') };
  for (const locale of ['my', 'km'] as const) {
    const token = await t.token(`tr-${locale}`, 'translator', [locale]);
    for (const format of ['xliff12', 'xliff20', 'po', 'json']) files[`${locale}.${format}`] = await exportTo(locale, format, token);
  }
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(t.dataDir, { recursive: true, force: true });
});

const xmllint = (schema: string, file: string) => run('xmllint', ['--nonet', '--noout', '--schema', path.join(SCHEMAS, schema), file], { env });

describe('xmllint against the OASIS schemas (no network: --nonet and the catalog)', () => {
  it.each([
    ['xliff20', 'xliff_core_2.0.xsd'],
    ['xliff20', 'xliff_core_2.0_with_metadata.xsd'],
    ['xliff12', 'xliff-core-1.2-strict.xsd'],
  ])('the %s export of my and km validates against %s', async (format, schema) => {
    for (const locale of ['my', 'km']) {
      const { stderr } = await xmllint(schema, files[`${locale}.${format}`]!);
      expect(stderr).toContain('validates');
    }
  });

  it.each([
    ['xliff20', 'xliff_core_2.0.xsd', (x: string) => x.replace('state="final"', 'state="approved"')],
    ['xliff20', 'xliff_core_2.0_with_metadata.xsd', (x: string) => x.replace('<mda:meta type="revision">', '<mda:meta kind="revision">')],
    ['xliff12', 'xliff-core-1.2-strict.xsd', (x: string) => x.replace('<note from="tandem"', '<note origin="tandem"')],
  ])('and the same check fails on a %s file that %s forbids', async (format, schema, spoil) => {
    const broken = path.join(dir, `broken-${schema}.${format}`);
    writeFileSync(broken, spoil(readFileSync(files[`my.${format}`]!, 'utf8')));
    await expect(xmllint(schema, broken)).rejects.toMatchObject({ stderr: expect.stringContaining('fails to validate') });
  });
});

describe('gettext msgfmt', () => {
  it.each(['my', 'km'] as const)('checks the %s PO (header, format, domain) and counts what Tandem has', async (locale) => {
    const { stderr } = await run('msgfmt', ['--check', '--statistics', '-o', '/dev/null', files[`${locale}.po`]!]);
    // s1 approved, s2 and s20 submitted: translated; s3 draft, s5 needs work, s6 outdated: fuzzy.
    expect(stderr).toMatch(/^3 translated messages, 3 fuzzy translations, 236 untranslated messages\./);
  });

  it('writes the header translators and msgfmt expect', () => {
    const header = po.parse(readFileSync(files['my.po']!, 'utf8')).headers;
    expect(header).toMatchObject({ Language: 'my', 'Plural-Forms': 'nplurals=1; plural=0;', 'Content-Type': 'text/plain; charset=UTF-8' });
  });
});

describe('translate-toolkit reads the XLIFF 1.2 export', () => {
  it('pocount counts every segment, and as translated only what is approved', async () => {
    const { stdout } = await run('pocount', ['--csv', files['my.xliff12']!]);
    const [, row] = stdout.trim().split('\n');
    const cells = row!.split(',').map((c) => c.trim());
    // Filename, Translated Messages, ..., Fuzzy Messages (5th), ..., Total Message (9th)
    expect([cells[1], cells[4], cells[8]]).toEqual(['1', '5', '242']);
  });

  it('xliff2po and po2xliff round trip keeps every unit id and the Burmese text', async () => {
    const first = path.join(dir, 'tt1.po');
    const back = path.join(dir, 'tt.xlf');
    const second = path.join(dir, 'tt2.po');
    await run('xliff2po', ['-i', files['my.xliff12']!, '-o', first]);
    await run('po2xliff', ['-i', first, '-o', back]);
    await run('xliff2po', ['-i', back, '-o', second]);
    const entries = (file: string) =>
      Object.values(po.parse(readFileSync(file, 'utf8')).translations[''] ?? {})
        .filter((e) => e.msgid !== '')
        .map((e) => ({ id: e.comments?.reference, text: e.msgstr[0], fuzzy: e.comments?.flag?.includes('fuzzy') === true }));
    const once = entries(first);
    expect(once.length).toBe(242);
    expect(once.find((e) => e.id === 's1')).toEqual({ id: 's1', text: TEXTS.my.s1, fuzzy: false });
    expect(once.find((e) => e.id === 's3')).toEqual({ id: 's3', text: TEXTS.my.s3, fuzzy: true });
    // translate-toolkit keeps the words of a link, without the code.
    expect(once.find((e) => e.id === 's5')!.text).toBe(TEXTS.my.s5.replace(/<\/?1>/g, ''));
    expect(entries(second)).toEqual(once);
  });
});

describe('i18next', () => {
  it.each(['my', 'km'] as const)('loads the %s JSON as a resource bundle with approved text only', async (locale) => {
    const bundle = JSON.parse(readFileSync(files[`${locale}.json`]!, 'utf8')) as Record<string, string>;
    const i18n = i18next.createInstance();
    await i18n.init({ lng: locale, resources: {}, initAsync: false, showSupportNotice: false } as Parameters<typeof i18n.init>[0]);
    i18n.addResourceBundle(locale, 'statement', bundle);
    expect(i18n.t('s1', { ns: 'statement' })).toBe(TEXTS[locale].s1);
    expect(Object.keys(bundle)).toEqual(['s1']);
  });
});

describe('exports name no volunteer', () => {
  it('no file holds an account name or id', async () => {
    const names = Object.values(seeded)
      .flatMap((s) => [s.translator, s.editor])
      .flatMap((a) => [a.name, a.id]);
    for (const file of Object.values(files)) {
      const text = readFileSync(file, 'utf8');
      for (const name of names) expect([file, text.includes(name)]).toEqual([file, false]);
    }
  });

  it('a team member gets the editor comment; the statuses are those seeded', () => {
    const text = readFileSync(files['my.xliff20']!, 'utf8');
    expect(text).toContain(`Editor's comment: ${REVIEW_COMMENT}`);
    expect(seeded.my.statuses.s5).toBe('needs_work');
  });
});
