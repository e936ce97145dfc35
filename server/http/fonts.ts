// Fonts for the languages a page shows: one small stylesheet, /fonts/locales.css?l=my,km,ksw,
// with the @font-face rules of those languages' scripts (from the @fontsource packages, split by
// unicode-range, woff2 only) and a `:lang()` rule per language. Browsers download only the parts of
// a font whose characters the page draws. Latin, Cyrillic and Greek use the device's fonts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Router, type RequestHandler, type Response } from 'express';
import { fontForScript, type ScriptFont } from '../domain/fonts.js';
import { canonicalTag, describeLocale } from '../domain/locales.js';
import type { ServiceDeps } from '../services/deps.js';
import { enabledLocaleTags } from '../services/locales.js';

/** Interface languages: their names are on every page (the interface language switch). */
const INTERFACE_TAGS = ['my', 'km'];
/** Bump when the font packages change, so that browsers fetch the new stylesheet. */
const VERSION = '1';
const DEVICE_SUBSETS = /-(latin|latin-ext|cyrillic|cyrillic-ext|greek|greek-ext|vietnamese)-\d+-normal \*\//;

/** The font stylesheet of a set of languages: @font-face rules of their scripts and a :lang() rule each. */
export function fontStylesheets(root: string): (tags: readonly string[]) => string {
  const faces = new Map<string, string>();

  /** The @font-face rules of one font, read once from its package, other scripts' subsets left out. */
  function facesOf(font: ScriptFont): string {
    let css = faces.get(font.package);
    if (css === undefined) {
      const dir = path.join(root, 'node_modules', '@fontsource', font.package);
      css = font.weights
        .map((w) => readFileSync(path.join(dir, `${w}.css`), 'utf8'))
        .join('\n')
        .split(/(?=\/\* )/)
        .filter((block) => block.includes('@font-face') && !DEVICE_SUBSETS.test(block.slice(0, 200)))
        .map((block) => block.replace(/url\(\.\/files\//g, `url(/fonts/${font.package}/files/`).replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, ''))
        .join('');
      faces.set(font.package, css);
    }
    return css;
  }

  function stylesheet(tags: readonly string[]): string {
    const fonts = new Map<string, ScriptFont>();
    const rules: string[] = [];
    for (const tag of tags) {
      const font = fontForScript(describeLocale({ tag }).script);
      if (!font || font === 'device') continue;
      fonts.set(font.package, font);
      rules.push(`:lang(${tag}) { font-family: '${font.family}', var(--sans); }`);
    }
    return [...[...fonts.values()].map(facesOf), ...rules].join('\n');
  }
  return stylesheet;
}

export function fontFaces(root: string): Router {
  const router = Router();
  const cached = new Map<string, string>();
  const stylesheet = fontStylesheets(root);

  router.get('/fonts/locales.css', (req, res) => {
    const raw = typeof req.query.l === 'string' ? req.query.l.slice(0, 2000) : '';
    const tags: string[] = [];
    for (const part of raw.split(',').slice(0, 100)) {
      try {
        tags.push(canonicalTag(part));
      } catch {
        // An unknown tag draws nothing: leave it out.
      }
    }
    const key = [...new Set(tags)].sort().join(',');
    let css = cached.get(key);
    if (css === undefined) {
      css = stylesheet(key ? key.split(',') : []);
      if (cached.size < 100) cached.set(key, css); // bounded: a few sets of enabled locales at most
    }
    res.type('text/css').set('Cache-Control', 'public, max-age=31536000, immutable').send(css);
  });
  return router;
}

/**
 * Gives every page the address of its font stylesheet (views/partials/head): the interface
 * languages and the enabled languages whose font is light (their names appear in switchers and
 * lists), plus what a page adds with `showFontsOf` for the languages whose text it shows.
 */
export function fontStylesheet(deps: ServiceDeps): RequestHandler {
  return async (_req, res, next) => {
    const enabled = await enabledLocaleTags(deps);
    const tags = new Set([...INTERFACE_TAGS, ...enabled.filter((tag) => !isHeavy(tag))]);
    res.locals.fontTags = tags;
    Object.defineProperty(res.locals, 'fontsHref', {
      enumerable: true,
      get: () => `/fonts/locales.css?l=${[...tags].sort().map(encodeURIComponent).join(',')}&v=${VERSION}`,
    });
    next();
  };
}

/** The page shows text in these languages: their fonts, heavy ones included, are declared too. */
export function showFontsOf(res: Response, tags: Iterable<string>): void {
  const set = res.locals.fontTags;
  if (set) for (const tag of tags) set.add(tag);
}

function isHeavy(tag: string): boolean {
  const font = fontForScript(describeLocale({ tag }).script);
  return typeof font === 'object' && font.heavy === true;
}
