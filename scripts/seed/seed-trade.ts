/**
 * The demo's trade: orders through the real cart and checkout (card with the offline provider, or net terms),
 * then moved along their lifecycle by the people who would move them (accepted, shipped, delivered, completed;
 * a few rejected or cancelled, a few unpaid and expired), with refunds, reviews and messages, all on a simulated
 * clock so the warehouse sees realistic dates. Everything goes through the domain services, so every step is
 * also an outbox event.
 */
import { createCartService } from '../../marketplace/checkout/cart-service.ts';
import { createClaimService } from '../../marketplace/claims/claim-service.ts';
import { createCheckoutService } from '../../marketplace/checkout/checkout-service.ts';
import { createPaymentCompletion } from '../../marketplace/checkout/payment-completion.ts';
import { createMessagingService } from '../../marketplace/messaging/messaging-service.ts';
import type { Mailer } from '../../marketplace/notifications/mailer.ts';
import { createNotifier } from '../../marketplace/notifications/notifier.ts';
import {
  transitionOrder,
  type OrderStatus,
  type ShipmentDetails,
} from '../../marketplace/orders/order-state-machine.ts';
import { OfflinePaymentProvider } from '../../marketplace/payments/offline-provider.ts';
import { createRefundService } from '../../marketplace/refunds/refund-service.ts';
import { createReviewService } from '../../marketplace/reviews/review-service.ts';
import type { Platform } from '../../platform/container.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Demo notifications stay in-app: thousands of seeded emails would bury the ones a person triggers. */
const quietMailer: Mailer = { send: async () => undefined, destination: '(demo seeding: no emails)' };

export interface TradeParties {
  buyers: Array<{ principal: Principal; country: string; city: string; region: string; name: string }>;
  sellers: Array<{ principal: Principal; slug: string; currency: string }>;
  variantsBySeller: Map<string, string[]>;
}

export function createTrade(platform: Platform, parties: TradeParties, rand: () => number) {
  let current = new Date();
  const clock = { now: () => current };
  const { db, logger } = platform;
  const payments = new OfflinePaymentProvider({ logger, clock });
  const notifier = createNotifier({
    mailer: quietMailer,
    clock,
    publicUrl: platform.config.publicUrl,
    logger,
  });
  const refunds = createRefundService({ db, clock, payments, logger });
  const carts = createCartService({ db, clock });
  const checkout = createCheckoutService({ db, clock, payments, options: { reservationMinutes: 30 } });
  const completion = createPaymentCompletion({ db, clock, payments, logger });
  // The state machine itself rather than the fulfilment service: the same rules and events, without reading
  // the order back after every step (which the seeder does not need and which would double its time).
  const fulfilment = {
    async changeStatus(
      actor: Principal,
      orderId: string,
      to: OrderStatus,
      input: ShipmentDetails & { reason?: string } = {},
    ) {
      const { reason, ...details } = input;
      await db
        .transaction()
        .execute((tx) => transitionOrder(tx, { orderId, to, actor, at: current, reason, details }));
      if (to === 'cancelled' || to === 'rejected') await refunds.refundIfUnfulfilled(orderId);
    },
  };
  const reviews = createReviewService({ db, clock, notifier });
  const messaging = createMessagingService({ db, clock, notifier });
  const claims = createClaimService({
    db,
    clock,
    notifier,
    refunds,
    storage: platform.storage,
    windowDays: platform.config.claimWindowDays,
  });
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const sellerOf = (companyId: string) => parties.sellers.find((s) => s.principal.companyId === companyId)!;

  /** Runs `step` at `at` if that moment is not after `end` (an order placed yesterday is not delivered yet). */
  async function at(when: number, end: Date, step: () => Promise<unknown>): Promise<boolean> {
    if (when > end.getTime()) return false;
    current = new Date(when);
    await step();
    return true;
  }

  /** A claim a few days after delivery: most are settled with a partial refund, some go to Wholesail. */
  async function claim(orderId: string, placedAt: number, end: Date, buyer: Principal, seller: Principal) {
    const line = await db
      .selectFrom('order_lines')
      .select(['line_no', 'line_total_minor', 'quantity'])
      .where('order_id', '=', orderId)
      .orderBy('line_no')
      .executeTakeFirstOrThrow();
    let claimId = '';
    const opened = await at(placedAt + 6 * DAY + 2 * HOUR, end, async () => {
      claimId = (
        await claims.open(buyer, orderId, {
          type: rand() < 0.6 ? 'damaged' : 'missing',
          lines: [{ lineNo: line.line_no, quantity: 1 }],
          description: 'One unit arrived broken in its case; photos of the packaging to follow.',
          requestedOutcome: 'refund',
        })
      ).id;
    });
    if (!opened) return;
    const unit = Math.max(1, Math.round(line.line_total_minor / line.quantity));
    if (rand() < 0.7) {
      await at(placedAt + 6 * DAY + 8 * HOUR, end, () =>
        claims.respond(seller, claimId, {
          decision: 'accept',
          proposedOutcome: 'partial_refund',
          amountMinor: unit,
          note: 'Sorry about that: we refund the broken unit.',
        }),
      );
      await at(placedAt + 7 * DAY, end, () => claims.accept(buyer, claimId));
    } else {
      await at(placedAt + 6 * DAY + 8 * HOUR, end, () =>
        claims.respond(seller, claimId, {
          decision: 'dispute',
          note: 'Our packing photos show the case intact.',
        }),
      );
      await at(placedAt + 7 * DAY, end, () => claims.escalate(buyer, claimId, 'We disagree: please review.'));
    }
  }

  /** One order's life after placement, as far as `end` allows. */
  async function live(orderId: string, placedAt: number, end: Date, buyer: Principal, seller: Principal) {
    const fate = rand();
    if (fate < 0.04)
      return at(placedAt + 3 * HOUR, end, () =>
        fulfilment.changeStatus(seller, orderId, 'rejected', {
          reason: 'Out of season: we cannot make this batch',
        }),
      );
    if (fate < 0.07)
      return at(placedAt + HOUR, end, () =>
        fulfilment.changeStatus(buyer, orderId, 'cancelled', { reason: 'Ordered the wrong size' }),
      );
    if (!(await at(placedAt + 5 * HOUR, end, () => fulfilment.changeStatus(seller, orderId, 'accepted'))))
      return;
    if (!(await at(placedAt + DAY, end, () => fulfilment.changeStatus(seller, orderId, 'processing'))))
      return;
    const shipped = await at(placedAt + 2 * DAY, end, () =>
      fulfilment.changeStatus(seller, orderId, 'shipped', {
        carrier: pick(['UPS', 'DHL', 'FedEx', 'Royal Mail']),
        trackingNumber: `1Z${Math.floor(rand() * 1e10)}`,
      }),
    );
    if (!shipped) return;
    if (!(await at(placedAt + 5 * DAY, end, () => fulfilment.changeStatus(buyer, orderId, 'delivered'))))
      return;
    let refunded = false;
    if (rand() < 0.06)
      refunded = await at(placedAt + 6 * DAY, end, () =>
        refunds.refund(seller, orderId, {
          amountMinor: undefined,
          reason: 'Two items arrived chipped: refunded the whole order as goodwill',
        }),
      );
    else if (rand() < 0.08) {
      const order = await db
        .selectFrom('orders')
        .select('total_minor')
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      refunded = await at(placedAt + 6 * DAY, end, () =>
        refunds.refund(seller, orderId, {
          amountMinor: Math.max(1, Math.round((order.total_minor ?? 0) * 0.2)),
          reason: 'One case short: refunded its share',
        }),
      );
    }
    if (rand() < 0.5) {
      const lines = await db
        .selectFrom('order_lines')
        .select('product_id')
        .where('order_id', '=', orderId)
        .execute();
      const rating = rand() < 0.15 ? 3 : rand() < 0.5 ? 4 : 5;
      await at(placedAt + 7 * DAY, end, () =>
        reviews.postReview(buyer, orderId, {
          rating,
          body:
            rating === 5
              ? 'Lovely quality, sold out in a week.'
              : 'Good products, packaging could be better.',
          products: [...new Set(lines.map((l) => l.product_id))].map((productId) => ({ productId, rating })),
        }),
      );
    }
    if (!refunded && rand() < 0.06) await claim(orderId, placedAt, end, buyer, seller);
    await at(placedAt + 9 * DAY, end, () => fulfilment.changeStatus(buyer, orderId, 'completed'));
  }

  return {
    setTime: (when: Date) => (current = when),

    /** Places one checkout at `when` for a random buyer with one or two suppliers of one currency. */
    async order(when: Date, end: Date): Promise<number> {
      current = when;
      const buyer = pick(parties.buyers);
      const first = pick(parties.sellers);
      const second =
        rand() < 0.3 ? pick(parties.sellers.filter((s) => s.currency === first.currency)) : first;
      for (const seller of new Set([first, second])) {
        const shelf = parties.variantsBySeller.get(seller.slug)!;
        const lineCount = 1 + Math.floor(rand() * 3);
        for (const variantId of [...shelf].sort(() => rand() - 0.5).slice(0, lineCount))
          await carts.add(buyer.principal, { variantId, quantity: 6 * (1 + Math.floor(rand() * 10)) });
      }
      const terms = (
        await db
          .selectFrom('companies')
          .select('terms_approved_at')
          .where('id', '=', buyer.principal.companyId)
          .executeTakeFirstOrThrow()
      ).terms_approved_at;
      const address = {
        name: buyer.name,
        line1: '12 High Street',
        city: buyer.city,
        region: buyer.region,
        postalCode: '10001',
        country: buyer.country,
      };
      let group;
      try {
        group = await checkout.checkout(buyer.principal, {
          paymentMethod: terms && rand() < 0.4 ? 'terms' : 'card',
          shippingAddress: address,
          currency: first.currency as 'USD' | 'EUR' | 'GBP',
        });
      } catch (error) {
        // A Free-plan supplier at its monthly limit, or credit used up: the buyer tries again another day.
        if (
          error instanceof DomainError &&
          ['supplier_plan_limit', 'credit_limit_exceeded'].includes(error.code)
        ) {
          await carts.clear(buyer.principal);
          return 0;
        }
        throw error;
      }
      if (group.paymentMethod === 'card') {
        // A few buyers never finish paying: their stock is held, then released when the reservation expires.
        if (rand() < 0.03) return 0;
        current = new Date(when.getTime() + 2 * 60_000);
        await completion.pay(buyer.principal, group.id, {
          paymentMethod: 'pm_card_visa',
          idempotencyKey: `demo-${group.id}`,
        });
      }
      for (const order of group.orders) {
        await live(
          order.id,
          current.getTime(),
          end,
          buyer.principal,
          sellerOf(order.sellerCompanyId).principal,
        );
        if (rand() < 0.04)
          await at(current.getTime() + HOUR, end, () =>
            messaging.startThread(buyer.principal, {
              orderId: order.id,
              subject: 'Delivery window',
              body: 'Could you deliver before 10am? Our loading bay is busy after that.',
            }),
          );
      }
      return group.orders.length;
    },

    /** Expires the unpaid checkouts whose reservation ran out before `end`. */
    async finish(end: Date) {
      current = end;
      await completion.expireDue();
    },
  };
}
