// Which passwords Tandem accepts (NIST SP 800-63B's advice): long enough, not absurdly long, not
// one of the passwords attackers try first, not the account's own name. No rules about symbols
// or digits: a long phrase in any script (Burmese, Khmer...) is better than "P@ssw0rd!".
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** The 49,000 most common passwords of zxcvbn-ts (MIT), lower case; built on first use. */
let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common']);
  return common.has(password.toLowerCase());
}

export interface PasswordProblem {
  /** Message key under `errors.`. */
  key: string;
  params: Record<string, number>;
}

/** Why a new password is refused, or undefined when it is acceptable. Length counts characters. */
export function passwordProblem(password: string, accountName = ''): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return { key: 'account.password_too_short', params: { count: MIN_PASSWORD_LENGTH } };
  if (length > MAX_PASSWORD_LENGTH) return { key: 'account.password_too_long', params: { max: MAX_PASSWORD_LENGTH } };
  const lower = password.toLowerCase();
  // "aaaaaaaaaa" and "1212121212" are long but guessed at once.
  const tooSimple = new Set(lower).size < 4;
  // The account's name with a few additions ("mover2024", "mover-mover") is guessed at once too.
  const name = accountName.trim().toLowerCase();
  const rest =
    name === ''
      ? lower
      : lower
          .split(name)
          .join('')
          .replace(/[\s\p{P}\p{S}\p{N}]/gu, '');
  const isName = name !== '' && lower.includes(name) && new Set(rest).size < 4;
  if (tooSimple || isName || isCommonPassword(password)) return { key: 'account.password_common', params: {} };
  return undefined;
}
