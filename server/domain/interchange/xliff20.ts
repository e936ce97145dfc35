// XLIFF 2.0 (OASIS Standard, core + the Metadata module), one <unit> per segment:
//
//   <unit id="s12" xml:space="preserve">
//     <mda:metadata><mda:metaGroup category="tandem">
//       <mda:meta type="revision">3</mda:meta> <mda:meta type="status">draft</mda:meta>
//     </mda:metaGroup></mda:metadata>
//     <notes><note category="kind">…</note><note category="comment">…</note></notes>
//     <segment state="initial" subState="tandem:draft"><source>…</source><target>…</target></segment>
//   </unit>
//
// The revision the translation had at export sits in the Metadata module, which XLIFF 2.0 tools
// must keep; the file says `canResegment="no"` so tools keep one segment per unit.
import type { Document, Element } from '@xmldom/xmldom';
import type { Placeholder } from '../types.js';
import { MAX_DEPTH, codeNumber, codePoint, readInline, writeInline, type CodeReading, type CodeWriter } from './inline.js';
import { fromXliff20State, xliff20State } from './states.js';
import { KIND_NOTE, type ExportDocument, type ImportedFile, type ImportedState, type ImportedUnit } from './types.js';
import { child, children, fileError, isElement, lineOf, XmlBuilder } from './xml.js';

export const XLIFF20_NS = 'urn:oasis:names:tc:xliff:document:2.0';
const MDA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';

export function writeXliff20(doc: ExportDocument): string {
  const b = new XmlBuilder(XLIFF20_NS, 'xliff');
  b.root.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:mda', MDA_NS);
  b.root.setAttribute('version', '2.0');
  b.root.setAttribute('srcLang', doc.sourceLocale);
  b.root.setAttribute('trgLang', doc.targetLocale);
  const meta = (entries: [string, string][]) =>
    b.element(
      'mda:metadata',
      {},
      [
        b.element(
          'mda:metaGroup',
          { category: 'tandem' },
          entries.map(([type, value]) => b.element('mda:meta', { type }, [value], MDA_NS)),
          MDA_NS,
        ),
      ],
      MDA_NS,
    );

  const units = doc.units.map(({ segment, translation, comment }) => {
    const codes = codeWriter(b);
    const status = translation?.status ?? 'untranslated';
    const { state, subState } = xliff20State(status);
    const notes = [b.element('note', { category: 'kind' }, [`Segment: ${KIND_NOTE[segment.kind]}`])];
    const codeNote = placeholderNote(segment.placeholders);
    if (codeNote) notes.push(b.element('note', { category: 'codes' }, [codeNote]));
    if (comment) notes.push(b.element('note', { category: 'comment' }, [`Editor's comment: ${comment}`]));
    const parts = [b.element('source', {}, writeInline(b, segment.source, segment.placeholders, codes))];
    if (translation && translation.text !== '') parts.push(b.element('target', {}, writeInline(b, translation.text, segment.placeholders, codes)));
    return b.indent(
      b.element('unit', { id: segment.id, 'xml:space': 'preserve' }),
      [
        meta([
          ['revision', String(translation?.revision ?? 0)],
          ['status', status],
        ]),
        b.indent(b.element('notes'), notes, 4),
        b.element('segment', { state, subState }, parts),
      ],
      3,
    );
  });
  const file = b.element('file', { id: 'f1', original: doc.statementId, canResegment: 'no' });
  b.indent(
    file,
    [
      meta([
        ['statement', doc.statementId],
        ['sourceRevision', String(doc.sourceRevision)],
      ]),
      ...units,
    ],
    2,
  );
  b.indent(b.root, [file], 1);
  return b.serialize();
}

function codeWriter(b: XmlBuilder): CodeWriter {
  return {
    link: (n, url, content) => b.element('pc', { id: `l${n}`, type: 'link', canCopy: 'no', canDelete: 'no', dispStart: url }, content),
    token: (n, value) => b.element('ph', { id: `t${n}`, canCopy: 'no', canDelete: 'no', disp: value, equiv: value }),
  };
}

/** Says what the codes are, for translators whose tool shows notes. */
export function placeholderNote(placeholders: Placeholder[]): string | undefined {
  if (placeholders.length === 0) return undefined;
  return placeholders
    .map((p) =>
      p.kind === 'link'
        ? `<${p.n}>…</${p.n}> marks the words of link ${p.n} (${p.value}): move the markers with the words, keep them.`
        : `{${p.n}} stands for ${p.value}: keep it as it is.`,
    )
    .join(' ');
}

function recognize(e: Element): CodeReading {
  switch (e.localName) {
    case 'pc': {
      const n = codeNumber(e.getAttribute('id'), 'l');
      return n ? { type: 'paired', n } : { type: 'foreign', name: `pc ${e.getAttribute('id')}` };
    }
    case 'sc': {
      const n = codeNumber(e.getAttribute('id'), 'l');
      return n ? { type: 'open', n } : { type: 'foreign', name: `sc ${e.getAttribute('id')}` };
    }
    case 'ec': {
      const n = codeNumber(e.getAttribute('startRef') ?? e.getAttribute('id'), 'l');
      return n ? { type: 'close', n } : { type: 'foreign', name: `ec ${e.getAttribute('startRef')}` };
    }
    case 'ph': {
      const n = codeNumber(e.getAttribute('id'), 't');
      return n ? { type: 'token', n } : { type: 'foreign', name: `ph ${e.getAttribute('id')}` };
    }
    case 'mrk':
      return { type: 'content' };
    case 'sm':
    case 'em':
      return { type: 'ignore' };
    case 'cp': {
      const text = codePoint(e.getAttribute('hex'));
      return text === undefined ? { type: 'foreign', name: 'cp' } : { type: 'char', text };
    }
    default:
      return { type: 'foreign', name: e.localName ?? e.nodeName };
  }
}

const RANK: Record<ImportedState, number> = { unfinished: 0, translated: 1, approved: 2 };

export function readXliff20(document: Document): ImportedFile {
  const root = document.documentElement!;
  const units: ImportedUnit[] = [];
  const walk = (parent: Element, depth = 0) => {
    if (depth > MAX_DEPTH) throw fileError('too_deep', { line: lineOf(parent) ?? 0 });
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (!isElement(n) || n.namespaceURI !== XLIFF20_NS) continue;
      if (n.localName === 'group') walk(n, depth + 1);
      else if (n.localName === 'unit') units.push(readUnit(n));
    }
  };
  for (const file of children(root, XLIFF20_NS, 'file')) walk(file);
  return { format: 'xliff20', sourceLocale: root.getAttribute('srcLang') ?? undefined, targetLocale: root.getAttribute('trgLang') ?? undefined, units };
}

function readUnit(unit: Element): ImportedUnit {
  const id = unit.getAttribute('id');
  const line = lineOf(unit);
  if (!id) throw fileError('unit_without_id', { line: line ?? 0 });
  const parts = [...elementChildren(unit)].filter((e) => e.namespaceURI === XLIFF20_NS && (e.localName === 'segment' || e.localName === 'ignorable'));
  if (!parts.some((e) => e.localName === 'segment')) throw fileError('unit_without_source', { unit: id, line: line ?? 0 });
  let source = '';
  let target = '';
  let hasTarget = false;
  let state: ImportedState = 'approved';
  const foreign: string[] = [];
  for (const part of parts) {
    const s = child(part, XLIFF20_NS, 'source');
    if (!s) throw fileError('unit_without_source', { unit: id, line: lineOf(part) ?? line ?? 0 });
    const src = readInline(s, XLIFF20_NS, recognize);
    source += src.text;
    const t = child(part, XLIFF20_NS, 'target');
    if (t) {
      const tgt = readInline(t, XLIFF20_NS, recognize);
      target += tgt.text;
      foreign.push(...tgt.foreign);
      hasTarget = true;
    } else {
      target += part.localName === 'ignorable' ? src.text : '';
    }
    if (part.localName === 'segment') {
      const s2 = fromXliff20State(part.getAttribute('state'));
      if (RANK[s2] < RANK[state]) state = s2;
    }
  }
  return { segmentId: id, source, target: hasTarget ? target : undefined, state, revision: metaRevision(unit), foreignCodes: foreign, line };
}

function* elementChildren(parent: Element): Generator<Element> {
  for (let n = parent.firstChild; n; n = n.nextSibling) if (isElement(n)) yield n;
}

function metaRevision(unit: Element): number | undefined {
  for (const metadata of children(unit, MDA_NS, 'metadata')) {
    for (const group of children(metadata, MDA_NS, 'metaGroup')) {
      if (group.getAttribute('category') !== 'tandem') continue;
      for (const meta of children(group, MDA_NS, 'meta')) {
        if (meta.getAttribute('type') === 'revision' && /^\d{1,9}$/.test((meta.textContent ?? '').trim())) return Number(meta.textContent!.trim());
      }
    }
  }
  return undefined;
}
