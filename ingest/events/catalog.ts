/**
 * The event catalogue: every domain event type and version with the schema of its payload. The loader
 * validates each event against it; an event that does not match goes to the dead-letter store with the
 * reason instead of into the facts. Add a version, never edit one in place (consumers may still read it).
 */
import { z } from 'zod';
import type { DomainEvent } from '../../platform/domain-event.ts';

const uuid = z.uuid();
const minor = z.number().int();
const currency = z.enum(['USD', 'EUR', 'GBP']);
const isoUtc = z.iso.datetime({ offset: false });
const orderStatus = z.enum([
  'pending_payment',
  'placed',
  'accepted',
  'processing',
  'shipped',
  'delivered',
  'completed',
  'rejected',
  'cancelled',
  'expired',
]);

const claimType = z.enum(['damaged', 'missing', 'wrong_item', 'other']);
const claimStatus = z.enum(['open', 'seller_responded', 'escalated', 'resolved', 'withdrawn']);
const kybStatus = z.enum(['not_submitted', 'submitted', 'changes_requested', 'approved', 'rejected']);

export const envelopeSchema = z.object({
  eventId: uuid,
  type: z.string().regex(/^[a-z_]+\.[a-z_]+$/),
  version: z.number().int().positive(),
  aggregateType: z.string().regex(/^[a-z_]+$/),
  aggregateId: uuid,
  companyIds: z.array(z.string()),
  occurredAt: isoUtc,
  actor: z.object({
    userId: z.string().nullable(),
    companyId: z.string().nullable(),
    kind: z.enum(['user', 'system']),
  }),
  payload: z.unknown(),
});

export const payloadSchemas: Record<string, z.ZodType> = {
  'company.registered@1': z.object({
    companyId: uuid,
    kind: z.enum(['manufacturer', 'retailer', 'platform']),
    name: z.string(),
    country: z.string().length(2),
    city: z.string(),
  }),
  'company.member_added@1': z.object({ companyId: uuid, userId: uuid, role: z.string() }),
  'company.kyb_status_changed@1': z.object({
    companyId: uuid,
    from: kybStatus,
    to: kybStatus,
    reason: z.string().nullable(),
    requestedDocuments: z.array(z.string()),
  }),
  'company.profile_updated@1': z.object({
    companyId: uuid,
    changed: z.array(z.string()),
    country: z.string().nullable(),
    region: z.string().nullable(),
    city: z.string().nullable(),
    latitude: z.number().min(-90).max(90).nullable(),
    longitude: z.number().min(-180).max(180).nullable(),
  }),
  'company.trust_scored@1': z.object({
    companyId: uuid,
    score: z.number().int().min(0).max(100),
    badge: z.enum(['basic', 'verified', 'premium']),
    previousScore: z.number().int().min(0).max(100).nullable(),
  }),
  'product.listed@1': z.object({
    productId: uuid,
    sellerCompanyId: uuid,
    sku: z.string(),
    name: z.string(),
    priceMinor: minor.positive(),
    currency,
    stock: z.number().int().nonnegative(),
    // Added with the catalog (optional, so earlier events stay valid):
    status: z.enum(['draft', 'published']).optional(),
    categoryId: uuid.nullable().optional(),
    variantCount: z.number().int().positive().optional(),
    leadTimeDays: z.number().int().nonnegative().optional(),
  }),
  'order.placed@1': z.object({
    orderId: uuid,
    buyerCompanyId: uuid,
    sellerCompanyId: uuid,
    status: z.literal('placed'),
    currency,
    subtotalMinor: minor.nonnegative(),
    subtotalUsdMinor: minor.nonnegative(),
    fxRate: z.string().regex(/^\d+(\.\d+)?$/),
    placedAt: isoUtc,
    lines: z
      .array(
        z.object({
          lineNo: z.number().int().positive(),
          productId: uuid,
          // Added with catalog variants: optional, so events without it stay valid.
          variantId: uuid.optional(),
          sku: z.string(),
          quantity: z.number().int().positive(),
          unitPriceMinor: minor.positive(),
          lineTotalMinor: minor.nonnegative(),
          // Added after v1 first shipped: optional, so events without it stay valid.
          lineTotalUsdMinor: minor.nonnegative().optional(),
          // Added with checkout: the line's commission share and the category rule it was charged under.
          commissionMinor: minor.nonnegative().optional(),
          commissionRateBps: z.number().int().nonnegative().optional(),
          // Added for margin and category analytics (optional: earlier events stay valid). The unit cost is
          // the variant's at checkout, null when the seller gave none; lineCostUsdMinor = quantity x unit cost
          // in USD at fxRate, rounded once. The category is the product's when placed, null if it has none.
          unitCostMinor: minor.nonnegative().nullable().optional(),
          unitCostUsdMinor: minor.nonnegative().nullable().optional(),
          lineCostUsdMinor: minor.nonnegative().nullable().optional(),
          categoryId: uuid.nullable().optional(),
          categoryPath: z.string().min(1).nullable().optional(),
          categoryNamePath: z.array(z.string()).nullable().optional(),
          // The product's lead time when placed: the order's ship-by date is placed + lead time + 2 days.
          leadTimeDays: z.number().int().nonnegative().optional(),
        }),
      )
      .min(1),
    // Added with checkout (optional: orders placed before carry none of them). Money the warehouse needs,
    // fixed at placement, so analytics never re-derives it.
    groupId: uuid.optional(),
    paymentMethod: z.enum(['card', 'terms']).optional(),
    taxMinor: minor.nonnegative().optional(),
    taxRate: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .optional(),
    totalMinor: minor.nonnegative().optional(),
    totalUsdMinor: minor.nonnegative().optional(),
    commissionMinor: minor.nonnegative().optional(),
    commissionUsdMinor: minor.nonnegative().optional(),
    commissionRateBps: z.number().int().nonnegative().optional(),
    plan: z.enum(['free', 'professional', 'enterprise']).optional(),
    shipTo: z.object({ country: z.string().length(2), region: z.string(), city: z.string() }).optional(),
    // Added for commission analytics (optional: earlier events stay valid): the volume tier the manufacturer's
    // month-to-date GMV reached (1 = from $0), where it starts, and the discount it gave.
    volumeTier: z.number().int().positive().optional(),
    volumeTierFromUsdMinor: minor.nonnegative().optional(),
    volumeDiscountBps: z.number().int().nonnegative().optional(),
  }),
  // Fulfilment (marketplace/orders/order-state-machine.ts): one event per status change after placement.
  'order.status_changed@1': z.object({
    orderId: uuid,
    buyerCompanyId: uuid,
    sellerCompanyId: uuid,
    from: orderStatus,
    to: orderStatus,
    at: isoUtc,
    reason: z.string().optional(),
    carrier: z.string().optional(),
    trackingNumber: z.string().optional(),
  }),
  'order.terms_paid@1': z.object({
    orderId: uuid,
    buyerCompanyId: uuid,
    sellerCompanyId: uuid,
    currency,
    amountMinor: minor.nonnegative(),
    amountUsdMinor: minor.nonnegative(),
    dueAt: isoUtc.nullable(),
    paidAt: isoUtc,
  }),
  // Refunds (marketplace/refunds/events.ts): the amount and the commission it took back, in USD too.
  'order.refunded@1': z.object({
    refundId: uuid,
    orderId: uuid,
    buyerCompanyId: uuid,
    sellerCompanyId: uuid,
    currency,
    amountMinor: minor.positive(),
    amountUsdMinor: minor.nonnegative(),
    fxRate: z.string().regex(/^\d+(\.\d+)?$/),
    commissionReversedMinor: minor.nonnegative(),
    commissionReversedUsdMinor: minor.nonnegative(),
    full: z.boolean(),
    reason: z.string(),
    refundedAt: isoUtc,
  }),
  // Invoices (marketplace/invoices/events.ts): the document number and the amounts it states, fixed at issue.
  'order.invoiced@1': z.object({
    invoiceId: uuid,
    orderId: uuid,
    number: z.string(),
    buyerCompanyId: uuid,
    sellerCompanyId: uuid,
    currency,
    subtotalMinor: minor.nonnegative(),
    taxMinor: minor.nonnegative(),
    totalMinor: minor.nonnegative(),
    issuedAt: isoUtc,
    dueAt: isoUtc.nullable(),
  }),
  'order.credit_note_issued@1': z.object({
    creditNoteId: uuid,
    refundId: uuid,
    invoiceId: uuid,
    orderId: uuid,
    number: z.string(),
    invoiceNumber: z.string(),
    buyerCompanyId: uuid,
    sellerCompanyId: uuid,
    currency,
    amountMinor: minor.positive(),
    issuedAt: isoUtc,
  }),
  // Identity and access (marketplace/identity/events.ts). Ids and roles only: no emails, secrets or tokens.
  'user.registered@1': z.object({
    userId: uuid,
    companyId: uuid,
    role: z.string(),
    via: z.enum(['sign_up', 'invitation', 'operator']),
  }),
  'user.email_verified@1': z.object({ userId: uuid, companyId: uuid }),
  'user.password_changed@1': z.object({ userId: uuid, companyId: uuid }),
  'user.two_factor_enabled@1': z.object({ userId: uuid, companyId: uuid }),
  'user.two_factor_disabled@1': z.object({ userId: uuid, companyId: uuid }),
  'user.suspended@1': z.object({ targetId: uuid, companyId: uuid, reason: z.string() }),
  'user.reinstated@1': z.object({ targetId: uuid, companyId: uuid, reason: z.string() }),
  'company.suspended@1': z.object({ targetId: uuid, companyId: uuid, reason: z.string() }),
  'company.reinstated@1': z.object({ targetId: uuid, companyId: uuid, reason: z.string() }),
  'company.member_invited@1': z.object({
    companyId: uuid,
    invitationId: uuid,
    role: z.string(),
    invitedBy: uuid,
  }),
  'company.member_role_changed@1': z.object({
    companyId: uuid,
    userId: uuid,
    fromRole: z.string(),
    toRole: z.string(),
  }),
  'company.member_removed@1': z.object({ companyId: uuid, userId: uuid, role: z.string() }),
  // Catalog and inventory (marketplace/catalog/events.ts). Unit cost never travels in events.
  'product.published@1': z.object({ productId: uuid, sellerCompanyId: uuid }),
  'product.unpublished@1': z.object({ productId: uuid, sellerCompanyId: uuid }),
  'product.updated@1': z.object({ productId: uuid, sellerCompanyId: uuid, changed: z.array(z.string()) }),
  'product.price_changed@1': z.object({
    productId: uuid,
    sellerCompanyId: uuid,
    variantId: uuid,
    sku: z.string(),
    currency,
    fromPriceMinor: minor.positive(),
    toPriceMinor: minor.positive(),
  }),
  // Variants edited after listing (marketplace/catalog/variant-editing.ts).
  'product.variant_added@1': z.object({
    productId: uuid,
    sellerCompanyId: uuid,
    variantId: uuid,
    sku: z.string(),
    options: z.record(z.string(), z.string()),
    priceMinor: minor.positive(),
    currency,
    moq: z.number().int().positive(),
    casePack: z.number().int().positive(),
  }),
  'product.variant_updated@1': z.object({
    productId: uuid,
    sellerCompanyId: uuid,
    variantId: uuid,
    sku: z.string(),
    changed: z.array(z.string()),
  }),
  'product.variant_retired@1': z.object({
    productId: uuid,
    sellerCompanyId: uuid,
    variantId: uuid,
    sku: z.string(),
  }),
  'product.hidden@1': z.object({ productId: uuid, sellerCompanyId: uuid, reason: z.string() }),
  'product.unhidden@1': z.object({ productId: uuid, sellerCompanyId: uuid, reason: z.string() }),
  'product.inventory_moved@1': z.object({
    productId: uuid,
    sellerCompanyId: uuid,
    reference: z.string().nullable(),
    movements: z
      .array(
        z.object({
          movementId: uuid,
          variantId: uuid,
          sku: z.string(),
          locationId: uuid,
          kind: z.enum(['receipt', 'adjustment', 'reservation', 'release', 'sale', 'cancellation']),
          onHandDelta: z.number().int(),
          reservedDelta: z.number().int(),
          onHand: z.number().int().nonnegative(),
          reserved: z.number().int().nonnegative(),
        }),
      )
      .min(1),
  }),
  // Shopper interest (marketplace/catalog/catalog-interest.ts): product pages opened and searches made by signed-in
  // retailers. Search text is platform data (the semantic layer shows it to platform staff only).
  'product.viewed@1': z.object({
    productId: uuid,
    sellerCompanyId: uuid,
    buyerCompanyId: uuid,
    userId: uuid,
    viewedAt: isoUtc,
  }),
  'catalog.searched@1': z.object({
    searchId: uuid,
    buyerCompanyId: uuid,
    userId: uuid,
    query: z.string().max(200),
    filters: z.object({
      category: z.string().optional(),
      currency: z.string().optional(),
      minPriceMinor: minor.nonnegative().optional(),
      maxPriceMinor: minor.nonnegative().optional(),
      maxMoq: z.number().int().nonnegative().optional(),
      country: z.string().optional(),
      certification: z.string().optional(),
      verifiedOnly: z.boolean().optional(),
      minRating: z.number().min(1).max(5).optional(),
    }),
    sort: z.string(),
    resultCount: z.number().int().nonnegative(),
    searchedAt: isoUtc,
  }),
  // Returns and claims (marketplace/claims/events.ts): ids, kinds, outcomes and amounts; never descriptions or notes.
  'claim.opened@1': z.object({
    claimId: uuid,
    orderId: uuid,
    buyerCompanyId: uuid,
    sellerCompanyId: uuid,
    type: claimType,
    requestedOutcome: z.enum(['refund', 'replacement']),
    lines: z
      .array(z.object({ lineNo: z.number().int().positive(), quantity: z.number().int().positive() }))
      .min(1),
    openedAt: isoUtc,
  }),
  'claim.responded@1': z.object({
    claimId: uuid,
    orderId: uuid,
    buyerCompanyId: uuid,
    sellerCompanyId: uuid,
    type: claimType,
    response: z.enum(['accepted', 'disputed']),
    proposedOutcome: z.enum(['full_refund', 'partial_refund', 'replacement']).nullable(),
    currency,
    proposedAmountMinor: minor.positive().nullable(),
    proposedAmountUsdMinor: minor.nonnegative().nullable(),
    fxRate: z.string().regex(/^\d+(\.\d+)?$/),
    respondedAt: isoUtc,
  }),
  'claim.escalated@1': z.object({
    claimId: uuid,
    orderId: uuid,
    buyerCompanyId: uuid,
    sellerCompanyId: uuid,
    type: claimType,
    escalatedBy: z.enum(['buyer', 'seller']),
    from: claimStatus,
    escalatedAt: isoUtc,
  }),
  'claim.resolved@1': z.object({
    claimId: uuid,
    orderId: uuid,
    buyerCompanyId: uuid,
    sellerCompanyId: uuid,
    type: claimType,
    outcome: z.enum(['full_refund', 'partial_refund', 'replacement', 'rejected']),
    resolvedBy: z.enum(['buyer_acceptance', 'admin']),
    currency,
    refundedMinor: minor.nonnegative(),
    refundedUsdMinor: minor.nonnegative(),
    fxRate: z.string().regex(/^\d+(\.\d+)?$/),
    refundId: uuid.nullable(),
    resolvedAt: isoUtc,
  }),
  'claim.withdrawn@1': z.object({
    claimId: uuid,
    orderId: uuid,
    buyerCompanyId: uuid,
    sellerCompanyId: uuid,
    type: claimType,
    from: claimStatus,
    withdrawnAt: isoUtc,
  }),
  // Billing (marketplace/billing/events.ts): MRR in USD minor units per month; yearly prices divided by 12.
  'subscription.changed@1': z.object({
    subscriptionId: uuid,
    companyId: uuid,
    provider: z.enum(['stripe', 'offline']),
    providerSubscriptionId: z.string(),
    providerEventId: z.string(),
    status: z.string(),
    plan: z.enum(['free', 'professional', 'enterprise']),
    previousPlan: z.enum(['free', 'professional', 'enterprise']),
    interval: z.enum(['month', 'year']).nullable(),
    cancelAtPeriodEnd: z.boolean(),
    currentPeriodEnd: isoUtc.nullable(),
    mrrUsdMinor: minor.nonnegative(),
    planMrrUsdMinor: minor.nonnegative(),
    addOns: z.array(
      z.object({
        product: z.enum(['extra_users', 'premium_analytics', 'priority_listing']),
        quantity: z.number().int().positive(),
        unitAmountUsdMinor: minor.positive(),
        interval: z.enum(['month', 'year']),
        mrrUsdMinor: minor.nonnegative(),
      }),
    ),
  }),
  // Messaging and reviews (marketplace/messaging/events.ts, marketplace/reviews/events.ts): ids and ratings only,
  // never message or review text.
  'message.sent@1': z.object({
    messageId: uuid,
    threadId: uuid,
    orderId: uuid.nullable(),
    senderUserId: uuid,
    senderCompanyId: uuid,
    recipientCompanyId: uuid,
    retailerCompanyId: uuid,
    manufacturerCompanyId: uuid,
  }),
  'review.posted@1': z.object({
    reviewId: uuid,
    orderId: uuid,
    buyerCompanyId: uuid,
    manufacturerCompanyId: uuid,
    rating: z.number().int().min(1).max(5),
    products: z.array(z.object({ productId: uuid, rating: z.number().int().min(1).max(5) })),
    postedAt: isoUtc,
  }),
  'review.replied@1': z.object({
    reviewId: uuid,
    orderId: uuid,
    buyerCompanyId: uuid,
    manufacturerCompanyId: uuid,
    repliedAt: isoUtc,
  }),
};

/** Aggregate types that have a topic. */
export const AGGREGATE_TYPES = [
  'company',
  'product',
  'order',
  'user',
  'message',
  'review',
  'claim',
  'subscription',
  'catalog',
] as const;

export type Validation = { ok: true; event: DomainEvent } | { ok: false; reason: string };

export function validateEvent(candidate: unknown): Validation {
  const envelope = envelopeSchema.safeParse(candidate);
  if (!envelope.success) return { ok: false, reason: `envelope: ${z.prettifyError(envelope.error)}` };
  const key = `${envelope.data.type}@${envelope.data.version}`;
  const schema = payloadSchemas[key];
  if (!schema) return { ok: false, reason: `unknown event type ${key}` };
  const payload = schema.safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, reason: `${key} payload: ${z.prettifyError(payload.error)}` };
  return { ok: true, event: envelope.data as DomainEvent };
}
