// Turns a statement's Markdown into translatable blocks: one per heading, paragraph or list item.
// Like MediaWiki Translate's TranslatablePageParser it is a pure function that returns plain
// values. Blocks come from markdown-it's token stream; only inline text is looked at with regexes
// (e-mail addresses, dates, sentence ends).
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { DomainError } from './errors.js';
import type { Placeholder, SegmentKind } from './types.js';

export interface ParsedBlock {
  kind: SegmentKind;
  source: string;
  placeholders: Placeholder[];
  listNumber?: number;
}

// No linkify (we lock e-mail addresses ourselves), no typographer (quotes and dashes stay exactly
// as written), no raw HTML (it stays text).
const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
// Keep link targets as written: markdown-it would percent-encode them. validateLink still refuses
// javascript:, data: and the like (such a "link" stays literal text).
md.normalizeLink = (url) => url;
md.normalizeLinkText = (url) => url;

/** Decodes bytes as UTF-8, refusing invalid UTF-8 and stripping a BOM. */
export function decodeStatementSource(bytes: Uint8Array): string {
  try {
    // fatal: throw instead of inserting U+FFFD; ignoreBOM false (the default) strips a BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('import_failed', 'import.not_utf8');
  }
}

/** Parses Markdown into blocks (see DESIGN.md, Segmenter). */
export function segmentMarkdown(markdown: string): ParsedBlock[] {
  const src = markdown.replace(/^\uFEFF/, '');
  if (src.trim() === '') throw new DomainError('import_failed', 'import.empty');
  const raw = gatherNameLines(joinPageBreaks(splitLabelLines(collectBlocks(md.parse(src, {})))));
  const blocks = classify(raw.filter((block) => render(block.inline).source !== ''));
  if (blocks.length === 0) throw new DomainError('import_failed', 'import.no_blocks');
  return blocks;
}

/** Inline content reduced to what a segment keeps: text and link boundaries. */
type Inline = { type: 'text'; text: string } | { type: 'open'; href: string } | { type: 'close' } | { type: 'break' };

interface RawBlock {
  role: 'heading' | 'paragraph' | 'item';
  inline: Inline[];
  /** Number as written in the source ("35." gives 35), so a list the parser split stays numbered. */
  listNumber?: number;
  /** A paragraph outside any list, blockquote or table: only those can be joined or be labels. */
  topLevel: boolean;
  /** Token positions, to know whether two paragraphs are adjacent with nothing in between. */
  openAt: number;
  closeAt: number;
  followedByList: boolean;
  /** A short line ending in a colon that opens a section of names or addresses ("Signed by:"). */
  label?: boolean;
}

function collectBlocks(tokens: Token[]): RawBlock[] {
  const blocks: RawBlock[] = [];
  const openItems: RawBlock[] = [];
  tokens.forEach((token, i) => {
    if (token.type === 'list_item_open') {
      const listNumber = token.info ? Number(token.info) : undefined;
      const item: RawBlock = { role: 'item', inline: [], topLevel: false, openAt: i, closeAt: i, followedByList: false };
      if (listNumber !== undefined) item.listNumber = listNumber;
      blocks.push(item);
      openItems.push(item);
    } else if (token.type === 'list_item_close') {
      openItems.pop();
    } else if (token.type === 'inline' || token.type === 'code_block' || token.type === 'fence') {
      const inline = token.type === 'inline' ? toInline(token.children ?? []) : codeText(token.content);
      const item = openItems.at(-1);
      if (item) {
        // An item with several paragraphs is still one segment.
        if (item.inline.length > 0) item.inline.push({ type: 'text', text: ' ' });
        item.inline.push(...inline);
        return;
      }
      const opener = tokens[i - 1];
      const isParagraph = opener?.type === 'paragraph_open';
      const next = tokens[i + 2]?.type;
      blocks.push({
        role: opener?.type === 'heading_open' ? 'heading' : 'paragraph',
        inline,
        topLevel: isParagraph && opener.level === 0,
        openAt: i - 1,
        closeAt: i + 1,
        followedByList: isParagraph && (next === 'bullet_list_open' || next === 'ordered_list_open'),
      });
    }
  });
  return blocks;
}

function toInline(children: Token[]): Inline[] {
  const out: Inline[] = [];
  let droppedLink = false;
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
      case 'image': // alt text
        out.push({ type: 'text', text: child.content });
        break;
      case 'softbreak':
      case 'hardbreak':
        out.push({ type: 'break' }); // a space, unless it ends a label line (splitLabelLines)
        break;
      case 'link_open': {
        const href = String(child.attrGet('href') ?? '');
        // <someone@example.org> is an address, locked as a token below, not a link to translate.
        droppedLink = child.markup === 'autolink' && href.startsWith('mailto:');
        if (!droppedLink) out.push({ type: 'open', href });
        break;
      }
      case 'link_close':
        if (!droppedLink) out.push({ type: 'close' });
        droppedLink = false;
        break;
      // Emphasis and other markup: only their text children count.
    }
  }
  return out;
}

function codeText(content: string): Inline[] {
  return [{ type: 'text', text: content.split('\n').join(' ') }];
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** Segment text in placeholder form: links as `<N>words</N>`, e-mail addresses as `{N}`. */
function render(inline: Inline[]): { source: string; placeholders: Placeholder[] } {
  const placeholders: Placeholder[] = [];
  const open: number[] = [];
  let links = 0;
  let tokens = 0;
  let out = '';
  let pending = '';
  // Text is collected first so an address split over several text tokens is still found.
  const flush = () => {
    out += pending.replace(EMAIL, (address) => {
      tokens += 1;
      placeholders.push({ kind: 'token', n: tokens, value: address });
      return `{${tokens}}`;
    });
    pending = '';
  };
  for (const part of inline) {
    if (part.type === 'text' || part.type === 'break') {
      pending += part.type === 'text' ? part.text : ' ';
      continue;
    }
    flush();
    if (part.type === 'open') {
      links += 1;
      placeholders.push({ kind: 'link', n: links, value: part.href });
      open.push(links);
      out += `<${links}>`;
    } else {
      out += `</${open.pop()}>`;
    }
  }
  flush();
  return { source: out.trim(), placeholders };
}

function textOf(block: RawBlock): string {
  return block.inline
    .map((part) => (part.type === 'text' ? part.text : part.type === 'break' ? ' ' : ''))
    .join('')
    .trim();
}

/** Ends mid-sentence: a letter, digit or comma, not a full stop, colon, ။ or ។. */
const MID_SENTENCE_END = /[\p{L}\p{M}\p{N},;]$/u;
const LOWER_CASE_START = /^\p{Ll}/u;

/**
 * Repairs a paragraph split in two at a PDF page break: adjacent top-level paragraphs where the
 * first ends mid-sentence and the second starts in lower case are one paragraph. The first block
 * (the title) is never joined.
 */
function joinPageBreaks(blocks: RawBlock[]): RawBlock[] {
  const out: RawBlock[] = [];
  for (const block of blocks) {
    const prev = out.at(-1);
    const joinable =
      prev !== undefined &&
      out.length > 1 &&
      prev.role === 'paragraph' &&
      block.role === 'paragraph' &&
      prev.topLevel &&
      block.topLevel &&
      block.openAt === prev.closeAt + 1 &&
      MID_SENTENCE_END.test(textOf(prev)) &&
      LOWER_CASE_START.test(textOf(block));
    if (joinable) {
      out[out.length - 1] = {
        ...block,
        inline: [...prev.inline, { type: 'text', text: ' ' }, ...block.inline],
        openAt: prev.openAt,
      };
    } else {
      out.push(block);
    }
  }
  return out;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DATE = new RegExp(`^(?:\\d{1,2} (?:${MONTHS}) \\d{4}|(?:${MONTHS}) \\d{1,2}, \\d{4}|\\d{4}-\\d{2}-\\d{2})$`);
/** In any language: a short line with a year in any digits (၂၀၂၄, ២០២៤, 2024), right after the title. */
const SHORT_DATED = /^(?=.{1,40}$).*(?<!\p{Nd})\p{Nd}{4}(?!\p{Nd})/u;

/** Colons: Latin and full-width, and Khmer's own ៖. */
const LABEL_END = /[:：៖]$/u;
const MAX_LABEL_LENGTH = 100;
const isLabelText = (text: string) => text.length <= MAX_LABEL_LENGTH && LABEL_END.test(text);

/** Sentence ends: a name or an address has none (an abbreviation like "Inc." aside). */
const SENTENCE_END = /(?:[။។៕!?？！؟]|[\p{L}\p{M}]{5,}\.)$/u;
const MAX_NAME_LENGTH = 120;
const isNameLine = (text: string) => text !== '' && text.length <= MAX_NAME_LENGTH && !SENTENCE_END.test(text) && !LABEL_END.test(text);

/** Something to reach a person by: an e-mail address, a web address or a telephone number. */
const ADDRESS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.\p{L}|https?:\/\/|www\.|\+?\p{Nd}[\p{Nd} ().-]{6,}\p{Nd}/u;

/**
 * A paragraph whose first line is a label ("ဆက်သွယ်ရန်:" followed, without a blank line, by lines
 * of names and addresses) is the label and one item per line.
 */
function splitLabelLines(blocks: RawBlock[]): RawBlock[] {
  return blocks.flatMap((block) => {
    if (block.role !== 'paragraph' || !block.topLevel) return [block];
    const lines: Inline[][] = [[]];
    for (const part of block.inline) {
      if (part.type === 'break') lines.push([]);
      else lines.at(-1)!.push(part);
    }
    const text = (inline: Inline[]) =>
      inline
        .map((p) => (p.type === 'text' ? p.text : ''))
        .join('')
        .trim();
    if (lines.length < 2 || !isLabelText(text(lines[0]!))) return [block];
    const label: RawBlock = { ...block, inline: lines[0]!, label: true, followedByList: false };
    const items = lines
      .slice(1)
      .filter((line) => text(line) !== '')
      .map((inline): RawBlock => ({ role: 'item', inline, topLevel: false, openAt: block.openAt, closeAt: block.closeAt, followedByList: false }));
    return [label, ...items];
  });
}

/**
 * A label followed by short paragraphs of names (one per line, blank lines between them): those
 * paragraphs are the items of the label's section, like a list.
 */
function gatherNameLines(blocks: RawBlock[]): RawBlock[] {
  const out = blocks.map((block) => ({ ...block }));
  out.forEach((block, i) => {
    if (i === 0 || block.role !== 'paragraph' || !block.topLevel || block.followedByList || block.label) return;
    if (!isLabelText(textOf(block))) return;
    let j = i + 1;
    while (j < out.length && out[j]!.role === 'paragraph' && out[j]!.topLevel && isNameLine(textOf(out[j]!))) {
      out[j] = { ...out[j]!, role: 'item' };
      j++;
    }
    if (j > i + 1) block.label = true;
  });
  return out;
}

/**
 * The kind of a section's items, from their structure only (never from the label's words, so it
 * works in any language): addresses make contacts; the first list of names is the signatories,
 * a later one the supporters; anything else stays paragraphs.
 */
function sectionKind(items: string[], namesSeen: number): SegmentKind {
  if (items.some((text) => ADDRESS.test(text))) return 'contact';
  const names = items.filter(isNameLine).length;
  if (items.length > 0 && names >= items.length * 0.75) return namesSeen === 0 ? 'signatory' : 'supporter';
  return 'paragraph';
}

function classify(blocks: RawBlock[]): ParsedBlock[] {
  const isLabel = (block: RawBlock) =>
    block.label === true || (block.role === 'paragraph' && block.topLevel && block.followedByList && isLabelText(textOf(block)));
  const kinds: SegmentKind[] = blocks.map((block, index) => {
    const text = textOf(block);
    if (index === 0 && block.role !== 'item') return 'title';
    if (block.role === 'heading' || isLabel(block)) return 'heading';
    if (block.role === 'item') return 'paragraph'; // decided per section below
    if (DATE.test(text) || (index === 1 && SHORT_DATED.test(text))) return 'date';
    return 'paragraph';
  });
  // A section runs from a heading or label to the next one, so every list under "Signed by:" is
  // signatories even when the parser split the list in several.
  let namesSeen = 0;
  let start = 0;
  while (start < blocks.length) {
    let end = start + 1;
    while (end < blocks.length && kinds[end] !== 'heading') end++;
    const opensSection = kinds[start] === 'heading';
    const items = blocks.map((b, i) => i).filter((i) => i > start && i < end && blocks[i]!.role === 'item');
    if (opensSection && items.length > 0) {
      const kind = sectionKind(
        items.map((i) => textOf(blocks[i]!)),
        namesSeen,
      );
      if (kind === 'signatory' || kind === 'supporter') namesSeen++;
      for (const i of items) kinds[i] = kind;
    }
    start = end;
  }
  return blocks.map((block, index) => {
    const { source, placeholders } = render(block.inline);
    const parsed: ParsedBlock = { kind: kinds[index]!, source, placeholders };
    if (block.listNumber !== undefined) parsed.listNumber = block.listNumber;
    return parsed;
  });
}
