// Turns a segment's parts into HTML. Every text is escaped; the only markup produced is <a> for
// the source's own link placeholders, with the source's URL: translators cannot add or change links.
import type { InlinePart } from '../../domain/placeholders.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Link targets a published page may carry: same-page anchors, http(s) and mailto. */
const SAFE_URL = /^(#[^\s]*|https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

export function partsToHtml(parts: readonly InlinePart[], links: Record<number, string>, tokens: Record<number, string>): string {
  return parts
    .map((part) => {
      switch (part.type) {
        case 'text':
          return escapeHtml(part.text);
        case 'token':
          return `<span class="token">${escapeHtml(tokens[part.n] ?? '')}</span>`;
        case 'link': {
          const inner = partsToHtml(part.children, links, tokens);
          const url = links[part.n];
          return url && SAFE_URL.test(url) ? `<a href="${escapeHtml(url)}" rel="noopener">${inner}</a>` : inner;
        }
      }
    })
    .join('');
}
