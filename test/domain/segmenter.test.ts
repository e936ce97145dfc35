import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { decodeStatementSource, segmentMarkdown, type ParsedBlock } from '../../server/domain/segmenter.js';
import { DomainError } from '../../server/domain/errors.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url));
const statementFile = '../../content/2022-01-04-joint-statement-hun-sen-myanmar-junta.md';
const fixture = (name: string) => segmentMarkdown(decodeStatementSource(read(`../fixtures/${name}`)));
/** Blocks without placeholders, shortened for readable expectations. */
const summary = (blocks: ParsedBlock[]) =>
  blocks.map(({ kind, source, listNumber }) => (listNumber === undefined ? { kind, source } : { kind, source, listNumber }));

function domainError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('segmenting the 4 January 2022 joint statement', () => {
  const blocks = segmentMarkdown(decodeStatementSource(read(statementFile)));

  it('matches the golden file', () => {
    const golden: unknown = JSON.parse(read('../fixtures/segments.golden.json').toString('utf8'));
    expect(blocks).toEqual(golden);
  });

  it('has the expected number of segments of each kind', () => {
    const counts: Record<string, number> = {};
    for (const block of blocks) counts[block.kind] = (counts[block.kind] ?? 0) + 1;
    // The file lists 22 supporters (the last line, "Vietnam Coalition Against Torture", has no
    // final newline) and 4 contacts.
    expect(counts).toEqual({
      title: 1,
      date: 1,
      paragraph: 16,
      heading: 3,
      contact: 4,
      signatory: 195,
      supporter: 22,
    });
  });

  it('starts with the title and the date', () => {
    expect(summary(blocks.slice(0, 2))).toEqual([
      {
        kind: 'title',
        source: "Joint Statement by the Civil Society Organizations of Myanmar and Cambodia Condemning Hun Sen's Support of the Myanmar Military Junta",
      },
      { kind: 'date', source: '4 January 2022' },
    ]);
  });

  it('keeps every segment on one line', () => {
    expect(blocks.filter((block) => block.source.includes('\n'))).toEqual([]);
  });

  it('joins the paragraph split at the page break', () => {
    const joined = blocks.filter((block) => block.source.includes('victims and survivors of genocide'));
    expect(joined).toHaveLength(1);
    expect(blocks.some((block) => block.source.startsWith('survivors of genocide'))).toBe(false);
  });

  it('numbers the signatories 1 to 195 outside their text', () => {
    const signatories = blocks.filter((block) => block.kind === 'signatory');
    expect(signatories.map((block) => block.listNumber)).toEqual(Array.from({ length: 195 }, (_, i) => i + 1));
    expect(signatories.filter((block) => /^\d/.test(block.source))).toEqual([]);
  });

  it('labels the sections as headings', () => {
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => block.source)).toEqual([
      'For further information, please contact:',
      'Signed by:',
      'Supported by:',
    ]);
  });

  it('locks each contact e-mail address as a token', () => {
    const contacts = blocks.filter((block) => block.kind === 'contact');
    for (const contact of contacts) {
      expect(contact.source).toMatch(/, \{1\}$/);
      expect(contact.placeholders).toEqual([{ kind: 'token', n: 1, value: expect.stringMatching(/^[^@\s]+@[^@\s]+$/) }]);
    }
    expect(contacts[0].placeholders[0].value).toBe('NYforBurmaDemocracy@gmail.com');
  });

  it('turns links into numbered tags with the target kept as written', () => {
    const massacres = blocks.find((block) => block.source.startsWith('Recently on 24 December 2021'));
    expect(massacres?.source).toContain('the junta <1>arrested</1> approximately');
    expect(massacres?.source).toContain('Similar <2>massacres</2> took place');
    expect(massacres?.source).toContain('the junta <3>massacred</3> at least');
    expect(massacres?.placeholders).toEqual([1, 2, 3].map((n) => ({ kind: 'link', n, value: '#' })));
    expect(blocks.filter((block) => block.source.includes('](#)'))).toEqual([]);
  });
});

describe('segmenting small fixtures', () => {
  it('joins a paragraph split mid-sentence, and only then', () => {
    expect(summary(fixture('segmenter-page-break.md'))).toEqual([
      { kind: 'title', source: 'Statement on a page break' },
      { kind: 'date', source: '4 January 2022' },
      {
        kind: 'paragraph',
        source: 'Cambodia suffered, given the millions of people who were victims and survivors of genocide committed by the Khmer Rouge.',
      },
      { kind: 'paragraph', source: 'This paragraph ends with a full stop.' },
      { kind: 'paragraph', source: 'this one starts in lower case but stays on its own.' },
      { kind: 'paragraph', source: 'This paragraph ends mid-sentence but' },
      { kind: 'paragraph', source: 'The next one starts with a capital, so they stay apart.' },
    ]);
  });

  it('keeps a numbered list interrupted by blank lines (or split by the parser) as one list', () => {
    expect(summary(fixture('segmenter-interrupted-list.md'))).toEqual([
      { kind: 'title', source: 'Title' },
      { kind: 'heading', source: 'Signed by:' },
      { kind: 'signatory', source: 'First Organisation', listNumber: 1 },
      { kind: 'signatory', source: 'Second Organisation', listNumber: 2 },
      { kind: 'signatory', source: 'Third Organisation', listNumber: 3 },
      { kind: 'signatory', source: 'Fourth Organisation, after a marker the parser reads as a new list', listNumber: 4 },
      { kind: 'signatory', source: 'Fifth Organisation', listNumber: 5 },
      { kind: 'heading', source: 'Supported by:' },
      { kind: 'supporter', source: 'A Supporter' },
    ]);
  });

  const rows: Array<{ name: string; markdown: string; expected: ParsedBlock[] }> = [
    {
      name: 'a Markdown heading is a heading, and its list takes its kind from it',
      markdown: '# Title\n\n## Contact\n\n- Someone, <someone@example.org>\n',
      expected: [
        { kind: 'title', source: 'Title', placeholders: [] },
        { kind: 'heading', source: 'Contact', placeholders: [] },
        { kind: 'contact', source: 'Someone, {1}', placeholders: [{ kind: 'token', n: 1, value: 'someone@example.org' }] },
      ],
    },
    {
      name: 'emphasis and code become their plain text',
      markdown: 'Title\n\nWe *strongly* condemn **this** and `that`.\n',
      expected: [
        { kind: 'title', source: 'Title', placeholders: [] },
        { kind: 'paragraph', source: 'We strongly condemn this and that.', placeholders: [] },
      ],
    },
    {
      name: 'soft line breaks become one space; links and tokens are numbered separately',
      markdown: 'Title\n\nWrite to a@example.org or\nb@example.org about [the report](https://example.org/r?a=1&b=2)\nand [this](#).\n',
      expected: [
        { kind: 'title', source: 'Title', placeholders: [] },
        {
          kind: 'paragraph',
          source: 'Write to {1} or {2} about <1>the report</1> and <2>this</2>.',
          placeholders: [
            { kind: 'token', n: 1, value: 'a@example.org' },
            { kind: 'token', n: 2, value: 'b@example.org' },
            { kind: 'link', n: 1, value: 'https://example.org/r?a=1&b=2' },
            { kind: 'link', n: 2, value: '#' },
          ],
        },
      ],
    },
    {
      name: 'a javascript: link is not a link, and markup-like text is kept as text',
      markdown: 'Title\n\n[x](javascript:alert(1)) and a < b <script>\n',
      expected: [
        { kind: 'title', source: 'Title', placeholders: [] },
        { kind: 'paragraph', source: '[x](javascript:alert(1)) and a < b <script>', placeholders: [] },
      ],
    },
    {
      name: 'my: Burmese text passes through unchanged',
      markdown: 'Title\n\nမြန်မာ စာ ။\n',
      expected: [
        { kind: 'title', source: 'Title', placeholders: [] },
        { kind: 'paragraph', source: 'မြန်မာ စာ ။', placeholders: [] },
      ],
    },
    {
      name: 'km: Khmer text passes through unchanged',
      markdown: 'Title\n\nភាសាខ្មែរ។\n',
      expected: [
        { kind: 'title', source: 'Title', placeholders: [] },
        { kind: 'paragraph', source: 'ភាសាខ្មែរ។', placeholders: [] },
      ],
    },
    {
      name: 'km: a zero-width space between Khmer words is kept',
      markdown: 'Title\n\nភាសា\u200Bខ្មែរ។\n',
      expected: [
        { kind: 'title', source: 'Title', placeholders: [] },
        { kind: 'paragraph', source: 'ភាសា\u200Bខ្មែរ។', placeholders: [] },
      ],
    },
  ];
  it.each(rows)('$name', ({ markdown, expected }) => {
    expect(segmentMarkdown(markdown)).toEqual(expected);
  });
});

describe('decoding and refusing input', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('strips a byte order mark', () => {
    const decoded = decodeStatementSource(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Title\n\nBody.')]));
    expect(decoded).toBe('Title\n\nBody.');
    expect(segmentMarkdown(decoded)[0]).toEqual({ kind: 'title', source: 'Title', placeholders: [] });
  });

  it('decodes Burmese and Khmer unchanged', () => {
    expect(decodeStatementSource(utf8('မြန်မာ စာ ။ ភាសាខ្មែរ។'))).toBe('မြန်မာ စာ ။ ភាសាខ្មែរ។');
  });

  const refusals: Array<{ name: string; run: () => unknown; key: string }> = [
    { name: 'invalid UTF-8 bytes', run: () => decodeStatementSource(new Uint8Array([0xff, 0xfe, 0x00])), key: 'import.not_utf8' },
    { name: 'empty input', run: () => segmentMarkdown(''), key: 'import.empty' },
    { name: 'whitespace only', run: () => segmentMarkdown(' \n\t\n  \n'), key: 'import.empty' },
    { name: 'a BOM only', run: () => segmentMarkdown('\uFEFF'), key: 'import.empty' },
    { name: 'no text blocks (a rule and an empty heading)', run: () => segmentMarkdown('---\n\n#\n'), key: 'import.no_blocks' },
  ];
  it.each(refusals)('refuses $name', ({ run, key }) => {
    const error = domainError(run);
    expect(error.code).toBe('import_failed');
    expect(error.key).toBe(key);
  });
});

describe('sections are recognised from structure, in any language', () => {
  const kinds = (blocks: ParsedBlock[]) => blocks.map((b) => `${b.kind}: ${b.source}`);

  it('my: a Burmese statement (label lines, a list, name paragraphs after a full-width colon)', () => {
    expect(kinds(fixture('statement-my.md'))).toEqual([
      'title: စစ်ကိုင်းတိုင်းရှိ ကျေးရွာများအပေါ် လေကြောင်းတိုက်ခိုက်မှုများကို ရှုတ်ချကြောင်း ပူးတွဲကြေညာချက်',
      'date: ၂၀၂၄ ခုနှစ်၊ မတ်လ ၁၅ ရက်',
      'paragraph: မတ်လ ၁၀ ရက်နေ့တွင် စစ်တပ်သည် စစ်ကိုင်းတိုင်းဒေသကြီးရှိ ကျေးရွာတစ်ရွာကို လေကြောင်းမှ ဗုံးကြဲတိုက်ခိုက်ခဲ့ပြီး အရပ်သား ၁၂ ဦး သေဆုံးခဲ့သည်။',
      'paragraph: ကျွန်ုပ်တို့သည် အာဆီယံ အဖွဲ့ဝင်နိုင်ငံများအား စစ်တပ်ထံ လက်နက်နှင့် လေယာဉ်လောင်စာ ရောင်းချမှုကို ချက်ချင်း ရပ်တန့်ရန် တောင်းဆိုပါသည်။',
      'heading: ဆက်သွယ်ရန်:',
      'contact: ဒေါ်ခင်ခင်၊ ပြည်သူ့အခွင့်အရေး ကွန်ရက်၊ {1}',
      'contact: ကိုမင်းထက်၊ +66 81 234 5678',
      'heading: လက်မှတ်ရေးထိုးသူများ:',
      'signatory: ပြည်သူ့အခွင့်အရေး ကွန်ရက်',
      'signatory: မြန်မာ အမျိုးသမီး အစည်းအရုံး',
      'signatory: ကရင် လူငယ် အဖွဲ့',
      'heading: ထောက်ခံသူများ：',
      'supporter: အာရှ ဒီမိုကရေစီ ကွန်ရက်',
      'supporter: လူ့အခွင့်အရေး စောင့်ကြည့်ရေး အသင်း',
    ]);
  });

  it('km: a Khmer statement (Khmer colon ៖, numbered signatories, a supporter)', () => {
    const blocks = fixture('statement-km.md');
    expect(kinds(blocks)).toEqual([
      'title: សេចក្តីថ្លែងការណ៍រួម ទាមទារឱ្យដោះលែងសកម្មជនបរិស្ថាន',
      'date: ថ្ងៃទី ២០ ខែមិថុនា ឆ្នាំ ២០២៤',
      'paragraph: យើងខ្ញុំ ជាអង្គការសង្គមស៊ីវិលកម្ពុជា សូមអំពាវនាវឱ្យអាជ្ញាធរ ដោះលែងសកម្មជនបរិស្ថានទាំង ៥ នាក់ ជាបន្ទាន់។',
      'paragraph: សកម្មជនទាំងនេះ ត្រូវបានចាប់ខ្លួនកាលពីថ្ងៃទី ១៦ ខែមិថុនា ដោយគ្មានដីកាតុលាការ។',
      'heading: សម្រាប់ព័ត៌មានបន្ថែម សូមទាក់ទង៖',
      'contact: លោក សុខ វណ្ណា, {1}',
      'contact: លោកស្រី ចាន់ ធីតា, +855 12 345 678',
      'heading: ចុះហត្ថលេខាដោយ៖',
      'signatory: សម្ព័ន្ធសិទ្ធិមនុស្សកម្ពុជា',
      'signatory: បណ្តាញយុវជនកម្ពុជា',
      'signatory: សមាគមកសិករខ្មែរ',
      'heading: គាំទ្រដោយ៖',
      'supporter: បណ្តាញអាស៊ីដើម្បីការបោះឆ្នោតដោយសេរី',
    ]);
    expect(blocks.filter((b) => b.kind === 'signatory').map((b) => b.listNumber)).toEqual([1, 2, 3]);
  });

  const rows: Array<{ name: string; markdown: string; expected: string[] }> = [
    {
      name: 'label words do not matter: an English label with no known word still opens a names section',
      markdown: 'Title\n\nBody text.\n\nThe undersigned:\n\n- Alpha Group\n- Beta Group\n',
      expected: ['title: Title', 'paragraph: Body text.', 'heading: The undersigned:', 'signatory: Alpha Group', 'signatory: Beta Group'],
    },
    {
      name: 'a list of demands after a colon stays paragraphs',
      markdown: 'Title\n\nWe call on ASEAN to:\n\n- halt every sale of arms and jet fuel to the junta immediately.\n- recognise the elected government.\n',
      expected: [
        'title: Title',
        'heading: We call on ASEAN to:',
        'paragraph: halt every sale of arms and jet fuel to the junta immediately.',
        'paragraph: recognise the elected government.',
      ],
    },
    {
      name: 'a colon ending a long sentence with a paragraph after it is no label',
      markdown:
        'Title\n\nAs the Special Rapporteur reminded every member state in his report to the Council last year:\n\nThe people of Myanmar need protection now, more than ever before.\n',
      expected: [
        'title: Title',
        'paragraph: As the Special Rapporteur reminded every member state in his report to the Council last year:',
        'paragraph: The people of Myanmar need protection now, more than ever before.',
      ],
    },
    {
      name: 'a telephone number makes a contact',
      markdown: 'Title\n\nMedia:\nDaw Khin, +95 9 123 456 789\n',
      expected: ['title: Title', 'heading: Media:', 'contact: Daw Khin, +95 9 123 456 789'],
    },
  ];
  it.each(rows)('$name', ({ markdown, expected }) => {
    expect(kinds(segmentMarkdown(markdown))).toEqual(expected);
  });
});
