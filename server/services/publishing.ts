// Use cases for publishing: publish a version of a locale's edition, read versions. Each loads
// its context once, asks the domain (decidePublish) and hands the decision to the store.
import { decidePublish, type EditionVersion, type PublishInput } from '../domain/edition-version.js';
import { DomainError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';
import { recordAudit } from './audit.js';
import type { ServiceDeps } from './deps.js';
import { describeLocale, type LocaleInfo } from '../domain/locales.js';
import { forbiddenOrUnauthenticated, listLocales, requireLocale, sourceLocaleInfo } from './locales.js';
import { requireStatement } from './statements.js';

export interface PublishRequest extends Partial<PublishInput> {
  statementId: string;
  locale: string;
}

/**
 * Publishes the next version of an edition (an editor of the locale, or an admin). The publisher
 * goes to the audit log only; readers never see who published.
 */
export async function publishEdition(deps: ServiceDeps, actor: Actor | undefined, request: PublishRequest): Promise<EditionVersion> {
  if (!actor) throw forbiddenOrUnauthenticated(actor);
  const version = await decideFromStore(deps, request.statementId, request.locale, can(actor, 'publish', request.locale), {
    note: request.note,
    confirmIncomplete: request.confirmIncomplete ?? false,
  });
  await deps.store.addEditionVersion(version);
  await recordAudit(deps, actor, 'edition.publish', `${version.statementId}/${version.locale}/${version.version}`);
  return version;
}

/**
 * Publishes the source language's edition of a statement (at its import or creation, and after a
 * source correction): the text is the source itself, complete by definition.
 */
export async function publishSourceEdition(deps: ServiceDeps, statementId: string, note?: string): Promise<EditionVersion> {
  const statement = await requireStatement(deps, statementId);
  const version = await decideFromStore(deps, statementId, statement.sourceLocale, true, { note, confirmIncomplete: true });
  await deps.store.addEditionVersion(version);
  await recordAudit(deps, null, 'edition.publish', `${version.statementId}/${version.locale}/${version.version}`);
  return version;
}

async function decideFromStore(deps: ServiceDeps, statementId: string, locale: string, allowed: boolean, input: PublishInput): Promise<EditionVersion> {
  const statement = await requireStatement(deps, statementId);
  if (locale !== statement.sourceLocale) await requireLocale(deps, locale);
  const context = {
    statement,
    locale,
    translations: locale === statement.sourceLocale ? [] : await deps.store.listTranslations(statementId, locale),
    latestVersion: (await deps.store.latestEditionVersions(statementId))[locale] ?? 0,
    allowed,
    at: deps.now().toISOString(),
  };
  return decidePublish(context, input);
}

/** Every version of an edition, newest first. Public: versions are publications. */
export async function listVersions(deps: ServiceDeps, statementId: string, locale: string): Promise<readonly EditionVersion[]> {
  await requireStatement(deps, statementId);
  return [...(await deps.store.listEditionVersions(statementId, locale))].reverse();
}

/** The latest version of an edition, or undefined when it was never published. */
export async function latestVersion(deps: ServiceDeps, statementId: string, locale: string): Promise<EditionVersion | undefined> {
  const versions = await deps.store.listEditionVersions(statementId, locale);
  return versions.at(-1);
}

export interface VersionReading {
  version: EditionVersion;
  /** Number of the edition's latest version. */
  latest: number;
  /** The statement's current source revision (newer than the version's after a correction). */
  currentSourceRevision: number;
}

/** One version of an edition (the latest when `number` is undefined), with what its stamp needs. */
export async function readVersion(deps: ServiceDeps, statementId: string, locale: string, number?: number): Promise<VersionReading> {
  const statement = await requireStatement(deps, statementId);
  const versions = await deps.store.listEditionVersions(statementId, locale);
  const version = number === undefined ? versions.at(-1) : versions[number - 1];
  if (!version) throw new DomainError('not_found', 'publishing.version_not_found', { locale, version: number ?? 1 });
  return { version, latest: versions.length, currentSourceRevision: statement.sourceRevision };
}

export interface EditionReading extends VersionReading {
  locale: LocaleInfo;
  source: LocaleInfo;
  /** The source language first, then every enabled locale (the language switcher). */
  languages: LocaleInfo[];
  /** Latest version number of each published locale of the statement. */
  published: Record<string, number>;
}

/** Everything a version's page shows, read once. */
export async function readEdition(deps: ServiceDeps, statementId: string, locale: string, number?: number): Promise<EditionReading> {
  const reading = await readVersion(deps, statementId, locale, number);
  const enabled = await listLocales(deps);
  const source = sourceLocaleInfo();
  return {
    ...reading,
    locale: locale === source.tag ? source : (enabled.find((l) => l.tag === locale) ?? describeLocale({ tag: locale })),
    source,
    languages: [source, ...enabled],
    published: await deps.store.latestEditionVersions(statementId),
  };
}

/** Latest version numbers of a statement's published editions (none: an empty record). */
export async function publishedEditions(deps: ServiceDeps, statementId: string): Promise<Record<string, number>> {
  await requireStatement(deps, statementId);
  return deps.store.latestEditionVersions(statementId);
}

/** Every published version of every statement, newest first (the feed, the sitemap, the static export). */
export async function allVersions(deps: ServiceDeps): Promise<EditionVersion[]> {
  const all: EditionVersion[] = [];
  for (const statement of await deps.store.listStatements()) {
    for (const locale of Object.keys(await deps.store.latestEditionVersions(statement.id))) {
      all.push(...(await deps.store.listEditionVersions(statement.id, locale)));
    }
  }
  return all.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.version - a.version);
}
