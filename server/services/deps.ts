// What every use case gets from outside: the store, the clock and a source of randomness, so the
// services stay testable and the domain stays pure.
import type { Store } from '../store/interface.js';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}

export interface ServiceDeps {
  store: Store;
  now: () => Date;
  /** A new unguessable token (URL-safe). */
  randomToken: () => string;
  passwords: PasswordHasher;
}
