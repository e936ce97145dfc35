// A version as plain text: one paragraph per segment, list numbers in the edition's digits, each
// link's URL after its words, then the stamp.
import type { EditionVersion, VersionSegment } from '../../domain/edition-version.js';
import { parseSegmentText, placeholderValues, type InlinePart } from '../../domain/placeholders.js';
import type { StampView } from '../presenters/version.js';

function inline(parts: readonly InlinePart[], segment: VersionSegment): string {
  const links = placeholderValues(segment, 'link');
  const tokens = placeholderValues(segment, 'token');
  return parts
    .map((part) => {
      if (part.type === 'text') return part.text;
      if (part.type === 'token') return tokens[part.n] ?? '';
      const url = links[part.n];
      const words = inline(part.children, segment);
      return url && /^(https?|mailto):/i.test(url) ? `${words} <${url}>` : words;
    })
    .join('');
}

export function versionToText(v: EditionVersion, stamp: StampView, numberIn: (n: number) => string): string {
  const lines: string[] = [];
  let previousKind = '';
  for (const s of v.segments) {
    const text = inline(parseSegmentText(s.text, s.placeholders).parts, s).replace(/\s*\n\s*/g, ' ');
    const listed = s.kind === 'signatory' || s.kind === 'supporter' || s.kind === 'contact';
    if (!(listed && previousKind === s.kind)) lines.push('');
    lines.push(listed ? `${s.listNumber === undefined ? '-' : `${numberIn(s.listNumber)}.`} ${text}` : text);
    if (s.kind === 'title') lines.push('='.repeat(Math.min(60, [...text].length)));
    previousKind = s.kind;
  }
  lines.push('', '----', stamp.heading, ...stamp.lines, ...(stamp.note ? [stamp.note] : []));
  return `${lines.join('\n').trim()}\n`;
}
