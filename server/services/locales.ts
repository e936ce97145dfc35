// Use cases for locales: list the enabled ones, enable another or disable one (admin).
import { DomainError } from '../domain/errors.js';
import { decideDisableLocale, decideEnableLocale, type EnableOutcome, enabledLocales } from '../domain/locale-settings.js';
import { canonicalTag, describeLocale, SOURCE_LOCALE, type LocaleInfo } from '../domain/locales.js';
import { can, type Actor } from '../domain/permissions.js';
import type { LocaleSetting } from '../domain/types.js';
import { recordAudit } from './audit.js';
import type { ServiceDeps } from './deps.js';

/** The enabled locales: every public list, switcher and page shows these and no others. */
export async function listLocales(deps: ServiceDeps): Promise<LocaleInfo[]> {
  return enabledLocales(await deps.store.listLocales()).map(describeLocale);
}

export async function enabledLocaleTags(deps: ServiceDeps): Promise<string[]> {
  return enabledLocales(await deps.store.listLocales()).map((l) => l.tag);
}

/** Locales an admin has disabled (their translations are kept), for the admin page. */
export async function listDisabledLocales(deps: ServiceDeps, actor: Actor | undefined): Promise<LocaleInfo[]> {
  if (!can(actor, 'manage_locales')) throw forbiddenOrUnauthenticated(actor);
  return (await deps.store.listLocales()).filter((l) => l.disabled).map(describeLocale);
}

async function storedSetting(deps: ServiceDeps, tag: string) {
  return (await deps.store.listLocales()).find((l) => l.tag.toLowerCase() === tag.toLowerCase());
}

/** A statement's source language (English by default), named as its enabled setting names it. */
export function sourceLocaleInfo(tag: string = SOURCE_LOCALE, settings: readonly LocaleSetting[] = []): LocaleInfo {
  return describeLocale(settings.find((l) => l.tag === tag) ?? { tag });
}

/**
 * The locale when it is enabled, otherwise not_found. `source`: the statement's source locale,
 * accepted too (true: English), for editions that show the original.
 */
export async function requireLocale(deps: ServiceDeps, tag: string, source: boolean | string = false): Promise<LocaleInfo> {
  const sourceTag = source === true ? SOURCE_LOCALE : source || undefined;
  if (sourceTag !== undefined && tag === sourceTag) return sourceLocaleInfo(tag, await deps.store.listLocales());
  const found = (await listLocales(deps)).find((l) => l.tag === tag);
  if (!found) throw new DomainError('not_found', 'locale.not_enabled', { tag });
  return found;
}

/**
 * Enables a locale, enables a disabled one again (its translations come back), or renames an
 * enabled one; enabling an enabled locale with no new name is refused as a duplicate.
 */
export async function enableLocale(
  deps: ServiceDeps,
  actor: Actor | undefined,
  input: { tag: string; nativeName?: string },
): Promise<LocaleInfo & { outcome: EnableOutcome }> {
  if (!can(actor, 'manage_locales')) throw forbiddenOrUnauthenticated(actor);
  // Any tag, English too: it is the target of statements written in another language.
  const tag = canonicalTag(input.tag);
  const { setting, outcome } = decideEnableLocale(await storedSetting(deps, tag), { tag, nativeName: input.nativeName });
  await deps.store.putLocale(setting);
  await recordAudit(deps, actor, 'locale.enable', setting.tag);
  return { ...describeLocale(setting), outcome };
}

/** Disables a locale: it leaves every public list and page; its translations are kept. */
export async function disableLocale(deps: ServiceDeps, actor: Actor | undefined, rawTag: string): Promise<LocaleInfo> {
  if (!can(actor, 'manage_locales')) throw forbiddenOrUnauthenticated(actor);
  const tag = canonicalTag(rawTag);
  const setting = decideDisableLocale(await storedSetting(deps, tag), tag);
  await deps.store.putLocale(setting);
  await recordAudit(deps, actor, 'locale.disable', setting.tag);
  return describeLocale(setting);
}

export function forbiddenOrUnauthenticated(actor: Actor | undefined): DomainError {
  return actor ? new DomainError('forbidden') : new DomainError('unauthenticated');
}
