// The interchange formats as pure mappings: statuses both ways, links and addresses as inline
// codes, what the import decides per unit, and the files it refuses whole.
import { describe, expect, it } from '@jest/globals';
import { DOMParser } from '@xmldom/xmldom';
import { po } from 'gettext-parser';
import { decideImport, sameLanguage, type ImportContext } from '../../server/domain/interchange/decide-import.js';
import { exportDocument, writeExport } from '../../server/domain/interchange/export.js';
import { pluralForms } from '../../server/domain/interchange/plural-forms.js';
import { readInterchangeFile } from '../../server/domain/interchange/read.js';
import { fromXliff12State, fromXliff20State, poFuzzy, xliff12State, xliff20State } from '../../server/domain/interchange/states.js';
import type { ImportedFile, ImportedUnit } from '../../server/domain/interchange/types.js';
import type { Status, Translation } from '../../server/domain/types.js';
import { segment, statement, translation } from '../builders/domain.js';

const linked = segment(1, 'People were <1>killed</1> and <2>detained</2>; write to {1}.', {
  placeholders: [
    { kind: 'link', n: 1, value: 'https://example.org/killed' },
    { kind: 'link', n: 2, value: 'https://example.org/detained' },
    { kind: 'token', n: 1, value: 'info@example.org' },
  ],
});
const plain = segment(2, 'Joint statement');
const named = segment(3, 'Karen Community (Australia)', { kind: 'signatory' });
const st = statement([linked, plain, named]);
const bytes = (s: string) => new TextEncoder().encode(s);

function exported(format: 'xliff12' | 'xliff20' | 'po', translations: Translation[] = []): string {
  return writeExport(format, exportDocument(st, 'my', translations, { approvedOnly: false, exportedAt: new Date('2026-01-01T00:00:00Z') }));
}

describe('statuses in each format', () => {
  it.each<[Status, string, string | undefined, string | undefined, boolean, boolean]>([
    // status, XLIFF 2.0 state, subState, XLIFF 1.2 state, approved="yes", PO fuzzy
    ['approved', 'final', undefined, 'final', true, false],
    ['submitted', 'translated', undefined, 'translated', false, false],
    ['draft', 'initial', 'tandem:draft', 'needs-review-translation', false, true],
    ['needs_work', 'initial', 'tandem:needs_work', 'needs-review-translation', false, true],
    ['outdated', 'initial', 'tandem:outdated', 'needs-review-translation', false, true],
  ])('%s -> %s (%s) / %s', (status, state20, sub, state12, approved, fuzzy) => {
    expect(xliff20State(status)).toEqual({ state: state20, ...(sub ? { subState: sub } : {}) });
    expect(xliff12State(status)).toMatchObject({ state: state12, approved });
    expect(poFuzzy(status)).toBe(fuzzy);
  });

  it('marks an outdated translation as a fuzzy match in XLIFF 1.2', () => {
    expect(xliff12State('outdated').qualifier).toBe('fuzzy-match');
  });

  it.each([
    ['final', 'approved'],
    ['reviewed', 'translated'],
    ['translated', 'translated'],
    ['initial', 'unfinished'],
    [null, 'translated'],
  ] as const)('reads XLIFF 2.0 state %s as %s', (state, imported) => {
    expect(fromXliff20State(state)).toBe(imported);
  });

  it.each([
    ['final', false, 'approved'],
    ['signed-off', false, 'approved'],
    ['translated', true, 'approved'],
    ['translated', false, 'translated'],
    ['needs-review-translation', false, 'translated'],
    ['needs-translation', false, 'unfinished'],
    ['new', false, 'unfinished'],
  ] as const)('reads XLIFF 1.2 state %s (approved %s) as %s', (state, approved, imported) => {
    expect(fromXliff12State(state, approved)).toBe(imported);
  });
});

describe('links and addresses as inline codes', () => {
  const t = translation(linked, 'my', 'draft', 'လူများကို <2>ဖမ်းဆီး</2>ပြီး <1>သတ်</1>ခဲ့သည်၊ {1} သို့ ရေးပါ။');

  it('writes XLIFF 2.0 <pc> around linked words and <ph> for an address, protected, with no URL to edit', () => {
    const xml = exported('xliff20', [t]);
    expect(xml).toContain('<pc id="l1" type="link" canCopy="no" canDelete="no" dispStart="https://example.org/killed">killed</pc>');
    expect(xml).toContain('<ph id="t1" canCopy="no" canDelete="no" disp="info@example.org" equiv="info@example.org"/>');
    expect(xml).toContain('<target>လူများကို <pc id="l2"');
    expect(xml).not.toContain('&lt;1&gt;killed');
  });

  it('writes XLIFF 1.2 <g> and <x>', () => {
    const xml = exported('xliff12', [t]);
    expect(xml).toContain('<g id="l1" ctype="link" clone="no">killed</g>');
    expect(xml).toContain('<x id="t1" ctype="x-email" clone="no" equiv-text="info@example.org"/>');
  });

  it.each(['xliff12', 'xliff20', 'po'] as const)('reads %s back to exactly the marker text, with links moved', (format) => {
    const file = readInterchangeFile(bytes(exported(format, [t])));
    expect(file.units[0]).toMatchObject({ segmentId: 's1', source: linked.source, target: t.text, revision: t.revision });
  });

  it('keeps PO text in marker form, with a comment saying what the markers are', () => {
    const data = po.parse(exported('po', [t]));
    const entry = data.translations.s1![linked.source]!;
    expect(entry.msgstr).toEqual([t.text]);
    expect(entry.comments?.extracted).toContain('<1>…</1> marks the words of link 1 (https://example.org/killed)');
    expect(entry.comments?.extracted).toContain('{1} stands for info@example.org');
    expect(entry.comments?.flag).toBe('fuzzy');
  });

  const retarget = (id: string) => {
    const text = exported('xliff20', [t]);
    const at = text.lastIndexOf('<pc id="l2"'); // in the target
    return readInterchangeFile(bytes(`${text.slice(0, at)}<pc id="${id}"${text.slice(at + '<pc id="l2"'.length)}`)).units[0]!;
  };

  it('reads a link number the source does not have as its marker, for the placeholder check to refuse', () => {
    expect(retarget('l7')).toMatchObject({ target: 'လူများကို <7>ဖမ်းဆီး</7>ပြီး <1>သတ်</1>ခဲ့သည်၊ {1} သို့ ရေးပါ။', foreignCodes: [] });
  });

  it('reports a code Tandem did not write as foreign', () => {
    expect(retarget('bold').foreignCodes).toEqual(['pc bold']);
  });
});

describe('Plural-Forms', () => {
  it.each([
    ['my', 'nplurals=1; plural=0;'],
    ['km', 'nplurals=1; plural=0;'],
    ['th', 'nplurals=1; plural=0;'],
    ['ksw', 'nplurals=1; plural=0;'],
    ['en', 'nplurals=2; plural=(n != 1);'],
    ['fr', 'nplurals=2; plural=(n > 1);'],
  ])('%s: %s', (locale, forms) => expect(pluralForms(locale)).toBe(forms));
});

describe('languages', () => {
  it.each([
    ['my', 'my', true],
    ['my-MM', 'my', true],
    ['my_MM', 'my', true],
    ['MY', 'my', true],
    ['km', 'my', false],
    ['mya', 'my', true], // canonicalised to my
    ['my-Qaag', 'my', false], // a script subtag (Zawgyi) is another writing
  ])('a file in %s is for locale %s: %s', (file, locale, same) => expect(sameLanguage(file, locale)).toBe(same));
});

describe('decideImport', () => {
  const at = '2026-02-02T00:00:00.000Z';
  const context = (translations: Translation[] = [], extra: Partial<ImportContext> = {}): ImportContext => ({
    statement: { ...st, removedSegmentIds: ['s9'] },
    locale: 'my',
    actorId: 'importer',
    selfReviewAllowed: false,
    translations: new Map(translations.map((x) => [x.segmentId, x])),
    glossary: [],
    at,
    ...extra,
  });
  const unit = (u: Partial<ImportedUnit>): ImportedUnit => ({
    segmentId: 's2',
    source: plain.source,
    target: 'ပူးတွဲ ထုတ်ပြန်ချက်',
    state: 'translated',
    revision: 0,
    foreignCodes: [],
    line: 3,
    ...u,
  });
  const file = (...units: ImportedUnit[]): ImportedFile => ({ format: 'xliff20', sourceLocale: 'en', targetLocale: 'my', units });
  const submitted = { ...translation(plain, 'my', 'submitted', 'ပူးတွဲ ထုတ်ပြန်ချက်', [{}, {}]), author: 'someone' };

  it.each<[string, ImportedUnit, Translation[], object]>([
    ['a new translation: submitted in the importer name', unit({}), [], { outcome: 'imported', status: 'submitted', revision: 1 }],
    ['a unit the tool marks unfinished: a draft', unit({ state: 'unfinished' }), [], { outcome: 'imported', status: 'draft' }],
    ['Khmer-free Burmese text equal to the server: unchanged', unit({ revision: 2 }), [submitted], { outcome: 'unchanged' }],
    ['an empty target: unchanged, never a deletion', unit({ target: '' }), [submitted], { outcome: 'unchanged' }],
    [
      'a newer revision on the server: conflict',
      unit({ target: 'အသစ်', revision: 1 }),
      [submitted],
      { outcome: 'conflict', serverRevision: 2, exportedRevision: 1 },
    ],
    ['no revision in the file while the server has one: conflict', unit({ target: 'အသစ်', revision: undefined }), [submitted], { outcome: 'conflict' }],
    ['the source changed since the export: outdated', unit({ source: 'Joint statement!' }), [], { outcome: 'outdated' }],
    ['a removed segment: outdated', unit({ segmentId: 's9' }), [], { outcome: 'outdated' }],
    [
      'an unknown segment: refused',
      unit({ segmentId: 's77' }),
      [],
      { outcome: 'refused', reason: { key: 'interchange.unknown_segment', params: { unit: 's77' } } },
    ],
    [
      'a link dropped: refused with the check',
      unit({ segmentId: 's1', source: linked.source, target: 'ဖမ်းဆီး {1}' }),
      [],
      { outcome: 'refused', checks: expect.arrayContaining([expect.objectContaining({ id: 'placeholders' })]) },
    ],
    [
      'a code Tandem did not write: refused',
      unit({ foreignCodes: ['pc l7'] }),
      [],
      { outcome: 'refused', reason: expect.objectContaining({ key: 'interchange.foreign_code' }) },
    ],
    ['Khmer text (ZWSP allowed) into a new unit', unit({ target: 'សេចក្តី\u200bថ្លែងការណ៍' }), [], { outcome: 'imported' }],
  ])('%s', (_name, u, translations, expected) => {
    const decision = decideImport(context(translations), file(u), { approve: false });
    expect(decision.outcomes).toEqual([expect.objectContaining({ segmentId: u.segmentId, ...expected })]);
    expect(decision.writes.length).toBe((expected as { outcome: string }).outcome === 'imported' ? 1 : 0);
  });

  it('writes the importer as author, with one history entry more and the revision it expects', () => {
    const decision = decideImport(context(), file(unit({})), { approve: false });
    expect(decision.writes).toEqual([
      {
        segmentId: 's2',
        expectedRevision: 0,
        next: {
          translation: expect.objectContaining({
            author: 'importer',
            status: 'submitted',
            revision: 1,
            sourceHash: plain.sourceHash,
            updatedAt: at,
          }),
          entry: { revision: 1, action: 'submit', status: 'submitted', text: 'ပူးတွဲ ထုတ်ပြန်ချက်', actor: 'importer', at },
        },
      },
    ]);
  });

  it('approves, on request, an unchanged submitted unit the file marks final, keeping its author', () => {
    const decision = decideImport(context([submitted]), file(unit({ state: 'approved', revision: 2 })), { approve: true });
    expect(decision.outcomes).toEqual([{ segmentId: 's2', outcome: 'imported', status: 'approved', revision: 3 }]);
    expect(decision.writes[0]!.next).toMatchObject({
      translation: { author: 'someone', status: 'approved', published: { text: submitted.text, revision: 3 } },
      entry: { action: 'approve', actor: 'importer', revision: 3 },
    });
    expect(decideImport(context([submitted]), file(unit({ state: 'approved' })), { approve: false }).outcomes[0]!.outcome).toBe('unchanged');
  });

  it('never approves the importer own work', () => {
    const own = { ...submitted, author: 'importer' };
    const decision = decideImport(context([own]), file(unit({ state: 'approved' })), { approve: true });
    expect(decision.outcomes).toEqual([{ segmentId: 's2', outcome: 'refused', reason: { key: 'status.cannot_approve_own', params: {} } }]);
    expect(decision.writes).toEqual([]);
  });

  it.each<[string, ImportedFile, string]>([
    ['a wrong target language', { ...file(unit({})), targetLocale: 'km' }, 'interchange.wrong_target_language'],
    ['no target language', { ...file(unit({})), targetLocale: undefined }, 'interchange.wrong_target_language'],
    ['a wrong source language', { ...file(unit({})), sourceLocale: 'fr' }, 'interchange.wrong_source_language'],
    ['a unit twice', file(unit({}), unit({ line: 9 })), 'interchange.duplicate_unit'],
    ['a lone surrogate', file(unit({ target: 'a\uD800b' })), 'interchange.not_unicode'],
  ])('refuses the whole file for %s', (_name, f, key) => {
    expect(() => decideImport(context(), f, { approve: false })).toThrow(expect.objectContaining({ key }));
  });
});

describe('reading files', () => {
  const refuse = (text: string | Uint8Array, key: string, params?: object) =>
    expect(() => readInterchangeFile(typeof text === 'string' ? bytes(text) : text)).toThrow(
      expect.objectContaining({ key, ...(params ? { params } : {}) }),
    );

  it('refuses a DOCTYPE, with its line, before parsing (no entity is ever expanded)', () => {
    refuse('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n<xliff>&b;</xliff>', 'interchange.doctype', {
      line: 2,
    });
    refuse('<!DOCTYPE xliff SYSTEM "file:///etc/passwd"><xliff/>', 'interchange.doctype');
  });

  it('refuses an undefined entity and broken XML with the line', () => {
    refuse(exported('xliff20').replace('<source>Joint statement</source>', '<source>&xxe;</source>'), 'interchange.malformed_xml');
    const broken = exported('xliff20').replace('</notes>', '</note>');
    expect(() => readInterchangeFile(bytes(broken))).toThrow(
      expect.objectContaining({ key: 'interchange.malformed_xml', params: { line: expect.any(Number) } }),
    );
  });

  it.each([
    ['not UTF-8', new Uint8Array([0x6d, 0x73, 0x67, 0xff, 0xfe]), 'interchange.not_utf8'],
    ['empty', '  \n', 'interchange.empty_file'],
    ['neither XLIFF nor PO', 'hello', 'interchange.unknown_format'],
    ['another XML vocabulary', '<html/>', 'interchange.not_xliff'],
    ['a PO entry without msgctxt', 'msgid ""\nmsgstr ""\n"Language: my\\n"\n\nmsgid "Hello"\nmsgstr "x"\n', 'interchange.po_without_context'],
    ['a PO file with a quote left open', 'msgctxt "s1"\nmsgid "Hello\nmsgstr "x"\n', 'interchange.malformed_po'],
    [
      'a PO file in another charset',
      'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgctxt "s1"\nmsgid "a"\nmsgstr "b"\n',
      'interchange.po_charset',
    ],
    [
      'an XLIFF unit without id',
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="my"><file id="f"><unit><segment><source>a</source></segment></unit></file></xliff>',
      'interchange.unit_without_id',
    ],
  ])('refuses a file that is %s', (_name, input, key) => refuse(input, key));

  it('says when the declared format is not the file’s', () => {
    expect(() => readInterchangeFile(bytes(exported('po')), 'xliff20')).toThrow(expect.objectContaining({ key: 'interchange.format_mismatch' }));
  });

  it('reads a unit that a tool split into two segments as one', () => {
    const xml = exported('xliff20', [translation(plain, 'my', 'submitted', 'ပူးတွဲ ထုတ်ပြန်ချက်')]).replace(
      /<segment state="translated"><source>Joint statement<\/source><target>ပူးတွဲ ထုတ်ပြန်ချက်<\/target><\/segment>/,
      '<segment state="translated"><source>Joint </source><target>ပူးတွဲ </target></segment><ignorable><source> </source></ignorable><segment state="initial"><source>statement</source><target>ထုတ်ပြန်ချက်</target></segment>',
    );
    const parsed = new DOMParser().parseFromString(xml, 'text/xml');
    expect(parsed.getElementsByTagName('segment').length).toBe(4);
    expect(readInterchangeFile(bytes(xml)).units[1]).toMatchObject({ source: 'Joint  statement', target: 'ပူးတွဲ  ထုတ်ပြန်ချက်', state: 'unfinished' });
  });
});

describe('files made to hurt the reader', () => {
  const head = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="my"><file id="f">';
  it('refuses groups nested without end, with the line, instead of running out of stack', () => {
    const xml = `${head}${'<group id="g">'.repeat(50_000)}${'</group>'.repeat(50_000)}</file></xliff>`;
    expect(() => readInterchangeFile(bytes(xml))).toThrow(expect.objectContaining({ key: 'interchange.too_deep' }));
  });

  it('reports codes nested without end as foreign, for the unit to be refused', () => {
    const xml = `${head}<unit id="s2"><segment><source>Joint statement</source><target>${'<mrk id="m">'.repeat(50_000)}x${'</mrk>'.repeat(50_000)}</target></segment></unit></file></xliff>`;
    expect(readInterchangeFile(bytes(xml)).units[0]!.foreignCodes).toEqual(['nesting']);
  });

  it('says which PO entry appears twice', () => {
    const text = 'msgid ""\nmsgstr ""\n"Language: my\\n"\n\nmsgctxt "s1"\nmsgid "a"\nmsgstr "b"\n\nmsgctxt "s1"\nmsgid "a"\nmsgstr "c"\n';
    expect(() => readInterchangeFile(bytes(text))).toThrow(expect.objectContaining({ key: 'interchange.po_duplicate', params: { unit: 's1' } }));
  });
});
