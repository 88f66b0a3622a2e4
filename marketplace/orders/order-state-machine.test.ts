import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import {
  nextStatuses,
  ORDER_STATUSES,
  RELEASES_STOCK,
  ruleFor,
  TRANSITIONS,
  type OrderParty,
  type OrderStatus,
} from './order-state-machine.ts';

/** Every allowed move, written out longhand, so a change to the table has to be made twice on purpose. */
const ALLOWED: Array<[OrderStatus, OrderStatus, OrderParty]> = [
  ['pending_payment', 'placed', 'system'],
  ['pending_payment', 'expired', 'system'],
  ['pending_payment', 'cancelled', 'buyer'],
  ['pending_payment', 'cancelled', 'seller'],
  ['placed', 'accepted', 'seller'],
  ['placed', 'rejected', 'seller'],
  ['placed', 'cancelled', 'buyer'],
  ['placed', 'cancelled', 'seller'],
  ['accepted', 'processing', 'seller'],
  ['accepted', 'shipped', 'seller'],
  ['accepted', 'cancelled', 'buyer'],
  ['accepted', 'cancelled', 'seller'],
  ['processing', 'shipped', 'seller'],
  ['processing', 'cancelled', 'buyer'],
  ['processing', 'cancelled', 'seller'],
  ['shipped', 'delivered', 'seller'],
  ['shipped', 'delivered', 'buyer'],
  ['delivered', 'completed', 'buyer'],
  ['delivered', 'completed', 'system'],
];

const PARTIES: OrderParty[] = ['buyer', 'seller', 'system'];

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected the transition to be refused');
};

describe('the order state machine', () => {
  it('allows exactly the listed moves, each to exactly the listed parties', () => {
    const allowed = new Set(ALLOWED.map((a) => a.join(' ')));
    for (const from of ORDER_STATUSES)
      for (const to of ORDER_STATUSES)
        for (const party of PARTIES) {
          const key = `${from} ${to} ${party}`;
          if (allowed.has(key)) expect(ruleFor(from, to, party).to, key).toBe(to);
          else expect(() => ruleFor(from, to, party), key).toThrow(DomainError);
        }
  });

  it('ends nowhere: completed, rejected, cancelled and expired have no way out', () => {
    for (const end of ['completed', 'rejected', 'cancelled', 'expired'] as const)
      for (const party of PARTIES) expect(nextStatuses(end, party)).toEqual([]);
  });

  it('tells a retailer that accepting is the manufacturer’s job, whatever the order’s status (403)', () => {
    const error = failure(() => ruleFor('placed', 'accepted', 'buyer'));
    expect(error.kind).toBe('forbidden');
    expect(error.message).toBe('Only the manufacturer can mark an order accepted.');
    expect(failure(() => ruleFor('shipped', 'accepted', 'buyer')).kind).toBe('forbidden');
  });

  it('names both statuses when a legal actor moves at the wrong moment (409)', () => {
    const shipEarly = failure(() => ruleFor('placed', 'shipped', 'seller'));
    expect(shipEarly.kind).toBe('conflict');
    expect(shipEarly.code).toBe('illegal_transition');
    expect(shipEarly.message).toContain('from placed to shipped');
    expect(failure(() => ruleFor('shipped', 'cancelled', 'buyer')).message).toContain(
      'from shipped to cancelled',
    );
    expect(failure(() => ruleFor('shipped', 'completed', 'buyer')).message).toContain(
      'from shipped to completed (only from delivered)',
    );
  });

  it('refuses a status it does not know as an illegal transition, not a crash', () => {
    expect(failure(() => ruleFor('lost_in_transit', 'delivered', 'buyer')).code).toBe('illegal_transition');
    expect(nextStatuses('lost_in_transit', 'seller')).toEqual([]);
  });

  it('offers each party its next steps in table order', () => {
    expect(nextStatuses('placed', 'seller')).toEqual(['accepted', 'rejected', 'cancelled']);
    expect(nextStatuses('placed', 'buyer')).toEqual(['cancelled']);
    expect(nextStatuses('shipped', 'buyer')).toEqual(['delivered']);
    expect(nextStatuses('delivered', 'system')).toEqual(['completed']);
  });

  it('asks a reason for rejecting and cancelling, carrier and tracking number for shipping', () => {
    const requires = (to: OrderStatus) => TRANSITIONS.find((t) => t.to === to)?.requires ?? [];
    expect(requires('rejected')).toEqual(['reason']);
    expect(requires('cancelled')).toEqual(['reason']);
    expect(requires('shipped')).toEqual(['carrier', 'trackingNumber']);
    expect(requires('accepted')).toEqual([]);
  });

  it('gives stock back only for orders that end before shipping', () => {
    const shipped = new Set<OrderStatus>(['shipped', 'delivered', 'completed']);
    for (const status of RELEASES_STOCK) {
      expect(shipped.has(status)).toBe(false);
      const reachableFrom = TRANSITIONS.filter((t) => t.to === status).flatMap((t) => t.from);
      expect(
        reachableFrom.some((s) => shipped.has(s)),
        status,
      ).toBe(false);
    }
  });
});
