// Reads an uploaded file: UTF-8 only, the format recognised from the content (and compared with
// the one the caller named), then the format's reader. Any problem refuses the whole file.
import type { ImportedFile, ImportFormat } from './types.js';
import { readPo } from './po.js';
import { readXliff12, XLIFF11_NS, XLIFF12_NS } from './xliff12.js';
import { readXliff20, XLIFF20_NS } from './xliff20.js';
import { fileError, parseXml } from './xml.js';

export function readInterchangeFile(bytes: Uint8Array, declared?: ImportFormat): ImportedFile {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw fileError('not_utf8');
  }
  if (text.trim() === '') throw fileError('empty_file');
  const file = text.trimStart().startsWith('<') ? readXml(text) : readPoText(text);
  if (declared && declared !== file.format) throw fileError('format_mismatch', { declared, found: file.format });
  if (file.units.length === 0) throw fileError('no_units');
  return file;
}

function readXml(text: string): ImportedFile {
  const root = parseXml(text).documentElement;
  if (!root || root.localName !== 'xliff') throw fileError('not_xliff');
  if (root.namespaceURI === XLIFF20_NS) return readXliff20(root.ownerDocument!);
  if (root.namespaceURI === XLIFF12_NS || root.namespaceURI === XLIFF11_NS) return readXliff12(root.ownerDocument!);
  throw fileError('not_xliff');
}

function readPoText(text: string): ImportedFile {
  if (!/^\s*msgid\s/m.test(text)) throw fileError('unknown_format');
  return readPo(text);
}
