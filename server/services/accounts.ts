// Use cases for accounts: first admin via a one-time setup token, login, API tokens, grants.
import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors.js';
import { can, type Actor } from '../domain/permissions.js';
import type { Account, Role } from '../domain/types.js';
import type { ServiceDeps } from './deps.js';
import { forbiddenOrUnauthenticated } from './locales.js';

export const MIN_PASSWORD_LENGTH = 10;
export const SETUP_TOKEN_HOURS = 24;
const NAME = /^[\p{L}\p{N}._-]{2,40}$/u;

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export function toActor(account: Account): Actor {
  return { id: account.id, name: account.name, role: account.role, locales: account.locales };
}

export interface NewAccount {
  name: string;
  password: string;
  role: Role;
  locales: string[];
}

/** Creates an account; `actor` null means the command line (the machine's operator). */
export async function createAccount(deps: ServiceDeps, actor: Actor | undefined | null, input: NewAccount): Promise<Account> {
  if (actor !== null && !can(actor, 'manage_accounts')) throw forbiddenOrUnauthenticated(actor);
  const name = input.name.trim();
  if (!NAME.test(name)) throw new DomainError('invalid_input', 'account.invalid_name');
  checkPassword(input.password);
  const enabled = (await deps.store.listLocales()).map((l) => l.tag);
  const unknown = input.locales.filter((l) => !enabled.includes(l));
  if (unknown.length > 0) throw new DomainError('invalid_input', 'account.unknown_locales', { locales: unknown.join(', ') });
  const account: Account = {
    id: `u_${deps.randomToken().slice(0, 12)}`,
    name,
    role: input.role,
    locales: input.role === 'admin' ? [] : [...new Set(input.locales)],
    passwordHash: await deps.passwords.hash(input.password),
    disabled: false,
    createdAt: deps.now().toISOString(),
  };
  await deps.store.createAccount(account);
  return account;
}

export function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('invalid_input', 'account.password_too_short', { min: MIN_PASSWORD_LENGTH });
  }
  if (password.length > 200) throw new DomainError('invalid_input', 'account.password_too_long');
}

/** The account for a name and password, or undefined (never says which of the two was wrong). */
export async function authenticate(deps: ServiceDeps, name: string, password: string): Promise<Account | undefined> {
  const account = await deps.store.findAccountByName(name.trim());
  if (!account || account.disabled || password.length > 200) return undefined;
  return (await deps.passwords.verify(password, account.passwordHash)) ? account : undefined;
}

/** A new API token for the named account; only its hash is stored. */
export async function issueToken(deps: ServiceDeps, name: string): Promise<string> {
  const account = await deps.store.findAccountByName(name);
  if (!account) throw new DomainError('not_found', 'account.not_found', { name });
  const token = `tdm_${deps.randomToken()}`;
  await deps.store.addToken({ hash: sha256(token), accountId: account.id, createdAt: deps.now().toISOString() });
  return token;
}

export async function accountForToken(deps: ServiceDeps, token: string): Promise<Account | undefined> {
  const found = await deps.store.findToken(sha256(token));
  return found ? activeAccount(deps, found.accountId) : undefined;
}

/** The account when it exists and is not disabled (sessions and tokens stop with the account). */
export async function activeAccount(deps: ServiceDeps, id: string): Promise<Account | undefined> {
  const account = await deps.store.getAccount(id);
  return account && !account.disabled ? account : undefined;
}

export async function listAccounts(deps: ServiceDeps, actor: Actor | undefined): Promise<Account[]> {
  if (!can(actor, 'manage_accounts')) throw forbiddenOrUnauthenticated(actor);
  return deps.store.listAccounts();
}

export async function grantLocales(deps: ServiceDeps, actor: Actor | undefined, id: string, locales: string[]): Promise<Account> {
  if (!can(actor, 'manage_accounts')) throw forbiddenOrUnauthenticated(actor);
  const enabled = (await deps.store.listLocales()).map((l) => l.tag);
  const unknown = locales.filter((l) => !enabled.includes(l));
  if (unknown.length > 0) throw new DomainError('invalid_input', 'account.unknown_locales', { locales: unknown.join(', ') });
  return deps.store.updateAccount(id, (a) => ({ ...a, locales: a.role === 'admin' ? [] : [...new Set(locales)] }));
}

// --- First start: the person who started the server creates the admin account. ---

/** When no admin exists, a new one-time setup token (the previous one stops working). */
export async function beginSetup(deps: ServiceDeps): Promise<string | undefined> {
  if (await hasAdmin(deps)) return undefined;
  const token = deps.randomToken();
  const expiresAt = new Date(deps.now().getTime() + SETUP_TOKEN_HOURS * 3600_000).toISOString();
  await deps.store.setSetupToken({ hash: sha256(token), expiresAt });
  return token;
}

export async function hasAdmin(deps: ServiceDeps): Promise<boolean> {
  return (await deps.store.listAccounts()).some((a) => a.role === 'admin' && !a.disabled);
}

export async function checkSetupToken(deps: ServiceDeps, token: string): Promise<void> {
  const stored = await deps.store.getSetupToken();
  const valid = stored && stored.hash === sha256(token) && new Date(stored.expiresAt) > deps.now();
  if (!valid || (await hasAdmin(deps))) throw new DomainError('forbidden', 'setup.invalid_token');
}

export async function completeSetup(deps: ServiceDeps, token: string, name: string, password: string): Promise<Account> {
  await checkSetupToken(deps, token);
  const account = await createAccount(deps, null, { name, password, role: 'admin', locales: [] });
  await deps.store.setSetupToken(undefined);
  return account;
}

/** Names of accounts by id, for history shown to a locale's own translators and editors only. */
export async function accountNames(deps: ServiceDeps): Promise<Map<string, string>> {
  return new Map((await deps.store.listAccounts()).map((a) => [a.id, a.name]));
}
