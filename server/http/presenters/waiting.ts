// "Waiting for you": per statement and language, links that open exactly the segments waiting,
// with counts in the interface language's digits and plurals from its rules.
import type { LocaleInfo } from '../../domain/locales.js';
import type { Translator } from '../../i18n/index.js';
import type { WaitingEntry } from '../../services/waiting.js';

export interface WaitingView {
  title: string;
  statementId: string;
  locale: { tag: string; autonym: string; dir: string };
  links: { href: string; label: string; kind: string }[];
}

export function waitingView(entries: readonly WaitingEntry[], locales: readonly LocaleInfo[], tr: Translator): WaitingView[] {
  const views: WaitingView[] = [];
  for (const e of entries) {
    const info = locales.find((l) => l.tag === e.locale);
    if (!info) continue;
    const base = `/translate/${e.statementId}/${e.locale}`;
    const links = [
      e.needsWork > 0 ? { kind: 'needs_work', href: `${base}?status=needs_work`, label: tr.plural('waiting.needs_work', e.needsWork) } : undefined,
      e.toReview > 0 ? { kind: 'review', href: `/review/${e.statementId}/${e.locale}`, label: tr.plural('waiting.to_review', e.toReview) } : undefined,
      e.untranslated > 0
        ? { kind: 'untranslated', href: `${base}?status=untranslated`, label: tr.plural('waiting.untranslated', e.untranslated) }
        : undefined,
    ].filter((l): l is NonNullable<typeof l> => l !== undefined);
    if (links.length === 0) continue;
    views.push({ title: e.title, statementId: e.statementId, locale: { tag: info.tag, autonym: info.autonym, dir: info.direction }, links });
  }
  return views;
}

/** The small count in the header: the actor's own sent-back translations and reviews waiting. */
export function waitingCount(entries: readonly WaitingEntry[]): number {
  return entries.reduce((n, e) => n + e.needsWork + e.toReview, 0);
}
