// gettext PO, one entry per segment: msgctxt = segment id, msgid = source and msgstr = translation,
// both with the workspace's markers (`<1>…</1>`, `{1}`) exactly as translators see them there.
// Extracted comments (`#.`, shown by Poedit as notes for translators) say the segment kind, what
// the markers are, the editor's comment and `tandem-revision: N`, the revision at export. Draft,
// needs-work and outdated translations are `#, fuzzy`. Written and read with gettext-parser.
import { po, type PoData, type PoEntry } from 'gettext-parser';
import { pluralForms } from './plural-forms.js';
import { poFuzzy } from './states.js';
import { KIND_NOTE, type ExportDocument, type ImportedFile, type ImportedUnit } from './types.js';
import { placeholderNote } from './xliff20.js';
import { fileError } from './xml.js';

const REVISION = /^tandem-revision:\s*(\d{1,9})\s*$/m;

export function writePo(doc: ExportDocument): string {
  const entries: Record<string, Record<string, PoEntry>> = { '': { '': { msgid: '', msgstr: [''] } } };
  for (const { segment, translation, comment } of doc.units) {
    const extracted = [`Segment: ${KIND_NOTE[segment.kind]}`];
    const codes = placeholderNote(segment.placeholders);
    if (codes) extracted.push(codes);
    if (comment) extracted.push(`Editor's comment: ${comment}`.replace(/\n/g, ' '));
    extracted.push(`tandem-revision: ${translation?.revision ?? 0}`);
    const text = translation?.text ?? '';
    const fuzzy = text !== '' && translation !== undefined && poFuzzy(translation.status);
    entries[segment.id] = {
      [segment.source]: {
        msgctxt: segment.id,
        msgid: segment.source,
        msgstr: [text],
        comments: { extracted: extracted.join('\n'), ...(fuzzy ? { flag: 'fuzzy' } : {}) },
      },
    };
  }
  const data: PoData = {
    charset: 'utf-8',
    headers: {
      'Project-Id-Version': `${doc.statementId} ${doc.sourceRevision}`,
      'PO-Revision-Date': poDate(doc.exportedAt),
      'Last-Translator': 'Tandem',
      'Language-Team': doc.targetLocale,
      Language: doc.targetLocale.replace(/-/g, '_'),
      'MIME-Version': '1.0',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
      'Plural-Forms': pluralForms(doc.targetLocale),
      'X-Generator': 'Tandem',
      'X-Tandem-Statement': doc.statementId,
      'X-Tandem-Source-Language': doc.sourceLocale,
    },
    translations: entries,
  };
  // gettext-parser writes the charset in lower case; gettext's own tools write UTF-8.
  const text = po.compile(data, { foldLength: 0 }).toString('utf8');
  return `${text.replace('"Content-Type: text/plain; charset=utf-8\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"')}\n`;
}

/** "2026-11-30 08:41+0000", the form PO headers use. */
function poDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}+0000`;
}

export function readPo(text: string): ImportedFile {
  let data: PoData;
  try {
    data = po.parse(text, { validation: true });
  } catch (e) {
    const message = String((e as Error).message);
    const line = /line (\d+)/.exec(message)?.[1];
    const duplicate = /in "([^"]*)" context/.exec(message)?.[1];
    if (line) throw fileError('malformed_po', { line: Number(line) });
    if (duplicate !== undefined) throw fileError('po_duplicate', { unit: duplicate });
    throw fileError('unreadable_po');
  }
  const charset = /charset=([^;\s]+)/i.exec(data.headers['Content-Type'] ?? '')?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) throw fileError('po_charset', { charset });
  const units: ImportedUnit[] = [];
  for (const [context, group] of Object.entries(data.translations)) {
    for (const entry of Object.values(group)) {
      if (context === '' && entry.msgid === '') continue; // the header
      if (context === '') throw fileError('po_without_context', { text: excerpt(entry.msgid) });
      if (entry.msgid_plural !== undefined) throw fileError('po_plural', { unit: context });
      const flags = (entry.comments?.flag ?? '').split(/[\s,]+/);
      const revision = REVISION.exec(entry.comments?.extracted ?? '')?.[1];
      units.push({
        segmentId: context,
        source: entry.msgid,
        target: entry.msgstr[0],
        state: flags.includes('fuzzy') ? 'unfinished' : 'translated',
        revision: revision === undefined ? undefined : Number(revision),
        foreignCodes: [],
        line: undefined,
      });
    }
  }
  const language = data.headers.Language?.trim();
  return { format: 'po', sourceLocale: undefined, targetLocale: language ? language.replace(/_/g, '-') : undefined, units };
}

const excerpt = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
