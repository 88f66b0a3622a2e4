/**
 * The analysts' SQL console: platform analysts query and export the warehouse read-only; nobody else gets
 * SQL, and no statement can write, read files or lift its own limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './support/test-platform.ts';

describe('the SQL console', () => {
  let tp: TestPlatform;
  let analyst: string;
  let seller: Awaited<ReturnType<TestPlatform['company']>>;
  let buyer: Awaited<ReturnType<TestPlatform['company']>>;
  const sql = (token: string, text: string, format?: string) =>
    tp.http('POST', '/api/v1/analytics/sql', { token, body: { sql: text, ...(format ? { format } : {}) } });

  beforeAll(async () => {
    tp = await startTestPlatform('embedded');
    analyst = (await tp.company('platform', 'HQ', 'analyst')).token;
    seller = await tp.company('manufacturer', 'Acme');
    buyer = await tp.company('retailer', 'Shop');
    const product = await tp.http('POST', '/api/v1/products', {
      token: seller.token,
      body: { sku: 'S-1', name: 'Spoon', priceMinor: 300, currency: 'USD', stock: 50 },
    });
    for (const quantity of [1, 2, 3])
      await tp.http('POST', '/api/v1/orders', {
        token: buyer.token,
        body: { lines: [{ productId: product.body.id, quantity }] },
      });
    await tp.platform.relay.drain();
  });
  afterAll(async () => tp?.close());

  it('answers an analyst with columns, types and rows', async () => {
    const res = await sql(
      analyst,
      'SELECT count() AS orders, sum(subtotal_minor) AS gmv FROM wholesail.fct_orders FINAL',
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.columns).toEqual([
      { name: 'orders', type: 'UInt64' },
      { name: 'gmv', type: 'Int64' },
    ]);
    expect(res.body.rows).toEqual([['3', '1800']]);
    expect(res.body.truncated).toBe(false);
  });

  it('exports CSV with a header and Parquet files', async () => {
    const csv = await sql(
      analyst,
      'SELECT subtotal_minor FROM wholesail.fct_orders FINAL ORDER BY subtotal_minor',
      'csv',
    );
    expect(csv.status, JSON.stringify(csv.body)).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.body).toBe('"subtotal_minor"\n300\n600\n900\n');
    const parquet = await fetch(`${tp.url}/api/v1/analytics/sql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${analyst}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sql: 'SELECT order_id FROM wholesail.fct_orders', format: 'parquet' }),
    });
    const bytes = Buffer.from(await parquet.arrayBuffer());
    expect(parquet.headers.get('content-disposition')).toContain('wholesail-export.parquet');
    expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
  });

  it('gives SQL to no company member: they query through the semantic layer', async () => {
    for (const token of [seller.token, buyer.token]) {
      const res = await sql(token, 'SELECT 1');
      expect(res.status).toBe(403);
      expect(res.body.detail).toMatch(/cubejs-api/);
    }
  });

  it('refuses writes, file and network access, and lifting its limits, and writes nothing', async () => {
    const attempts = [
      "INSERT INTO wholesail.fct_orders (order_id) VALUES ('x')",
      'DROP TABLE wholesail.fct_orders',
      "SELECT * FROM file('/etc/passwd', 'LineAsString')",
      "SELECT * FROM url('http://127.0.0.1:9/', 'CSV')",
      'SELECT 1 SETTINGS readonly = 0',
      'SELECT 1 SETTINGS max_result_rows = 0',
      // Found while building this: on chDB both of these read /etc/passwd despite readonly = 1.
      "SELECT * FROM (SELECT * FROM file('/etc/passwd', 'LineAsString') SETTINGS readonly = 0)",
      "SELECT file('/etc/passwd')",
      'SELECT * FROM default.anything',
      'SELECT * FROM fct_orders',
      "SELECT * FROM remote('127.0.0.1', system.one)",
      'SELECT * FROM system.query_log',
    ];
    for (const attempt of attempts) {
      const res = await sql(analyst, attempt);
      expect(res.status, attempt).toBe(403);
      expect(res.body.code).toBe('read_only');
      expect(JSON.stringify(res.body)).not.toContain('root:');
    }
    const exported = await sql(analyst, "SELECT file('/etc/passwd')", 'csv');
    expect(exported.status).toBe(403);
    expect(JSON.stringify(exported.body)).not.toContain('root:');
    const still = await sql(analyst, 'SELECT count() FROM wholesail.fct_orders FINAL');
    expect(still.body.rows).toEqual([['3']]);
  });

  it("answers bad SQL and oversized answers with 400 and the warehouse's reason", async () => {
    const bad = await sql(analyst, 'SELEC 1');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('sql_error');
    expect(bad.body.detail).toMatch(/Syntax error/);
    const big = await sql(analyst, 'SELECT number FROM numbers(20000)');
    expect(big.status).toBe(200);
    expect(big.body).toMatchObject({ rowCount: 10_000, truncated: true });
    const tooBigToExport = await sql(analyst, 'SELECT number FROM numbers(2000000)', 'csv');
    expect(tooBigToExport.status).toBe(400);
    expect(tooBigToExport.body.detail).toMatch(/Limit for result exceeded/);
    expect((await sql(analyst, '   ')).status).toBe(400);
  });
});
