import { describe, expect, it } from '@jest/globals';
import { decideDisableLocale, decideEnableLocale, enabledLocales, targetLocales } from '../../server/domain/locale-settings.js';

describe('decideEnableLocale', () => {
  it.each([
    ['a new locale', undefined, { tag: 'ksw' }, { tag: 'ksw' }, 'enabled'],
    ['a new locale with its name', undefined, { tag: 'mnw', nativeName: ' ဘာသာမန် ' }, { tag: 'mnw', nativeName: 'ဘာသာမန်' }, 'enabled'],
    [
      'a disabled one, settings kept',
      { tag: 'km', disabled: true, allowSelfReview: true },
      { tag: 'km' },
      { tag: 'km', allowSelfReview: true },
      'reenabled',
    ],
    ['an enabled one with a new name', { tag: 'my' }, { tag: 'my', nativeName: 'ဗမာ' }, { tag: 'my', nativeName: 'ဗမာ' }, 'renamed'],
  ] as const)('%s', (_name, existing, input, setting, outcome) => {
    expect(decideEnableLocale(existing, input)).toEqual({ setting, outcome });
  });
  it.each([
    [{ tag: 'my' }, { tag: 'my' }],
    [
      { tag: 'km', nativeName: 'ខ្មែរ' },
      { tag: 'km', nativeName: 'ខ្មែរ' },
    ],
  ])('refuses to enable an enabled locale again without a new name: %p', (existing, input) => {
    expect(() => decideEnableLocale(existing, input)).toThrow(expect.objectContaining({ code: 'duplicate', key: 'locale.already_enabled' }));
  });
  it('enables English like any other language: the target of statements written in Burmese or Khmer', () => {
    expect(decideEnableLocale(undefined, { tag: 'en' })).toEqual({ setting: { tag: 'en' }, outcome: 'enabled' });
  });
});

describe('decideDisableLocale', () => {
  it('marks an enabled locale disabled, keeping its settings', () => {
    expect(decideDisableLocale({ tag: 'th', nativeName: 'ไทย' }, 'th')).toEqual({ tag: 'th', nativeName: 'ไทย', disabled: true });
  });
  it.each([
    [undefined, 'not_found'],
    [{ tag: 'th', disabled: true }, 'duplicate'],
  ] as const)('refuses %p', (existing, code) => {
    expect(() => decideDisableLocale(existing, 'th')).toThrow(expect.objectContaining({ code }));
  });
});

describe('enabledLocales and targetLocales', () => {
  const settings = [{ tag: 'en' }, { tag: 'my' }, { tag: 'km', disabled: true }, { tag: 'shn' }];
  it('leave out disabled locales, and the statement source language for targets', () => {
    expect(enabledLocales(settings).map((l) => l.tag)).toEqual(['en', 'my', 'shn']);
    expect(targetLocales(settings, 'my').map((l) => l.tag)).toEqual(['en', 'shn']);
  });
});
