// Use cases for accounts: first admin via a one-time setup token, invitations and reset links,
// login, password changes, disabling, grants, API tokens, public pseudonyms.
import { enabledLocales } from '../domain/locale-settings.js';
import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors.js';
import { decideDisabled } from '../domain/account-access.js';
import { passwordProblem } from '../domain/passwords-policy.js';
import { can, type Actor } from '../domain/permissions.js';
import type { Account, PasswordLink, Role } from '../domain/types.js';
import { recordAudit } from './audit.js';
import type { PasswordHasher, ServiceDeps } from './deps.js';
import { forbiddenOrUnauthenticated } from './locales.js';

export { MIN_PASSWORD_LENGTH } from '../domain/passwords-policy.js';
export const SETUP_TOKEN_HOURS = 24;
export const INVITE_LINK_DAYS = 7;
export const RESET_LINK_HOURS = 72;
/** Letters of any script with their combining marks (Burmese and Khmer names need them), digits, . _ - */
const NAME = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}._-]{1,39}$/u;
/** A pseudonym may also have spaces and apostrophes ("Ko Aung", "Ma' Thida"). */
const PSEUDONYM = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} ._'-]{1,39}$/u;

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export function toActor(account: Account): Actor {
  return { id: account.id, name: account.name, role: account.role, locales: account.locales };
}

// --- Password hashing: one spelling per character (NFC), and bcrypt's 72-byte limit lifted. ---

/** bcrypt reads only 72 bytes (24 Burmese letters): hash a SHA-256 of the whole password instead. */
const PREHASHED = 's256$';
const prehash = (password: string) => createHash('sha256').update(password.normalize('NFC')).digest('base64');

async function hashPassword(deps: ServiceDeps, password: string): Promise<string> {
  return PREHASHED + (await deps.passwords.hash(prehash(password)));
}

async function verifyPassword(deps: ServiceDeps, password: string, stored: string): Promise<boolean> {
  if (stored.startsWith(PREHASHED)) return deps.passwords.verify(prehash(password), stored.slice(PREHASHED.length));
  if (stored === '') return false; // invited, no password chosen yet
  return deps.passwords.verify(password, stored); // a hash made before passwords were prehashed
}

/** A hash to compare against when the name is unknown, so a wrong name takes as long as a wrong password. */
const decoys = new WeakMap<PasswordHasher, Promise<string>>();
function decoyHash(deps: ServiceDeps): Promise<string> {
  let decoy = decoys.get(deps.passwords);
  if (!decoy) decoys.set(deps.passwords, (decoy = hashPassword(deps, 'no such account, no such password')));
  return decoy;
}

export function checkPassword(password: string, name?: string): void {
  const problem = passwordProblem(password, name);
  if (problem) throw new DomainError('invalid_input', problem.key, problem.params);
}

function checkName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (!NAME.test(name)) throw new DomainError('invalid_input', 'account.invalid_name');
  return name;
}

async function checkLocales(deps: ServiceDeps, locales: string[]): Promise<void> {
  const enabled = enabledLocales(await deps.store.listLocales()).map((l) => l.tag);
  const unknown = locales.filter((l) => !enabled.includes(l));
  if (unknown.length > 0) throw new DomainError('invalid_input', 'account.unknown_locales', { locales: unknown.join(', ') });
}

function requireAdmin(actor: Actor | undefined): void {
  if (!can(actor, 'manage_accounts')) throw forbiddenOrUnauthenticated(actor);
}

export interface NewAccount {
  name: string;
  password: string;
  role: Role;
  locales: string[];
}

/** Creates an account with a password; `actor` null means the command line (the machine's operator). */
export async function createAccount(deps: ServiceDeps, actor: Actor | undefined | null, input: NewAccount): Promise<Account> {
  if (actor !== null) requireAdmin(actor);
  const account = await storeNewAccount(deps, input);
  await recordAudit(deps, actor, 'account.create', account.id);
  return account;
}

async function storeNewAccount(deps: ServiceDeps, input: NewAccount): Promise<Account> {
  const name = checkName(input.name);
  checkPassword(input.password, name);
  await checkLocales(deps, input.locales);
  const account = newAccount(deps, name, input.role, input.locales, await hashPassword(deps, input.password));
  await deps.store.createAccount(account);
  return account;
}

function newAccount(deps: ServiceDeps, name: string, role: Role, locales: string[], passwordHash: string): Account {
  return {
    id: `u_${deps.randomToken().slice(0, 12)}`,
    name,
    role,
    locales: role === 'admin' ? [] : [...new Set(locales)],
    passwordHash,
    disabled: false,
    createdAt: deps.now().toISOString(),
  };
}

// --- Invitations and reset links: one-time, expiring, only their hash stored. ---

function newLink(deps: ServiceDeps, purpose: PasswordLink['purpose']): { token: string; link: PasswordLink } {
  const token = deps.randomToken();
  const ms = purpose === 'invite' ? INVITE_LINK_DAYS * 24 * 3600_000 : RESET_LINK_HOURS * 3600_000;
  return { token, link: { purpose, hash: sha256(token), expiresAt: new Date(deps.now().getTime() + ms).toISOString() } };
}

/** An admin invites a volunteer: the account exists at once, the volunteer chooses the password. */
export async function inviteAccount(
  deps: ServiceDeps,
  actor: Actor | undefined,
  input: { name: string; role: Role; locales: string[] },
): Promise<{ account: Account; token: string }> {
  requireAdmin(actor);
  const name = checkName(input.name);
  await checkLocales(deps, input.locales);
  const { token, link } = newLink(deps, 'invite');
  const account: Account = { ...newAccount(deps, name, input.role, input.locales, ''), passwordLink: link };
  await deps.store.createAccount(account);
  await recordAudit(deps, actor, 'account.invite', account.id);
  return { account, token };
}

/** A new one-time link for an account: a reset, or a fresh invitation when no password was ever set. */
export async function issuePasswordLink(deps: ServiceDeps, actor: Actor | undefined, id: string): Promise<{ account: Account; token: string }> {
  requireAdmin(actor);
  const current = await requireAccount(deps, id);
  const { token, link } = newLink(deps, current.passwordHash === '' ? 'invite' : 'reset');
  const account = await deps.store.updateAccount(id, (a) => ({ ...a, passwordLink: link }));
  await recordAudit(deps, actor, 'account.reset_link', id);
  return { account, token };
}

/** The account a link is for, when the link is current and the account not disabled. */
export async function accountForLink(deps: ServiceDeps, token: string): Promise<{ account: Account; purpose: PasswordLink['purpose'] }> {
  const hash = sha256(token);
  const account = (await deps.store.listAccounts()).find((a) => a.passwordLink?.hash === hash);
  const link = account?.passwordLink;
  if (!account || !link || account.disabled || new Date(link.expiresAt) <= deps.now()) {
    throw new DomainError('forbidden', 'account.invalid_link');
  }
  return { account, purpose: link.purpose };
}

/** Sets the password through a link; the link is spent and older sessions of the account end. */
export async function usePasswordLink(deps: ServiceDeps, token: string, password: string): Promise<Account> {
  const { account } = await accountForLink(deps, token);
  checkPassword(password, account.name);
  const passwordHash = await hashPassword(deps, password);
  return deps.store.updateAccount(account.id, (a) => {
    if (a.passwordLink?.hash !== sha256(token)) throw new DomainError('forbidden', 'account.invalid_link'); // used meanwhile
    const { passwordLink: _spent, ...rest } = a;
    return { ...rest, passwordHash, sessionVersion: (a.sessionVersion ?? 0) + 1 };
  });
}

/** A logged-in user changes their own password; their other sessions end. */
export async function changePassword(deps: ServiceDeps, actor: Actor | undefined, current: string, next: string): Promise<Account> {
  if (!can(actor, 'edit_own_account')) throw forbiddenOrUnauthenticated(actor);
  const account = await requireAccount(deps, actor!.id);
  if (!(await verifyPassword(deps, current, account.passwordHash))) throw new DomainError('invalid_input', 'account.wrong_password');
  checkPassword(next, account.name);
  const passwordHash = await hashPassword(deps, next);
  return deps.store.updateAccount(account.id, (a) => ({ ...a, passwordHash, sessionVersion: (a.sessionVersion ?? 0) + 1 }));
}

/** The session version a new login or password change starts with. */
export const sessionVersionOf = (account: Account) => account.sessionVersion ?? 0;

/** The caller's own account, for their settings page. */
export async function ownAccount(deps: ServiceDeps, actor: Actor | undefined): Promise<Account> {
  if (!can(actor, 'edit_own_account')) throw forbiddenOrUnauthenticated(actor);
  return requireAccount(deps, actor!.id);
}

/** An admin disables (or enables again) an account; disabling ends its sessions and revokes its tokens. */
export async function setDisabled(deps: ServiceDeps, actor: Actor | undefined, id: string, disabled: boolean): Promise<Account> {
  requireAdmin(actor);
  const decision = decideDisabled({ actorId: actor!.id, account: await requireAccount(deps, id) }, disabled);
  const account = await deps.store.updateAccount(id, (current) => ({
    ...current,
    disabled: decision.account.disabled,
    sessionVersion: Math.max(current.sessionVersion ?? 0, decision.account.sessionVersion ?? 0),
  }));
  if (decision.revokeTokens) await deps.store.removeTokens(id);
  await recordAudit(deps, actor, disabled ? 'account.disable' : 'account.enable', id);
  return account;
}

/** "Credit me as <pseudonym>": undefined turns credits off (the default). */
export async function setCredit(deps: ServiceDeps, actor: Actor | undefined, creditAs: string | undefined): Promise<Account> {
  if (!can(actor, 'edit_own_account')) throw forbiddenOrUnauthenticated(actor);
  const pseudonym = creditAs?.normalize('NFC').trim();
  if (pseudonym !== undefined && !PSEUDONYM.test(pseudonym)) throw new DomainError('invalid_input', 'account.invalid_pseudonym');
  return deps.store.updateAccount(actor!.id, (a) => {
    const { creditAs: _old, ...rest } = a;
    return pseudonym === undefined ? rest : { ...rest, creditAs: pseudonym };
  });
}

async function requireAccount(deps: ServiceDeps, id: string): Promise<Account> {
  const account = await deps.store.getAccount(id);
  if (!account) throw new DomainError('not_found', 'account.not_found', { name: id });
  return account;
}

/**
 * The account for a name and password, or undefined (never says which of the two was wrong).
 * Every name costs one bcrypt comparison of the same cost: an unknown name, a disabled account
 * and an invited account without a password are compared against a decoy hash, so the time a
 * login takes tells nothing about the name.
 */
export async function authenticate(deps: ServiceDeps, name: string, password: string): Promise<Account | undefined> {
  const account = await deps.store.findAccountByName(name.normalize('NFC').trim());
  const usable = account && !account.disabled && account.passwordHash !== '' && [...password].length <= 1000;
  if (!usable) {
    await verifyPassword(deps, password.slice(0, 1000), await decoyHash(deps));
    return undefined;
  }
  return (await verifyPassword(deps, password, account.passwordHash)) ? account : undefined;
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

export async function listAccounts(deps: ServiceDeps, actor: Actor | undefined): Promise<readonly Account[]> {
  requireAdmin(actor);
  return deps.store.listAccounts();
}

export async function grantLocales(deps: ServiceDeps, actor: Actor | undefined, id: string, locales: string[]): Promise<Account> {
  requireAdmin(actor);
  await checkLocales(deps, locales);
  await requireAccount(deps, id);
  const account = await deps.store.updateAccount(id, (a) => ({ ...a, locales: a.role === 'admin' ? [] : [...new Set(locales)] }));
  await recordAudit(deps, actor, 'account.grant', id);
  return account;
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

/**
 * A set-up link works until an admin exists. Once one does, a restart prints no new link: the
 * refusal says so (ask an admin, or add one on the command line) instead of "restart the server".
 */
export async function checkSetupToken(deps: ServiceDeps, token: string): Promise<void> {
  if (await hasAdmin(deps)) throw new DomainError('forbidden', 'setup.admin_exists');
  const stored = await deps.store.getSetupToken();
  const valid = stored && stored.hash === sha256(token) && new Date(stored.expiresAt) > deps.now();
  if (!valid) throw new DomainError('forbidden', 'setup.invalid_token');
}

/** The first admin, made through the set-up link: recorded as such, with the new admin as actor. */
export async function completeSetup(deps: ServiceDeps, token: string, name: string, password: string): Promise<Account> {
  await checkSetupToken(deps, token);
  const account = await storeNewAccount(deps, { name, password, role: 'admin', locales: [] });
  await deps.store.setSetupToken(undefined);
  await recordAudit(deps, toActor(account), 'account.setup', account.id);
  return account;
}

/** Names of accounts by id, for history shown to a locale's own translators and editors only. */
export async function accountNames(deps: ServiceDeps): Promise<Map<string, string>> {
  return new Map((await deps.store.listAccounts()).map((a) => [a.id, a.name]));
}

/**
 * Public credits of an edition: the pseudonyms of the translators of its approved segments who
 * chose to be credited, and never an account name. Disabled accounts are left out (an admin may
 * disable the account of a volunteer who is at risk).
 */
export async function editionCredits(deps: ServiceDeps, statementId: string, locale: string): Promise<string[]> {
  const authors = new Set((await deps.store.listTranslations(statementId, locale)).filter((t) => t.status === 'approved').map((t) => t.author));
  const names = (await deps.store.listAccounts()).filter((a) => authors.has(a.id) && !a.disabled && a.creditAs).map((a) => a.creditAs!);
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}
