// One table says who may do what (role x action), and whether the action is scoped to the
// locales granted to the account. Services enforce it; routes only ask it to hide controls.
import type { Role } from './types.js';

export type Action =
  | 'read_work' // drafts, submissions, history, other locales' work in progress
  | 'translate'
  | 'review'
  | 'publish' // publish a version of a locale's edition
  | 'keep_glossary' // add, change, delete and import a locale's glossary
  | 'manage_locales'
  | 'manage_accounts'
  | 'manage_statements' // create and archive statements
  | 'correct_source' // upload a corrected source: admins, and editors granted the statement's source locale
  | 'edit_own_account'; // own password and public pseudonym

const TABLE: Record<Action, { roles: readonly Role[]; localeScoped: boolean }> = {
  read_work: { roles: ['translator', 'editor', 'admin'], localeScoped: true },
  translate: { roles: ['translator', 'editor', 'admin'], localeScoped: true },
  review: { roles: ['editor', 'admin'], localeScoped: true },
  publish: { roles: ['editor', 'admin'], localeScoped: true },
  keep_glossary: { roles: ['editor', 'admin'], localeScoped: true },
  manage_locales: { roles: ['admin'], localeScoped: false },
  manage_accounts: { roles: ['admin'], localeScoped: false },
  manage_statements: { roles: ['admin'], localeScoped: false },
  correct_source: { roles: ['editor', 'admin'], localeScoped: true },
  edit_own_account: { roles: ['translator', 'editor', 'admin'], localeScoped: false },
};

export interface Actor {
  id: string;
  name: string;
  role: Role;
  locales: readonly string[];
}

/** `actor` undefined is an anonymous reader, who may only read published editions. */
export function can(actor: Actor | undefined, action: Action, locale?: string): actor is Actor {
  if (!actor) return false;
  const rule = TABLE[action];
  if (!rule.roles.includes(actor.role)) return false;
  if (actor.role === 'admin' || !rule.localeScoped) return true;
  return locale !== undefined && actor.locales.includes(locale);
}

/** Locales in which the actor may translate (all enabled ones for an admin). */
export function workLocales(actor: Actor | undefined, enabled: readonly string[]): string[] {
  return enabled.filter((tag) => can(actor, 'translate', tag));
}
