import { describe, expect, it } from '@jest/globals';
import { canonicalTag, describeLocale } from '../../server/domain/locales.js';

describe('describeLocale', () => {
  it.each([
    // tag, autonym, English name, direction, digits
    ['my', 'မြန်မာ', 'Burmese', 'ltr', 'mymr'],
    ['km', 'ខ្មែរ', 'Khmer', 'ltr', 'khmr'],
    ['th', 'ไทย', 'Thai', 'ltr', 'latn'],
    ['shn', 'တႆး', 'Shan', 'ltr', 'mymr'],
    ['ar', 'العربية', 'Arabic', 'rtl', 'latn'], // CLDR's default for ar is Latin digits
    ['he', 'עברית', 'Hebrew', 'rtl', 'latn'],
    ['dv', 'Divehi', 'Divehi', 'rtl', 'latn'], // Thaana: ICU says ltr
    // Languages of Myanmar that ICU cannot name in themselves (server/domain/locale-names.ts).
    ['ksw', 'ကညီကျိာ်', "S'gaw Karen", 'ltr', 'mymr'],
    ['kjp', 'ဖၠုံ', 'Eastern Pwo Karen', 'ltr', 'mymr'],
    ['pwo', 'ဖျိၩ့', 'Western Pwo Karen', 'ltr', 'mymr'],
    ['mnw', 'ဘာသာမန်', 'Mon', 'ltr', 'mymr'],
    ['kac', 'Jinghpaw', 'Kachin', 'ltr', 'latn'], // ICU's English name, our autonym
    ['cnh', 'Laiholh', 'Hakha Chin', 'ltr', 'latn'],
    ['ctd-Latn', 'Zokam', 'Tedim Chin', 'ltr', 'latn'],
    ['cfm', 'Laizo', 'Falam Chin', 'ltr', 'latn'],
    ['rki', 'ရခိုင်', 'Rakhine', 'ltr', 'mymr'],
    ['rhg-Rohg', '𐴌𐴟𐴇𐴥𐴝𐴚𐴒𐴙𐴝', 'Rohingya (Hanifi)', 'rtl', 'latn'], // ICU says ltr
    ['rhg-Latn', 'Ruáingga', 'Rohingya (Latin)', 'ltr', 'latn'],
    ['blk', 'ပအိုဝ်ႏ', "Pa'O", 'ltr', 'mymr'],
    ['pll', 'တအာင်း', "Ta'ang (Shwe Palaung)", 'ltr', 'mymr'],
  ])('%s: %s, %s, %s, %s digits', (tag, autonym, englishName, direction, numberingSystem) => {
    const info = describeLocale({ tag });
    expect({ autonym: info.autonym, englishName: info.englishName, direction: info.direction, numberingSystem: info.numberingSystem }).toEqual({
      autonym: expect.stringContaining(autonym),
      englishName,
      direction,
      numberingSystem,
    });
  });

  it('prefers a native name set by an admin', () => {
    expect(describeLocale({ tag: 'ksw', nativeName: ' ကညီကျိာ် ' }).autonym).toBe('ကညီကျိာ်');
    expect(describeLocale({ tag: 'mnw', nativeName: 'ဘာသာ မန်' }).autonym).toBe('ဘာသာ မန်');
    expect(describeLocale({ tag: 'kac', nativeName: 'Jingpho' }).autonym).toBe('Jingpho');
  });
});

describe('canonicalTag', () => {
  it.each([
    ['MY', 'my'],
    ['km-kh', 'km-KH'],
    ['rhg-rohg', 'rhg-Rohg'],
    [' ksw ', 'ksw'],
  ])('%p -> %p', (input, out) => {
    expect(canonicalTag(input)).toBe(out);
  });
  it.each(['', 'und', 'not a tag', 'en-', 'x', '123', '<script>'])('refuses %p', (input) => {
    expect(() => canonicalTag(input)).toThrow(expect.objectContaining({ code: 'invalid_input', key: 'locale.invalid_tag' }));
  });
});
