// Enabling and disabling a locale: what changes in its setting, or why nothing may. A disabled
// locale leaves every public list, switcher and page; its translations stay in the statement files
// and come back with it when it is enabled again.
import { DomainError } from './errors.js';
import type { LocaleSetting } from './types.js';

export type EnableOutcome = 'enabled' | 'reenabled' | 'renamed';

/**
 * `existing`: the stored setting of the tag, if any. Enabling an enabled locale is refused as a
 * duplicate, unless it gives a new native name (an admin correcting the name).
 */
export function decideEnableLocale(
  existing: LocaleSetting | undefined,
  input: { tag: string; nativeName?: string },
): { setting: LocaleSetting; outcome: EnableOutcome } {
  const nativeName = input.nativeName?.trim() || undefined;
  if (!existing) return { setting: { tag: input.tag, ...(nativeName ? { nativeName } : {}) }, outcome: 'enabled' };
  // Keep what else the admin set (self-review); drop the disabled mark.
  const { disabled, ...kept } = existing;
  const setting: LocaleSetting = { ...kept, ...(nativeName ? { nativeName } : {}) };
  if (disabled) return { setting, outcome: 'reenabled' };
  if (nativeName && nativeName !== existing.nativeName) return { setting, outcome: 'renamed' };
  throw new DomainError('duplicate', 'locale.already_enabled', { tag: existing.tag });
}

export function decideDisableLocale(existing: LocaleSetting | undefined, tag: string): LocaleSetting {
  if (!existing) throw new DomainError('not_found', 'locale.not_enabled', { tag });
  if (existing.disabled) throw new DomainError('duplicate', 'locale.already_disabled', { tag: existing.tag });
  return { ...existing, disabled: true };
}

/** The locales in use: every setting not disabled. */
export function enabledLocales(settings: readonly LocaleSetting[]): LocaleSetting[] {
  return settings.filter((l) => !l.disabled);
}

/** The locales a statement written in `sourceLocale` is translated into: enabled, and not its own. */
export function targetLocales(settings: readonly LocaleSetting[], sourceLocale: string): LocaleSetting[] {
  return enabledLocales(settings).filter((l) => l.tag !== sourceLocale);
}
