/**
 * Invoices, credit notes and settlements as the people involved see them, on embedded and distributed modes: a
 * card checkout across two manufacturers paid through the offline provider, a second order, a partial refund;
 * then the numbers on the documents, the PDFs, who may read or send them, and the seller's settlement worked by
 * hand.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../marketplace/identity/passwords.ts';
import { mailOutboxDir } from '../../marketplace/notifications/mailer.ts';
import { newId } from '../../platform/ids.ts';
import { pdfText } from './pdf-text.ts';
import { PASSWORD, startTestPlatform, type Mode, type TestPlatform } from './test-platform.ts';
import { expectProblem } from './expect-problem.ts';

type Company = Awaited<ReturnType<TestPlatform['company']>>;

const shop = {
  name: 'Corner Shop',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
};

export function invoiceScenario(mode: Mode) {
  describe(`invoices and settlements on ${mode}`, () => {
    let tp: TestPlatform;
    let potter: Company; // Professional plan: 3.5 % commission
    let soaps: Company; // Free plan, soap (beauty): 6.0 %
    let buyer: Company;
    let admin: Company;
    const year = new Date().getUTCFullYear();
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    let first: { potter: string; soaps: string }; // order ids of the first checkout
    let second: string; // potter's second order
    let refundId: string;

    const idem = () => ({ 'Idempotency-Key': randomUUID() });
    const listProduct = async (seller: Company, body: object) => {
      const res = await tp.http('POST', '/api/v1/products', { token: seller.token, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.variants[0].id as string;
    };
    /** Checks out the cart by card and pays it with the offline provider's test card. */
    const buyAndPay = async (lines: Array<[string, number]>) => {
      for (const [variantId, quantity] of lines)
        await tp.http('POST', '/api/v1/cart/lines', { token: buyer.token, body: { variantId, quantity } });
      const group = await tp.http('POST', '/api/v1/checkout', {
        token: buyer.token,
        body: { paymentMethod: 'card', shippingAddress: shop },
        headers: idem(),
      });
      expect(group.status, JSON.stringify(group.body)).toBe(201);
      const paid = await tp.http('POST', `/api/v1/order-groups/${group.body.id}/pay`, {
        token: buyer.token,
        body: { paymentMethod: 'pm_card_visa' },
        headers: idem(),
      });
      expect(paid.status, JSON.stringify(paid.body)).toBe(200);
      return group.body.orders as Array<{ id: string; sellerCompanyId: string }>;
    };
    /** A download as bytes (the shared http helper reads bodies as text, which would mangle a PDF). */
    const download = async (token: string, route: string) => {
      const res = await fetch(tp.url + route, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
    };
    /** A member of an existing company, written directly (invitations are tested elsewhere), logged in. */
    const member = async (company: Company, role: string) => {
      const email = `${role}-${randomUUID()}@example.test`;
      await tp.platform.db
        .insertInto('users')
        .values({
          id: newId(),
          company_id: company.companyId,
          email,
          password_hash: await hashPassword(PASSWORD),
          role,
          created_at: new Date(),
        })
        .execute();
      return { email, token: await tp.login(email) };
    };
    const settlement = (token: string, query: string, suffix = '') =>
      tp.http('GET', `/api/v1/settlements${suffix}?${query}`, { token });

    beforeAll(async () => {
      // The offline provider in both modes: what is under test here is the documents, not the card network.
      tp = await startTestPlatform(mode);
      potter = await tp.company('manufacturer', 'Hilltop Pottery');
      soaps = await tp.company('manufacturer', 'Meadow Soapworks');
      buyer = await tp.company('retailer', 'Corner Shop');
      admin = await tp.company('platform', 'Wholesail HQ', 'admin');
      const plan = await tp.http('POST', `/api/v1/admin/companies/${potter.companyId}/plan`, {
        token: admin.token,
        body: { plan: 'professional', reason: 'paid annual plan' },
      });
      expect(plan.status, JSON.stringify(plan.body)).toBe(200);
      const mug = await listProduct(potter, {
        sku: 'MUG',
        name: 'Stoneware mug',
        category: 'drinkware',
        currency: 'USD',
        variants: [
          {
            sku: 'MUG-S',
            priceMinor: 900,
            priceTiers: [{ minQuantity: 24, priceMinor: 800 }],
            moq: 6,
            casePack: 6,
            stock: 120,
          },
        ],
      });
      const soap = await listProduct(soaps, {
        sku: 'SOAP',
        name: 'Oat milk soap',
        category: 'soap',
        currency: 'USD',
        variants: [{ sku: 'SOAP-1', priceMinor: 450, moq: 10, casePack: 10, stock: 200 }],
      });
      // 24 mugs at the 8.00 tier = 192.00 + 7.25 % tax 13.92 = 205.92; 10 soaps = 45.00 + 3.26 = 48.26.
      const orders = await buyAndPay([
        [mug, 24],
        [soap, 10],
      ]);
      first = {
        potter: orders.find((o) => o.sellerCompanyId === potter.companyId)!.id,
        soaps: orders.find((o) => o.sellerCompanyId === soaps.companyId)!.id,
      };
      // 6 mugs at 9.00 = 54.00 + 7.25 % = 3.915 -> 3.92 (half away from zero) = 57.92.
      second = (await buyAndPay([[mug, 6]]))[0]!.id;
      const refund = await tp.http('POST', `/api/v1/orders/${first.potter}/refunds`, {
        token: potter.token,
        body: { amountMinor: 1_000, reason: 'one mug arrived chipped' },
        headers: idem(),
      });
      expect(refund.status, JSON.stringify(refund.body)).toBe(201);
      expect(refund.body.commissionReversedMinor).toBe(33);
      refundId = refund.body.id;
    }, 180_000);
    afterAll(async () => tp?.close());

    it("numbers each seller's invoices in its own series, once, in the order they are issued", async () => {
      const a1 = await tp.http('GET', `/api/v1/orders/${first.potter}/invoice`, { token: buyer.token });
      expect(a1.status, JSON.stringify(a1.body)).toBe(200);
      expect(a1.body).toMatchObject({
        number: `HIL-${year}-000001`,
        orderId: first.potter,
        currency: 'USD',
        subtotalMinor: 19_200,
        taxRate: '0.0725',
        taxMinor: 1_392,
        totalMinor: 20_592,
        dueAt: null,
        links: { pdf: `/api/v1/orders/${first.potter}/invoice.pdf` },
      });
      expect(JSON.stringify(a1.body)).not.toContain('commission');
      // Four people open the second order's invoice at once: one number is drawn, not four.
      const concurrent = await Promise.all(
        [buyer, potter, admin, potter].map((c) =>
          tp.http('GET', `/api/v1/orders/${second}/invoice`, { token: c.token }),
        ),
      );
      expect(new Set(concurrent.map((r) => r.body.number))).toEqual(new Set([`HIL-${year}-000002`]));
      const b1 = await tp.http('GET', `/api/v1/orders/${first.soaps}/invoice`, { token: soaps.token });
      expect(b1.body.number).toBe(`MEA-${year}-000001`);
      const again = await tp.http('GET', `/api/v1/orders/${first.potter}/invoice`, { token: potter.token });
      expect(again.body.number).toBe(a1.body.number);
      const counters = await tp.platform.db
        .selectFrom('invoice_counters')
        .select(['kind', 'last_value'])
        .where('seller_company_id', '=', potter.companyId)
        .orderBy('kind')
        .execute();
      expect(counters).toEqual([
        { kind: 'credit_note', last_value: 1 },
        { kind: 'invoice', last_value: 2 },
      ]);
      const events = await tp.platform.db
        .selectFrom('outbox')
        .select('type')
        .where('aggregate_id', '=', first.potter)
        .where('type', 'in', ['order.invoiced', 'order.credit_note_issued'])
        .orderBy('seq')
        .execute();
      expect(events.map((e) => e.type)).toEqual(['order.invoiced', 'order.credit_note_issued']);
    });

    it('gives the buyer a PDF invoice with the lines, tax and total, and no commission', async () => {
      const res = await download(buyer.token, `/api/v1/orders/${first.potter}/invoice.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename=HIL-${year}-000001.pdf`);
      expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(res.bytes);
      for (const expected of [
        `HIL-${year}-000001`,
        'Hilltop Pottery',
        'Corner Shop',
        '1 Market St',
        'San Francisco, CA 94105',
        'MUG-S',
        'Stoneware mug',
        '$8.00',
        '$192.00',
        'Tax (7.25%)',
        '$13.92',
        '$205.92',
        'Card: Paid',
      ])
        expect(text).toContain(expected);
      expect(text).not.toContain('$6.72'); // the commission
      // The same document downloads as the same bytes.
      const twice = await download(potter.token, `/api/v1/orders/${first.potter}/invoice.pdf`);
      expect(twice.bytes.equals(res.bytes)).toBe(true);
    });

    it('issues a credit note for the refund, referring to the invoice', async () => {
      const invoice = await tp.http('GET', `/api/v1/orders/${first.potter}/invoice`, { token: buyer.token });
      expect(invoice.body.creditedMinor).toBe(1_000);
      expect(invoice.body.creditNotes).toMatchObject([
        {
          number: `HIL-CN-${year}-000001`,
          refundId,
          amountMinor: 1_000,
          reason: 'one mug arrived chipped',
          links: { pdf: `/api/v1/refunds/${refundId}/credit-note.pdf` },
        },
      ]);
      const res = await download(buyer.token, `/api/v1/refunds/${refundId}/credit-note.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename=HIL-CN-${year}-000001.pdf`);
      const text = pdfText(res.bytes);
      for (const expected of [
        `HIL-CN-${year}-000001`,
        `HIL-${year}-000001`,
        '$10.00',
        'one mug arrived chipped',
      ])
        expect(text).toContain(expected);
    });

    it('keeps invoices to the order: other companies are told it does not exist, and rights are checked', async () => {
      const otherShop = await tp.company('retailer', 'Other Shop');
      const otherMaker = await tp.company('manufacturer', 'Other Maker');
      const executive = await tp.company('platform', 'Wholesail Board', 'executive');
      for (const outsider of [otherShop, otherMaker, soaps]) {
        expectProblem(
          await tp.http('GET', `/api/v1/orders/${first.potter}/invoice`, { token: outsider.token }),
          404,
          'order_not_found',
        );
        expect((await download(outsider.token, `/api/v1/orders/${first.potter}/invoice.pdf`)).status).toBe(
          404,
        );
        expect((await download(outsider.token, `/api/v1/refunds/${refundId}/credit-note.pdf`)).status).toBe(
          404,
        );
      }
      expectProblem(
        await tp.http('POST', `/api/v1/orders/${first.potter}/invoice/send`, { token: otherShop.token }),
        404,
        'order_not_found',
      );
      expectProblem(
        await tp.http('GET', `/api/v1/orders/${randomUUID()}/invoice`, { token: buyer.token }),
        404,
        'order_not_found',
      );
      // Platform executives read dashboards, not orders: no orders:read, no finance:read.
      expectProblem(
        await tp.http('GET', `/api/v1/orders/${first.potter}/invoice`, { token: executive.token }),
        403,
        'forbidden',
      );
      // A viewer (orders:read, no finance:read) may read its company's invoices but not send them.
      const viewer = await member(buyer, 'viewer');
      expect(
        (await tp.http('GET', `/api/v1/orders/${first.potter}/invoice`, { token: viewer.token })).status,
      ).toBe(200);
      expectProblem(
        await tp.http('POST', `/api/v1/orders/${first.potter}/invoice/send`, { token: viewer.token }),
        403,
        'forbidden',
      );
      expectProblem(
        await tp.http('GET', `/api/v1/orders/not-a-uuid/invoice`, { token: buyer.token }),
        400,
        'invalid_request',
        'id',
      );
    });

    it('does not invoice an order whose payment is still pending', async () => {
      const mug = await tp.platform.db
        .selectFrom('product_variants')
        .select('id')
        .where('sku', '=', 'MUG-S')
        .where('seller_company_id', '=', potter.companyId)
        .executeTakeFirstOrThrow();
      await tp.http('POST', '/api/v1/cart/lines', {
        token: buyer.token,
        body: { variantId: mug.id, quantity: 6 },
      });
      const group = await tp.http('POST', '/api/v1/checkout', {
        token: buyer.token,
        body: { paymentMethod: 'card', shippingAddress: shop },
        headers: idem(),
      });
      expect(group.status, JSON.stringify(group.body)).toBe(201);
      expectProblem(
        await tp.http('GET', `/api/v1/orders/${group.body.orders[0].id}/invoice`, { token: buyer.token }),
        404,
        'invoice_not_found',
      );
    });

    it("e-mails the invoice PDF to the buyer's finance contacts", async () => {
      const finance = await member(buyer, 'finance');
      const res = await tp.http('POST', `/api/v1/orders/${first.potter}/invoice/send`, {
        token: potter.token,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.number).toBe(`HIL-${year}-000001`);
      expect([...res.body.sentTo].sort()).toEqual([buyer.email, finance.email].sort());
      const folder = mailOutboxDir(tp.platform.config.dataDir);
      const raw = readdirSync(folder)
        .filter((f) => f.endsWith('.eml'))
        .map((f) => readFileSync(`${folder}/${f}`, 'latin1'))
        .find((m) => m.includes(`To: ${buyer.email}`) && m.includes(`Invoice HIL-${year}-000001`));
      expect(raw).toBeDefined();
      expect(raw).toMatch(/Content-Type: multipart\/mixed/);
      expect(raw).toMatch(/Content-Type: application\/pdf; name=HIL-\d{4}-000001\.pdf/);
      expect(raw).toMatch(/Content-Disposition: attachment; filename=HIL-\d{4}-000001\.pdf/);
      const base64 =
        /Content-Disposition: attachment[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([A-Za-z0-9+/=\r\n]+)/.exec(
          raw!,
        )![1]!;
      const pdf = Buffer.from(base64.replace(/\r\n/g, ''), 'base64');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfText(pdf)).toContain(`HIL-${year}-000001`);
    });

    it("settles the seller's period: gross, commission, refunds, reversal and net as worked by hand", async () => {
      const query = `from=${yesterday}&to=${today}`;
      const res = await settlement(potter.token, query);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      // Orders 205.92 (commission 6.72) + 57.92 (1.89) = 263.84 and 8.61; refund 10.00 reversed 0.33.
      // Net 263.84 - 8.61 - 10.00 + 0.33 = 245.56. No payout account: both payouts wait, the first one already
      // reduced by the seller's share of the refund (10.00 - 0.33), so pending = 199.20 - 9.67 + 56.03 = 245.56.
      expect(res.body.currencies).toEqual([
        {
          currency: 'USD',
          orderCount: 2,
          grossSubtotalMinor: 24_600,
          grossTaxMinor: 1_784,
          grossTotalMinor: 26_384,
          commissionMinor: 861,
          refundCount: 1,
          refundsMinor: 1_000,
          commissionReversedMinor: 33,
          netPayoutMinor: 24_556,
          payoutsSentMinor: 0,
          payoutsPendingMinor: 24_556,
        },
      ]);
      expect(res.body.orders.map((o: { invoiceNumber: string }) => o.invoiceNumber)).toEqual([
        `HIL-${year}-000001`,
        `HIL-${year}-000002`,
      ]);
      expect(res.body.refunds).toMatchObject([{ refundId, creditNoteNumber: `HIL-CN-${year}-000001` }]);
      const other = await settlement(soaps.token, query);
      expect(other.body.currencies[0]).toMatchObject({
        grossTotalMinor: 4_826,
        commissionMinor: 270,
        netPayoutMinor: 4_556,
      });
      const asAdmin = await settlement(admin.token, `${query}&companyId=${potter.companyId}`);
      expect(asAdmin.body.currencies).toEqual(res.body.currencies);
      const quiet = await settlement(potter.token, 'from=2020-01-01&to=2020-12-31');
      expect(quiet.body).toMatchObject({ currencies: [], orders: [], refunds: [] });

      const pdf = await download(potter.token, `/api/v1/settlements.pdf?${query}`);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const text = pdfText(pdf.bytes);
      for (const expected of [
        'Settlement statement',
        'Net payout',
        '$245.56',
        '$263.84',
        `HIL-CN-${year}-000001`,
      ])
        expect(text).toContain(expected);
      const csv = await settlement(potter.token, query, '.csv');
      expect(csv.type).toContain('text/csv');
      const rows = (csv.body as string).trim().split('\n');
      expect(rows).toHaveLength(4);
      const net = rows.slice(1).reduce((sum, row) => sum + Number(row.split(',').at(-1)), 0);
      expect(net).toBe(24_556);
    });

    it('refuses settlements to those without finance rights, and bad periods naming the field', async () => {
      const viewer = await member(potter, 'viewer');
      const query = `from=${yesterday}&to=${today}`;
      expectProblem(await settlement(viewer.token, query), 403, 'forbidden');
      expectProblem(await settlement(buyer.token, query), 403, 'forbidden');
      expectProblem(
        await settlement(potter.token, `${query}&companyId=${soaps.companyId}`),
        403,
        'forbidden',
      );
      expectProblem(await settlement(admin.token, query), 400, 'invalid_request', 'companyId');
      expectProblem(
        await settlement(admin.token, `${query}&companyId=${buyer.companyId}`),
        404,
        'company_not_found',
      );
      for (const [q, field] of [
        ['to=2026-11-30', 'from'],
        ['from=yesterday&to=2026-11-30', 'from'],
        ['from=2026-02-30&to=2026-03-01', 'from'],
        ['from=2026-11-02&to=2026-11-01', 'to'],
        ['from=2026-01-01&to=2027-01-02', 'to'],
        ['from=0000-01-01&to=0000-01-02', 'from'],
        ['from=2026-01-01&to=2026-01-31&companyId=x', 'companyId'],
        ['from=2026-01-01&to=2026-01-31&from=2026-01-02', 'from'],
      ] as const) {
        const res = await settlement(potter.token, q);
        expect(res.status, `${q}: ${JSON.stringify(res.body)}`).toBe(400);
        expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      }
      expect((await settlement(potter.token, 'from=2028-01-01&to=2028-12-31')).status).toBe(200);
    });
  });
}
