import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.ts';

describe('secret box', () => {
  const box = createSecretBox('a platform secret of reasonable length');

  it('seals so the stored form does not contain the secret, and opens it back', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed); // a fresh IV each time
  });

  it('refuses a tampered value or one sealed under another key', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    // Flip one bit of the ciphertext's first byte (editing the last base64 character may only touch padding bits).
    const [prefix, iv, tag, data] = sealed.split('.');
    const bytes = Buffer.from(data!, 'base64url');
    bytes[0] = bytes[0]! ^ 1;
    expect(() => box.open([prefix, iv, tag, bytes.toString('base64url')].join('.'))).toThrow();
    expect(() => createSecretBox('another secret entirely').open(sealed)).toThrow();
  });

  it('reads a value stored before sealing existed as it is', () => {
    expect(box.open('JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP');
  });
});
