// Interface strings exist in every language, are really translated, and numbers use native digits.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadI18n, pickLanguage, type I18n } from '../server/i18n/index.js';
import { ROOT } from './support/app.js';

let i18n: I18n;
beforeAll(async () => {
  i18n = await loadI18n(path.join(ROOT, 'locales'));
});

const flat = (lang: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (o: Record<string, unknown>, p: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'object') walk(v as Record<string, unknown>, `${p}${k}.`);
      else out[`${p}${k}`] = String(v as string);
    }
  };
  const dir = path.join(ROOT, 'locales', lang);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), `${file}:`);
  }
  return out;
};

describe.each(['my', 'km'])('interface strings in %s', (lang) => {
  const en = flat('en');
  const other = flat(lang);
  it('has exactly the English keys', () => {
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
  });
  it('keeps every {{placeholder}}', () => {
    for (const [key, value] of Object.entries(en)) {
      const names = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect([key, names(other[key] ?? '')]).toEqual([key, names(value)]);
    }
  });
  it('is really translated (few strings equal to the English)', () => {
    const same = Object.keys(en).filter((k) => other[k] === en[k]);
    expect(same.length).toBeLessThanOrEqual(3);
  });
});

describe('formatting', () => {
  it.each([
    ['en', 1398, '1,398', '45%'],
    ['my', 1398, '၁,၃၉၈', '၄၅%'],
    ['km', 1398, '១.៣៩៨', '៤៥%'],
  ] as const)('%s writes %d as %s and 45 %% as %s', (lang, n, number, percent) => {
    const tr = i18n.translator(lang);
    expect(tr.number(n)).toBe(number);
    expect(tr.percent(45)).toBe(percent);
  });

  it('writes list numbers in each edition’s digits', () => {
    const tr = i18n.translator('en');
    expect([tr.numberIn('my', 195), tr.numberIn('km', 195), tr.numberIn('th', 195), tr.numberIn('en', 1950)]).toEqual(['၁၉၅', '១៩៥', '195', '1950']);
  });

  it('formats dates in the interface language', () => {
    expect(i18n.translator('km').date(new Date('2022-01-04T12:00:00Z'))).toMatch(/២០២២/);
    expect(i18n.translator('my').date(new Date('2022-01-04T12:00:00Z'))).toMatch(/၂၀၂၂/);
  });
});

describe('pickLanguage', () => {
  const accepts = (header: string[]) => (...langs: string[]) => langs.find((l) => header.includes(l)) ?? false;
  it.each([
    ['the cookie wins', 'km', ['my'], 'km'],
    ['then Accept-Language', undefined, ['my'], 'my'],
    ['a bogus cookie is ignored', '../../etc', ['km'], 'km'],
    ['English otherwise', undefined, ['fr'], 'en'],
  ])('%s', (_n, cookie, header, expected) => {
    expect(pickLanguage(cookie, accepts(header))).toBe(expected);
  });
});
