// What is waiting for a signed-in volunteer, per statement and locale they work in (the home
// page's "Waiting for you" and the count in the header). Reads each locale's translations once.
import { enabledLocales } from '../domain/locale-settings.js';
import { workLocales, type Actor } from '../domain/permissions.js';
import { waitingIn, type Waiting } from '../domain/waiting.js';
import { actorDependencies } from './context.js';
import type { ServiceDeps } from './deps.js';

export interface WaitingEntry extends Waiting {
  statementId: string;
  title: string;
  locale: string;
}

export async function whatIsWaiting(deps: ServiceDeps, actor: Actor | undefined): Promise<WaitingEntry[]> {
  if (!actor) return [];
  const settings = enabledLocales(await deps.store.listLocales());
  const locales = workLocales(
    actor,
    settings.map((l) => l.tag),
  );
  if (locales.length === 0) return [];
  const entries: WaitingEntry[] = [];
  for (const statement of await deps.store.listStatements()) {
    for (const locale of locales) {
      const translations = await deps.store.listTranslations(statement.id, locale);
      const selfReviewAllowed = settings.find((l) => l.tag === locale)?.allowSelfReview === true;
      const waiting = waitingIn(actor, statement, locale, translations, { selfReviewAllowed });
      entries.push({ statementId: statement.id, title: statement.title, locale, ...waiting });
    }
  }
  return entries;
}

/**
 * What `whatIsWaiting` answers from, as a cache key: the actor's account, role and languages, and
 * every statement, translation and locale setting (the content counter).
 */
export function waitingDependencies(deps: ServiceDeps, actor: Actor): string {
  return [actorDependencies(actor), deps.store.contentVersion()].join('\u0000');
}
