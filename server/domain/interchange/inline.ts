// Links and e-mail tokens as inline codes, both ways. A segment's text in marker form
// (`<1>linked words</1>`, `{1}`) becomes a tree of parts (placeholders.ts); each format writes a
// link as a paired code around the linked words (XLIFF 2.0 `<pc>`, 1.2 `<g>`) and a token as a
// standalone code (`<ph>`, `<x>`), ids `l1`, `t1`... so CAT tools protect them and the translator
// moves them but cannot type a URL. Reading turns the codes back into markers; a code Tandem did
// not write is reported, and markers typed as plain text are kept as text for the checks to judge.
import type { Element, Node } from '@xmldom/xmldom';
import { parseSegmentText, type InlinePart } from '../placeholders.js';
import type { Placeholder } from '../types.js';
import { isElement, isText, type XmlBuilder } from './xml.js';

export interface CodeWriter {
  link(n: number, url: string, content: Node[]): Element;
  token(n: number, value: string): Element;
}

/** XML nodes for a segment text in marker form. */
export function writeInline(b: XmlBuilder, text: string, placeholders: Placeholder[], codes: CodeWriter): Node[] {
  const values = (kind: Placeholder['kind']) => new Map(placeholders.filter((p) => p.kind === kind).map((p) => [p.n, p.value]));
  const urls = values('link');
  const tokens = values('token');
  const write = (parts: InlinePart[]): Node[] =>
    parts.map((part) => {
      if (part.type === 'text') return b.document.createTextNode(part.text);
      if (part.type === 'link') return codes.link(part.n, urls.get(part.n) ?? '', write(part.children));
      return codes.token(part.n, tokens.get(part.n) ?? '');
    });
  return write(parseSegmentText(text, placeholders).parts);
}

/** The marker form of a text as Tandem writes it (the canonical form of a segment's source). */
export function canonicalText(text: string, placeholders: Placeholder[]): string {
  const render = (parts: InlinePart[]): string =>
    parts.map((p) => (p.type === 'text' ? p.text : p.type === 'link' ? `<${p.n}>${render(p.children)}</${p.n}>` : `{${p.n}}`)).join('');
  return render(parseSegmentText(text, placeholders).parts);
}

/** What an inline element of a format means: a link's start or end, a token, content, or unknown. */
export type CodeReading =
  | { type: 'paired'; n: number } // <pc>/<g> around content
  | { type: 'open'; n: number } // <sc>/<bx>
  | { type: 'close'; n: number } // <ec>/<ex>
  | { type: 'token'; n: number }
  | { type: 'content' } // <mrk>: an annotation, its content is text
  | { type: 'char'; text: string } // <cp hex="..."/>
  | { type: 'ignore' }
  | { type: 'foreign'; name: string };

/** How deep inline elements and groups may nest in a file that is read. */
export const MAX_DEPTH = 32;

/** Marker text of an element's content, and the codes Tandem did not write. */
export function readInline(element: Element, ns: string, recognize: (e: Element) => CodeReading): { text: string; foreign: string[] } {
  const foreign: string[] = [];
  const read = (parent: Node, depth = 0): string => {
    let out = '';
    // Tandem writes codes one level deep; a file nesting far deeper is not a translation.
    if (depth > MAX_DEPTH) {
      foreign.push('nesting');
      return out;
    }
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (isText(n)) out += n.nodeValue ?? '';
      else if (isElement(n)) {
        const code = n.namespaceURI === ns ? recognize(n) : { type: 'foreign' as const, name: n.nodeName };
        if (code.type === 'paired') out += `<${code.n}>${read(n, depth + 1)}</${code.n}>`;
        else if (code.type === 'open') out += `<${code.n}>`;
        else if (code.type === 'close') out += `</${code.n}>`;
        else if (code.type === 'token') out += `{${code.n}}`;
        else if (code.type === 'content') out += read(n, depth + 1);
        else if (code.type === 'char') out += code.text;
        else if (code.type === 'foreign') foreign.push(code.name);
      }
    }
    return out;
  };
  return { text: read(element), foreign };
}

/** `l3` -> 3 for links, `t2` -> 2 for tokens. */
export function codeNumber(id: string | null, kind: 'l' | 't'): number | undefined {
  const m = id ? /^([lt])([1-9]\d{0,3})$/.exec(id) : null;
  return m && m[1] === kind ? Number(m[2]) : undefined;
}

export function codePoint(hex: string | null): string | undefined {
  if (!hex || !/^[0-9A-Fa-f]{1,6}$/.test(hex)) return undefined;
  const cp = parseInt(hex, 16);
  return cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
}
