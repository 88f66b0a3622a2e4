/**
 * Editing a listed catalog, on embedded and distributed modes: product images as real uploads (checked by their
 * bytes, served publicly only while the product is on sale), variants added, changed and retired after listing,
 * search by rating with the "from" price ladder in summaries, and the CSV import's upsert mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids.ts';
import { expectProblem } from './expect-problem.ts';
import { startTestPlatform, type HttpResult, type Mode, type TestPlatform } from './test-platform.ts';

type Company = Awaited<ReturnType<TestPlatform['company']>>;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8L')]);

const lamp = {
  sku: 'LAMP',
  name: 'Ceramic table lamp',
  category: 'home',
  currency: 'USD',
  status: 'draft',
  images: ['https://cdn.example.test/lamp-front.jpg'],
  variants: [
    { sku: 'LAMP-W', options: { glaze: 'white' }, priceMinor: 4000, moq: 2, unitCostMinor: 1800, stock: 40 },
    {
      sku: 'LAMP-B',
      options: { glaze: 'blue' },
      priceMinor: 4200,
      moq: 2,
      priceTiers: [{ minQuantity: 10, priceMinor: 3600 }],
      stock: 30,
    },
  ],
};

export function catalogEditingScenario(mode: Mode) {
  describe(`catalog editing (images, variants, ratings, CSV upsert) on ${mode}`, () => {
    let tp: TestPlatform;
    let seller: Company;
    let rival: Company;
    let buyer: Company;
    let admin: Company;
    let lampId: string;

    const expectOk = (res: HttpResult, status = 200) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      return res.body;
    };
    const upload = async (who: { token: string }, productId: string, bytes: Buffer, contentType: string) => {
      const response = await fetch(`${tp.url}/api/v1/catalog/products/${productId}/images`, {
        method: 'POST',
        headers: { authorization: `Bearer ${who.token}`, 'content-type': contentType },
        body: new Uint8Array(bytes),
      });
      const type = response.headers.get('content-type') ?? '';
      const text = await response.text();
      return { status: response.status, type, body: type.includes('json') ? JSON.parse(text) : text };
    };
    const image = (url: string, token?: string, headers: Record<string, string> = {}) =>
      fetch(`${tp.url}${url}`, {
        headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    const own = async (id: string) =>
      expectOk(await tp.http('GET', `/api/v1/catalog/products/${id}`, { token: seller.token }));
    const eventsOf = async (aggregateId: string) =>
      tp.platform.db
        .selectFrom('outbox')
        .select(['type', 'payload'])
        .where('aggregate_id', '=', aggregateId)
        .orderBy('event_id')
        .execute();
    const outboxCount = async () =>
      Number(
        (
          await tp.platform.db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      tp = await startTestPlatform(mode, { startPipeline: false });
      seller = await tp.company('manufacturer', 'Lumen Ceramics');
      rival = await tp.company('manufacturer', 'Rival Lights');
      buyer = await tp.company('retailer', 'Lamp Corner');
      admin = await tp.company('platform', 'Wholesail HQ', 'admin');
      lampId = expectOk(
        await tp.http('POST', '/api/v1/products', { token: seller.token, body: lamp }),
        201,
      ).id;
    }, 120_000);
    afterAll(async () => tp?.close());

    describe('product images', () => {
      it('uploads an image, keeps a draft’s image private, and serves it to everyone once published', async () => {
        const png = await upload(seller, lampId, PNG, 'image/png');
        expect(png.status, JSON.stringify(png.body)).toBe(201);
        expect(png.body).toMatchObject({ contentType: 'image/png', sizeBytes: PNG.length });
        expect(png.body.url).toBe(`/api/v1/product-images/${png.body.id}`);
        const product = await own(lampId);
        expect(product.images).toEqual([lamp.images[0], png.body.url]);
        expect(product.uploadedImages.map((i: { id: string }) => i.id)).toEqual([png.body.id]);

        // A draft's image: its company's members only, never cached by a shared cache.
        expect((await image(png.body.url)).status).toBe(404);
        expect((await image(png.body.url, rival.token)).status).toBe(404);
        const mine = await image(png.body.url, seller.token);
        expect(mine.status).toBe(200);
        expect(mine.headers.get('cache-control')).toContain('private');
        expect(Buffer.compare(Buffer.from(await mine.arrayBuffer()), PNG)).toBe(0);

        expectOk(
          await tp.http('POST', `/api/v1/catalog/products/${lampId}/publish`, { token: seller.token }),
        );
        const open = await image(png.body.url);
        expect(open.status).toBe(200);
        expect(open.headers.get('content-type')).toBe('image/png');
        expect(open.headers.get('x-content-type-options')).toBe('nosniff');
        expect(open.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
        expect(Buffer.compare(Buffer.from(await open.arrayBuffer()), PNG)).toBe(0);
        const etag = open.headers.get('etag')!;
        expect((await image(png.body.url, undefined, { 'if-none-match': etag })).status).toBe(304);

        const page = expectOk(await tp.http('GET', `/api/v1/products/${lampId}`));
        expect(page.images).toEqual([lamp.images[0], png.body.url]);
        const changed = (await eventsOf(lampId)).filter((e) => e.type === 'product.updated');
        expect(changed.map((e) => (e.payload as { changed: string[] }).changed)).toContainEqual(['images']);
      });

      it('reorders images so the chosen one is the cover in search, and deletes an upload with its bytes', async () => {
        const jpeg = expectOk(await upload(seller, lampId, JPEG, 'image/jpeg'), 201);
        const webp = expectOk(await upload(seller, lampId, WEBP, 'image/webp'), 201);
        const before = await own(lampId);
        const [link, png] = [before.images[0], before.uploadedImages[0].id];
        const reordered = expectOk(
          await tp.http('POST', `/api/v1/catalog/products/${lampId}/images/order`, {
            token: seller.token,
            body: { order: [webp.id, png, link, jpeg.url] },
          }),
        );
        expect(reordered.images).toEqual([webp.url, `/api/v1/product-images/${png}`, link, jpeg.url]);
        const found = expectOk(await tp.http('GET', '/api/v1/products?q=ceramic%20lamp'));
        expect(found.items[0]).toMatchObject({ id: lampId, image: webp.url });
        expect((await image(found.items[0].image)).status).toBe(200);
        expectProblem(
          await tp.http('POST', `/api/v1/catalog/products/${lampId}/images/order`, {
            token: seller.token,
            body: { order: [webp.id, png, link] },
          }),
          422,
          'invalid_image_order',
          'order',
        );

        // An edit that knows only links keeps the uploads; another product's upload cannot be borrowed.
        const patched = expectOk(
          await tp.http('PATCH', `/api/v1/catalog/products/${lampId}`, {
            token: seller.token,
            body: { images: ['https://cdn.example.test/lamp-side.jpg'] },
          }),
        );
        expect(patched.images).toEqual([
          'https://cdn.example.test/lamp-side.jpg',
          webp.url,
          `/api/v1/product-images/${png}`,
          jpeg.url,
        ]);
        const other = expectOk(
          await tp.http('POST', '/api/v1/products', {
            token: rival.token,
            body: { sku: 'SHADE', name: 'Linen shade', currency: 'USD', priceMinor: 900, stock: 5 },
          }),
          201,
        );
        expectProblem(
          await tp.http('PATCH', `/api/v1/catalog/products/${other.id}`, {
            token: rival.token,
            body: { images: [jpeg.url] },
          }),
          422,
          'invalid_images',
          'images',
        );

        const removed = expectOk(
          await tp.http('DELETE', `/api/v1/catalog/products/${lampId}/images/${jpeg.id}`, {
            token: seller.token,
          }),
        );
        expect(removed.images).not.toContain(jpeg.url);
        expect(removed.uploadedImages.map((i: { id: string }) => i.id)).not.toContain(jpeg.id);
        expect((await image(jpeg.url)).status).toBe(404);
        expect(await tp.platform.storage.get(`products/${lampId}/${jpeg.id}`)).toBeUndefined();
        expectProblem(
          await tp.http('DELETE', `/api/v1/catalog/products/${lampId}/images/${jpeg.id}`, {
            token: seller.token,
          }),
          404,
          'product_image_not_found',
        );
      });

      it('refuses what is not an image, what is too big, and an 11th image', async () => {
        const fake = await upload(seller, lampId, Buffer.from('a photo, honest'), 'image/png');
        expectProblem(fake, 422, 'not_an_image', 'body');
        expectProblem(await upload(seller, lampId, JPEG, 'image/png'), 422, 'image_type_mismatch', 'body');
        expectProblem(await upload(seller, lampId, PNG, 'text/plain'), 415, 'unsupported_image_type');
        expectProblem(await upload(seller, lampId, PNG, 'image/gif'), 415, 'unsupported_image_type');
        const huge = await upload(
          seller,
          lampId,
          Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]),
          'image/png',
        );
        expectProblem(huge, 413, 'image_too_large');
        expect(huge.body.detail).toContain('5 MB');

        const count = (await own(lampId)).images.length;
        for (let i = count; i < 10; i++) expectOk(await upload(seller, lampId, PNG, 'image/png'), 201);
        const eleventh = await upload(seller, lampId, PNG, 'image/png');
        expectProblem(eleventh, 422, 'too_many_images', 'images');
        expect(eleventh.body.detail).toContain('at most 10 images');
        expect((await own(lampId)).images).toHaveLength(10);
      });

      it("lets nobody else upload, delete or reorder a product's images, and hides them with the product", async () => {
        const { uploadedImages } = await own(lampId);
        const imageId = uploadedImages[0].id;
        for (const who of [rival, buyer]) {
          const res = await upload(who, lampId, PNG, 'image/png');
          expect([403, 404], JSON.stringify(res.body)).toContain(res.status);
          for (const attempt of [
            tp.http('DELETE', `/api/v1/catalog/products/${lampId}/images/${imageId}`, { token: who.token }),
            tp.http('POST', `/api/v1/catalog/products/${lampId}/images/order`, {
              token: who.token,
              body: { order: [imageId] },
            }),
          ])
            expect([403, 404]).toContain((await attempt).status);
        }
        expectProblem(await upload(rival, lampId, PNG, 'image/png'), 404, 'product_not_found');
        expect((await upload({ token: '' }, lampId, PNG, 'image/png')).status).toBe(401);
        expect((await image(`/api/v1/product-images/${newId()}`)).status).toBe(404);
        expect((await image('/api/v1/product-images/not-an-id')).status).toBe(400);

        expectOk(
          await tp.http('POST', `/api/v1/admin/products/${lampId}/hide`, {
            token: admin.token,
            body: { reason: 'Checking the photos' },
          }),
        );
        const url = `/api/v1/product-images/${imageId}`;
        expect((await image(url)).status).toBe(404);
        expect((await image(url, buyer.token)).status).toBe(404);
        expect((await image(url, seller.token)).status).toBe(200);
        expect((await image(url, admin.token)).status).toBe(200);
        expectOk(
          await tp.http('POST', `/api/v1/admin/products/${lampId}/unhide`, {
            token: admin.token,
            body: { reason: 'Photos are fine' },
          }),
        );
        expect((await image(url)).status).toBe(200);
      });
    });

    describe('variants after listing', () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a variant as the API answers it
      const variantOf = (product: { variants: any[] }, sku: string) =>
        product.variants.find((v) => v.sku === sku);

      it('adds a variant with its stock, refusing a SKU the company already uses', async () => {
        const added = expectOk(
          await tp.http('POST', `/api/v1/catalog/products/${lampId}/variants`, {
            token: seller.token,
            body: {
              sku: 'LAMP-G',
              options: { glaze: 'green' },
              priceMinor: 3800,
              moq: 2,
              casePack: 2,
              stock: 12,
            },
          }),
          201,
        );
        expect(variantOf(added, 'LAMP-G')).toMatchObject({ onHand: 12, available: 12, retiredAt: null });
        expect(added).toMatchObject({ priceMinor: 3800, stock: 40 + 30 + 12 });
        const page = expectOk(await tp.http('GET', `/api/v1/products/${lampId}`));
        expect(page.variants.map((v: { sku: string }) => v.sku)).toEqual(['LAMP-W', 'LAMP-B', 'LAMP-G']);
        expect((await eventsOf(lampId)).map((e) => e.type)).toContain('product.variant_added');

        const other = expectOk(
          await tp.http('POST', '/api/v1/products', {
            token: seller.token,
            body: { sku: 'VASE', name: 'Bud vase', currency: 'USD', priceMinor: 700, stock: 8 },
          }),
          201,
        );
        const taken = await tp.http('POST', `/api/v1/catalog/products/${lampId}/variants`, {
          token: seller.token,
          body: { sku: 'VASE', priceMinor: 100 },
        });
        expectProblem(taken, 409, 'sku_taken', 'sku');
        expect(taken.body.detail).toContain('VASE');
        expectProblem(
          await tp.http('POST', `/api/v1/catalog/products/${other.id}/variants`, {
            token: seller.token,
            body: {
              sku: 'VASE-S',
              priceMinor: 700,
              moq: 4,
              priceTiers: [{ minQuantity: 3, priceMinor: 600 }],
            },
          }),
          422,
          'invalid_price_tiers',
          'priceTiers',
        );
        // SKUs are per company: a rival may use the same one.
        const shade = expectOk(await tp.http('GET', '/api/v1/catalog/products', { token: rival.token }))
          .items[0];
        expectOk(
          await tp.http('POST', `/api/v1/catalog/products/${shade.id}/variants`, {
            token: rival.token,
            body: { sku: 'LAMP-G', priceMinor: 950 },
          }),
          201,
        );
      });

      it('changes a variant, auditing and announcing the price change like the bulk edit', async () => {
        const before = variantOf(await own(lampId), 'LAMP-B');
        const changed = expectOk(
          await tp.http('PATCH', `/api/v1/catalog/products/${lampId}/variants/${before.id}`, {
            token: seller.token,
            body: {
              options: { glaze: 'cobalt' },
              priceMinor: 4500,
              priceTiers: [
                { minQuantity: 12, priceMinor: 3900 },
                { minQuantity: 48, priceMinor: 3500 },
              ],
              moq: 4,
              casePack: 4,
              unitCostMinor: 2000,
            },
          }),
        );
        expect(variantOf(changed, 'LAMP-B')).toMatchObject({
          options: { glaze: 'cobalt' },
          priceMinor: 4500,
          moq: 4,
          casePack: 4,
          unitCostMinor: 2000,
        });
        const audit = expectOk(
          await tp.http('GET', `/api/v1/admin/audit-log?targetId=${lampId}&action=product.price_changed`, {
            token: admin.token,
          }),
        );
        expect(audit.items[0]).toMatchObject({
          before: { sku: 'LAMP-B', priceMinor: 4200 },
          after: { sku: 'LAMP-B', priceMinor: 4500 },
        });
        const events = await eventsOf(lampId);
        expect(events.find((e) => e.type === 'product.price_changed')?.payload).toMatchObject({
          variantId: before.id,
          fromPriceMinor: 4200,
          toPriceMinor: 4500,
        });
        expect(events.find((e) => e.type === 'product.variant_updated')?.payload).toMatchObject({
          changed: expect.arrayContaining(['options', 'priceMinor', 'moq', 'unitCostMinor']),
        });
        expect(JSON.stringify(events.map((e) => e.payload))).not.toMatch(/:2000[,}]/); // unit cost never travels

        expectProblem(
          await tp.http('PATCH', `/api/v1/catalog/products/${lampId}/variants/${before.id}`, {
            token: seller.token,
            body: { sku: 'LAMP-W' },
          }),
          409,
          'sku_taken',
          'sku',
        );
        expectProblem(
          await tp.http('PATCH', `/api/v1/catalog/products/${lampId}/variants/${before.id}`, {
            token: seller.token,
            body: { moq: 20 },
          }),
          422,
          'invalid_price_tiers',
          'moq',
        );
        for (const who of [rival, buyer])
          expect([403, 404]).toContain(
            (
              await tp.http('PATCH', `/api/v1/catalog/products/${lampId}/variants/${before.id}`, {
                token: who.token,
                body: { priceMinor: 1 },
              })
            ).status,
          );
        expect(variantOf(await own(lampId), 'LAMP-B').priceMinor).toBe(4500);
      });

      it('retires a variant: gone from the storefront and carts, kept in order history', async () => {
        const green = variantOf(await own(lampId), 'LAMP-G');
        const order = expectOk(
          await tp.http('POST', '/api/v1/orders', {
            token: buyer.token,
            body: { lines: [{ variantId: green.id, quantity: 2 }] },
          }),
          201,
        );
        expectOk(
          await tp.http('POST', '/api/v1/cart/lines', {
            token: buyer.token,
            body: { variantId: green.id, quantity: 4 },
          }),
        );

        const retired = expectOk(
          await tp.http('POST', `/api/v1/catalog/products/${lampId}/variants/${green.id}/retire`, {
            token: seller.token,
          }),
        );
        expect(variantOf(retired, 'LAMP-G').retiredAt).not.toBeNull();
        expect(retired.stock).toBe(40 + 30); // a retired variant's units are not for sale
        const page = expectOk(await tp.http('GET', `/api/v1/products/${lampId}`));
        expect(page.variants.map((v: { sku: string }) => v.sku)).toEqual(['LAMP-W', 'LAMP-B']);
        expect((await eventsOf(lampId)).map((e) => e.type)).toContain('product.variant_retired');

        expectProblem(
          await tp.http('POST', '/api/v1/cart/lines', {
            token: buyer.token,
            body: { variantId: green.id, quantity: 4 },
          }),
          422,
          'unknown_variant',
          'variantId',
        );
        const cart = expectOk(await tp.http('GET', '/api/v1/cart', { token: buyer.token }));
        expect(JSON.stringify(cart)).toContain('product_unavailable');
        expectProblem(
          await tp.http('POST', '/api/v1/orders', {
            token: buyer.token,
            body: { lines: [{ variantId: green.id, quantity: 2 }] },
          }),
          422,
          'product_unavailable',
        );
        const history = expectOk(await tp.http('GET', `/api/v1/orders/${order.id}`, { token: buyer.token }));
        expect(history.lines[0]).toMatchObject({ variantId: green.id, sku: 'LAMP-G', quantity: 2 });

        expectProblem(
          await tp.http('PATCH', `/api/v1/catalog/products/${lampId}/variants/${green.id}`, {
            token: seller.token,
            body: { priceMinor: 1 },
          }),
          409,
          'variant_retired',
        );
        expectProblem(
          await tp.http('POST', `/api/v1/catalog/products/${lampId}/variants`, {
            token: seller.token,
            body: { sku: 'LAMP-G', priceMinor: 3800 },
          }),
          409,
          'sku_taken',
          'sku',
        );
        const vase = expectOk(await tp.http('GET', '/api/v1/products?q=bud%20vase')).items[0];
        const vaseVariant = expectOk(await tp.http('GET', `/api/v1/products/${vase.id}`)).variants[0];
        expectProblem(
          await tp.http('POST', `/api/v1/catalog/products/${vase.id}/variants/${vaseVariant.id}/retire`, {
            token: seller.token,
          }),
          409,
          'last_variant',
        );
        expect(
          (
            await tp.http('POST', `/api/v1/catalog/products/${lampId}/variants/${green.id}/retire`, {
              token: rival.token,
            })
          ).status,
        ).toBe(404);
      });
    });

    describe('search by rating, with the price ladder', () => {
      /** Reviews written straight into the tables (the review flow has its own tests). */
      const review = async (productId: string, rating: number) => {
        const variant = expectOk(await tp.http('GET', `/api/v1/products/${productId}`)).variants[0];
        const order = expectOk(
          await tp.http('POST', '/api/v1/orders', {
            token: buyer.token,
            body: { lines: [{ variantId: variant.id, quantity: variant.moq }] },
          }),
          201,
        );
        const author = await tp.platform.db
          .selectFrom('users')
          .select('id')
          .where('company_id', '=', buyer.companyId)
          .executeTakeFirstOrThrow();
        const reviewId = newId();
        const at = new Date();
        await tp.platform.db
          .insertInto('reviews')
          .values({
            id: reviewId,
            order_id: order.id,
            buyer_company_id: buyer.companyId,
            manufacturer_company_id: order.sellerCompanyId,
            author_user_id: author.id,
            rating,
            body: null,
            created_at: at,
            reply_body: null,
            reply_author_user_id: null,
            replied_at: null,
          })
          .execute();
        await tp.platform.db
          .insertInto('product_reviews')
          .values({
            id: newId(),
            review_id: reviewId,
            order_id: order.id,
            product_id: productId,
            manufacturer_company_id: order.sellerCompanyId,
            rating,
            body: null,
            created_at: at,
          })
          .execute();
      };

      it("filters and sorts by the product's own rating, and shows 'from' prices in summaries", async () => {
        const vase = expectOk(await tp.http('GET', '/api/v1/products?q=bud%20vase')).items[0];
        await review(lampId, 5);
        await review(lampId, 4);
        await review(vase.id, 3);
        const rated = expectOk(await tp.http('GET', '/api/v1/products?minRating=4'));
        expect(rated.items.map((p: { id: string }) => p.id)).toEqual([lampId]);
        expect(rated.items[0]).toMatchObject({ averageRating: 4.5, reviewCount: 2 });
        expect(expectOk(await tp.http('GET', '/api/v1/products?minRating=3')).total).toBe(2);
        const byRating = expectOk(await tp.http('GET', '/api/v1/products?sort=rating'));
        expect(byRating.items.slice(0, 2).map((p: { id: string }) => p.id)).toEqual([lampId, vase.id]);
        expect(byRating.items.at(-1).averageRating).toBeNull(); // unrated products last
        expectProblem(
          await tp.http('GET', '/api/v1/products?minRating=6'),
          400,
          'invalid_request',
          'minRating',
        );

        // LAMP-W 4000 (no tiers), LAMP-B 4500 with 3900 at 12+ and 3500 at 48+.
        expect(rated.items[0]).toMatchObject({
          priceMinor: 4000,
          priceTiers: [
            { minQuantity: 12, priceMinor: 3900 },
            { minQuantity: 48, priceMinor: 3500 },
          ],
        });
      });
    });

    describe('CSV import as upsert', () => {
      const importCsv = (csv: string, extra: object = {}) =>
        tp.http('POST', '/api/v1/catalog/import', {
          token: seller.token,
          body: { csv, mode: 'upsert', ...extra },
        });
      const exportCsv = async () =>
        expectOk(await tp.http('GET', '/api/v1/catalog/export', { token: seller.token })) as string;
      const edit = (csv: string, sku: string, column: string, value: string) => {
        const lines = csv.trim().split('\n');
        const columns = lines[0]!.split(',');
        const at = columns.indexOf(column);
        return lines
          .map((line) => {
            const cells = line.split(',');
            if (cells[columns.indexOf('variant_sku')] !== sku) return line;
            cells[at] = value;
            return cells.join(',');
          })
          .join('\n');
      };

      it('imports an unchanged export as a no-op, and an edited one as updates and creations', async () => {
        const exported = await exportCsv();
        expect(exported).not.toContain('LAMP-G'); // retired variants are not offered again
        expect(exported).toContain('/api/v1/product-images/'); // uploads keep their place in the images cell
        const events = await outboxCount();
        const same = expectOk(await importCsv(exported));
        expect(same).toMatchObject({ mode: 'upsert', created: 0, updated: 2, errors: [] });
        expect(await outboxCount()).toBe(events);

        const header = exported.split('\n')[0];
        let edited = edit(exported, 'LAMP-W', 'price_minor', '4100');
        edited = edit(edited, 'VASE', 'stock', '20');
        edited +=
          '\nLAMP,,,,,,,,,,LAMP-R,glaze=red,4300,,2,1,,6' +
          '\nBOWL,Fruit bowl,tableware,,USD,published,3,,,,BOWL,,2500,12:2200,1,1,900,15';
        const report = expectOk(await importCsv(edited));
        expect(report).toMatchObject({ created: 1, updated: 2, imported: 3, errors: [] });

        const lamp = await own(lampId);
        expect(lamp.variants.find((v: { sku: string }) => v.sku === 'LAMP-W').priceMinor).toBe(4100);
        expect(lamp.variants.find((v: { sku: string }) => v.sku === 'LAMP-R')).toMatchObject({
          options: { glaze: 'red' },
          onHand: 6,
        });
        expect(lamp.images).toHaveLength(10); // the uploads survived the round trip, in order
        const audit = expectOk(
          await tp.http('GET', `/api/v1/admin/audit-log?targetId=${lampId}&action=product.price_changed`, {
            token: admin.token,
          }),
        );
        expect(audit.items[0]).toMatchObject({ before: { priceMinor: 4000 }, after: { priceMinor: 4100 } });
        const vase = expectOk(await tp.http('GET', '/api/v1/products?q=bud%20vase')).items[0];
        expect(vase.stock).toBe(20);
        expect(expectOk(await tp.http('GET', '/api/v1/products?q=fruit%20bowl')).total).toBe(1);

        // What was imported exports the same again.
        const again = await exportCsv();
        expect(again.split('\n')[0]).toBe(header);
        expect(again).toContain('LAMP,Ceramic table lamp');
        expect(again.split('\n').find((l) => l.includes(',LAMP-W,'))).toContain(',4100,');
        expectOk(await importCsv(again));
        expect(await exportCsv()).toBe(again);
      });

      it('changes nothing when one row is bad, and reports every bad row', async () => {
        const exported = await exportCsv();
        const before = await own(lampId);
        const events = await outboxCount();
        let bad = edit(exported, 'LAMP-W', 'price_minor', '3900');
        bad = edit(bad, 'LAMP-B', 'price_minor', 'lots');
        bad = edit(bad, 'VASE', 'currency', 'EUR');
        bad += '\nCUP,Tea cup,drinkware,,USD,published,3,,,,CUP,,800,,1,1,,5';
        const rejected = await importCsv(bad);
        expectProblem(rejected, 422, 'csv_rows_invalid');
        const fields = rejected.body.fields.map((f: { field: string }) => f.field);
        const line = (sku: string) => bad.split('\n').findIndex((l) => l.includes(`,${sku},`)) + 1;
        expect(fields).toContain(`rows.${line('LAMP-B')}.price_minor`);
        expect(fields).toContain(`rows.${line('VASE')}.currency`);
        expect(await own(lampId)).toEqual(before);
        expect(await outboxCount()).toBe(events);
        expect(expectOk(await tp.http('GET', '/api/v1/products?q=tea%20cup')).total).toBe(0);

        const dry = expectOk(await importCsv(bad, { dryRun: true }));
        expect(dry).toMatchObject({ dryRun: true, mode: 'upsert', imported: 0 });
        expect(dry.errors.length).toBeGreaterThanOrEqual(2);

        // The plain import still refuses SKUs that exist, pointing at the row.
        const plain = await tp.http('POST', '/api/v1/catalog/import', {
          token: seller.token,
          body: { csv: exported },
        });
        expectProblem(plain, 422, 'csv_rows_invalid', 'rows.2.product_sku');
      });
    });
  });
}
