/**
 * Returns and claims: opening one on a delivered order, reading them, and the steps of the claim workflow.
 * Photo evidence (binary bodies) is in claim-evidence-routes.ts.
 */
import { z } from 'zod';
import {
  CLAIM_OUTCOMES,
  CLAIM_STATUSES,
  CLAIM_TYPES,
  PROPOSABLE_OUTCOMES,
  REQUESTED_OUTCOMES,
  CLAIM_ACTIONS,
} from '../../marketplace/claims/claim-state-machine.ts';
import type { ClaimService } from '../../marketplace/claims/claim-service.ts';
import type { ApiDefinition } from '../openapi.ts';
import { pageQuery } from './pagination.ts';

const text = (max: number) =>
  z
    .string({ message: 'must be text' })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: `must be one of ${values.join(', ')}` });

const amountMinor = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number of minor units' })
  .min(1, { message: 'must be at least 1' })
  .max(1_000_000_000_000, { message: 'is too large' });

const company = z.object({ id: z.string(), name: z.string() });

const claimSummary = z
  .object({
    id: z.string(),
    orderId: z.string(),
    buyer: company,
    seller: company,
    type: z.enum(CLAIM_TYPES),
    status: z.enum(CLAIM_STATUSES),
    requestedOutcome: z.enum(REQUESTED_OUTCOMES),
    currency: z.string(),
    amountAskedMinor: z
      .number()
      .int()
      .nullable()
      .describe(
        "The money the claim asks for, in minor units of `currency`: the claimed units at the order's unit prices " +
          'before tax. Null when the claim asks for no money (a replacement). What a resolution refunds may differ: ' +
          "a full refund returns what is left of the order's total, a partial refund the amount named.",
      ),
    description: z.string(),
    response: z
      .object({
        decision: z.enum(['accepted', 'disputed']),
        proposedOutcome: z.string().nullable(),
        proposedAmountMinor: z.number().int().nullable(),
        note: z.string().nullable(),
        at: z.string(),
      })
      .nullable(),
    resolution: z
      .object({
        outcome: z.string(),
        amountMinor: z.number().int(),
        refundId: z.string().nullable(),
        resolvedBy: z.string(),
        note: z.string().nullable(),
        at: z.string(),
      })
      .nullable(),
    openedAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
    next: z.array(z.enum(CLAIM_ACTIONS)).openapi({ description: 'The steps you may take now' }),
  })
  .openapi('ClaimSummary');

const claimDetails = claimSummary
  .extend({
    lines: z.array(
      z.object({
        lineNo: z.number().int(),
        productId: z.string(),
        sku: z.string(),
        name: z.string(),
        ordered: z.number().int(),
        quantity: z.number().int(),
      }),
    ),
    evidence: z.array(
      z.object({
        id: z.string(),
        contentType: z.string(),
        sizeBytes: z.number().int(),
        uploadedBy: z.enum(['buyer', 'seller']),
        createdAt: z.string(),
        url: z.string(),
      }),
    ),
    timeline: z.array(
      z.object({
        at: z.string(),
        action: z.string(),
        by: z.enum(['buyer', 'seller', 'admin', 'system']),
        note: z.string().nullable(),
        details: z.record(z.string(), z.union([z.string(), z.number()])),
      }),
    ),
  })
  .openapi('Claim');

export const claimParams = z.object({ id: z.uuid({ message: 'must be a claim id (UUID)' }) }).strict();
const orderParams = z.object({ id: z.uuid({ message: 'must be an order id (UUID)' }) }).strict();
const noteBody = (name: string) =>
  z
    .object({ note: text(5000).optional() })
    .strict()
    .openapi(name);

export function registerClaimRoutes(api: ApiDefinition, deps: { claims: ClaimService }) {
  const { claims } = deps;
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/orders/:id/claims',
      summary: `Open a claim on a delivered or completed order, within the claim window after delivery (its buyer; one open claim per order)`,
      tag: 'claims',
      auth: true,
      params: orderParams,
      body: z
        .object({
          type: oneOf(CLAIM_TYPES),
          lines: z
            .array(
              z
                .object({
                  lineNo: z.number({ message: 'must be a number' }).int().min(1).max(100_000),
                  quantity: z
                    .number({ message: 'must be a number' })
                    .int({ message: 'must be a whole number' })
                    .min(1, { message: 'must be at least 1' })
                    .max(1_000_000),
                })
                .strict(),
            )
            .min(1, { message: 'must name at least one line of the order' })
            .max(500),
          description: text(5000),
          requestedOutcome: oneOf(REQUESTED_OUTCOMES),
        })
        .strict()
        .openapi('OpenClaimRequest'),
      status: 201,
      response: claimDetails,
    },
    async ({ principal, params, body }) => claims.open(principal, params.id, body),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/claims',
      summary:
        'Claims your company is a party to, newest first or longest waiting first (platform staff: every claim)',
      tag: 'claims',
      auth: true,
      query: z
        .object({
          status: oneOf(CLAIM_STATUSES).optional(),
          orderId: z.uuid({ message: 'must be an order id (UUID)' }).optional(),
          sort: oneOf(['newest', 'longest_waiting'] as const).optional(),
        })
        .extend(pageQuery.shape)
        .strict(),
      response: z.object({ items: z.array(claimSummary), hasMore: z.boolean() }),
    },
    async ({ principal, query }) => claims.list(principal, query),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/claims/:id',
      summary:
        'One claim with its lines, evidence and timeline (its buyer, its manufacturer, platform staff)',
      tag: 'claims',
      auth: true,
      params: claimParams,
      response: claimDetails,
    },
    async ({ principal, params }) => claims.get(principal, params.id),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/claims/:id/respond',
      summary:
        'Answer an open claim (its manufacturer): accept with a proposed outcome, or dispute it saying why',
      tag: 'claims',
      auth: true,
      params: claimParams,
      body: z
        .discriminatedUnion('decision', [
          z
            .object({
              decision: z.literal('accept'),
              proposedOutcome: oneOf(PROPOSABLE_OUTCOMES),
              amountMinor: amountMinor.optional(),
              note: text(5000).optional(),
            })
            .strict(),
          z.object({ decision: z.literal('dispute'), note: text(5000) }).strict(),
        ])
        .openapi('RespondToClaimRequest'),
      response: claimDetails,
    },
    async ({ principal, params, body }) => claims.respond(principal, params.id, body),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/claims/:id/escalate',
      summary: 'Ask Wholesail to decide an open or answered claim (its buyer or manufacturer)',
      tag: 'claims',
      auth: true,
      params: claimParams,
      body: noteBody('EscalateClaimRequest'),
      response: claimDetails,
    },
    async ({ principal, params, body }) => claims.escalate(principal, params.id, body.note),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/claims/:id/accept',
      summary:
        "Accept the manufacturer's proposal (its buyer): the claim is resolved, a refund is made if proposed",
      tag: 'claims',
      auth: true,
      params: claimParams,
      response: claimDetails,
    },
    async ({ principal, params }) => claims.accept(principal, params.id),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/claims/:id/resolve',
      summary:
        'Decide a claim (platform admins): full or partial refund, replacement, or rejection, with a note',
      tag: 'claims',
      auth: true,
      params: claimParams,
      body: z
        .object({
          outcome: oneOf(CLAIM_OUTCOMES),
          amountMinor: amountMinor.optional(),
          note: text(5000),
        })
        .strict()
        .openapi('ResolveClaimRequest'),
      response: claimDetails,
    },
    async ({ principal, params, body }) => claims.resolve(principal, params.id, body),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/claims/:id/withdraw',
      summary: 'Withdraw a claim that is not resolved yet (its buyer); it closes',
      tag: 'claims',
      auth: true,
      params: claimParams,
      body: noteBody('WithdrawClaimRequest'),
      response: claimDetails,
    },
    async ({ principal, params, body }) => claims.withdraw(principal, params.id, body.note),
  );
}
