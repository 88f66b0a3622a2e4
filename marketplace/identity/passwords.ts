/**
 * Password hashing (argon2id, OWASP's recommended parameters) and the strength policy: 10 to 256 characters, not
 * one repeated character, not a well-known password, and not the email address or its name part.
 */
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { DomainError } from '../../platform/errors.ts';

// Algorithm.Argon2id is a const enum, which an isolated-module build cannot inline: its value is 2.
const ARGON2ID = 2 as Algorithm;
const ARGON2 = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2);

// A valid hash to verify against when the email is unknown, so both paths cost the same time.
let dummyHash: Promise<string> | undefined;

/** Verifies `password` against `passwordHash`, or spends the same time against a dummy hash when there is none. */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('wholesail-timing-equaliser');
  const ok = await verify(passwordHash ?? (await dummyHash), password);
  return ok && passwordHash !== undefined;
}

const COMMON = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'passw0rd',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'qwerty1234',
  'iloveyou123',
  'letmein123',
  'welcome123',
  'administrator',
  'wholesail123',
  'changeme123',
]);

export const PASSWORD_RULE = 'must be 10 to 256 characters and not easy to guess';

export function assertStrongPassword(password: string, email: string, field = 'password'): void {
  const lower = password.toLowerCase();
  const name = email.toLowerCase().split('@')[0] ?? '';
  let problem: string | undefined;
  if (password.length < 10) problem = 'must be at least 10 characters';
  else if (password.length > 256) problem = 'must be at most 256 characters';
  else if (new Set(password).size < 4) problem = 'must use at least 4 different characters';
  else if (COMMON.has(lower)) problem = 'is a well-known password; choose another';
  else if (lower === email.toLowerCase() || (name.length >= 4 && lower.includes(name)))
    problem = 'must not contain your email address';
  if (problem) {
    throw new DomainError('validation', 'weak_password', `The password ${problem}.`, [
      { field, message: problem },
    ]);
  }
}
