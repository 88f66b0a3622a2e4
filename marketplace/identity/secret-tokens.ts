/**
 * Random single-use secrets (links in emails, refresh tokens, login challenges, recovery codes). The raw value goes
 * to the person; the database keeps only its SHA-256, so a leaked table opens nothing. These secrets carry 256 bits
 * of randomness, so a fast hash is right here (argon2 is for low-entropy passwords).
 */
import { createHash, randomBytes } from 'node:crypto';

export const newSecretToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
