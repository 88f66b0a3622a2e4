/** `order.placed` events shaped like the order service's: random buyers, sellers and 1-4 lines, in USD. */
import type { OrderPlacedV1 } from '../../marketplace/orders/events.ts';
import type { DomainEvent } from '../../platform/domain-event.ts';
import { newId } from '../../platform/ids.ts';

const BUYERS = Array.from({ length: 500 }, () => newId());
const SELLERS = Array.from({ length: 50 }, () => newId());
const PRODUCTS = Array.from({ length: 2000 }, () => ({
  id: newId(),
  sku: `SKU-${Math.random().toString(36).slice(2, 8)}`,
}));
const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** An order like the order service writes: 1-4 lines, USD, placed now. */
export function orderPlaced(now: Date) {
  const orderId = newId();
  const buyerCompanyId = pick(BUYERS);
  const sellerCompanyId = pick(SELLERS);
  const lines: OrderPlacedV1['lines'] = Array.from({ length: 1 + Math.floor(Math.random() * 4) }, (_, i) => {
    const product = pick(PRODUCTS);
    const quantity = 1 + Math.floor(Math.random() * 20);
    const unitPriceMinor = 100 + Math.floor(Math.random() * 10_000);
    const lineTotalMinor = quantity * unitPriceMinor;
    return {
      lineNo: i + 1,
      productId: product.id,
      sku: product.sku,
      quantity,
      unitPriceMinor,
      lineTotalMinor,
      lineTotalUsdMinor: lineTotalMinor,
    };
  });
  const subtotalMinor = lines.reduce((s, l) => s + l.lineTotalMinor, 0);
  return {
    type: 'order.placed',
    version: 1,
    aggregateType: 'order',
    aggregateId: orderId,
    companyIds: [buyerCompanyId, sellerCompanyId],
    occurredAt: now,
    actor: { userId: newId(), companyId: buyerCompanyId, kind: 'user' as const },
    payload: {
      orderId,
      buyerCompanyId,
      sellerCompanyId,
      status: 'placed' as const,
      currency: 'USD',
      subtotalMinor,
      subtotalUsdMinor: subtotalMinor,
      fxRate: '1',
      placedAt: now.toISOString(),
      lines,
    } satisfies OrderPlacedV1,
  };
}

/** The same, as the envelope the relay publishes (for loading without the outbox). */
export function orderPlacedEvent(now: Date): DomainEvent {
  const e = orderPlaced(now);
  return { ...e, eventId: newId(), occurredAt: now.toISOString() };
}
