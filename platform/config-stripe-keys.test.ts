import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const webhook = { STRIPE_WEBHOOK_SECRET: 'whsec_config_test' };

describe('the Stripe publishable key', () => {
  it('is read with a secret key of the same mode', () => {
    expect(
      loadConfig({ ...webhook, STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_PUBLISHABLE_KEY: 'pk_test_xyz' })
        .stripePublishableKey,
    ).toBe('pk_test_xyz');
    expect(
      loadConfig({ ...webhook, STRIPE_SECRET_KEY: 'sk_live_abc', STRIPE_PUBLISHABLE_KEY: 'pk_live_xyz' })
        .stripePublishableKey,
    ).toBe('pk_live_xyz');
    // A restricted key has a mode too.
    expect(
      loadConfig({ ...webhook, STRIPE_SECRET_KEY: 'rk_live_abc', STRIPE_PUBLISHABLE_KEY: 'pk_live_xyz' })
        .stripePublishableKey,
    ).toBe('pk_live_xyz');
  });

  it('is optional: Stripe without it keeps the test payment methods', () => {
    expect(loadConfig({ ...webhook, STRIPE_SECRET_KEY: 'sk_test_abc' }).stripePublishableKey).toBeUndefined();
    expect(loadConfig({ STRIPE_PUBLISHABLE_KEY: '' }).stripePublishableKey).toBeUndefined();
  });

  it.each([
    [
      { STRIPE_SECRET_KEY: 'sk_live_abc', STRIPE_PUBLISHABLE_KEY: 'pk_test_xyz' },
      'STRIPE_PUBLISHABLE_KEY is a test key but STRIPE_SECRET_KEY is a live key',
    ],
    [
      { STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_PUBLISHABLE_KEY: 'pk_live_xyz' },
      'STRIPE_PUBLISHABLE_KEY is a live key but STRIPE_SECRET_KEY is a test key',
    ],
    [
      { STRIPE_SECRET_KEY: 'rk_test_abc', STRIPE_PUBLISHABLE_KEY: 'pk_live_xyz' },
      'STRIPE_PUBLISHABLE_KEY is a live key but STRIPE_SECRET_KEY is a test key',
    ],
    [{ STRIPE_PUBLISHABLE_KEY: 'pk_test_xyz' }, 'STRIPE_PUBLISHABLE_KEY needs STRIPE_SECRET_KEY'],
    [
      { STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_PUBLISHABLE_KEY: 'sk_test_abc' },
      'STRIPE_PUBLISHABLE_KEY must be a Stripe publishable key (pk_test_..., pk_live_...)',
    ],
  ])('refuses %j at start with one line naming the variable', (env, message) => {
    let thrown: unknown;
    try {
      loadConfig({ ...webhook, ...env });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error | undefined)?.message).toContain(message);
    expect((thrown as Error).message).not.toContain('\n');
    // Neither key is echoed back.
    expect((thrown as Error).message).not.toMatch(/abc|xyz/);
  });
});
