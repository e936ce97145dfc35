// Readers' pages of published editions: the latest version of an edition, every version by its
// permanent link, the list of versions with what changed, and each version's downloads. Every
// page is rendered once per interface language and kept compressed (public-cache.ts); a locale
// never published falls through to its preview (reader.ts).
import { showFontsOf } from '../fonts.js';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Translator } from '../../i18n/index.js';
import type { ServiceDeps } from '../../services/deps.js';
import { listVersions, readEdition, type EditionReading } from '../../services/publishing.js';
import { translatorOf } from '../language.js';
import { downloadFile } from '../downloads/index.js';
import {
  descriptionOf,
  DOWNLOAD_FORMATS,
  downloadName,
  headTags,
  publishedSwitcher,
  stampView,
  versionGroups,
  versionListEntry,
  type DownloadFormat,
  type EditionLinks,
} from '../presenters/version.js';
import type { ReaderCache } from '../public-cache.js';
import { anonymousLocals, serveReaderPage } from './reader-page.js';
import { renderView } from '../views.js';
import { sidLocale, validate } from '../validate.js';

const versionParams = sidLocale.extend({ n: z.coerce.number().int().min(1).max(1_000_000) });
const downloadParams = versionParams.extend({
  file: z
    .string()
    .max(200)
    .regex(/^[a-z0-9-]+\.[A-Za-z0-9-]+\.v[0-9]+\.(md|txt|html)$/),
});
const editionRoute = validate({ params: sidLocale });
const versionRoute = validate({ params: versionParams });
const downloadRoute = validate({ params: downloadParams });

/** Links on the server: absolute paths. */
export function serverLinks(sid: string): EditionLinks {
  return {
    latest: (locale) => `/s/${sid}/${locale}`,
    version: (locale, n) => `/s/${sid}/${locale}/v/${n}`,
    versions: (locale) => `/s/${sid}/${locale}/versions`,
    compare: (tags) => `/s/${sid}/compare?langs=${tags.join(',')}`,
    download: (locale, n, format) => `/s/${sid}/${locale}/v/${n}/${downloadName({ statementId: sid, locale, version: n }, format)}`,
    home: '/',
  };
}

/** The version page's view model (server and static export alike). */
export function versionModel(reading: EditionReading, tr: Translator, links: EditionLinks, options: { latestUrl: boolean }) {
  const { version: v, locale, source } = reading;
  const published = Object.keys(reading.published);
  const others = reading.languages
    .filter((l) => l.tag !== locale.tag)
    .slice(0, 2)
    .map((l) => l.tag);
  const newer = reading.latest > v.version;
  const corrected = reading.currentSourceRevision > v.sourceRevision;
  return {
    title: v.title,
    locale,
    stamp: stampView(v, reading.latest, reading.currentSourceRevision, locale, tr),
    notices: {
      ...(newer
        ? {
            newer: {
              text: tr.t('publishing.notice.newer', { version: tr.number(reading.latest) }),
              link: tr.t('publishing.notice.newer_link', { version: tr.number(reading.latest) }),
              href: links.latest(locale.tag),
            },
          }
        : {}),
      ...(corrected && locale.tag !== source.tag
        ? {
            corrected: {
              text: tr.t('publishing.notice.corrected'),
              link: tr.t('publishing.notice.corrected_link'),
              href: links.latest(source.tag),
              hreflang: source.tag,
            },
          }
        : {}),
      ...(v.approved < v.total && locale.tag !== source.tag
        ? { incomplete: tr.plural('edition.notice', v.total, { approved: tr.number(v.approved), percent: tr.percent(v.percentApproved) }) }
        : {}),
    },
    groups: versionGroups(v, locale, source, tr),
    switcher: publishedSwitcher(reading.languages, reading.published, [locale.tag], tr, (tag) => links.latest(tag)),
    compareHref: links.compare([...new Set([source.tag, locale.tag, ...others])].slice(0, 3)),
    versionsHref: links.versions(locale.tag),
    downloads: DOWNLOAD_FORMATS.map((format) => ({
      href: links.download(locale.tag, v.version, format),
      name: downloadName(v, format),
      label: tr.t(`publishing.download.${format}`),
      type: format === 'md' ? 'text/markdown' : format === 'txt' ? 'text/plain' : 'text/html',
    })),
    headExtra: headTags({
      title: v.title,
      titleLang: v.titleLang,
      description: descriptionOf(v),
      locale: locale.tag,
      // Alternates join the latest versions of a statement's editions; x-default is the source's.
      alternates:
        options.latestUrl && links.absolute
          ? [
              ...published.map((tag) => ({ hreflang: tag, href: links.absolute!(links.latest(tag)) })),
              { hreflang: 'x-default', href: links.absolute(links.latest(source.tag)) },
            ]
          : [],
      stylesheet: links.home === '/' ? '/static/css/publishing.css' : undefined,
    }),
  };
}

export function editionPages(deps: ServiceDeps, cache: ReaderCache): Router {
  const pages = Router();

  const anonymous = (req: Request, res: Response) => anonymousLocals(res, req.path);
  /** Absolute URLs (for hreflang alternates) only for a plain host name: a forged Host header gets none. */
  const hostOf = (req: Request) => {
    const host = req.get('host') ?? '';
    return /^[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?$/.test(host) ? host : '';
  };
  const absolute = (req: Request) => (hostOf(req) ? (path: string) => `${req.protocol}://${hostOf(req)}${path}` : undefined);
  /** What a version's page shows besides the version: the other editions and the source's revision. */
  const dependsOn = (r: EditionReading) =>
    `${r.latest}|${r.currentSourceRevision}|${JSON.stringify(r.published)}|${r.languages.map((l) => l.tag).join(',')}`;

  pages.get('/s/:sid/:locale', editionRoute, async (req, res, next) => {
    const { sid, locale } = editionRoute.input(res).params;
    if (locale === 'compare') return next();
    const published = await publishedEditionsOrNone(deps, sid);
    if (!published[locale]) return next(); // never published: the preview (reader.ts)
    const reading = await readEdition(deps, sid, locale);
    showFontsOf(res, [locale]);
    const links: EditionLinks = { ...serverLinks(sid), ...(absolute(req) ? { absolute: absolute(req) } : {}) };
    await serveReaderPage(cache, req, res, `latest|${sid}|${locale}|${req.protocol}://${hostOf(req)}|${dependsOn(reading)}`, 'revalidate', () =>
      renderView('version', { ...anonymous(req, res), ...versionModel(reading, translatorOf(res), links, { latestUrl: true }) }),
    );
  });

  pages.get('/s/:sid/:locale/v/:n', versionRoute, async (req, res) => {
    const { sid, locale, n } = versionRoute.input(res).params;
    const reading = await readEdition(deps, sid, locale, n);
    showFontsOf(res, [locale]);
    await serveReaderPage(cache, req, res, `v|${sid}|${locale}|${n}|${dependsOn(reading)}`, 'immutable', () =>
      renderView('version', { ...anonymous(req, res), ...versionModel(reading, translatorOf(res), serverLinks(sid), { latestUrl: false }) }),
    );
  });

  pages.get('/s/:sid/:locale/versions', editionRoute, async (req, res) => {
    const { sid, locale } = editionRoute.input(res).params;
    const reading = await readEdition(deps, sid, locale);
    showFontsOf(res, [locale]);
    await serveReaderPage(cache, req, res, `versions|${sid}|${locale}|${dependsOn(reading)}`, 'revalidate', async () =>
      renderView('versions', { ...anonymous(req, res), ...(await versionsModel(deps, reading, translatorOf(res), serverLinks(sid))) }),
    );
  });

  pages.get('/s/:sid/:locale/v/:n/:file', downloadRoute, async (req, res) => {
    const { sid, locale, n, file } = downloadRoute.input(res).params;
    const reading = await readEdition(deps, sid, locale, n);
    const format = file.split('.').at(-1) as DownloadFormat;
    if (file !== downloadName(reading.version, format)) return void res.redirect(301, serverLinks(sid).download(locale, n, format));
    const made = await downloadFile(reading, format, translatorOf(res));
    res.setHeader('Content-Type', made.type);
    res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.send(made.body);
  });

  return pages;
}

export async function versionsModel(deps: ServiceDeps, reading: EditionReading, tr: Translator, links: EditionLinks) {
  const versions = [...(await listVersions(deps, reading.version.statementId, reading.locale.tag))].reverse(); // oldest first
  const entries = versions.map((v, i) => ({ ...versionListEntry(v, versions[i - 1], tr, links), first: i === 0 })).reverse();
  const heading = tr.t('publishing.versions.heading', { language: reading.locale.autonym });
  return {
    title: `${heading} · ${reading.version.title}`,
    heading,
    titleText: reading.version.title,
    locale: reading.locale,
    latestHref: links.latest(reading.locale.tag),
    versions: entries,
    headExtra: links.home === '/' ? '<link rel="stylesheet" href="/static/css/publishing.css">' : '',
  };
}

async function publishedEditionsOrNone(deps: ServiceDeps, sid: string): Promise<Record<string, number>> {
  return deps.store.latestEditionVersions(sid);
}
