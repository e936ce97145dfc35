import { describe, expect, it } from '@jest/globals';
import { parseSegmentText, plainText, type InlinePart, type PlaceholderProblem } from '../../server/domain/placeholders.js';
import type { Placeholder } from '../../server/domain/types.js';

const link = (n: number, value = '#'): Placeholder => ({ kind: 'link', n, value });
const token = (n: number, value: string): Placeholder => ({ kind: 'token', n, value });
const text = (t: string): InlinePart => ({ type: 'text', text: t });
const linked = (n: number, ...children: InlinePart[]): InlinePart => ({ type: 'link', n, children });
const problem = (code: PlaceholderProblem['code'], kind: PlaceholderProblem['kind'], n: number) => ({ code, kind, n });

// The source of a contact segment: "Aung Moe Win, ..., {1}" and a body segment with two links.
const twoLinks = [link(1), link(2)];
const address = [token(1, 'someone@example.org')];

const rows: Array<{
  name: string;
  text: string;
  placeholders: Placeholder[];
  parts: InlinePart[];
  problems: PlaceholderProblem[];
}> = [
  {
    name: 'correct: both links once, in any order',
    text: 'They were <2>arrested</2> and <1>killed</1>.',
    placeholders: twoLinks,
    parts: [text('They were '), linked(2, text('arrested')), text(' and '), linked(1, text('killed')), text('.')],
    problems: [],
  },
  {
    name: 'missing link',
    text: 'They were <1>killed</1>.',
    placeholders: twoLinks,
    parts: [text('They were '), linked(1, text('killed')), text('.')],
    problems: [problem('missing_placeholder', 'link', 2)],
  },
  {
    name: 'duplicated link: the second one stays text',
    text: '<1>a</1> <1>b</1> <2>c</2>',
    placeholders: twoLinks,
    parts: [linked(1, text('a')), text(' <1>b</1> '), linked(2, text('c'))],
    problems: [problem('duplicate_placeholder', 'link', 1)],
  },
  {
    name: 'added unknown link <3>: plain text, never a new link',
    text: '<1>a</1> <2>b</2> <3>x</3>',
    placeholders: twoLinks,
    parts: [linked(1, text('a')), text(' '), linked(2, text('b')), text(' <3>x</3>')],
    problems: [problem('unknown_placeholder', 'link', 3)],
  },
  {
    name: 'unbalanced <1>x: the open tag stays text',
    text: '<1>x and <2>y</2>',
    placeholders: twoLinks,
    parts: [text('<1>x and '), linked(2, text('y'))],
    problems: [problem('unbalanced_tag', 'link', 1)],
  },
  {
    name: 'closing tag without an opening one',
    text: 'x</1> and <2>y</2>',
    placeholders: twoLinks,
    parts: [text('x</1> and '), linked(2, text('y'))],
    problems: [problem('unbalanced_tag', 'link', 1), problem('missing_placeholder', 'link', 1)],
  },
  {
    name: 'crossed tags: the inner link falls back to text',
    text: '<1>a <2>b</1> c</2>',
    placeholders: twoLinks,
    parts: [linked(1, text('a <2>b')), text(' c</2>')],
    problems: [problem('unbalanced_tag', 'link', 2)],
  },
  {
    name: 'nested different links are allowed',
    text: '<1>a <2>b</2></1>',
    placeholders: twoLinks,
    parts: [linked(1, text('a '), linked(2, text('b')))],
    problems: [],
  },
  {
    name: 'token in place',
    text: 'Someone, {1}',
    placeholders: address,
    parts: [text('Someone, '), { type: 'token', n: 1 }],
    problems: [],
  },
  {
    name: 'token missing',
    text: 'Someone, someone@example.org',
    placeholders: address,
    parts: [text('Someone, someone@example.org')],
    problems: [problem('missing_placeholder', 'token', 1)],
  },
  {
    name: 'token duplicated',
    text: '{1} {1}',
    placeholders: address,
    parts: [{ type: 'token', n: 1 }, text(' {1}')],
    problems: [problem('duplicate_placeholder', 'token', 1)],
  },
  {
    name: 'unknown token',
    text: '{1} {2}',
    placeholders: address,
    parts: [{ type: 'token', n: 1 }, text(' {2}')],
    problems: [problem('unknown_placeholder', 'token', 2)],
  },
  {
    name: 'a link number is not a token number',
    text: '{1} <1>x</1>',
    placeholders: address,
    parts: [{ type: 'token', n: 1 }, text(' <1>x</1>')],
    problems: [problem('unknown_placeholder', 'link', 1)],
  },
  {
    name: '<script> and a < b are plain text',
    text: '<script>alert(1)</script> a < b, <0>, <01>, { 1 }',
    placeholders: [],
    parts: [text('<script>alert(1)</script> a < b, <0>, <01>, { 1 }')],
    problems: [],
  },
  {
    name: 'my: Burmese text with moved tags',
    text: 'လူ ၁,၃၉၈ ဦး <1>သတ်ဖြတ်</1> ခံခဲ့ရသည်။',
    placeholders: [link(1)],
    parts: [text('လူ ၁,၃၉၈ ဦး '), linked(1, text('သတ်ဖြတ်')), text(' ခံခဲ့ရသည်။')],
    problems: [],
  },
  {
    name: 'my: Burmese text that lost its tag',
    text: 'လူ ၁,၃၉၈ ဦး သတ်ဖြတ် ခံခဲ့ရသည်။',
    placeholders: [link(1)],
    parts: [text('လူ ၁,၃၉၈ ဦး သတ်ဖြတ် ခံခဲ့ရသည်။')],
    problems: [problem('missing_placeholder', 'link', 1)],
  },
  {
    name: 'km: Khmer text with a tag and a zero-width space',
    text: 'មនុស្ស\u200B១,៣៩៨ នាក់ត្រូវបាន<1>សម្លាប់</1>។',
    placeholders: [link(1)],
    parts: [text('មនុស្ស\u200B១,៣៩៨ នាក់ត្រូវបាន'), linked(1, text('សម្លាប់')), text('។')],
    problems: [],
  },
  {
    name: 'km: Khmer contact keeps its token',
    text: 'ទំនាក់ទំនង៖ {1}',
    placeholders: address,
    parts: [text('ទំនាក់ទំនង៖ '), { type: 'token', n: 1 }],
    problems: [],
  },
];

describe('parseSegmentText', () => {
  it.each(rows)('$name', ({ text: input, placeholders, parts, problems }) => {
    expect(parseSegmentText(input, placeholders)).toEqual({ parts, problems });
  });
});

describe('plainText', () => {
  const plainRows: Array<{ name: string; text: string; placeholders: Placeholder[]; plain: string }> = [
    { name: 'keeps linked words', text: 'They were <1>killed</1>.', placeholders: [link(1)], plain: 'They were killed.' },
    { name: 'puts the address back', text: 'Someone, {1}', placeholders: address, plain: 'Someone, someone@example.org' },
    { name: 'keeps unknown markers as text', text: '<3>x</3>', placeholders: [], plain: '<3>x</3>' },
    { name: 'my', text: '<1>သတ်ဖြတ်</1> ခံခဲ့ရသည်။', placeholders: [link(1)], plain: 'သတ်ဖြတ် ခံခဲ့ရသည်။' },
    { name: 'km', text: 'ត្រូវបាន<1>សម្លាប់</1>។', placeholders: [link(1)], plain: 'ត្រូវបានសម្លាប់។' },
  ];
  it.each(plainRows)('$name', ({ text: input, placeholders, plain }) => {
    expect(plainText(input, placeholders)).toBe(plain);
  });
});
