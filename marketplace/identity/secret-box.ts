/**
 * Secrets we must be able to read back (TOTP seeds), sealed at rest with AES-256-GCM: a copy of the database
 * alone no longer lets anyone mint a user's second factor. The key is derived (HKDF-SHA256) from the platform's
 * auth secret (AUTH_SECRET, or the one generated into the data folder), so there is no second secret to manage;
 * rotating AUTH_SECRET therefore means re-enrolling two-factor.
 *
 * Sealed form: `v1.<iv>.<tag>.<ciphertext>` (base64url). A value without the prefix was written before sealing
 * existed and is read as it is; it is sealed the next time it is written.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'v1.';

export interface SecretBox {
  seal(plain: string): string;
  open(stored: string): string;
}

export function createSecretBox(authSecret: string, purpose = 'totp-secrets'): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', authSecret, 'wholesail', `wholesail ${purpose} v1`, 32));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
    },
    open(stored) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [iv, tag, data] = stored
        .slice(PREFIX.length)
        .split('.')
        .map((p) => Buffer.from(p, 'base64url'));
      if (!iv || !tag || !data) throw new Error('sealed secret is malformed');
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    },
  };
}

/** For services built without the platform's key (seeders, unit tests): sealed values do not outlive the process. */
export const ephemeralSecretBox = (): SecretBox => createSecretBox(randomBytes(32).toString('base64url'));
