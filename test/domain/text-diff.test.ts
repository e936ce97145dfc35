// Word-level differences, for scripts that write no spaces between words as for those that do.
import { describe, expect, it } from '@jest/globals';
import { diffText, tokenize, unchanged, type DiffPart } from '../../server/domain/text-diff.js';

const spell = (parts: DiffPart[], keep: 'added' | 'removed') =>
  parts
    .filter((p) => p.type === 'same' || p.type === keep)
    .map((p) => p.text)
    .join('');
const marked = (parts: DiffPart[]) => parts.filter((p) => p.type !== 'same').map((p) => `${p.type === 'added' ? '+' : '-'}${p.text}`);

describe('diffText', () => {
  it.each([
    // name, locale, before, after, the changed parts
    ['en: one word replaced', 'en', 'The junta must be held to account.', 'The military must be held to account.', ['-junta', '+military']],
    ['my: a word added inside a run with no spaces', 'my', 'စစ်အာဏာသိမ်းမှုကို ရှုတ်ချသည်။', 'စစ်အာဏာသိမ်းမှုကို ပြင်းထန်စွာ ရှုတ်ချသည်။', ['+ပြင်းထန်စွာ ']],
    ['my: one word replaced, its neighbours kept', 'my', 'ကမ္ဘောဒီးယားအရပ်ဘက်လူမှုအဖွဲ့အစည်းများ', 'မြန်မာအရပ်ဘက်လူမှုအဖွဲ့အစည်းများ', ['-ကမ္ဘောဒီးယား', '+မြန်မာ']],
    [
      'km: one word replaced in a run with no spaces',
      'km',
      'អង្គការសង្គមស៊ីវិលកម្ពុជាថ្កោលទោសរដ្ឋប្រហារ',
      'អង្គការសង្គមស៊ីវិលមីយ៉ាន់ម៉ាថ្កោលទោសរដ្ឋប្រហារ',
      ['-កម្ពុជា', '+មីយ៉ាន់ម៉ា'],
    ],
    ['km: a word removed', 'km', 'សូមថ្កោលទោសរដ្ឋប្រហារ', 'ថ្កោលទោសរដ្ឋប្រហារ', ['-សូម']],
    ['a link tag moved is one token, not < 1 >', 'my', '<1>သတ်ဖြတ်</1>ခံရသည်', 'သတ်ဖြတ်<1>ခံရသည်</1>', ['-<1>', '-</1>', '+<1>', '+</1>']],
    ['identical texts', 'km', 'ខ្មែរ', 'ខ្មែរ', []],
    ['from nothing', 'my', '', 'မြန်မာ', ['+မြန်မာ']],
  ] as const)('%s', (_name, locale, before, after, changes) => {
    const parts = diffText(before, after, locale);
    expect(marked(parts)).toEqual(changes);
    expect(spell(parts, 'removed')).toBe(before);
    expect(spell(parts, 'added')).toBe(after);
    expect(unchanged(parts)).toBe(changes.length === 0);
  });

  it('never puts two parts of one type side by side', () => {
    const parts = diffText('ក ខ គ ឃ', 'ង ច ឆ ជ', 'km');
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.type).not.toBe(parts[i - 1]!.type);
  });

  it('gives nothing for two empty texts', () => {
    expect(diffText('', '', 'my')).toEqual([]);
  });

  it('still works for a tag ICU cannot parse', () => {
    expect(marked(diffText('a b', 'a c', 'x-not-a-real-tag-at-all'))).toEqual(['-b', '+c']);
  });
});

describe('tokenize', () => {
  it.each([
    ['my', 'မြန်မာနိုင်ငံ စစ်အာဏာသိမ်းမှု', ['မြန်မာနိုင်ငံ', ' ', 'စစ်', 'အာဏာသိမ်း', 'မှု']],
    ['km', 'អង្គការសង្គមស៊ីវិល', ['អង្គការ', 'សង្គម', 'ស៊ីវិល']],
    ['en', 'write to {1} now', ['write', ' ', 'to', ' ', '{1}', ' ', 'now']],
  ] as const)('cuts %s into words', (locale, text, words) => {
    expect(tokenize(text, locale)).toEqual(words);
  });
});
