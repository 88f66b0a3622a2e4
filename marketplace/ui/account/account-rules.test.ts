import { describe, expect, it } from 'vitest';
import { changedPreferences, withChannel, type NotificationPreference } from './preferences.ts';
import { groupSecret, isAuthenticatorCode, normaliseCode, recoveryCodesFile } from './two-factor.ts';

const saved: NotificationPreference[] = [
  { kind: 'order.updated', inApp: true, email: true },
  { kind: 'message.received', inApp: true, email: false },
];

describe('notification preferences on the account page', () => {
  it('sends only the kinds whose channels changed', () => {
    const edited = withChannel(saved, 'order.updated', 'email', false);
    expect(changedPreferences(saved, edited)).toEqual([{ kind: 'order.updated', inApp: true, email: false }]);
  });

  it('sends nothing when a box is ticked and unticked again', () => {
    const back = withChannel(
      withChannel(saved, 'message.received', 'inApp', false),
      'message.received',
      'inApp',
      true,
    );
    expect(changedPreferences(saved, back)).toEqual([]);
  });

  it('leaves the other kinds and the original list untouched', () => {
    const edited = withChannel(saved, 'message.received', 'email', true);
    expect(edited[0]).toBe(saved[0]);
    expect(saved[1]!.email).toBe(false);
  });
});

describe('two-factor input', () => {
  it('accepts six digits, with the spaces some apps show', () => {
    expect(isAuthenticatorCode('123456')).toBe(true);
    expect(isAuthenticatorCode(' 123 456 ')).toBe(true);
    expect(normaliseCode('123 456')).toBe('123456');
  });

  it('refuses anything else before asking the API', () => {
    for (const typed of ['', '12345', '1234567', '12345a', '1a2b3-c4d5e'])
      expect(isAuthenticatorCode(typed)).toBe(false);
  });

  it('shows the setup key in groups of four, and the groups join back to the key', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ';
    expect(groupSecret(secret)).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXQ');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
    expect(groupSecret(secret).replace(/ /g, '')).toBe(secret);
  });

  it('writes the recovery codes one a line under their heading', () => {
    expect(recoveryCodesFile('Codes', ['1a2b3-c4d5e', '9f8e7-d6c5b'])).toBe(
      'Codes\n1a2b3-c4d5e\n9f8e7-d6c5b\n',
    );
  });
});
