// How readers and search engines find editions: an Atom feed with one entry per published
// version (in the edition's language), and a sitemap of the latest versions with their
// language alternates. Built with xmlbuilder2, which escapes every text.
import { Router, type Request } from 'express';
import type { ServiceDeps } from '../../services/deps.js';
import { allVersions } from '../../services/publishing.js';
import { descriptionOf } from '../presenters/version.js';
import { serverLinks } from './editions.js';

/** The XML builder, loaded by the first feed or sitemap asked for rather than at start (it is large). */
const xml = () => import('xmlbuilder2');

const ATOM = 'http://www.w3.org/2005/Atom';
const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML = 'http://www.w3.org/1999/xhtml';

export function discoveryPages(deps: ServiceDeps): Router {
  const pages = Router();
  const origin = (req: Request) => {
    const host = req.get('host') ?? '';
    return `${req.protocol}://${/^[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?$/.test(host) ? host : 'localhost'}`;
  };

  pages.get('/feed.xml', async (req, res) => {
    const base = origin(req);
    const versions = await allVersions(deps);
    const { create } = await xml();
    const feed = create({ version: '1.0', encoding: 'utf-8' }).ele(ATOM, 'feed');
    feed.ele('id').txt(`${base}/feed.xml`);
    feed.ele('title').txt('Tandem');
    feed.ele('updated').txt(versions[0]?.publishedAt ?? new Date(0).toISOString());
    feed.ele('link', { rel: 'self', href: `${base}/feed.xml` });
    feed.ele('link', { rel: 'alternate', href: `${base}/` });
    feed.ele('author').ele('name').txt('Tandem');
    for (const v of versions) {
      const links = serverLinks(v.statementId);
      const href = `${base}${links.version(v.locale, v.version)}`;
      const entry = feed.ele('entry', { 'xml:lang': v.locale });
      entry.ele('id').txt(href);
      entry.ele('title').txt(`${v.title} (${v.locale} v${v.version})`);
      entry.ele('updated').txt(v.publishedAt);
      entry.ele('published').txt(v.publishedAt);
      entry.ele('link', { rel: 'alternate', type: 'text/html', hreflang: v.locale, href });
      entry.ele('summary').txt(v.note ? `${v.note} — ${descriptionOf(v)}` : descriptionOf(v));
    }
    res.type('application/atom+xml; charset=utf-8').setHeader('Cache-Control', 'public, no-cache');
    res.send(feed.end({ prettyPrint: true }));
  });

  pages.get('/sitemap.xml', async (req, res) => {
    const base = origin(req);
    const latest = new Map<string, Map<string, string>>(); // statement -> locale -> publishedAt of the latest
    for (const v of await allVersions(deps)) {
      const table = latest.get(v.statementId) ?? new Map<string, string>();
      if (!table.has(v.locale)) table.set(v.locale, v.publishedAt);
      latest.set(v.statementId, table);
    }
    const { create } = await xml();
    const urlset = create({ version: '1.0', encoding: 'utf-8' }).ele(SITEMAP, 'urlset').att('http://www.w3.org/2000/xmlns/', 'xmlns:xhtml', XHTML);
    for (const [sid, locales] of latest) {
      const links = serverLinks(sid);
      const source = (await deps.store.getStatement(sid))?.sourceLocale ?? 'en';
      for (const [locale, at] of locales) {
        const url = urlset.ele('url');
        url.ele('loc').txt(`${base}${links.latest(locale)}`);
        url.ele('lastmod').txt(at);
        for (const other of locales.keys()) {
          url.ele(XHTML, 'xhtml:link', { rel: 'alternate', hreflang: other, href: `${base}${links.latest(other)}` });
        }
        url.ele(XHTML, 'xhtml:link', { rel: 'alternate', hreflang: 'x-default', href: `${base}${links.latest(source)}` });
      }
    }
    res.type('application/xml; charset=utf-8').setHeader('Cache-Control', 'public, no-cache');
    res.send(urlset.end({ prettyPrint: true }));
  });

  return pages;
}
