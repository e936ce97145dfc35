// A statement's id (a slug that names its file and its pages) when the admin gives none: its date
// and the Latin letters of its title, made unique. A title in Burmese or Khmer has none, so such a
// statement is named by its date (or "statement") and a number.
import { STATEMENT_ID } from './limits.js';

export { STATEMENT_ID };

export function statementIdFor(title: string, date: string | undefined, taken: ReadonlySet<string>): string {
  const words = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const base = [date, words].filter(Boolean).join('-') || 'statement';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
