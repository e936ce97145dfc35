// Every check is specified by a table of (source, translation) rows, with Burmese and Khmer rows.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHECKS, checkSubject, runChecks, type Check, type CheckInput } from '../../server/domain/checks.js';
import { isZawgyi } from '../../server/domain/checks/zawgyi.js';
import type { GlossaryEntry } from '../../server/domain/glossary.js';
import type { Placeholder } from '../../server/domain/types.js';
import { segment } from '../builders/domain.js';
import { ROOT } from '../support/app.js';

const check = (id: string): Check => CHECKS.find((c) => c.id === id)!;

interface Row {
  locale: string;
  source: string;
  text: string;
  expected: string[];
  placeholders?: Placeholder[];
  keepOriginal?: boolean;
  glossary?: GlossaryEntry[];
}

const input = (row: Row): CheckInput => ({
  segment: segment(1, row.source, { placeholders: row.placeholders ?? [] }),
  text: row.text,
  locale: row.locale,
  ...(row.keepOriginal ? { keepOriginal: true } : {}),
  ...(row.glossary ? { glossary: row.glossary } : {}),
});

/** Runs one check on each row and compares the message keys (with their parameters). */
function table(id: string, rows: Record<string, Row>) {
  describe(`${id} (${check(id).severity})`, () => {
    it.each(Object.entries(rows))('%s', (_name, row) => {
      const problems = check(id).run(checkSubject(input(row)));
      expect(problems.map((p) => (p.params ? `${p.key} ${JSON.stringify(p.params)}` : p.key))).toEqual(row.expected);
      for (const p of problems) expect([p.id, p.severity]).toEqual([id, check(id).severity]);
    });
  });
}

const link = (n: number): Placeholder => ({ kind: 'link', n, value: '#' });
const address: Placeholder = { kind: 'token', n: 1, value: 'hmaran@gm4md.org' };

table('empty', {
  'my: nothing': { locale: 'my', source: 'Future Light Center', text: '', expected: ['checks.empty'] },
  'my: spaces and a newline': { locale: 'my', source: 'Future Light Center', text: '  \n ', expected: ['checks.empty'] },
  'km: only zero-width spaces': { locale: 'km', source: 'Future Light Center', text: '\u200b\u200b', expected: ['checks.empty'] },
  'my: a translation': { locale: 'my', source: 'Future Light Center', text: 'အနာဂတ်အလင်းစင်တာ', expected: [] },
  'km: a translation': { locale: 'km', source: 'Future Light Center', text: 'មជ្ឈមណ្ឌលពន្លឺអនាគត', expected: [] },
});

const killed = 'As of today, 1,398 people have been <1>killed</1>.';
table('placeholders', {
  'my: the link kept around the translated word': {
    locale: 'my',
    source: killed,
    placeholders: [link(1)],
    text: 'ယနေ့အထိ လူ ၁,၃၉၈ ဦး <1>သတ်ဖြတ်</1>ခံခဲ့ရသည်။',
    expected: [],
  },
  'my: the link dropped': {
    locale: 'my',
    source: killed,
    placeholders: [link(1)],
    text: 'ယနေ့အထိ လူ ၁,၃၉၈ ဦး သတ်ဖြတ်ခံခဲ့ရသည်။',
    expected: ['checks.placeholder.missing_placeholder {"n":1,"kind":"link"}'],
  },
  'my: the link left open': {
    locale: 'my',
    source: killed,
    placeholders: [link(1)],
    text: 'လူ ၁,၃၉၈ ဦး <1>သတ်ဖြတ်ခံခဲ့ရသည်။',
    expected: ['checks.placeholder.unbalanced_tag {"n":1,"kind":"link"}'],
  },
  'km: the link twice': {
    locale: 'km',
    source: killed,
    placeholders: [link(1)],
    text: 'មនុស្ស ១.៣៩៨ នាក់ត្រូវបាន<1>សម្លាប់</1> <1>សម្លាប់</1>។',
    expected: ['checks.placeholder.duplicate_placeholder {"n":1,"kind":"link"}'],
  },
  'km: a link the source does not have': {
    locale: 'km',
    source: killed,
    placeholders: [link(1)],
    text: 'មនុស្ស <1>១.៣៩៨</1> នាក់ត្រូវបាន<2>សម្លាប់</2>។',
    expected: ['checks.placeholder.unknown_placeholder {"n":2,"kind":"link"}'],
  },
  'km: correct': {
    locale: 'km',
    source: killed,
    placeholders: [link(1)],
    text: 'មនុស្ស ១.៣៩៨ នាក់ត្រូវបាន<1>សម្លាប់</1>។',
    expected: [],
  },
});

const contact = 'Jan Jan Maran, Global Movement for Myanmar Democracy, {1}';
table('locked_tokens', {
  'my: the address kept as its marker': {
    locale: 'my',
    source: contact,
    placeholders: [address],
    text: 'ဂျန်ဂျန်မာရန်၊ မြန်မာ့ဒီမိုကရေစီအတွက် ကမ္ဘာလုံးဆိုင်ရာလှုပ်ရှားမှု၊ {1}',
    expected: [],
  },
  'my: the address typed instead of its marker': {
    locale: 'my',
    source: contact,
    placeholders: [address],
    text: 'ဂျန်ဂျန်မာရန်၊ hmaran@gm4md.org',
    expected: ['checks.placeholder.missing_placeholder {"n":1,"kind":"token"}', 'checks.locked_token.typed {"value":"hmaran@gm4md.org"}'],
  },
  'my: another address added': {
    locale: 'my',
    source: contact,
    placeholders: [address],
    text: 'ဂျန်ဂျန်မာရန်၊ {1} နှင့် other@example.org။',
    expected: ['checks.locked_token.typed {"value":"other@example.org"}'],
  },
  'km: the marker twice': {
    locale: 'km',
    source: contact,
    placeholders: [address],
    text: 'ចាន់ ចាន់ ម៉ារ៉ាន់ {1} {1}',
    expected: ['checks.placeholder.duplicate_placeholder {"n":1,"kind":"token"}'],
  },
  'km: a web address added': {
    locale: 'km',
    source: contact,
    placeholders: [address],
    text: 'ចាន់ ចាន់ ម៉ារ៉ាន់ {1} https://example.org/x។',
    expected: ['checks.locked_token.typed {"value":"https://example.org/x"}'],
  },
  'km: a web address the source also has': {
    locale: 'km',
    source: 'See www.cahrad.org.',
    text: 'សូមមើល www.cahrad.org។',
    expected: [],
  },
  'km: a marker the source does not have': {
    locale: 'km',
    source: contact,
    placeholders: [address],
    text: 'ចាន់ {1} {2}',
    expected: ['checks.placeholder.unknown_placeholder {"n":2,"kind":"token"}'],
  },
});

table('zawgyi', {
  'my: Zawgyi word': { locale: 'my', source: 'Myanmar', text: 'ျမန္မာ', expected: ['checks.zawgyi'] },
  'my: Zawgyi sentence': { locale: 'my', source: '1,398 people were killed.', text: 'လူ ၁,၃၉၈ ဦး သတ္ျဖတ္ခံခဲ့ရသည္။', expected: ['checks.zawgyi'] },
  'my: Zawgyi without a misplaced vowel (kinzi glyph)': { locale: 'my', source: 'Hello', text: 'မဂၤလာပါ', expected: ['checks.zawgyi'] },
  'my: Unicode word': { locale: 'my', source: 'Myanmar', text: 'မြန်မာ', expected: [] },
  'my: Unicode sentence': { locale: 'my', source: '1,398 people were killed.', text: 'လူ ၁,၃၉၈ ဦး သတ်ဖြတ်ခံခဲ့ရသည်။', expected: [] },
  'my: short Unicode the detector alone finds ambiguous': { locale: 'my', source: 'He', text: 'သူ', expected: [] },
  'my: Latin only': { locale: 'my', source: 'ASEAN', text: 'ASEAN', expected: [] },
  "ksw: Unicode S'gaw Karen the detector alone calls Zawgyi": { locale: 'ksw', source: 'Karen people', text: 'ပှၤကညီဖိတဖၣ်', expected: [] },
  'ksw: Zawgyi Burmese in a Karen translation': { locale: 'ksw', source: 'student', text: 'ေက်ာင္းသား', expected: ['checks.zawgyi'] },
  'shn: Unicode Shan': { locale: 'shn', source: 'Shan people', text: 'ၵူၼ်းတႆး', expected: [] },
  'km: Zawgyi is not looked for outside Myanmar script': { locale: 'km', source: 'Myanmar', text: 'ျမန္မာ', expected: [] },
  'km: Khmer': { locale: 'km', source: 'Myanmar', text: 'មីយ៉ាន់ម៉ា', expected: [] },
});

describe('zawgyi conversion', () => {
  it.each([
    ['ျမန္မာ', 'မြန်မာ'],
    ['ၿငိမ္းခ်မ္းေရး', 'ငြိမ်းချမ်းရေး'],
    ['<1>ေက်ာင္းသား</1> {1}', '<1>ကျောင်းသား</1> {1}'],
  ])('offers %s as %s in Unicode, markers untouched', (zawgyi, unicode) => {
    const [p] = check('zawgyi').run(checkSubject(input({ locale: 'my', source: 'x', text: zawgyi, expected: [] })));
    expect(p?.conversion).toBe(unicode);
  });

  it('never refuses the Burmese interface strings (Unicode)', () => {
    const strings: string[] = [];
    const walk = (o: object) => Object.values(o).forEach((v) => (typeof v === 'object' ? walk(v) : strings.push(String(v))));
    const dir = path.join(ROOT, 'locales', 'my');
    for (const f of readdirSync(dir)) walk(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
    expect(strings.length).toBeGreaterThan(100);
    expect(strings.filter((s) => isZawgyi(s, true))).toEqual([]);
  });
});

table('script', {
  'my: English left in': { locale: 'my', source: 'Future Light Center', text: 'Future Light Centre', expected: ['checks.script.none {"script":"Mymr"}'] },
  'my: Khmer typed by mistake': { locale: 'my', source: 'Cambodia', text: 'កម្ពុជា', expected: ['checks.script.none {"script":"Mymr"}'] },
  'my: Burmese with an acronym': { locale: 'my', source: 'ASEAN summit', text: 'ASEAN ထိပ်သီးအစည်းအဝေး', expected: [] },
  'my: a name kept as in the original': { locale: 'my', source: 'Future Light Center', text: 'Future Light Center', keepOriginal: true, expected: [] },
  'my: no letters at all': { locale: 'my', source: 'Write to {1}', placeholders: [address], text: '{1}', expected: [] },
  'km: English left in': { locale: 'km', source: 'Future Light Center', text: 'Future Light', expected: ['checks.script.none {"script":"Khmr"}'] },
  'km: Burmese typed by mistake': { locale: 'km', source: 'Myanmar', text: 'မြန်မာ', expected: ['checks.script.none {"script":"Khmr"}'] },
  'km: Khmer': { locale: 'km', source: 'Cambodia', text: 'កម្ពុជា', expected: [] },
  'km: digits only': { locale: 'km', source: '2022', text: '២០២២', expected: [] },
  'a language whose script nobody knows': { locale: 'lsh', source: 'Cambodia', text: 'Cambodia', expected: [] },
});

table('numbers', {
  'my: Burmese digits with grouping': { locale: 'my', source: '1,398 people', text: 'လူ ၁,၃၉၈ ဦး', expected: [] },
  'my: Burmese digits without grouping': { locale: 'my', source: '1,398 people', text: 'လူ ၁၃၉၈ ဦး', expected: [] },
  'my: Latin digits': { locale: 'my', source: '1,398 people', text: 'လူ 1,398 ဦး', expected: [] },
  'my: a number missing': {
    locale: 'my',
    source: '1,398 people and 100 children',
    text: 'လူ ၁,၃၉၈ ဦးနှင့် ကလေးများ',
    expected: ['checks.numbers.missing {"numbers":"100"}'],
  },
  'my: a wrong number': { locale: 'my', source: '11,328 detained', text: 'ဖမ်းဆီးခံရသူ ၁၁,၃၂၉ ဦး', expected: ['checks.numbers.missing {"numbers":"11,328"}'] },
  'my: a date in Burmese order': { locale: 'my', source: '4 January 2022', text: '၂၀၂၂ ခုနှစ် ဇန်နဝါရီလ ၄ ရက်', expected: [] },
  'km: Khmer digits grouped with a point': { locale: 'km', source: '1,398 people', text: 'មនុស្ស ១.៣៩៨ នាក់', expected: [] },
  'km: Khmer digits without grouping': { locale: 'km', source: '1,398 people', text: 'មនុស្ស ១៣៩៨ នាក់', expected: [] },
  'km: a digit lost': { locale: 'km', source: '1,398 people', text: 'មនុស្ស ១៣៩ នាក់', expected: ['checks.numbers.missing {"numbers":"1,398"}'] },
  'km: a date missing its year': { locale: 'km', source: '4 January 2022', text: 'ថ្ងៃទី៤ ខែមករា', expected: ['checks.numbers.missing {"numbers":"2022"}'] },
  'km: digits of a locked address do not count': { locale: 'km', source: 'Write to {1}', placeholders: [address], text: 'សរសេរទៅ {1}', expected: [] },
});

table('same_as_source', {
  'my: copied': { locale: 'my', source: 'Future Light Center', text: 'Future Light Center', expected: ['checks.same_as_source'] },
  'my: copied, kept on purpose': { locale: 'my', source: 'Future Light Center', text: 'Future Light Center', keepOriginal: true, expected: [] },
  'my: translated': { locale: 'my', source: 'Future Light Center', text: 'အနာဂတ်အလင်းစင်တာ', expected: [] },
  'km: copied with other spacing and case': {
    locale: 'km',
    source: 'Future Light Center',
    text: 'future  light center',
    expected: ['checks.same_as_source'],
  },
  'km: translated': { locale: 'km', source: 'Future Light Center', text: 'មជ្ឈមណ្ឌលពន្លឺអនាគត', expected: [] },
  'km: a source with no words': { locale: 'km', source: '{1}', placeholders: [address], text: '{1}', expected: [] },
});

table('punctuation', {
  'my: ။ for a full stop': { locale: 'my', source: 'They were killed.', text: 'သူတို့ သတ်ဖြတ်ခံခဲ့ရသည်။', expected: [] },
  'my: a Latin full stop': {
    locale: 'my',
    source: 'They were killed.',
    text: 'သူတို့ သတ်ဖြတ်ခံခဲ့ရသည်.',
    expected: ['checks.punctuation.native_stop {"stop":"။","found":"."}'],
  },
  'my: the Khmer full stop ។ is named as such': {
    locale: 'my',
    source: 'They were killed.',
    text: 'သူတို့ သတ်ဖြတ်ခံခဲ့ရသည်។',
    expected: ['checks.punctuation.native_stop {"stop":"။","found":"។"}'],
  },
  'my: a Devanagari danda': {
    locale: 'my',
    source: 'They were killed.',
    text: 'သူတို့ သတ်ဖြတ်ခံခဲ့ရသည်।',
    expected: ['checks.punctuation.native_stop {"stop":"။","found":"।"}'],
  },
  'my: no full stop': { locale: 'my', source: 'They were killed.', text: 'သူတို့ သတ်ဖြတ်ခံခဲ့ရသည်', expected: ['checks.punctuation.missing_stop {"stop":"။"}'] },
  'my: a full stop the title does not have': {
    locale: 'my',
    source: 'Joint Statement',
    text: 'ပူးတွဲထုတ်ပြန်ချက်။',
    expected: ['checks.punctuation.extra_stop {"stop":"။"}'],
  },
  'my: a question ending with the particle and ။': { locale: 'my', source: 'Why?', text: 'ဘာကြောင့်လဲ။', expected: [] },
  'my: a colon lost': { locale: 'my', source: 'We demand:', text: 'ကျွန်ုပ်တို့ တောင်းဆိုသည်', expected: ['checks.punctuation.mismatch {"expected":":"}'] },
  'my: the stop inside a closing quote': { locale: 'my', source: 'He said “no.”', text: 'သူက “မဟုတ်ဘူး။” ဟုပြောသည်။', expected: [] },
  'km: ។ for a full stop': { locale: 'km', source: 'They were killed.', text: 'ពួកគេត្រូវបានសម្លាប់។', expected: [] },
  'km: ៕ at the end of a text': { locale: 'km', source: 'They were killed.', text: 'ពួកគេត្រូវបានសម្លាប់៕', expected: [] },
  'km: a Latin full stop': {
    locale: 'km',
    source: 'They were killed.',
    text: 'ពួកគេត្រូវបានសម្លាប់.',
    expected: ['checks.punctuation.native_stop {"stop":"។","found":"."}'],
  },
  'km: the Burmese full stop ။ is named as such': {
    locale: 'km',
    source: 'They were killed.',
    text: 'ពួកគេត្រូវបានសម្លាប់။',
    expected: ['checks.punctuation.native_stop {"stop":"។","found":"။"}'],
  },
  'km: a full-width stop': {
    locale: 'km',
    source: 'They were killed.',
    text: 'ពួកគេត្រូវបានសម្លាប់．',
    expected: ['checks.punctuation.native_stop {"stop":"។","found":"．"}'],
  },
  'km: no full stop': { locale: 'km', source: 'They were killed.', text: 'ពួកគេត្រូវបានសម្លាប់', expected: ['checks.punctuation.missing_stop {"stop":"។"}'] },
  'km: the Khmer colon': { locale: 'km', source: 'We demand:', text: 'យើងទាមទារ៖', expected: [] },
  'km: a question mark': { locale: 'km', source: 'Why?', text: 'ហេតុអ្វី?', expected: [] },
  'th: Thai ends a sentence with nothing': { locale: 'th', source: 'They were killed.', text: 'พวกเขาถูกสังหาร', expected: [] },
});

table('whitespace', {
  'my: leading space': { locale: 'my', source: 'Myanmar', text: ' မြန်မာ', expected: ['checks.whitespace.leading'] },
  'my: trailing newline': { locale: 'my', source: 'Myanmar', text: 'မြန်မာ\n', expected: ['checks.whitespace.trailing'] },
  'my: double space': { locale: 'my', source: 'Myanmar people', text: 'မြန်မာ  ပြည်သူ', expected: ['checks.whitespace.double'] },
  'my: zero-width space': { locale: 'my', source: 'Myanmar people', text: 'မြန်မာ\u200bပြည်သူ', expected: ['checks.whitespace.zero_width'] },
  'my: clean': { locale: 'my', source: 'Myanmar people', text: 'မြန်မာ ပြည်သူ', expected: [] },
  'km: zero-width spaces between words are normal': { locale: 'km', source: 'Cambodian people', text: 'ប្រជាជន\u200bកម្ពុជា', expected: [] },
  'km: leading and double spaces': {
    locale: 'km',
    source: 'Cambodian people',
    text: ' ប្រជាជន  កម្ពុជា',
    expected: ['checks.whitespace.leading', 'checks.whitespace.double'],
  },
  'th: zero-width space': { locale: 'th', source: 'people', text: 'ประชา\u200bชน', expected: ['checks.whitespace.zero_width'] },
});

table('brackets', {
  'my: bracket left open': {
    locale: 'my',
    source: 'Political Prisoners (AAPP)',
    text: 'နိုင်ငံရေးအကျဉ်းသားများ (AAPP',
    expected: ['checks.brackets.unbalanced {"pair":"( )"}'],
  },
  'my: brackets closed': { locale: 'my', source: 'Political Prisoners (AAPP)', text: 'နိုင်ငံရေးအကျဉ်းသားများ (AAPP)', expected: [] },
  'my: a curly quote left open': { locale: 'my', source: 'the “junta”', text: '“စစ်ကောင်စီ', expected: ['checks.brackets.unbalanced {"pair":"“ ”"}'] },
  'my: unbalanced like the source': { locale: 'my', source: '1) first', text: '၁) ပထမ', expected: [] },
  'km: a guillemet left open': { locale: 'km', source: 'the "junta"', text: '«របបយោធា', expected: ['checks.brackets.unbalanced {"pair":"« »"}'] },
  'km: guillemets for straight quotes': { locale: 'km', source: 'the "junta"', text: '«របបយោធា»', expected: [] },
  'km: closed before opened': {
    locale: 'km',
    source: 'Human Rights (CAHRAD)',
    text: 'សិទ្ធិមនុស្ស )CAHRAD(',
    expected: ['checks.brackets.unbalanced {"pair":"( )"}'],
  },
});

const entry = (locale: string, term: string, translation: string, doNotTranslate = false): GlossaryEntry => ({
  id: `${locale}-${term}`,
  locale,
  term,
  translation,
  note: '',
  doNotTranslate,
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const myGlossary = [entry('my', 'junta', 'စစ်ကောင်စီ'), entry('my', 'ASEAN', 'ASEAN', true)];
const kmGlossary = [entry('km', 'junta', 'របបយោធា'), entry('km', 'Hun Sen', 'ហ៊ុន សែន')];
table('glossary', {
  'my: both terms as the glossary says': { locale: 'my', source: 'The junta and ASEAN.', text: 'စစ်ကောင်စီနှင့် ASEAN။', glossary: myGlossary, expected: [] },
  'my: both terms otherwise': {
    locale: 'my',
    source: 'The junta and ASEAN.',
    text: 'စစ်တပ်နှင့် အာဆီယံ။',
    glossary: myGlossary,
    expected: ['checks.glossary.missing {"term":"junta","translation":"စစ်ကောင်စီ"}', 'checks.glossary.missing {"term":"ASEAN","translation":"ASEAN"}'],
  },
  'my: a term repeated is reported once': {
    locale: 'my',
    source: 'The junta, the Junta.',
    text: 'စစ်တပ်။',
    glossary: myGlossary,
    expected: ['checks.glossary.missing {"term":"junta","translation":"စစ်ကောင်စီ"}'],
  },
  'my: a name kept as in the original': {
    locale: 'my',
    source: 'Junta Watch',
    text: 'Junta Watch',
    keepOriginal: true,
    glossary: myGlossary,
    expected: [],
  },
  'km: a term in another case': { locale: 'km', source: 'HUN SEN spoke.', text: 'ហ៊ុន សែន បាននិយាយ។', glossary: kmGlossary, expected: [] },
  'km: a term missing': {
    locale: 'km',
    source: 'Hun Sen supports the junta.',
    text: 'ហ៊ុន សែន គាំទ្រយោធា។',
    glossary: kmGlossary,
    expected: ['checks.glossary.missing {"term":"junta","translation":"របបយោធា"}'],
  },
  'km: part of a longer word is not the term': { locale: 'km', source: 'Juntas everywhere.', text: 'គ្រប់ទីកន្លែង។', glossary: kmGlossary, expected: [] },
  'km: no glossary': { locale: 'km', source: 'The junta.', text: 'យោធា។', expected: [] },
});

describe('the list of checks', () => {
  it('has unique ids and the severities the issue asks for', () => {
    expect(Object.fromEntries(CHECKS.map((c) => [c.id, c.severity]))).toEqual({
      empty: 'error',
      placeholders: 'error',
      locked_tokens: 'error',
      zawgyi: 'error',
      script: 'warning',
      numbers: 'warning',
      same_as_source: 'warning',
      punctuation: 'warning',
      whitespace: 'warning',
      brackets: 'warning',
      glossary: 'warning',
    });
  });

  it.each([
    ['my', 'ယနေ့အထိ လူ ၁,၃၉၈ ဦး <1>သတ်ဖြတ်</1>ခံခဲ့ရသည်။'],
    ['km', 'រហូតមកដល់ថ្ងៃនេះ មនុស្ស ១.៣៩៨ នាក់ត្រូវបាន<1>សម្លាប់</1>។'],
  ])('finds nothing in a good %s translation', (locale, text) => {
    expect(runChecks({ segment: segment(1, killed, { placeholders: [link(1)] }), text, locale })).toEqual([]);
  });

  it('reports only emptiness for an empty translation', () => {
    const problems = runChecks({ segment: segment(1, killed, { placeholders: [link(1)] }), text: ' ', locale: 'my' });
    expect(problems.map((p) => p.id)).toEqual(['empty']);
  });
});
