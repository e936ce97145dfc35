// What a CAT tool does to a file between export and upload: writes targets, moves the codes it
// copied from the source (a link's paired code around other words, an address elsewhere), marks
// the units translated. XLIFF through a DOM (xmldom), PO through gettext-parser, as tools do.
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import { po } from 'gettext-parser';

export interface CatEdit {
  segmentId: string;
  /** The new target in marker form: `<1>…</1>` becomes the source's link code, `{1}` its address code. */
  target: string;
  /** XLIFF 2.0 segment state / XLIFF 1.2 target state; PO: 'fuzzy' keeps the flag. */
  state?: string;
}

const X20 = 'urn:oasis:names:tc:xliff:document:2.0';
const X12 = 'urn:oasis:names:tc:xliff:document:1.2';

function first(parent: Node, ns: string, name: string): Element | undefined {
  const all = (parent as Element).getElementsByTagNameNS(ns, name);
  return all.length > 0 ? all.item(0)! : undefined;
}

/** Target nodes from marker text, each code cloned (without content) from the source, as tools do. */
function targetNodes(doc: Document, source: Element, text: string): Node[] {
  const codes = new Map<string, Element>();
  const collect = (e: Element) => {
    for (let n = e.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) {
        const el = n as Element;
        codes.set(el.getAttribute('id') ?? '', el);
        collect(el);
      }
    }
  };
  collect(source);
  const root: Node[] = [];
  const stack: Element[] = [];
  const add = (n: Node) => (stack.length ? stack.at(-1)!.appendChild(n) : root.push(n));
  for (const part of text.split(/(<\/?\d+>|\{\d+\})/)) {
    const open = /^<(\d+)>$/.exec(part);
    const close = /^<\/(\d+)>$/.exec(part);
    const token = /^\{(\d+)\}$/.exec(part);
    if (open) {
      const el = codes.get(`l${open[1]}`)!.cloneNode(false) as Element;
      add(el);
      stack.push(el);
    } else if (close) stack.pop();
    else if (token) add(codes.get(`t${token[1]}`)!.cloneNode(false));
    else if (part !== '') add(doc.createTextNode(part));
  }
  return root;
}

/** Parses an XLIFF file, hands each edited unit (found by its id) to `apply`, and writes the file again. */
function editUnits(xml: string, ns: string, unitTag: string, edits: CatEdit[], apply: (doc: Document, unit: Element, edit: CatEdit) => void): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const units = doc.getElementsByTagNameNS(ns, unitTag);
  for (const edit of edits) {
    const unit = Array.from({ length: units.length }, (_, i) => units.item(i)!).find((u) => u.getAttribute('id') === edit.segmentId)!;
    apply(doc, unit, edit);
  }
  return new XMLSerializer().serializeToString(doc);
}

export function editXliff20(xml: string, edits: CatEdit[]): string {
  return editUnits(xml, X20, 'unit', edits, (doc, unit, edit) => {
    const segment = first(unit, X20, 'segment')!;
    const source = first(segment, X20, 'source')!;
    const old = first(segment, X20, 'target');
    if (old) segment.removeChild(old);
    const target = doc.createElementNS(X20, 'target');
    for (const n of targetNodes(doc, source, edit.target)) target.appendChild(n);
    segment.appendChild(target);
    segment.setAttribute('state', edit.state ?? 'translated');
    segment.removeAttribute('subState');
  });
}

export function editXliff12(xml: string, edits: CatEdit[]): string {
  return editUnits(xml, X12, 'trans-unit', edits, (doc, unit, edit) => {
    const source = first(unit, X12, 'source')!;
    const old = first(unit, X12, 'target');
    const target = doc.createElementNS(X12, 'target');
    for (const n of targetNodes(doc, source, edit.target)) target.appendChild(n);
    target.setAttribute('state', edit.state ?? 'translated');
    if (old) unit.replaceChild(target, old);
    else unit.insertBefore(target, source.nextSibling);
    if (edit.state === 'final') unit.setAttribute('approved', 'yes');
  });
}

export function editPo(text: string, edits: CatEdit[]): string {
  const data = po.parse(text);
  for (const edit of edits) {
    const entry = Object.values(data.translations[edit.segmentId]!)[0]!;
    entry.msgstr = [edit.target];
    // Poedit clears "fuzzy" when the translator edits an entry.
    const { flag: _flag, ...comments } = entry.comments ?? {};
    entry.comments = edit.state === 'fuzzy' ? { ...comments, flag: 'fuzzy' } : comments;
  }
  return po.compile(data).toString('utf8');
}
