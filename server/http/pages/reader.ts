// Readers' pages: the list of statements, one edition, editions side by side. No account needed;
// nothing here names a translator or an editor.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { editionCredits } from '../../services/accounts.js';
import { getEdition } from '../../services/editions.js';
import { listLocales } from '../../services/locales.js';
import { listStatements, requireStatement } from '../../services/statements.js';
import { editionDependencies, getProgress, statementListDependencies } from '../../services/editions.js';
import type { ServiceDeps } from '../../services/deps.js';
import { compareTitle, editionTitle, readersNotice, groupRows, presentRows, progressView, switcher } from '../presenters/edition.js';
import { headTags } from '../presenters/version.js';
import type { ReaderCache } from '../public-cache.js';
import { anonymousLocals, serveReaderPage } from './reader-page.js';
import { renderView } from '../views.js';
import { actorOf } from '../auth.js';
import { translatorOf } from '../language.js';
import { publishedEditions } from '../../services/publishing.js';
import { foldFallbackRuns } from '../presenters/fallback-runs.js';
import { waitingView } from '../presenters/waiting.js';
import { whatIsWaiting } from '../../services/waiting.js';
import { showFontsOf } from '../fonts.js';
import { localeTag, sidLocale, statementId, validate } from '../validate.js';

const compareQuery = z.object({
  langs: z
    .string()
    .max(200)
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(localeTag).min(2).max(4)),
});
const sidParams = z.object({ sid: statementId });

const statementRoute = validate({ params: sidParams });
const compareRoute = validate({ params: sidParams, query: compareQuery });
const previewRoute = validate({ params: sidLocale });

export function readerPages(deps: ServiceDeps, cache: ReaderCache): Router {
  const pages = Router();

  const anonymous = (req: Request, res: Response) => anonymousLocals(res, req.originalUrl);
  /** The statement, its translations and published versions, and the enabled locales. */
  const previewDeps = (sid: string) => editionDependencies(deps, sid);

  pages.get('/', async (req, res) => {
    const tr = translatorOf(res);
    const locales = await listLocales(deps);
    const listed = async () =>
      Promise.all(
        (await listStatements(deps)).map(async (s) => {
          const progress = await getProgress(deps, s.id);
          const published = await publishedEditions(deps, s.id);
          return {
            ...s,
            segmentsLabel: tr.plural('statements.segments', s.segmentCount),
            date: s.date ? tr.date(`${s.date}T12:00:00Z`) : '', // a calendar day: noon UTC is that day everywhere
            sourcePublished: published[s.sourceLocale] ?? 0,
            locales: locales
              .filter((l) => l.tag !== s.sourceLocale)
              .map((l) => ({
                tag: l.tag,
                autonym: l.autonym,
                dir: l.direction,
                ...progressView(progress[l.tag], tr),
                published: published[l.tag] ? tr.t('publishing.index.published', { version: tr.number(published[l.tag]!) }) : '',
                inProgress: published[l.tag] ? '' : tr.t('publishing.in_progress'),
              })),
          };
        }),
      );
    // Logged-in users see work links in the list: their page is their own.
    if (actorOf(res)) {
      return void res.render('statements', { statements: await listed(), waiting: waitingView(await whatIsWaiting(deps, actorOf(res)), locales, tr) });
    }
    // Built only when what it shows has changed (any statement, a locale, a publication).
    const key = `index|${await statementListDependencies(deps)}`;
    await serveReaderPage(cache, req, res, key, 'revalidate', async () =>
      renderView('statements', { ...anonymous(req, res), statements: await listed() }),
    );
  });

  pages.get('/s/:sid', statementRoute, async (_req, res) => {
    const statement = await requireStatement(deps, statementRoute.input(res).params.sid);
    res.redirect(303, `/s/${statement.id}/${statement.sourceLocale}`);
  });

  pages.get('/s/:sid/compare', compareRoute, async (req, res) => {
    const {
      params: { sid },
      query: { langs },
    } = compareRoute.input(res);
    showFontsOf(res, langs);
    const key = `compare|${sid}|${langs.join(',')}|${await previewDeps(sid)}`;
    await serveReaderPage(cache, req, res, key, 'revalidate', async () => {
      // Each column shows its latest published version, or its approved text marked as a preview.
      const edition = await getEdition(deps, sid, langs, { published: true });
      const tr = translatorOf(res);
      return renderView('compare', {
        ...anonymous(req, res),
        edition,
        title: compareTitle(edition, tr.lang),
        columns: edition.locales.map((l) => ({
          tag: l.tag,
          autonym: l.autonym,
          dir: l.direction,
          ...progressView(edition.progress[l.tag], tr),
          approved: tr.percent(edition.versions[l.tag] ? edition.versions[l.tag]!.percentApproved : (edition.readersGet[l.tag]?.percent ?? 0)),
          preview: l.tag !== edition.source.tag && !edition.versions[l.tag],
        })),
        groups: groupRows(presentRows(edition.rows, tr, { inCompare: true })),
        switcher: switcher(edition, tr, (tag) => `/s/${sid}/${tag}`, langs),
        langs,
        headExtra: headTags({
          title: compareTitle(edition, tr.lang),
          titleLang: tr.lang,
          description: edition.statement.title,
          locale: tr.lang,
          alternates: [],
          stylesheet: '/static/css/publishing.css',
        }),
      });
    });
  });

  /** A locale never published: a preview of its approved text, marked as such and not indexed. */
  pages.get('/s/:sid/:locale', previewRoute, async (req, res) => {
    const { sid, locale } = previewRoute.input(res).params;
    // Pseudonyms only, of those who opted in; never an account name.
    const credits = await editionCredits(deps, sid, locale).catch(() => []); // none for the source: nobody translates it
    const key = `preview|${sid}|${locale}|${await previewDeps(sid).catch(() => '')}|${credits.join(',')}`;
    await serveReaderPage(cache, req, res, key, 'revalidate', async () => {
      const edition = await getEdition(deps, sid, [locale]).catch((e: unknown) => {
        if (e instanceof DomainError && e.key === 'locale.not_enabled') throw new DomainError('not_found', 'edition.not_found', { locale });
        throw e;
      });
      const tr = translatorOf(res);
      const info = edition.locales[0]!;
      showFontsOf(res, [locale]);
      const others = edition.available
        .filter((l) => l.tag !== locale)
        .slice(0, 2)
        .map((l) => l.tag);
      const title = editionTitle(edition, 0);
      return renderView('edition', {
        ...anonymous(req, res),
        edition,
        title,
        locale: info,
        isSource: locale === edition.source.tag,
        preview: locale !== edition.source.tag,
        progress: { ...progressView(edition.progress[locale], tr), notice: readersNotice(edition, locale, tr) },
        // A run of untranslated segments: one notice for the run, not one mark each (fallback-runs.ts).
        groups: groupRows(presentRows(edition.rows, tr)).map((g) => ({ ...g, rows: foldFallbackRuns(g.rows, tr) })),
        switcher: switcher(edition, tr, (tag) => `/s/${sid}/${tag}`, [locale]),
        credits: credits.length ? new Intl.ListFormat(tr.lang, { type: 'conjunction' }).format(credits) : '',
        compareHref: `/s/${sid}/compare?langs=${[...new Set([edition.source.tag, locale, ...others])].slice(0, 3).join(',')}`,
        headExtra: headTags({
          title,
          titleLang: locale,
          description: edition.statement.title,
          locale,
          alternates: [],
          noindex: true,
          stylesheet: '/static/css/publishing.css',
        }),
      });
    });
  });

  return pages;
}
