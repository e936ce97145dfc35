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

/** i18next's plural suffixes: `key_one`, `key_other`... (CLDR categories). */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL, '');
/** A key's English text (its `_other` form for a plural key). */
const englishOf = (en: Record<string, string>, key: string) => en[key] ?? en[`${baseKey(key)}_other`];

describe.each(['my', 'km'])('interface strings in %s', (lang) => {
  const en = flat('en');
  const other = flat(lang);
  it('has exactly the English keys, with the plural forms of its own language', () => {
    const bases = (keys: string[]) => [...new Set(keys.map(baseKey))].sort();
    expect(bases(Object.keys(other))).toEqual(bases(Object.keys(en)));
    // Burmese and Khmer have one plural form: `_other` only, for every key with a count.
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    expect(categories).toEqual(['other']);
    expect(Object.keys(other).filter((k) => PLURAL.test(k) && !k.endsWith('_other'))).toEqual([]);
    expect(
      Object.keys(en)
        .filter((k) => k.endsWith('_other'))
        .every((k) => k in other),
    ).toBe(true);
  });
  it('keeps every {{placeholder}}', () => {
    for (const [key, value] of Object.entries(other)) {
      const names = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect([key, names(value)]).toEqual([key, names(englishOf(en, key) ?? '')]);
    }
  });
  it('is really translated (few strings equal to the English)', () => {
    const same = Object.keys(en).filter((k) => other[k] === en[k]);
    expect(same.length).toBeLessThanOrEqual(3);
  });
});

describe('plurals', () => {
  const en = flat('en');
  const pluralKeys = [
    ...new Set(
      Object.keys(en)
        .filter((k) => PLURAL.test(k))
        .map((k) => baseKey(k.replace(/^[^:]+:/, ''))),
    ),
  ];

  it('every string with a count is a plural one: a count is {{count}}, never {{seconds}} or {{max}}', () => {
    expect(pluralKeys.length).toBeGreaterThanOrEqual(8);
    const bare = Object.entries(en).filter(([k, v]) => !PLURAL.test(k) && /\{\{(count|seconds|minutes|hours|days)\}\}/.test(v));
    expect(bare).toEqual([]);
    for (const [k, v] of Object.entries(en)) if (PLURAL.test(k)) expect([k, v]).toEqual([k, expect.stringContaining('{{count}}')]);
  });

  it.each([
    ['en', 1, 'Please wait 1 second and try again.'],
    ['en', 2, 'Please wait 2 seconds and try again.'],
    ['en', 0, 'Please wait 0 seconds and try again.'],
    ['en', 21, 'Please wait 21 seconds and try again.'],
    ['my', 1, '၁ စက္ကန့် စောင့်ပြီး'],
    ['my', 30, '၃၀ စက္ကန့် စောင့်ပြီး'],
    ['km', 1, 'សូមរង់ចាំ ១ វិនាទី'],
    ['km', 30, 'សូមរង់ចាំ ៣០ វិនាទី'],
  ] as const)('%s, %d: %s', (lang, count, expected) => {
    const tr = i18n.translator(lang);
    expect(tr.plural('errors.auth.too_many_attempts', count)).toContain(expected);
    expect(tr.t('errors.auth.too_many_attempts', { count })).toContain(expected); // t with a numeric count is the same
  });

  const counts = [0, 1, 2, 5, 11, 21, 101, 1000];
  describe.each(['en', 'my', 'km'] as const)('in %s', (lang) => {
    it.each(counts)('every plural string for %d: the right form, in the language’s digits', (count) => {
      const tr = i18n.translator(lang);
      const category = new Intl.PluralRules(lang).select(count);
      for (const key of pluralKeys) {
        const text = tr.plural(key, count, { field: 'F', row: 'R', approved: 'A', percent: 'P' });
        expect([key, text.includes(tr.number(count))]).toEqual([key, true]);
        expect([key, text]).toEqual([key, expect.not.stringContaining('{{')]);
        expect([key, text]).toEqual([key, expect.not.stringMatching(/_(one|other)$/)]);
        if (lang === 'en') {
          const english = Object.entries(en).find(([k]) => k.endsWith(`:${key}_${category}`))?.[1];
          expect([key, text]).toEqual([
            key,
            english!
              .replace('{{count}}', tr.number(count))
              .replace(/\{\{(\w+)\}\}/g, (_m, n: string) => ({ field: 'F', row: 'R', approved: 'A', percent: 'P' })[n] ?? ''),
          ]);
        }
      }
    });
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
  const accepts =
    (header: string[]) =>
    (...langs: string[]) =>
      langs.find((l) => header.includes(l)) ?? false;
  it.each([
    ['the cookie wins', 'km', ['my'], 'km'],
    ['then Accept-Language', undefined, ['my'], 'my'],
    ['a bogus cookie is ignored', '../../etc', ['km'], 'km'],
    ['English otherwise', undefined, ['fr'], 'en'],
  ])('%s', (_n, cookie, header, expected) => {
    expect(pickLanguage(cookie, accepts(header))).toBe(expected);
  });
});
