// Reading and writing XML with @xmldom/xmldom, a DOM parser and serializer in pure JavaScript:
// no network, no file access, no entity expansion beyond XML's five and character references.
// A document type declaration is refused outright (no DTD, no external or internal entities, so
// no XXE and no "billion laughs"), and any error or warning of the parser refuses the file with its
// line. Documents are built as DOM nodes and serialized, never by concatenating strings.
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import { DomainError } from '../errors.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** A refusal of the whole file, with where it is wrong when known. */
export function fileError(key: string, params: Record<string, string | number> = {}): DomainError {
  return new DomainError('invalid_input', `interchange.${key}`, params);
}

/** Parses XML text, or throws fileError('malformed_xml' | 'doctype') with the line. */
export function parseXml(text: string): Document {
  // The prolog may only hold the XML declaration, comments and processing instructions before the
  // root element: a DOCTYPE there is refused before the parser sees it.
  const doctype = /<!DOCTYPE/i.exec(text.slice(0, rootStart(text)));
  if (doctype) throw fileError('doctype', { line: lineAt(text, doctype.index) });
  let document: Document;
  try {
    document = new DOMParser({
      locator: true,
      onError: (_level, message) => {
        throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    const locator = (e as { locator?: { lineNumber?: number } }).locator;
    const line = locator?.lineNumber ?? lineFromMessage(String((e as Error).message));
    throw fileError('malformed_xml', { line: line ?? 1 });
  }
  if (document.doctype) throw fileError('doctype', { line: 1 });
  return document;
}

/** Index of the root element's "<" (after declaration, comments and PIs), or the text's length. */
function rootStart(text: string): number {
  const re = /<(\?|!--|!)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1] === '?') re.lastIndex = skipTo(text, '?>', m.index);
    else if (m[1] === '!--') re.lastIndex = skipTo(text, '-->', m.index);
    else if (m[1] === '!')
      return text.length; // a DOCTYPE (or junk): let the caller see it
    else return m.index;
  }
  return text.length;
}

const skipTo = (text: string, end: string, from: number) => {
  const i = text.indexOf(end, from);
  return i < 0 ? text.length : i + end.length;
};

export const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

function lineFromMessage(message: string): number | undefined {
  const m = /line:?\s*(\d+)/i.exec(message);
  return m ? Number(m[1]) : undefined;
}

export const isElement = (node: Node | null | undefined): node is Element => node?.nodeType === ELEMENT_NODE;
export const isText = (node: Node): boolean => node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;

/** Child elements with this namespace and local name. */
export function children(parent: Node, ns: string, name: string): Element[] {
  const found: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && n.namespaceURI === ns && n.localName === name) found.push(n);
  }
  return found;
}

export const child = (parent: Node, ns: string, name: string): Element | undefined => children(parent, ns, name)[0];

export const lineOf = (node: Node): number | undefined => (node as { lineNumber?: number }).lineNumber;

/** Builds namespaced elements with attributes and children; text is a Text node (escaped on output). */
export class XmlBuilder {
  readonly document: Document;
  constructor(
    private readonly ns: string,
    rootName: string,
  ) {
    this.document = new DOMParser().parseFromString(`<${rootName} xmlns="${ns}"/>`, 'text/xml');
  }

  get root(): Element {
    return this.document.documentElement!;
  }

  element(name: string, attributes: Record<string, string | undefined> = {}, content: (Node | string)[] = [], ns = this.ns): Element {
    const element = this.document.createElementNS(ns, name);
    for (const [key, value] of Object.entries(attributes)) {
      if (value === undefined) continue;
      if (key.startsWith('xml:')) element.setAttributeNS('http://www.w3.org/XML/1998/namespace', key, value);
      else element.setAttribute(key, value);
    }
    for (const c of content) element.appendChild(typeof c === 'string' ? this.document.createTextNode(c) : c);
    return element;
  }

  /** Appends children with a line break and indentation before each (structure only, never inside text). */
  indent(parent: Element, items: Element[], depth: number): Element {
    for (const item of items) {
      parent.appendChild(this.document.createTextNode(`\n${'  '.repeat(depth)}`));
      parent.appendChild(item);
    }
    if (items.length > 0) parent.appendChild(this.document.createTextNode(`\n${'  '.repeat(depth - 1)}`));
    return parent;
  }

  serialize(): string {
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(this.document)}\n`;
  }
}
