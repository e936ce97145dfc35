// Renders a view to a string outside a response: readers' pages are rendered once for the cache
// (public-cache.ts), and the static export (export-site) renders the same views to files.
import ejs from 'ejs';
import path from 'node:path';
import { ROOT } from '../root.js';

export const VIEWS_DIR = path.join(ROOT, 'views');

/**
 * Options of every render. Includes are named from the views folder (`include('/partials/head')`)
 * and resolved against `root` with no file lookup per include; templates are compiled once.
 */
const EJS_OPTIONS = { root: VIEWS_DIR, cache: true, async: false } as const;

export function renderView(name: string, locals: Record<string, unknown>): Promise<string> {
  return ejs.renderFile(path.join(VIEWS_DIR, `${name}.ejs`), locals, EJS_OPTIONS) as Promise<string>;
}

/** The view engine Express renders pages with (`app.engine('ejs', viewEngine)`): the same options. */
export function viewEngine(file: string, data: object, done: (error: Error | null, html?: string) => void): void {
  ejs.renderFile(file, data, EJS_OPTIONS, done);
}
