// XLIFF 1.2 (OASIS, valid against the strict schema), one <trans-unit> per segment:
//
//   <trans-unit id="s12" resname="s12" xml:space="preserve" approved="yes">
//     <source>…<g id="l1" ctype="link">…</g>…</source>
//     <target state="final">…</target>
//     <note from="tandem" annotates="general">Segment: paragraph</note>
//     <context-group name="tandem-s12" purpose="information">
//       <context context-type="x-tandem-revision">3</context>
//     </context-group>
//   </trans-unit>
//
// The revision at export is a context of the unit (`x-` context types are the schema's extension
// point); context groups are kept by translate-toolkit, Okapi and OmegaT, which write back targets.
import type { Document, Element } from '@xmldom/xmldom';
import { MAX_DEPTH, codeNumber, readInline, writeInline, type CodeReading, type CodeWriter } from './inline.js';
import { fromXliff12State, xliff12State } from './states.js';
import { KIND_NOTE, type ExportDocument, type ImportedFile, type ImportedUnit } from './types.js';
import { placeholderNote } from './xliff20.js';
import { child, children, fileError, isElement, lineOf, XmlBuilder } from './xml.js';

export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';
/** translate-toolkit's po2xliff still writes the 1.1 namespace; the vocabulary is the same. */
export const XLIFF11_NS = 'urn:oasis:names:tc:xliff:document:1.1';
const REVISION_CONTEXT = 'x-tandem-revision';

export function writeXliff12(doc: ExportDocument): string {
  const b = new XmlBuilder(XLIFF12_NS, 'xliff');
  b.root.setAttribute('version', '1.2');
  const codes: CodeWriter = {
    link: (n, _url, content) => b.element('g', { id: `l${n}`, ctype: 'link', clone: 'no' }, content),
    token: (n, value) => b.element('x', { id: `t${n}`, ctype: 'x-email', clone: 'no', 'equiv-text': value }),
  };
  const units = doc.units.map(({ segment, translation, comment }) => {
    const status = translation?.status ?? 'untranslated';
    const { state, qualifier, approved } = xliff12State(status);
    const parts: Element[] = [b.element('source', {}, writeInline(b, segment.source, segment.placeholders, codes))];
    if (translation && translation.text !== '') {
      parts.push(b.element('target', { state, 'state-qualifier': qualifier }, writeInline(b, translation.text, segment.placeholders, codes)));
    }
    parts.push(b.element('note', { from: 'tandem', annotates: 'general' }, [`Segment: ${KIND_NOTE[segment.kind]}`]));
    const codeNote = placeholderNote(segment.placeholders);
    if (codeNote) parts.push(b.element('note', { from: 'tandem', annotates: 'source' }, [codeNote]));
    if (comment) parts.push(b.element('note', { from: 'reviewer', annotates: 'target' }, [`Editor's comment: ${comment}`]));
    parts.push(
      b.indent(
        b.element('context-group', { name: `tandem-${segment.id}`, purpose: 'information' }),
        [
          b.element('context', { 'context-type': REVISION_CONTEXT }, [String(translation?.revision ?? 0)]),
          b.element('context', { 'context-type': 'x-tandem-status' }, [status]),
        ],
        5,
      ),
    );
    return b.indent(
      b.element('trans-unit', { id: segment.id, resname: segment.id, 'xml:space': 'preserve', ...(approved ? { approved: 'yes' } : {}) }),
      parts,
      4,
    );
  });
  const header = b.element('header', {}, [b.element('tool', { 'tool-id': 'tandem', 'tool-name': 'Tandem' })]);
  const file = b.element('file', {
    original: doc.statementId,
    'source-language': doc.sourceLocale,
    'target-language': doc.targetLocale,
    datatype: 'plaintext',
    'product-version': String(doc.sourceRevision),
  });
  b.indent(file, [header, b.indent(b.element('body'), units, 3)], 2);
  b.indent(b.root, [file], 1);
  return b.serialize();
}

function recognize(e: Element): CodeReading {
  const id = e.getAttribute('id');
  switch (e.localName) {
    case 'g': {
      const n = codeNumber(id, 'l');
      return n ? { type: 'paired', n } : { type: 'foreign', name: `g ${id}` };
    }
    case 'bx': {
      const n = codeNumber(id, 'l');
      return n ? { type: 'open', n } : { type: 'foreign', name: `bx ${id}` };
    }
    case 'ex': {
      const n = codeNumber(e.getAttribute('rid') ?? id, 'l');
      return n ? { type: 'close', n } : { type: 'foreign', name: `ex ${id}` };
    }
    case 'x': {
      const n = codeNumber(id, 't');
      return n ? { type: 'token', n } : { type: 'foreign', name: `x ${id}` };
    }
    case 'mrk':
      return { type: 'content' };
    default:
      return { type: 'foreign', name: e.localName ?? e.nodeName };
  }
}

export function readXliff12(document: Document): ImportedFile {
  const root = document.documentElement!;
  const ns = root.namespaceURI!;
  const files = children(root, ns, 'file');
  const units: ImportedUnit[] = [];
  const languages = new Set(files.map((f) => `${f.getAttribute('source-language') ?? ''}|${f.getAttribute('target-language') ?? ''}`));
  if (languages.size > 1) throw fileError('several_languages');
  const walk = (parent: Element, depth = 0) => {
    if (depth > MAX_DEPTH) throw fileError('too_deep', { line: lineOf(parent) ?? 0 });
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (!isElement(n) || n.namespaceURI !== ns) continue;
      if (n.localName === 'group') walk(n, depth + 1);
      else if (n.localName === 'trans-unit') units.push(readUnit(n, ns));
      else if (n.localName === 'bin-unit') continue;
    }
  };
  for (const file of files) {
    const body = child(file, ns, 'body');
    if (body) walk(body);
  }
  const [sourceLocale, targetLocale] = [...languages][0]?.split('|') ?? [];
  return { format: 'xliff12', sourceLocale: sourceLocale || undefined, targetLocale: targetLocale || undefined, units };
}

function readUnit(unit: Element, ns: string): ImportedUnit {
  const id = unit.getAttribute('id');
  const line = lineOf(unit);
  if (!id) throw fileError('unit_without_id', { line: line ?? 0 });
  const source = child(unit, ns, 'source');
  if (!source) throw fileError('unit_without_source', { unit: id, line: line ?? 0 });
  const target = child(unit, ns, 'target');
  const tgt = target ? readInline(target, ns, recognize) : undefined;
  return {
    segmentId: id,
    source: readInline(source, ns, recognize).text,
    target: tgt?.text,
    state: fromXliff12State(target?.getAttribute('state') ?? null, unit.getAttribute('approved') === 'yes'),
    revision: contextRevision(unit, ns),
    foreignCodes: tgt?.foreign ?? [],
    line,
  };
}

function contextRevision(unit: Element, ns: string): number | undefined {
  for (const group of children(unit, ns, 'context-group')) {
    for (const context of children(group, ns, 'context')) {
      const value = (context.textContent ?? '').trim();
      if (context.getAttribute('context-type') === REVISION_CONTEXT && /^\d{1,9}$/.test(value)) return Number(value);
    }
  }
  return undefined;
}
