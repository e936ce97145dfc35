// A version as Markdown: the structure of the source kept (title, headings, paragraphs, the
// numbered signatory list with its numbers, the other lists, links with their URLs), then the stamp.
import type { EditionVersion, VersionSegment } from '../../domain/edition-version.js';
import { parseSegmentText, placeholderValues, type InlinePart } from '../../domain/placeholders.js';
import type { StampView } from '../presenters/version.js';

/** Characters Markdown would read as markup inside a paragraph. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|]/g;
const escapeMarkdown = (text: string) => text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);

function inline(parts: readonly InlinePart[], segment: VersionSegment): string {
  const links = placeholderValues(segment, 'link');
  const tokens = placeholderValues(segment, 'token');
  return parts
    .map((part) => {
      if (part.type === 'text') return escapeMarkdown(part.text.replace(/\s*\n\s*/g, ' '));
      if (part.type === 'token') return escapeMarkdown(tokens[part.n] ?? '');
      const url = links[part.n];
      const words = inline(part.children, segment);
      return url ? `[${words}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)` : words;
    })
    .join('');
}

export function versionToMarkdown(v: EditionVersion, stamp: StampView): string {
  const blocks: string[] = [];
  let list: string[] = [];
  let listKind = '';
  const flush = () => {
    if (list.length) blocks.push(list.join('\n'));
    list = [];
    listKind = '';
  };
  for (const s of v.segments) {
    const text = inline(parseSegmentText(s.text, s.placeholders).parts, s);
    if (s.kind === 'signatory' || s.kind === 'supporter' || s.kind === 'contact') {
      if (listKind !== s.kind) flush();
      listKind = s.kind;
      list.push(s.listNumber === undefined ? `- ${text}` : `${s.listNumber}. ${text}`);
      continue;
    }
    flush();
    if (s.kind === 'title') blocks.push(`# ${text}`);
    else if (s.kind === 'heading') blocks.push(`## ${text}`);
    else blocks.push(text);
  }
  flush();
  blocks.push('---');
  blocks.push(`**${escapeMarkdown(stamp.heading)}**`);
  blocks.push([...stamp.lines, ...(stamp.note ? [stamp.note] : [])].map((line) => `- ${escapeMarkdown(line)}`).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
