// Shapes of the JSON API (DESIGN.md); nothing here names a translator.
import type { LocaleInfo } from '../../domain/locales.js';
import type { LocaleProgress } from '../../domain/progress.js';

export const presentLocale = (l: LocaleInfo) => ({
  tag: l.tag,
  autonym: l.autonym,
  englishName: l.englishName,
  direction: l.direction,
});

export function presentProgress(progress: Record<string, LocaleProgress>) {
  const locales: Record<string, LocaleProgress> = {};
  for (const [tag, p] of Object.entries(progress)) {
    locales[tag] = {
      total: p.total,
      untranslated: p.untranslated,
      draft: p.draft,
      submitted: p.submitted,
      approved: p.approved,
      needs_work: p.needs_work,
      outdated: p.outdated,
      percentTranslated: p.percentTranslated,
      percentApproved: p.percentApproved,
    };
  }
  return { locales };
}
