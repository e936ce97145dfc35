// The editor's publish form (on the review queue, linked from the statement list): publishes the
// next version of a locale's edition. Under 100 % the form shows the warning and asks to confirm.
import { Router } from 'express';
import { z } from 'zod';
import { publishedProgress } from '../../domain/published.js';
import { can, type Actor } from '../../domain/permissions.js';
import type { Statement, Translation } from '../../domain/types.js';
import type { Translator } from '../../i18n/index.js';
import type { ServiceDeps } from '../../services/deps.js';
import { listVersions, publishEdition } from '../../services/publishing.js';
import { actorOf, requireLogin } from '../auth.js';
import { sidLocale, validate } from '../validate.js';

export const PUBLISHING_CSS = '<link rel="stylesheet" href="/static/css/publishing.css">';

const publishForm = z.object({
  note: z.string().max(1000).optional(),
  confirmIncomplete: z.literal('true').optional(),
});
const publishRoute = validate({ params: sidLocale, body: publishForm });

/** The form's model, or undefined when the actor may not publish this locale. */
export async function publishFormModel(
  deps: ServiceDeps,
  actor: Actor | undefined,
  statement: Statement,
  locale: string,
  translations: readonly Translation[],
  tr: Translator,
) {
  if (!can(actor, 'publish', locale)) return undefined;
  const latest = (await listVersions(deps, statement.id, locale))[0];
  const readers = publishedProgress(statement.segments, translations, [locale])[locale]!;
  return {
    action: `/publish/${statement.id}/${locale}`,
    latest: latest && {
      href: `/s/${statement.id}/${locale}`,
      text: tr.t('publishing.publish.latest', { version: tr.number(latest.version), date: tr.date(latest.publishedAt) }),
    },
    incomplete:
      readers.published < readers.total
        ? tr.t('publishing.publish.incomplete', {
            approved: tr.number(readers.published),
            total: tr.number(readers.total),
            percent: tr.percent(readers.percent),
          })
        : '',
  };
}

export function publishingPages(deps: ServiceDeps): Router {
  const pages = Router();
  pages.post('/publish/:sid/:locale', requireLogin, publishRoute, async (_req, res) => {
    const {
      params: { sid, locale },
      body: form,
    } = publishRoute.input(res);
    const version = await publishEdition(deps, actorOf(res), {
      statementId: sid,
      locale,
      ...(form.note ? { note: form.note } : {}),
      confirmIncomplete: form.confirmIncomplete === 'true',
    });
    res.redirect(303, `/s/${sid}/${locale}/v/${version.version}`);
  });
  return pages;
}
