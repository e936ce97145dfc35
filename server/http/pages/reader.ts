// Readers' pages: the list of statements, one edition, editions side by side. No account needed;
// nothing here names a translator or an editor.
import { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { SOURCE_LOCALE } from '../../domain/locales.js';
import { editionCredits } from '../../services/accounts.js';
import { getEdition } from '../../services/editions.js';
import { listLocales } from '../../services/locales.js';
import { listStatements } from '../../services/statements.js';
import { getProgress } from '../../services/editions.js';
import type { ServiceDeps } from '../../services/deps.js';
import type { Translator } from '../../i18n/index.js';
import { groupRows, presentRows, progressView, switcher } from '../presenters/edition.js';
import { foldFallbackRuns } from '../presenters/fallback-runs.js';
import { waitingView } from '../presenters/waiting.js';
import { whatIsWaiting } from '../../services/waiting.js';
import { actorOf } from '../auth.js';
import { showFontsOf } from '../fonts.js';
import { inputOf, localeTag, sidLocale, statementId, validate } from '../validate.js';

const compareQuery = z.object({
  langs: z
    .string()
    .max(200)
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(localeTag).min(2).max(4)),
});

export function readerPages(deps: ServiceDeps): Router {
  const pages = Router();

  pages.get('/', async (_req, res) => {
    const tr: Translator = res.locals.tr;
    const locales = await listLocales(deps);
    const statements = await Promise.all(
      (await listStatements(deps)).map(async (s) => {
        const progress = await getProgress(deps, s.id);
        return {
          ...s,
          segmentCount: tr.number(s.segmentCount),
          locales: locales.map((l) => ({ tag: l.tag, autonym: l.autonym, dir: l.direction, ...progressView(progress[l.tag], tr) })),
        };
      }),
    );
    res.render('statements', { statements, waiting: waitingView(await whatIsWaiting(deps, actorOf(res)), locales, tr) });
  });

  pages.get('/s/:sid', validate({ params: z.object({ sid: statementId }) }), (_req, res) => {
    res.redirect(303, `/s/${inputOf<{ sid: string }>(res, 'params').sid}/${SOURCE_LOCALE}`);
  });

  pages.get(
    '/s/:sid/compare',
    validate({ params: z.object({ sid: statementId }), query: compareQuery }),
    async (_req, res) => {
      const { sid } = inputOf<{ sid: string }>(res, 'params');
      const { langs } = inputOf<{ langs: string[] }>(res, 'query');
      const edition = await getEdition(deps, sid, langs);
      const tr: Translator = res.locals.tr;
      showFontsOf(res, langs);
      res.render('compare', {
        edition,
        columns: edition.locales.map((l) => ({ tag: l.tag, autonym: l.autonym, dir: l.direction, ...progressView(edition.progress[l.tag], tr) })),
        groups: groupRows(presentRows(edition.rows, tr, { inCompare: true })),
        switcher: switcher(edition, tr, (tag) => `/s/${sid}/${tag}`, langs),
        langs,
      });
    },
  );

  pages.get('/s/:sid/:locale', validate({ params: sidLocale }), async (_req, res) => {
    const { sid, locale } = inputOf<{ sid: string; locale: string }>(res, 'params');
    const edition = await getEdition(deps, sid, [locale]).catch((e: unknown) => {
      if (e instanceof DomainError && e.key === 'locale.not_enabled') throw new DomainError('not_found', 'edition.not_found', { locale });
      throw e;
    });
    const tr: Translator = res.locals.tr;
    const info = edition.locales[0]!;
    showFontsOf(res, [locale]);
    const others = edition.available.filter((l) => l.tag !== locale).slice(0, 2).map((l) => l.tag);
    // Pseudonyms only, of those who opted in; never an account name.
    const credits = locale === edition.source.tag ? [] : await editionCredits(deps, sid, locale);
    res.render('edition', {
      edition,
      locale: info,
      isSource: locale === edition.source.tag,
      progress: progressView(edition.progress[locale], tr),
      // A run of untranslated segments: one notice for the run, not one mark each (fallback-runs.ts).
      groups: groupRows(presentRows(edition.rows, tr)).map((g) => ({ ...g, rows: foldFallbackRuns(g.rows, tr) })),
      switcher: switcher(edition, tr, (tag) => `/s/${sid}/${tag}`, [locale]),
      credits: credits.length ? new Intl.ListFormat(tr.lang, { type: 'conjunction' }).format(credits) : '',
      compareHref: `/s/${sid}/compare?langs=${[...new Set([edition.source.tag, locale, ...others])].slice(0, 3).join(',')}`,
    });
  });

  return pages;
}
