import { describe, expect, it } from 'vitest';
import { claimRuleFor, nextClaimActions } from './claim-state-machine.ts';

describe('the claim state machine', () => {
  it('tells a manufacturer that only Wholesail resolves, whatever the claim’s status', () => {
    for (const status of ['open', 'escalated', 'resolved'])
      expect(() => claimRuleFor('resolve', status, 'seller')).toThrow(
        expect.objectContaining({ kind: 'forbidden', code: 'not_your_claim_step' }),
      );
  });

  it('refuses the right party at the wrong moment with a conflict naming both statuses', () => {
    expect(() => claimRuleFor('respond', 'escalated', 'seller')).toThrow(
      expect.objectContaining({
        kind: 'conflict',
        message: 'A claim that is escalated cannot be responded to (only one that is open).',
      }),
    );
    expect(() => claimRuleFor('withdraw', 'resolved', 'buyer')).toThrow(
      expect.objectContaining({ code: 'illegal_claim_transition' }),
    );
  });

  it('offers each side only its own next steps', () => {
    expect(nextClaimActions('open', 'buyer')).toEqual(['escalate', 'withdraw']);
    expect(nextClaimActions('open', 'seller')).toEqual(['respond', 'escalate']);
    expect(nextClaimActions('seller_responded', 'buyer')).toEqual(['escalate', 'accept', 'withdraw']);
    expect(nextClaimActions('escalated', 'admin')).toEqual(['resolve']);
    expect(nextClaimActions('escalated', 'seller')).toEqual([]);
    expect(nextClaimActions('withdrawn', 'buyer')).toEqual([]);
    expect(nextClaimActions('resolved', 'admin')).toEqual([]);
    expect(nextClaimActions('open', undefined)).toEqual([]);
  });
});
