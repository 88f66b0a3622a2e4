/** Checkout (one order per manufacturer), paying an order group, net terms, and the admin's commercial levers. */
import { z } from 'zod';
import type { CheckoutService } from '../../marketplace/checkout/checkout-service.ts';
import type { CommercialTerms } from '../../marketplace/checkout/commercial-terms.ts';
import type { PaymentCompletion } from '../../marketplace/checkout/payment-completion.ts';
import type { IdempotencyStore } from '../../marketplace/idempotency/idempotency-keys.ts';
import type { PaymentService } from '../../marketplace/payments/payment-service.ts';
import { CURRENCIES } from '../../platform/money.ts';
import type { ApiDefinition } from '../openapi.ts';

const text = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);
const idParams = (what: string) =>
  z.object({ id: z.uuid({ message: `must be a ${what} id (UUID)` }) }).strict();

const shippingAddress = z
  .object({
    name: text(200),
    line1: text(200),
    line2: z.string().trim().max(200).optional(),
    city: text(100),
    region: z.string().trim().max(50).default(''),
    postalCode: text(20),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, { message: 'must be a two-letter ISO country code' })
      .transform((c) => c.toUpperCase()),
  })
  .strict()
  .openapi('ShippingAddress');

const groupLine = z.object({
  lineNo: z.number().int(),
  productId: z.string(),
  variantId: z.string().nullable(),
  sku: z.string(),
  productName: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  lineTotalMinor: z.number().int(),
});

const orderGroup = z
  .object({
    id: z.string(),
    status: z.string(),
    paymentMethod: z.enum(['card', 'terms']),
    currency: z.string(),
    subtotalMinor: z.number().int(),
    taxMinor: z.number().int(),
    totalMinor: z.number().int(),
    shippingAddress: z.unknown(),
    createdAt: z.string(),
    paidAt: z.string().nullable(),
    reservationExpiresAt: z.string().nullable(),
    payment: z.object({ paymentIntentId: z.string().nullable(), clientSecret: z.string().optional() }),
    paymentStatus: z.string().optional(),
    orders: z.array(
      z.object({
        id: z.string(),
        sellerCompanyId: z.string(),
        sellerName: z.string(),
        status: z.string(),
        paymentStatus: z.string(),
        subtotalMinor: z.number().int(),
        taxRate: z.string(),
        taxMinor: z.number().int(),
        totalMinor: z.number().int(),
        dueAt: z.string().nullable(),
        lines: z.array(groupLine),
      }),
    ),
  })
  .openapi('OrderGroup');

const cardPaymentSession = z
  .object({
    orderGroupId: z.string(),
    provider: z.enum(['stripe', 'offline']),
    publishableKey: z
      .string()
      .nullable()
      .describe('Stripe.js key (pk_...); null with the offline provider or Stripe without a publishable key'),
    paymentIntentId: z.string(),
    clientSecret: z.string().describe("Confirms this group's payment intent in the browser; never stored"),
    status: z.string().describe("The intent's status at the provider now"),
    amountMinor: z.number().int(),
    currency: z.string(),
  })
  .openapi('CardPaymentSession');

const paymentTerms = z
  .object({
    companyId: z.string(),
    approved: z.boolean(),
    termsDays: z.number().int(),
    creditLimitUsdMinor: z.number().int(),
    outstandingUsdMinor: z.number().int(),
    availableUsdMinor: z.number().int(),
    openOrders: z.array(
      z.object({
        orderId: z.string(),
        sellerName: z.string(),
        currency: z.string(),
        totalMinor: z.number().int(),
        placedAt: z.string(),
        dueAt: z.string().nullable(),
        overdue: z.boolean(),
      }),
    ),
  })
  .openapi('PaymentTerms');

export function registerCheckoutRoutes(
  api: ApiDefinition,
  deps: {
    checkout: CheckoutService;
    completion: PaymentCompletion;
    terms: CommercialTerms;
    idempotency: IdempotencyStore;
    payments: Pick<PaymentService, 'cardPaymentSession'>;
  },
) {
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/checkout',
      summary: 'Check out your cart: one order per manufacturer, paid by card or on net terms',
      tag: 'checkout',
      auth: true,
      idempotency: deps.idempotency,
      body: z
        .object({
          paymentMethod: z.enum(['card', 'terms'], { message: "must be 'card' or 'terms'" }),
          shippingAddress,
          currency: z.enum(CURRENCIES, { message: `must be one of ${CURRENCIES.join(', ')}` }).optional(),
        })
        .strict(),
      status: 201,
      response: orderGroup,
    },
    ({ principal, body }) => deps.checkout.checkout(principal, body),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/order-groups/:id',
      summary: 'A checkout: its orders, totals and payment state (the buyer and platform staff)',
      tag: 'checkout',
      auth: true,
      params: idParams('order group'),
      response: orderGroup,
    },
    ({ principal, params }) => deps.checkout.view(principal, params.id),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/order-groups/:id/pay',
      summary: 'Pay a card checkout with a payment method from the payment provider',
      tag: 'checkout',
      auth: true,
      idempotency: deps.idempotency,
      params: idParams('order group'),
      body: z
        .object({
          paymentMethod: z.string().regex(/^[A-Za-z0-9_]{3,255}$/, {
            message: "must be a payment method id such as 'pm_card_visa'",
          }),
        })
        .strict(),
      response: orderGroup,
    },
    ({ principal, params, body, req }) =>
      deps.completion.pay(principal, params.id, {
        paymentMethod: body.paymentMethod,
        idempotencyKey: req.get('idempotency-key')!,
      }),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/order-groups/:id/card-payment',
      summary:
        "What the buyer's browser needs to confirm a card checkout with Stripe.js: provider, publishable key, client secret (the buyer only; 409 when there is nothing to pay by card)",
      tag: 'checkout',
      auth: true,
      params: idParams('order group'),
      response: cardPaymentSession,
    },
    ({ principal, params, res }) => {
      // The client secret confirms a payment: no cache or proxy keeps a copy.
      res.set('Cache-Control', 'no-store');
      return deps.payments.cardPaymentSession(principal, params.id);
    },
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/payment-terms',
      summary: 'Your net terms: approval, credit limit, outstanding and overdue orders (retailers)',
      tag: 'checkout',
      auth: true,
      response: paymentTerms,
    },
    ({ principal }) => deps.terms.termsOf(principal),
  );
  const reason = z.string().trim().min(3, { message: 'must say why, in at least 3 characters' }).max(1000);
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/admin/companies/:id/payment-terms',
      summary: 'Approve or withdraw net terms for a retailer and set its credit limit (platform admins)',
      tag: 'admin',
      auth: true,
      params: idParams('company'),
      body: z
        .object({
          approved: z.boolean({ message: 'must be true or false' }),
          creditLimitUsdMinor: z.number().int().min(0).max(100_000_000_00),
          reason,
        })
        .strict(),
      response: paymentTerms,
    },
    ({ principal, params, body }) => deps.terms.setPaymentTerms(principal, params.id, body),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/admin/orders/:id/terms-payment',
      summary: "Record a retailer's payment of a net-terms order (platform admins; audited)",
      tag: 'admin',
      auth: true,
      params: idParams('order'),
      body: z
        .object({
          reference: z
            .string()
            .trim()
            .min(3, { message: 'must name the payment, e.g. the bank reference' })
            .max(200),
        })
        .strict(),
      response: z.object({
        orderId: z.string(),
        paymentStatus: z.string(),
        amountMinor: z.number().int(),
        currency: z.string(),
        paidAt: z.string(),
      }),
    },
    ({ principal, params, body }) => deps.terms.recordTermsPayment(principal, params.id, body),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/admin/companies/:id/plan',
      summary: "Change a manufacturer's plan (platform admins; sets its base commission and limits)",
      tag: 'admin',
      auth: true,
      params: idParams('company'),
      body: z.object({ plan: z.enum(['free', 'professional', 'enterprise']), reason }).strict(),
      response: z.object({ companyId: z.string(), plan: z.string() }),
    },
    ({ principal, params, body }) => deps.terms.setPlan(principal, params.id, body.plan, body.reason),
  );
}
