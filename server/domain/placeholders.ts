// Reads segment text in placeholder form (`<1>linked words</1>`, `{1}`) into data parts.
// A marker only counts when the source has that placeholder, so a translation can move linked
// words but never create a link or a token the source did not have. Everything else, "<script>"
// included, is plain text: parts are data and views escape them.
import type { Placeholder } from './types.js';

export type InlinePart = { type: 'text'; text: string } | { type: 'link'; n: number; children: InlinePart[] } | { type: 'token'; n: number };

export interface PlaceholderProblem {
  code: 'missing_placeholder' | 'duplicate_placeholder' | 'unknown_placeholder' | 'unbalanced_tag';
  kind: 'link' | 'token';
  n: number;
}

const MARKER = /<(\/?)([1-9]\d*)>|\{([1-9]\d*)\}/g;

interface OpenLink {
  n: number;
  marker: string;
  children: InlinePart[];
}

export function parseSegmentText(text: string, placeholders: Placeholder[]): { parts: InlinePart[]; problems: PlaceholderProblem[] } {
  const known = {
    link: new Set(placeholders.filter((p) => p.kind === 'link').map((p) => p.n)),
    token: new Set(placeholders.filter((p) => p.kind === 'token').map((p) => p.n)),
  };
  const used = { link: new Set<number>(), token: new Set<number>() };
  const duplicatedLinks = new Set<number>();
  const problems: PlaceholderProblem[] = [];
  const report = (code: PlaceholderProblem['code'], kind: PlaceholderProblem['kind'], n: number) => {
    if (!problems.some((p) => p.code === code && p.kind === kind && p.n === n)) problems.push({ code, kind, n });
  };

  const root: InlinePart[] = [];
  const stack: OpenLink[] = [];
  const current = () => stack.at(-1)?.children ?? root;
  const addText = (s: string) => {
    if (s === '') return;
    const parts = current();
    const last = parts.at(-1);
    if (last?.type === 'text') last.text += s;
    else parts.push({ type: 'text', text: s });
  };
  const addPart = (part: InlinePart) => (part.type === 'text' ? addText(part.text) : current().push(part));
  // A link left open (or crossed by another's closing tag) falls back to text in its parent.
  const unwind = (link: OpenLink) => {
    report('unbalanced_tag', 'link', link.n);
    addText(link.marker);
    link.children.forEach(addPart);
  };

  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    addText(text.slice(last, match.index));
    last = match.index + match[0].length;
    const [marker, slash, linkNumber, tokenNumber] = match;
    if (tokenNumber !== undefined) {
      const n = Number(tokenNumber);
      if (!known.token.has(n)) report('unknown_placeholder', 'token', n);
      else if (used.token.has(n)) report('duplicate_placeholder', 'token', n);
      else {
        used.token.add(n);
        current().push({ type: 'token', n });
        continue;
      }
      addText(marker);
      continue;
    }
    const n = Number(linkNumber);
    if (!known.link.has(n)) {
      report('unknown_placeholder', 'link', n);
      addText(marker);
    } else if (slash === '') {
      if (used.link.has(n)) {
        report('duplicate_placeholder', 'link', n);
        duplicatedLinks.add(n);
        addText(marker);
      } else {
        used.link.add(n);
        stack.push({ n, marker, children: [] });
      }
    } else {
      const depth = stack.findIndex((link) => link.n === n);
      if (depth === -1) {
        // The closing tag of a duplicate is already reported as the duplicate.
        if (!duplicatedLinks.has(n)) report('unbalanced_tag', 'link', n);
        addText(marker);
      } else {
        while (stack.length > depth + 1) unwind(stack.pop()!);
        const link = stack.pop()!;
        current().push({ type: 'link', n, children: link.children });
      }
    }
  }
  addText(text.slice(last));
  while (stack.length > 0) unwind(stack.pop()!);

  for (const p of placeholders) {
    if (!used[p.kind].has(p.n)) report('missing_placeholder', p.kind, p.n);
  }
  return { parts: root, problems };
}

/** The URL of each link, or the value of each token, of a segment, by placeholder number. */
export function placeholderValues(segment: { placeholders: readonly Placeholder[] }, kind: 'link' | 'token'): Record<number, string> {
  return Object.fromEntries(segment.placeholders.filter((p) => p.kind === kind).map((p) => [p.n, p.value]));
}

/** Text without markers (link words kept, tokens replaced by their value), for search, TM and word counts. */
export function plainText(text: string, placeholders: Placeholder[]): string {
  const values = placeholderValues({ placeholders }, 'token');
  const flatten = (parts: InlinePart[]): string =>
    parts
      .map((part) => {
        if (part.type === 'text') return part.text;
        if (part.type === 'link') return flatten(part.children);
        return values[part.n] ?? '';
      })
      .join('');
  return flatten(parseSegmentText(text, placeholders).parts);
}
