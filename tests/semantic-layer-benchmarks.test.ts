/**
 * Peer groups by category and region: six North American manufacturers selling mostly homeware compare with
 * each other, and one selling food, with too few food peers nearby, compares with its whole region instead.
 * Sales go through the cart and checkout, the only way a line carries its category to the warehouse.
 */
import { randomUUID } from 'node:crypto';
import cube from '@cubejs-client/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../platform/domain-event.ts';
import { refreshNow } from '../warehouse/build.ts';
import { PASSWORD, startTestPlatform, type TestPlatform } from './support/test-platform.ts';

/** quantileExactInclusive: linear interpolation between the closest ranks. */
function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
}
const wholeDollars = (cents: number) => Math.round(cents / 100) * 100;

describe('supplier benchmarks by category and region', () => {
  let tp: TestPlatform;
  const makers: Array<{ companyId: string; token: string; gmv: number; category: string }> = [];
  const bench = async (token: string) =>
    (
      await cube(token, { apiUrl: `${tp.url}/cubejs-api/v1` }).load({
        measures: [
          'seller_benchmarks.gmv',
          'seller_benchmarks.peers',
          'seller_benchmarks.peer_gmv_p50',
          'seller_benchmarks.peer_gmv_p90',
          'seller_benchmarks.peer_net_gmv_p50',
        ],
        dimensions: [
          'seller_benchmarks.peer_group',
          'seller_benchmarks.peer_category',
          'seller_benchmarks.main_category',
        ],
        timeDimensions: [{ dimension: 'seller_benchmarks.month', granularity: 'month' }],
      })
    ).rawData();

  beforeAll(async () => {
    tp = await startTestPlatform('embedded');
    const buyer = await tp.company('retailer', 'Buyer');
    const cities = ['Austin', 'Denver', 'Seattle', 'Chicago', 'Boston', 'Miami', 'Atlanta'];
    for (const [i, city] of cities.entries()) {
      const email = `maker${i}@bench-category.test`;
      const { companyId } = await tp.platform.services.identity.registerCompany(
        {
          kind: 'manufacturer',
          name: `Maker ${i}`,
          country: 'US',
          city,
          owner: { email, password: PASSWORD },
        },
        systemActor,
        { kybApproved: true },
      );
      const token = await tp.login(email);
      const category = i < 6 ? 'drinkware' : 'coffee';
      const listed = await tp.http('POST', '/api/v1/products', {
        token,
        body: {
          sku: `P${i}`,
          name: `Product ${i}`,
          category,
          priceMinor: 1000 * (i + 1),
          currency: 'USD',
          stock: 10,
        },
      });
      expect(listed.status, JSON.stringify(listed.body)).toBe(201);
      const added = await tp.http('POST', '/api/v1/cart/lines', {
        token: buyer.token,
        body: { variantId: listed.body.variants[0].id, quantity: 1 },
      });
      expect(added.status, JSON.stringify(added.body)).toBe(200);
      makers.push({ companyId, token, gmv: 1000 * (i + 1), category });
    }
    const group = await tp.http('POST', '/api/v1/checkout', {
      token: buyer.token,
      body: {
        paymentMethod: 'card',
        shippingAddress: {
          name: 'Buyer',
          line1: '1 Market St',
          city: 'San Francisco',
          region: 'CA',
          postalCode: '94105',
          country: 'US',
        },
      },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    const paid = await tp.http('POST', `/api/v1/order-groups/${group.body.id}/pay`, {
      token: buyer.token,
      body: { paymentMethod: 'pm_card_visa' },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    await tp.platform.relay.drain();
    await refreshNow(tp.platform.warehouse);
  }, 180_000);
  afterAll(async () => tp?.close());

  it('compares a manufacturer with the others of its main category in its region', async () => {
    const home = await tp.platform.db
      .selectFrom('categories')
      .select('name')
      .where('path', '=', 'home')
      .executeTakeFirstOrThrow();
    const group = makers.filter((m) => m.category === 'drinkware').map((m) => m.gmv);
    const [row] = await bench(makers[0]!.token);
    expect(row).toMatchObject({
      'seller_benchmarks.peer_group': `${home.name} in North America`,
      'seller_benchmarks.peer_category': 'home',
      'seller_benchmarks.main_category': 'home',
    });
    expect(Number(row!['seller_benchmarks.gmv'])).toBe(makers[0]!.gmv);
    expect(Number(row!['seller_benchmarks.peers'])).toBe(group.length - 1);
    expect(Number(row!['seller_benchmarks.peer_gmv_p50'])).toBe(wholeDollars(percentile(group, 0.5)));
    expect(Number(row!['seller_benchmarks.peer_gmv_p90'])).toBe(wholeDollars(percentile(group, 0.9)));
    // Nothing was cancelled or refunded: net GMV bands are the gross ones.
    expect(Number(row!['seller_benchmarks.peer_net_gmv_p50'])).toBe(wholeDollars(percentile(group, 0.5)));
  });

  it('falls back to the whole region where its category has fewer than five peers there', async () => {
    const all = makers.map((m) => m.gmv);
    const [row] = await bench(makers[6]!.token);
    expect(row).toMatchObject({
      'seller_benchmarks.peer_group': 'North America',
      'seller_benchmarks.peer_category': '',
      'seller_benchmarks.main_category': 'food',
    });
    expect(Number(row!['seller_benchmarks.peers'])).toBe(all.length - 1);
    expect(Number(row!['seller_benchmarks.peer_gmv_p50'])).toBe(wholeDollars(percentile(all, 0.5)));
    expect(Number(row!['seller_benchmarks.peer_gmv_p90'])).toBe(wholeDollars(percentile(all, 0.9)));
  });
});
