/**
 * Bad input never reaches the domain and never answers 5xx: every mistake gets a 4xx problem+json that names
 * what is wrong, and nothing is half-written. Also the role and company lines on every foundation endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type HttpResult, type TestPlatform } from './support/test-platform.ts';

describe('the API refuses bad input with a clear problem', () => {
  let tp: TestPlatform;
  let seller: Awaited<ReturnType<TestPlatform['company']>>;
  let buyer: Awaited<ReturnType<TestPlatform['company']>>;
  let productId: string;

  beforeAll(async () => {
    tp = await startTestPlatform('embedded');
    seller = await tp.company('manufacturer', 'Acme');
    buyer = await tp.company('retailer', 'Shop');
    const res = await tp.http('POST', '/api/v1/products', {
      token: seller.token,
      body: { sku: 'A-1', name: 'Thing', priceMinor: 100, currency: 'USD', stock: 5 },
    });
    productId = res.body.id;
  });
  afterAll(async () => tp?.close());

  const expectProblem = (res: HttpResult, status: number, code: string, detail?: RegExp) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      status,
      code,
      title: expect.any(String),
      type: expect.stringContaining('/problems/'),
    });
    if (detail) expect(res.body.detail).toMatch(detail);
  };

  it('asks an anonymous caller to log in, and refuses a forged token', async () => {
    expectProblem(await tp.http('GET', '/api/v1/orders'), 401, 'missing_token', /Log in/);
    expectProblem(await tp.http('GET', '/api/v1/orders', { token: 'not-a-jwt' }), 401, 'invalid_token');
    const [h, p] = seller.token.split('.');
    expectProblem(
      await tp.http('GET', '/api/v1/orders', { token: `${h}.${p}.forgedsignature` }),
      401,
      'invalid_token',
    );
  });

  it('does not say whether an email exists when a login fails', async () => {
    const wrongPassword = await tp.http('POST', '/api/v1/auth/login', {
      body: { email: seller.email, password: 'nope' },
    });
    const unknownEmail = await tp.http('POST', '/api/v1/auth/login', {
      body: { email: 'nobody@example.test', password: 'nope' },
    });
    expectProblem(wrongPassword, 401, 'invalid_credentials');
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it.each([
    [{ sku: 'bad sku!', name: 'x', priceMinor: 100, currency: 'USD', stock: 1 }, 'sku'],
    [{ sku: 'A-2', name: '', priceMinor: 100, currency: 'USD', stock: 1 }, 'name'],
    [{ sku: 'A-2', name: 'x', priceMinor: 12.5, currency: 'USD', stock: 1 }, 'priceMinor'],
    [{ sku: 'A-2', name: 'x', priceMinor: -1, currency: 'USD', stock: 1 }, 'priceMinor'],
    [{ sku: 'A-2', name: 'x', priceMinor: 100, currency: 'JPY', stock: 1 }, 'currency'],
    [{ sku: 'A-2', name: 'x', priceMinor: 100, currency: 'USD' }, 'stock'],
    [{ sku: 'A-2', name: 'x', priceMinor: 100, currency: 'USD', stock: 1, unitCost: 5 }, 'body'],
  ])('names the field at fault when a product is listed with %j', async (body, field) => {
    const res = await tp.http('POST', '/api/v1/products', { token: seller.token, body });
    expectProblem(res, 400, 'invalid_request');
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('refuses text holding a NUL character, which the database cannot store, with 400 naming the field', async () => {
    const res = await tp.http('POST', '/api/v1/products', {
      token: seller.token,
      body: { sku: 'NUL-1', name: 'bad\u0000name', priceMinor: 100, currency: 'USD', stock: 1 },
    });
    expectProblem(res, 400, 'invalid_request', /name contains a NUL character/);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    expectProblem(
      await tp.http('POST', '/api/v1/orders', { token: buyer.token, rawBody: '{"lines": [' }),
      400,
      'malformed_json',
    );
  });

  it('keeps retailers from listing products and manufacturers from placing orders', async () => {
    expectProblem(
      await tp.http('POST', '/api/v1/products', {
        token: buyer.token,
        body: { sku: 'B-1', name: 'x', priceMinor: 1, currency: 'USD', stock: 1 },
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await tp.http('POST', '/api/v1/orders', {
        token: seller.token,
        body: { lines: [{ productId, quantity: 1 }] },
      }),
      403,
      'forbidden',
    );
  });

  it('refuses an order it cannot fill, names the line, and writes nothing', async () => {
    const before = await tp.platform.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const tooMany = await tp.http('POST', '/api/v1/orders', {
      token: buyer.token,
      body: { lines: [{ productId, quantity: 6 }] },
    });
    expectProblem(tooMany, 409, 'insufficient_stock', /Only 5 of A-1 left/);
    expect(tooMany.body.fields).toEqual([{ field: 'lines.0.quantity', message: 'at most 5 available' }]);
    const unknown = await tp.http('POST', '/api/v1/orders', {
      token: buyer.token,
      body: { lines: [{ productId: '01900000-0000-7000-8000-000000000000', quantity: 1 }] },
    });
    expectProblem(unknown, 422, 'unknown_product');
    expectProblem(
      await tp.http('POST', '/api/v1/orders', {
        token: buyer.token,
        body: { lines: [{ productId: 'abc', quantity: 1 }] },
      }),
      400,
      'invalid_request',
      /productId/,
    );
    expectProblem(
      await tp.http('POST', '/api/v1/orders', {
        token: buyer.token,
        body: { lines: [{ productId, quantity: 0 }] },
      }),
      400,
      'invalid_request',
      /quantity/,
    );
    expectProblem(
      await tp.http('POST', '/api/v1/orders', {
        token: buyer.token,
        body: {
          lines: [
            { productId, quantity: 1 },
            { productId, quantity: 1 },
          ],
        },
      }),
      422,
      'duplicate_line',
    );
    const after = await tp.platform.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const stock = await tp.platform.db
      .selectFrom('products')
      .select('stock')
      .where('id', '=', productId)
      .executeTakeFirstOrThrow();
    expect(stock.stock).toBe(5);
  });

  it('refuses a duplicate SKU from the same manufacturer with 409', async () => {
    expectProblem(
      await tp.http('POST', '/api/v1/products', {
        token: seller.token,
        body: { sku: 'A-1', name: 'Again', priceMinor: 100, currency: 'USD', stock: 1 },
      }),
      409,
      'sku_taken',
    );
  });

  it('rejects bad pagination and unknown routes with problems', async () => {
    expectProblem(await tp.http('GET', '/api/v1/products?limit=1000'), 400, 'invalid_request', /limit/);
    expectProblem(
      await tp.http('GET', '/api/v1/products?limit=ten'),
      400,
      'invalid_request',
      /limit must be a number/,
    );
    expectProblem(await tp.http('GET', '/api/v1/nothing-here'), 404, 'route_not_found');
  });

  it('answers bad semantic-layer queries with 400 and the reason, in the form Cube clients read', async () => {
    const load = (query: string) =>
      tp.http('GET', `/cubejs-api/v1/load?query=${encodeURIComponent(query)}`, { token: seller.token });
    const notJson = await load('{nope');
    expectProblem(notJson, 400, 'malformed_query');
    expect(notJson.body.error).toBe(notJson.body.detail);
    expectProblem(
      await load(JSON.stringify({ measures: ['secrets.salary'] })),
      400,
      'unknown_member',
      /secrets\.salary/,
    );
    expectProblem(
      await load(JSON.stringify({ measures: ['orders.gmv; DROP TABLE x'] })),
      400,
      'invalid_query',
    );
    expectProblem(await load(JSON.stringify({})), 400, 'empty_query');
    expectProblem(
      await load(
        JSON.stringify({
          measures: ['orders.gmv'],
          filters: [{ member: 'orders.status', operator: 'sqlInjection', values: ['x'] }],
        }),
      ),
      400,
      'invalid_query',
    );
  });

  it('publishes an OpenAPI 3.1 document that lists every route it serves', async () => {
    const doc = await tp.http('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/products',
        '/api/v1/orders',
        '/cubejs-api/v1/load',
        '/cubejs-api/v1/meta',
      ]),
    );
    const docsPage = await tp.http('GET', '/api/docs/');
    expect(docsPage.status).toBe(200);
    expect(docsPage.body).toContain('swagger-ui');
  });
});
