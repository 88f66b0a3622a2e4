/**
 * Churn needs history: buyers who ordered three to six months ago, manufacturers who were paying when a month
 * began. Orders are placed in the past through the order service on a clock set back; subscription changes are
 * recorded in the past exactly as the billing webhook records them (marketplace/billing/subscription-webhooks.ts),
 * since a payment provider's test clock only moves forward.
 */
import cube from '@cubejs-client/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriptionChangedV1 } from '../marketplace/billing/events.ts';
import { createOrderService } from '../marketplace/orders/order-service.ts';
import { recordEvent } from '../marketplace/outbox/record-event.ts';
import { systemActor } from '../platform/domain-event.ts';
import { newId } from '../platform/ids.ts';
import { refreshNow } from '../warehouse/build.ts';
import { PASSWORD, eventually, startTestPlatform, type TestPlatform } from './support/test-platform.ts';

const DAY = 86_400_000;

describe('churn in the semantic layer', () => {
  let tp: TestPlatform;
  let exec: string;
  let maker: Awaited<ReturnType<TestPlatform['company']>>;
  const load = async (token: string, measures: string[], extra: object = {}) =>
    (await cube(token, { apiUrl: `${tp.url}/cubejs-api/v1` }).load({ measures, ...extra })).rawData()[0] ??
    {};

  /** A subscription change of `companyId` at `at`, as the billing webhook writes it. */
  async function subscriptionChanged(companyId: string, at: Date, mrrUsdMinor: number) {
    const subscriptionId = newId();
    await tp.platform.db.transaction().execute((tx) =>
      recordEvent<SubscriptionChangedV1>(tx, {
        type: 'subscription.changed',
        version: 1,
        aggregateType: 'subscription',
        aggregateId: subscriptionId,
        companyIds: [companyId],
        occurredAt: at,
        actor: systemActor,
        payload: {
          subscriptionId,
          companyId,
          provider: 'offline',
          providerSubscriptionId: `sub_${subscriptionId}`,
          providerEventId: `evt_${newId()}`,
          status: mrrUsdMinor > 0 ? 'active' : 'canceled',
          plan: mrrUsdMinor > 0 ? 'professional' : 'free',
          previousPlan: mrrUsdMinor > 0 ? 'free' : 'professional',
          interval: mrrUsdMinor > 0 ? 'month' : null,
          cancelAtPeriodEnd: false,
          currentPeriodEnd: null,
          mrrUsdMinor,
          planMrrUsdMinor: mrrUsdMinor,
          addOns: [],
        },
      }),
    );
  }

  beforeAll(async () => {
    tp = await startTestPlatform('embedded');
    exec = (await tp.company('platform', 'Wholesail HQ', 'executive')).token;
    maker = await tp.company('manufacturer', 'Churn Ceramics');
    const steady = await tp.company('manufacturer', 'Steady Goods');
    const listed = await tp.http('POST', '/api/v1/products', {
      token: maker.token,
      body: { sku: 'CUP', name: 'Cup', priceMinor: 800, currency: 'USD', stock: 1000 },
    });
    expect(listed.status, JSON.stringify(listed.body)).toBe(201);
    const productId = listed.body.id as string;

    // Two buyers ordered four months ago; only the loyal one has ordered since.
    const now = Date.now();
    const orderAt = async (email: string, daysAgo: number) => {
      const principal = await tp.platform.services.identity.authenticate(email, PASSWORD);
      const orders = createOrderService({
        db: tp.platform.db,
        clock: { now: () => new Date(now - daysAgo * DAY) },
      });
      await orders.placeOrder(principal, { lines: [{ productId, quantity: 2 }] });
    };
    const lapsed = await tp.company('retailer', 'Lapsed Shop');
    const loyal = await tp.company('retailer', 'Loyal Shop');
    await orderAt(lapsed.email, 120);
    await orderAt(loyal.email, 125);
    await orderAt(loyal.email, 10);

    // Both manufacturers were paying before this month began; one cancelled during it.
    const monthStart = new Date(new Date(now).toISOString().slice(0, 8) + '01T00:00:00.000Z').getTime();
    await subscriptionChanged(maker.companyId, new Date(monthStart - 20 * DAY), 4_900);
    await subscriptionChanged(steady.companyId, new Date(monthStart - 20 * DAY), 9_900);
    await subscriptionChanged(maker.companyId, new Date(now), 0);

    await tp.platform.relay.drain();
    await eventually(
      async () =>
        Number(
          (
            await (
              await tp.platform.warehouse.query({
                query:
                  "SELECT count() AS n FROM wholesail.events_raw FINAL WHERE type = 'subscription.changed'",
                format: 'JSONEachRow',
              })
            ).json<{ n: string }>()
          )[0]!.n,
        ),
      (n) => n === 3,
      10_000,
    );
    await refreshNow(tp.platform.warehouse);
  }, 180_000);
  afterAll(async () => tp?.close());

  it('counts a buyer who ordered 91-180 days ago and not since as churned, and one who came back as not', async () => {
    const platform = await load(exec, [
      'buyer_churn.buyers_previous_90d',
      'buyer_churn.churned_buyers',
      'buyer_churn.buyer_churn_rate',
    ]);
    expect(Number(platform['buyer_churn.buyers_previous_90d'])).toBe(2);
    expect(Number(platform['buyer_churn.churned_buyers'])).toBe(1);
    expect(Number(platform['buyer_churn.buyer_churn_rate'])).toBeCloseTo(0.5, 9);
    // The manufacturer sees the same of its own customers.
    const own = await load(maker.token, [
      'buyer_churn.customers_previous_90d',
      'buyer_churn.churned_customers',
    ]);
    expect(
      [own['buyer_churn.customers_previous_90d'], own['buyer_churn.churned_customers']].map(Number),
    ).toEqual([2, 1]);
  });

  it('counts a manufacturer paying when the month began and not at its end as churned, by month', async () => {
    const thisMonth = new Date().toISOString().slice(0, 7);
    const rows = (
      await cube(exec, { apiUrl: `${tp.url}/cubejs-api/v1` }).load({
        measures: [
          'platform_revenue.paying_at_start',
          'platform_revenue.churned',
          'platform_revenue.churn_rate',
        ],
        timeDimensions: [{ dimension: 'platform_revenue.month', granularity: 'month' }],
      })
    ).rawData();
    const month = (m: string) => rows.find((r) => String(r['platform_revenue.month.month']).startsWith(m));
    const current = month(thisMonth)!;
    expect(Number(current['platform_revenue.paying_at_start'])).toBe(2);
    expect(Number(current['platform_revenue.churned'])).toBe(1);
    expect(Number(current['platform_revenue.churn_rate'])).toBeCloseTo(0.5, 9);
    // The month they started paying in, neither was paying at its start: nobody to churn.
    const previous = rows.find((r) => r !== current && Number(r['platform_revenue.paying_at_start']) > 0);
    expect(previous).toBeUndefined();
    // ARR follows MRR: only the manufacturer still paying counts now.
    expect(Number((await load(exec, ['subscriptions.arr']))['subscriptions.arr'])).toBe(9_900 * 12);
    // A manufacturer's own plan is visible to it: its subscription ended, so it is back on Free.
    const own = await cube(maker.token, { apiUrl: `${tp.url}/cubejs-api/v1` }).load({
      measures: ['platform_revenue.churned'],
      dimensions: ['platform_revenue.plan'],
      timeDimensions: [{ dimension: 'platform_revenue.month', granularity: 'month' }],
    });
    expect(
      own
        .rawData()
        .map((r) => [String(r['platform_revenue.month.month']).slice(0, 7), r['platform_revenue.plan']]),
    ).toContainEqual([thisMonth, 'free']);
  });
});
