import express from 'express';
import { z } from 'zod';
import type { PaymentService } from '../../marketplace/payments/payment-service.ts';
import type { ApiDefinition } from '../openapi.ts';

export const STRIPE_WEBHOOK_PATH = '/api/v1/webhooks/stripe';

/**
 * Signatures are computed over the exact bytes Stripe sent, so this path keeps its body raw. Mounted before
 * the global JSON parser, which then leaves the already-read body alone.
 */
export const rawWebhookBody = express.raw({ type: () => true, limit: '1mb' });

const connectedAccount = z
  .object({
    companyId: z.string(),
    provider: z.enum(['stripe', 'offline']),
    accountId: z.string(),
    createdAt: z.string(),
  })
  .openapi('ConnectedAccount');

export function registerPaymentRoutes(
  api: ApiDefinition,
  deps: { payments: PaymentService; publicUrl: string },
) {
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/payments/connected-account',
      summary:
        'Create (once) the payout account your company is paid into (manufacturer owner, admin, finance)',
      tag: 'payments',
      auth: true,
      response: connectedAccount,
    },
    async ({ principal }) => deps.payments.connectAccount(principal),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/payments/connected-account/onboarding-link',
      summary:
        'A one-time link to complete your payout account with the payment provider (manufacturer owner, admin, finance)',
      tag: 'payments',
      auth: true,
      response: z.object({ url: z.string(), expiresAt: z.string() }).openapi('OnboardingLink'),
    },
    async ({ principal }) => deps.payments.onboardingLink(principal, deps.publicUrl),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/payments/connected-account',
      summary: 'Your company’s payout account (manufacturer owner, admin, finance)',
      tag: 'payments',
      auth: true,
      response: connectedAccount,
    },
    async ({ principal }) => deps.payments.connectedAccount(principal),
  );
  api.defineRoute(
    {
      method: 'post',
      path: STRIPE_WEBHOOK_PATH,
      summary:
        'Stripe webhook: the raw event body, signed in the Stripe-Signature header. A replayed event id is acknowledged and not applied twice.',
      tag: 'payments',
      auth: false,
      response: z.object({
        received: z.literal(true),
        eventId: z.string(),
        duplicate: z.boolean(),
      }),
    },
    async ({ req }) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const receipt = await deps.payments.receiveWebhook(body, req.get('stripe-signature'));
      return { received: true, eventId: receipt.eventId, duplicate: receipt.outcome === 'duplicate' };
    },
  );
}
