// Password hashing with bcrypt (bcryptjs: pure JavaScript, no native build on volunteers' servers).
import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import type { PasswordHasher } from './deps.js';

export function bcryptHasher(cost = 11): PasswordHasher {
  return {
    hash: (password) => bcrypt.hash(password, cost),
    verify: (password, hash) => bcrypt.compare(password, hash),
  };
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
