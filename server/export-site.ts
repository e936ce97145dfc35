// `npm run tandem -- export-site DIR`: every published edition as a static website, the readers'
// scale-out path (a mirror on any static host, a folder opened from disk).
//
//   DIR/index.html                         the interface languages
//   DIR/<ui>/index.html                    the statements and their published editions
//   DIR/<ui>/<sid>/<locale>/index.html     the latest version; v<n>.html each version; versions.html
//   DIR/<ui>/<sid>/compare.html            the latest versions side by side
//   DIR/downloads/<sid>.<locale>.v<n>.md|txt|html
//   DIR/static/*.css, DIR/fonts/*.woff2    styles and the fonts they name
//   DIR/manifest.json                      SHA-256 of every file
//
// Links are relative (and name index.html), so the site works from file:// and under any path;
// pages carry no script. A file is written only when its bytes changed. The data directory is
// read, never written, and its lock is not taken: the export runs beside a running server.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getEdition } from './services/editions.js';
import { downloadFile } from './http/downloads/index.js';
import { versionModel, versionsModel } from './http/pages/editions.js';
import { groupRows, presentRows } from './http/presenters/edition.js';
import { DOWNLOAD_FORMATS, downloadName, type EditionLinks } from './http/presenters/version.js';
import { fontStylesheets } from './http/fonts.js';
import { renderView } from './http/views.js';
import { isUiLanguage, loadI18n, UI_LANGUAGES, type I18n, type UiLanguage } from './i18n/index.js';
import type { ServiceDeps } from './services/deps.js';
import { bcryptHasher, randomToken } from './services/passwords.js';
import { readEdition, type EditionReading } from './services/publishing.js';
import { openStore } from './store/lowdb-store.js';
import { ROOT as root } from './root.js';

const UI_NAMES: Record<UiLanguage, string> = { en: 'English', my: 'မြန်မာ', km: 'ខ្មែរ' };

export interface ExportResult {
  files: number;
  written: string[];
}

/** Opens the data directory for reading only and exports it into `outDir`. */
export async function exportSite(dataDir: string, outDir: string): Promise<ExportResult> {
  if (!existsSync(path.join(dataDir, 'tandem.json'))) throw new Error(`${dataDir} holds no tandem.json: it is not a Tandem data directory.`);
  // Opening reads every file; nothing is written while no change is asked for.
  const store = await openStore(dataDir, { backups: 0 });
  try {
    const deps: ServiceDeps = { store, now: () => new Date(), randomToken, passwords: bcryptHasher() };
    const files = await siteFiles(deps, await loadI18n(path.join(root, 'locales')));
    return await writeSite(outDir, files);
  } finally {
    await store.close();
  }
}

/** Every file of the site, by relative path. */
export async function siteFiles(deps: ServiceDeps, i18n: I18n): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const put = (file: string, content: string | Buffer) => files.set(file, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  const statements = [];
  for (const statement of await deps.store.listStatements()) {
    const published = await deps.store.latestEditionVersions(statement.id);
    if (Object.keys(published).length > 0) statements.push({ statement, published });
  }

  for (const ui of UI_LANGUAGES) {
    const tr = i18n.translator(ui);
    /** A page of the site at `<ui>/<file>`, framed with links relative to where it lies. */
    const putPage = async (file: string, view: string, model: object) =>
      put(`${ui}/${file}`, await renderView(view, { tr, site: site(ui, file), ...model }));
    const index = [];
    for (const { statement, published } of statements) {
      const sid = statement.id;
      const tags = sortedTags(Object.keys(published), statement.sourceLocale);
      const hasCompare = tags.length >= 2;
      const locales = [];
      for (const locale of tags) {
        const latest = published[locale]!;
        for (let n = 1; n <= latest; n += 1) {
          const reading = onlyPublished(await readEdition(deps, sid, locale, n));
          const links = siteLinks(ui, sid, 3, hasCompare);
          await putPage(`${sid}/${locale}/v${n}.html`, 'site/version', versionModel(reading, tr, links, { latestUrl: false }));
          if (n === latest) {
            await putPage(`${sid}/${locale}/index.html`, 'site/version', versionModel(reading, tr, links, { latestUrl: true }));
            await putPage(`${sid}/${locale}/versions.html`, 'site/versions', await versionsModel(deps, reading, tr, links));
            locales.push({
              tag: locale,
              autonym: reading.locale.autonym,
              dir: reading.locale.direction,
              href: `${sid}/${locale}/index.html`,
              published: tr.t('publishing.index.published', { version: tr.number(latest) }),
            });
          }
        }
      }
      const compareTags = tags.slice(0, 4);
      if (compareTags.length >= 2) {
        const edition = await getEdition(deps, sid, compareTags, { published: true });
        await putPage(`${sid}/compare.html`, 'site/compare', {
          title: `${tr.t('compare.title')} · ${statement.title}`,
          columns: edition.locales.map((l) => ({ tag: l.tag, autonym: l.autonym, dir: l.direction, href: `${l.tag}/index.html` })),
          groups: groupRows(presentRows(edition.rows, tr, { inCompare: true })),
        });
      }
      index.push({
        title: statement.title,
        titleLang: statement.sourceLocale,
        href: `${sid}/${statement.sourceLocale}/index.html`,
        locales,
        compareHref: compareTags.length >= 2 ? `${sid}/compare.html` : '',
      });
    }
    await putPage('index.html', 'site/index', { statements: index });
  }

  // Downloads, each stamped in the edition's language when it is an interface language.
  for (const { statement, published } of statements) {
    for (const [locale, latest] of Object.entries(published)) {
      const tr = i18n.translator(isUiLanguage(locale) ? locale : 'en');
      for (let n = 1; n <= latest; n += 1) {
        const reading = await readEdition(deps, statement.id, locale, n);
        for (const format of DOWNLOAD_FORMATS) put(`downloads/${downloadName(reading.version, format)}`, (await downloadFile(reading, format, tr)).body);
      }
    }
  }

  put('index.html', await renderView('site/languages', { ui: UI_LANGUAGES.map((u) => ({ lang: u, label: UI_NAMES[u], href: `${u}/index.html` })) }));
  const exported = [...new Set([...UI_LANGUAGES, ...statements.flatMap((s) => Object.keys(s.published))])];
  for (const [file, content] of await assets(exported)) put(file, content);
  return files;
}

/** The source language first, then the others in tag order. */
const sortedTags = (tags: string[], source: string) => [...tags].sort((a, b) => Number(b === source) - Number(a === source) || a.localeCompare(b));

/** The switcher of the export lists published languages only: others have no page there. */
function onlyPublished(reading: EditionReading): EditionReading {
  return { ...reading, languages: reading.languages.filter((l) => reading.published[l.tag]) };
}

/** Links from a page `depth` folders below the site's root, inside interface language `ui`. */
function siteLinks(ui: UiLanguage, sid: string, depth: number, hasCompare: boolean): EditionLinks {
  const up = '../'.repeat(depth);
  const base = `${up}${ui}/${sid}`;
  return {
    latest: (locale) => `${base}/${locale}/index.html`,
    version: (locale, n) => `${base}/${locale}/v${n}.html`,
    versions: (locale) => `${base}/${locale}/versions.html`,
    compare: () => (hasCompare ? `${base}/compare.html` : ''),
    download: (locale, n, format) => `${up}downloads/${downloadName({ statementId: sid, locale, version: n }, format)}`,
    home: `${up}${ui}/index.html`,
  };
}

/** The header of a page at `file` (relative to its interface language's folder): root, home, the same page in the other languages. */
function site(ui: UiLanguage, file: string) {
  const up = '../'.repeat(file.split('/').length);
  return {
    root: up,
    home: `${up}${ui}/index.html`,
    ui: UI_LANGUAGES.map((u) => ({ lang: u, name: UI_NAMES[u], href: `${up}${u}/${file}`, current: u === ui })),
  };
}

/** Styles and the fonts they name, with the font URLs made relative. */
async function assets(locales: readonly string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  // The site's one stylesheet carries the fonts of every language it holds (no font server there).
  const css = (await readFile(path.join(root, 'public', 'css', 'tandem.css'), 'utf8')) + '\n' + fontStylesheets(root)(locales);
  const fonts = new Set<string>();
  const relative = css.replace(/url\(\/fonts\/([a-z0-9-]+)\/files\/([a-z0-9-]+\.woff2)\)/g, (_m, pkg: string, file: string) => {
    fonts.add(`${pkg}/files/${file}`);
    return `url(../fonts/${file})`;
  });
  out.set('static/tandem.css', Buffer.from(relative, 'utf8'));
  out.set('static/publishing.css', await readFile(path.join(root, 'public', 'css', 'publishing.css')));
  for (const font of fonts) out.set(`fonts/${path.basename(font)}`, await readFile(path.join(root, 'node_modules', '@fontsource', font)));
  return out;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Writes the files whose bytes changed (temp file and rename), then the manifest. */
async function writeSite(outDir: string, files: Map<string, Buffer>): Promise<ExportResult> {
  const written: string[] = [];
  const manifest = {
    format: 'tandem-site',
    files: [...files].sort(([a], [b]) => a.localeCompare(b)).map(([file, bytes]) => ({ path: file, bytes: bytes.length, sha256: sha256(bytes) })),
  };
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`, 'utf8'));
  for (const [file, bytes] of files) {
    const target = path.join(outDir, ...file.split('/'));
    const current = await readFile(target).catch(() => undefined);
    if (current && current.equals(bytes)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.tmp-${process.pid}`;
    await writeFile(temp, bytes);
    await rename(temp, target);
    written.push(file);
  }
  return { files: files.size, written };
}
