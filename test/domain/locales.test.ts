import { describe, expect, it } from '@jest/globals';
import { canonicalTag, describeLocale } from '../../server/domain/locales.js';

describe('describeLocale', () => {
  it.each([
    // tag, autonym, English name, direction, digits
    ['my', 'မြန်မာ', 'Burmese', 'ltr', 'mymr'],
    ['km', 'ខ្មែរ', 'Khmer', 'ltr', 'khmr'],
    ['th', 'ไทย', 'Thai', 'ltr', 'latn'],
    ['shn', 'တႆး', 'Shan', 'ltr', 'mymr'],
    ['ksw', 'ksw', "S'gaw Karen", 'ltr', 'mymr'], // ICU knows neither name
    ['cnh', 'cnh', 'Hakha Chin', 'ltr', 'latn'],
    ['ar', 'العربية', 'Arabic', 'rtl', 'latn'], // CLDR's default for ar is Latin digits
    ['he', 'עברית', 'Hebrew', 'rtl', 'latn'],
    ['rhg-Rohg', 'Rohingya (Hanifi)', 'Rohingya (Hanifi)', 'rtl', 'latn'], // ICU says ltr
    ['dv', 'Divehi', 'Divehi', 'rtl', 'latn'], // Thaana: ICU says ltr
    ['rhg-Latn', 'Rohingya (Latin)', 'Rohingya (Latin)', 'ltr', 'latn'],
  ])('%s: %s, %s, %s, %s digits', (tag, autonym, englishName, direction, numberingSystem) => {
    const info = describeLocale({ tag });
    expect({ autonym: info.autonym, englishName: info.englishName, direction: info.direction, numberingSystem: info.numberingSystem })
      .toEqual({ autonym: expect.stringContaining(autonym === tag ? englishName : autonym), englishName, direction, numberingSystem });
  });

  it('prefers a native name set by an admin', () => {
    expect(describeLocale({ tag: 'ksw', nativeName: ' ကညီကျိာ် ' }).autonym).toBe('ကညီကျိာ်');
    expect(describeLocale({ tag: 'mnw', nativeName: 'ဘာသာ မန်' }).autonym).toBe('ဘာသာ မန်');
  });
});

describe('canonicalTag', () => {
  it.each([['MY', 'my'], ['km-kh', 'km-KH'], ['rhg-rohg', 'rhg-Rohg'], [' ksw ', 'ksw']])('%p -> %p', (input, out) => {
    expect(canonicalTag(input)).toBe(out);
  });
  it.each(['', 'und', 'not a tag', 'en-', 'x', '123', '<script>'])('refuses %p', (input) => {
    expect(() => canonicalTag(input)).toThrow(expect.objectContaining({ code: 'invalid_input', key: 'locale.invalid_tag' }));
  });
});
