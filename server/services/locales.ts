// Use cases for locales: list the enabled ones, enable another (admin).
import { DomainError } from '../domain/errors.js';
import { canonicalTag, describeLocale, SOURCE_LOCALE, type LocaleInfo } from '../domain/locales.js';
import { can, type Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import type { ServiceDeps } from './deps.js';

export async function listLocales(deps: ServiceDeps): Promise<LocaleInfo[]> {
  return (await deps.store.listLocales()).map(describeLocale);
}

export async function enabledLocaleTags(deps: ServiceDeps): Promise<string[]> {
  return (await deps.store.listLocales()).map((l) => l.tag);
}

export function sourceLocaleInfo(): LocaleInfo {
  return describeLocale({ tag: SOURCE_LOCALE });
}

/** The locale when it is enabled (or the source locale), otherwise not_found. */
export async function requireLocale(deps: ServiceDeps, tag: string, allowSource = false): Promise<LocaleInfo> {
  if (allowSource && tag === SOURCE_LOCALE) return sourceLocaleInfo();
  const found = (await listLocales(deps)).find((l) => l.tag === tag);
  if (!found) throw new DomainError('not_found', 'locale.not_enabled', { tag });
  return found;
}

export async function enableLocale(
  deps: ServiceDeps,
  actor: Actor | undefined,
  input: { tag: string; nativeName?: string },
): Promise<LocaleInfo> {
  if (!can(actor, 'manage_locales')) throw forbiddenOrUnauthenticated(actor);
  const tag = canonicalTag(input.tag);
  if (tag === SOURCE_LOCALE) throw new DomainError('invalid_input', 'locale.is_source', { tag });
  const nativeName = input.nativeName?.trim() || undefined;
  await deps.store.putLocale({ tag, ...(nativeName ? { nativeName } : {}) });
  await recordAudit(deps, actor, 'locale.enable', tag);
  return describeLocale({ tag, nativeName });
}

export function forbiddenOrUnauthenticated(actor: Actor | undefined): DomainError {
  return actor ? new DomainError('forbidden') : new DomainError('unauthenticated');
}
