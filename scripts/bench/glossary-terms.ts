// A glossary of thousands of terms made from the first statement, for the glossary bench and the
// tests that render a workspace with it: every name of a signatory or supporter, then two- and
// three-word phrases of its paragraphs, then numbered made-up terms, up to `count`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { termKey, type GlossaryEntry } from '../../server/domain/glossary.js';
import { decodeStatementSource, segmentMarkdown } from '../../server/domain/segmenter.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SID = '2022-01-04-joint-statement-hun-sen-myanmar-junta';

/** The first statement's segments' source texts. */
export function statementSources(): string[] {
  return segmentMarkdown(decodeStatementSource(readFileSync(path.join(root, 'content', `${SID}.md`)))).map((b) => b.source);
}

export function glossaryOf(count: number, locale = 'my'): GlossaryEntry[] {
  const sources = statementSources();
  const words = sources.flatMap((s) => s.split(/[^\p{L}\p{N}'-]+/u).filter(Boolean));
  const candidates = [
    ...sources.filter((s) => s.length < 60 && !s.includes('<')),
    ...words.flatMap((_, i) => [words.slice(i, i + 2).join(' '), words.slice(i, i + 3).join(' ')]),
  ];
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const term of candidates) {
    const key = termKey(term);
    if (key.length < 3 || seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
    if (terms.length === count) break;
  }
  for (let n = 0; terms.length < count; n++) terms.push(`Made-up term ${n}`);
  return terms.map((term, i) => ({
    id: `g${i}`,
    locale,
    term,
    translation: `ဘာသာပြန် ${i}`,
    note: '',
    doNotTranslate: false,
    updatedAt: '2022-01-04T00:00:00.000Z',
  }));
}
