/**
 * Supplier benchmarking: a manufacturer sees its own month next to its peer group's percentile bands, never a
 * single peer's figures, and no bands at all where fewer than five peers would stand behind them.
 */
import cube from '@cubejs-client/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../platform/domain-event.ts';
import { refreshNow } from '../warehouse/build.ts';
import { PASSWORD, startTestPlatform, type TestPlatform } from './support/test-platform.ts';

describe('supplier benchmarking', () => {
  let tp: TestPlatform;
  const sellers: Array<{ companyId: string; token: string; gmv: number }> = [];
  let lonely: { companyId: string; token: string };
  const bench = (token: string) =>
    cube(token, { apiUrl: `${tp.url}/cubejs-api/v1` }).load({
      measures: [
        'seller_benchmarks.gmv',
        'seller_benchmarks.peers',
        'seller_benchmarks.peer_gmv_p25',
        'seller_benchmarks.peer_gmv_p50',
        'seller_benchmarks.peer_gmv_p90',
      ],
      dimensions: ['seller_benchmarks.seller_company_id', 'seller_benchmarks.peer_group'],
      timeDimensions: [{ dimension: 'seller_benchmarks.month', granularity: 'month' }],
    });

  async function manufacturer(name: string, city: string, country: string) {
    const email = `${name.replace(/\W/g, '').toLowerCase()}@bench.test`;
    const { companyId } = await tp.platform.services.identity.registerCompany(
      { kind: 'manufacturer', name, country, city, owner: { email, password: PASSWORD } },
      systemActor,
      { kybApproved: true },
    );
    return { companyId, token: await tp.login(email) };
  }

  beforeAll(async () => {
    tp = await startTestPlatform('embedded');
    const buyer = await tp.company('retailer', 'Buyer');
    // Seven manufacturers in North America (each has six peers) and one alone in Europe.
    const cities = ['Austin', 'Denver', 'Seattle', 'Chicago', 'Boston', 'Miami', 'Atlanta'];
    for (const [i, city] of cities.entries()) {
      const m = await manufacturer(`Maker ${i + 1}`, city, 'US');
      const product = await tp.http('POST', '/api/v1/products', {
        token: m.token,
        body: { sku: 'P', name: 'P', priceMinor: 1000 * (i + 1), currency: 'USD', stock: 100 },
      });
      const order = await tp.http('POST', '/api/v1/orders', {
        token: buyer.token,
        body: { lines: [{ productId: product.body.id, quantity: 1 }] },
      });
      sellers.push({ ...m, gmv: order.body.subtotalMinor });
    }
    lonely = await manufacturer('Solo Works', 'Lyon', 'FR');
    const product = await tp.http('POST', '/api/v1/products', {
      token: lonely.token,
      body: { sku: 'S', name: 'S', priceMinor: 5000, currency: 'USD', stock: 10 },
    });
    await tp.http('POST', '/api/v1/orders', {
      token: buyer.token,
      body: { lines: [{ productId: product.body.id, quantity: 1 }] },
    });
    await tp.platform.relay.drain();
    await refreshNow(tp.platform.warehouse);
  }, 120_000);
  afterAll(async () => tp?.close());

  it("shows a manufacturer its own month next to its peers' percentile bands", async () => {
    const rows = (await bench(sellers[0]!.token)).tablePivot();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!['seller_benchmarks.seller_company_id']).toBe(sellers[0]!.companyId);
    expect(row!['seller_benchmarks.peer_group']).toBe('North America');
    expect(Number(row!['seller_benchmarks.gmv'])).toBe(1000);
    expect(Number(row!['seller_benchmarks.peers'])).toBe(6);
    // GMVs of the group are $10..$70: the median is $40, the quartile $25, the 90th percentile $64.
    expect(Number(row!['seller_benchmarks.peer_gmv_p50'])).toBe(4000);
    expect(Number(row!['seller_benchmarks.peer_gmv_p25'])).toBe(2500);
    expect(Number(row!['seller_benchmarks.peer_gmv_p90'])).toBe(6400);
  });

  it("never shows one peer's figures: asking for another manufacturer returns nothing", async () => {
    const prying = await cube(sellers[0]!.token, { apiUrl: `${tp.url}/cubejs-api/v1` }).load({
      measures: ['seller_benchmarks.gmv'],
      filters: [
        {
          member: 'seller_benchmarks.seller_company_id',
          operator: 'equals',
          values: [sellers[1]!.companyId],
        },
      ],
    });
    expect(Number(prying.tablePivot()[0]?.['seller_benchmarks.gmv'] ?? 0)).toBe(0);
  });

  it('withholds bands where fewer than five peers stand behind them', async () => {
    // rawData, not tablePivot: the pivot turns a missing measure into 0, and "no band" must stay visible.
    const [row] = (await bench(lonely.token)).rawData();
    expect(Number(row!['seller_benchmarks.peers'])).toBe(0);
    expect(row!['seller_benchmarks.peer_gmv_p50']).toBeNull();
  });
});
