// Renders a view to a string outside a response: readers' pages are rendered once for the cache
// (public-cache.ts), and the static export (export-site) renders the same views to files.
import ejs from 'ejs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const VIEWS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'views');

export function renderView(name: string, locals: Record<string, unknown>): Promise<string> {
  return ejs.renderFile(path.join(VIEWS_DIR, `${name}.ejs`), locals, { cache: true, async: false }) as Promise<string>;
}
