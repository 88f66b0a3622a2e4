/**
 * The payments context's front door: the provider (Stripe or the offline test provider, chosen by the
 * composition root), each manufacturer's connected account, and the webhook inbox other contexts register
 * their handlers on.
 */
import type { Clock } from '../../platform/clock.ts';
import { DomainError, forbidden } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import { cardPaymentSession } from './card-payment-session.ts';
import { OfflinePaymentProvider } from './offline-provider.ts';
import type { PaymentProvider, ProviderName } from './payment-provider.ts';
import { createWebhookDispatcher, createWebhookReceiver } from './webhook-inbox.ts';

export interface ConnectedAccount {
  companyId: string;
  provider: ProviderName;
  accountId: string;
  createdAt: string;
}

/** Payouts are the company's money: its owner, admins and finance staff (who hold finance:read) manage them. */
function requirePayoutManager(principal: Principal): void {
  if (principal.companyKind !== 'manufacturer' || !can(principal, 'finance:read'))
    throw forbidden('Only a manufacturer’s owner, admins and finance staff manage its payout account.');
}

export function createPaymentService(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  provider: PaymentProvider;
}) {
  const { db, clock, logger, provider } = deps;
  const webhooks = createWebhookDispatcher();
  const receiveWebhook = createWebhookReceiver({ db, provider, dispatcher: webhooks, clock, logger });
  // The offline provider announces its outcomes through the same receiver Stripe's webhooks reach over HTTP.
  if (provider instanceof OfflinePaymentProvider) provider.deliverWebhooksTo(receiveWebhook);

  async function connectedAccountOf(companyId: string): Promise<ConnectedAccount | undefined> {
    const row = await db
      .selectFrom('payment_accounts')
      .selectAll()
      .where('company_id', '=', companyId)
      .executeTakeFirst();
    if (!row || row.provider !== provider.name) return undefined;
    return {
      companyId: row.company_id,
      provider: row.provider,
      accountId: row.account_id,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  /**
   * The manufacturer's account at the active provider, created on first use. Safe to call concurrently:
   * the provider call is idempotent per company and the row is written once. An account made with another
   * provider (offline before Stripe was configured) is replaced, since its id means nothing here.
   */
  async function ensureConnectedAccount(companyId: string): Promise<ConnectedAccount> {
    const existing = await connectedAccountOf(companyId);
    if (existing) return existing;
    const company = await db
      .selectFrom('companies')
      .select(['id', 'kind', 'name', 'country'])
      .where('id', '=', companyId)
      .executeTakeFirst();
    if (!company) throw new DomainError('not_found', 'company_not_found', `No company with id ${companyId}.`);
    if (company.kind !== 'manufacturer')
      throw new DomainError(
        'validation',
        'not_a_manufacturer',
        'Only manufacturers receive payouts, so only they have a connected account.',
      );
    const owner = await db
      .selectFrom('users')
      .select('email')
      .where('company_id', '=', companyId)
      .where('role', '=', 'owner')
      .where('status', '=', 'active')
      .orderBy('created_at')
      .executeTakeFirst();
    const { accountId } = await provider.createConnectedAccount({
      companyId,
      name: company.name,
      country: company.country.trim(),
      ...(owner ? { email: owner.email } : {}),
    });
    const row = { provider: provider.name, account_id: accountId, created_at: clock.now() };
    try {
      await db
        .insertInto('payment_accounts')
        .values({ company_id: companyId, ...row })
        .onConflict((oc) =>
          oc.column('company_id').doUpdateSet(row).where('payment_accounts.provider', '!=', provider.name),
        )
        .execute();
    } catch (error) {
      // Two concurrent first requests both create the account; the loser's insert clashes on the account id
      // (ON CONFLICT only arbitrates company_id), and the winner's row is the answer for both.
      if ((error as { code?: string }).code !== '23505') throw error;
      const winner = await connectedAccountOf(companyId);
      if (!winner) throw error;
      return winner;
    }
    logger.info({ companyId, provider: provider.name, accountId }, 'connected account ready');
    return (await connectedAccountOf(companyId))!;
  }

  return {
    provider,
    /** Register handlers here: `webhooks.on('payment_intent.succeeded', (tx, event) => ...)`. */
    webhooks,
    receiveWebhook,
    ensureConnectedAccount,
    connectedAccountOf,
    async connectAccount(principal: Principal): Promise<ConnectedAccount> {
      requirePayoutManager(principal);
      return ensureConnectedAccount(principal.companyId);
    },
    /**
     * Where the manufacturer completes its payout account with the provider (Stripe's hosted onboarding);
     * it comes back to the web app's payouts page. Creates the account first if there is none.
     */
    async onboardingLink(
      principal: Principal,
      publicUrl: string,
    ): Promise<{ url: string; expiresAt: string }> {
      requirePayoutManager(principal);
      const account = await ensureConnectedAccount(principal.companyId);
      const back = new URL('/payouts', publicUrl).toString();
      const link = await provider.createOnboardingLink({
        accountId: account.accountId,
        refreshUrl: `${back}?onboarding=expired`,
        returnUrl: back,
      });
      return { url: link.url, expiresAt: link.expiresAt.toISOString() };
    },
    /** What the buyer's browser needs to confirm a card checkout with Stripe.js (card-payment-session.ts). */
    cardPaymentSession: (principal: Principal, groupId: string) =>
      cardPaymentSession({ db, clock, provider }, principal, groupId),
    async connectedAccount(principal: Principal): Promise<ConnectedAccount> {
      requirePayoutManager(principal);
      const account = await connectedAccountOf(principal.companyId);
      if (!account)
        throw new DomainError(
          'not_found',
          'connected_account_not_found',
          'This company has no payout account yet; create one with POST /api/v1/payments/connected-account.',
        );
      return account;
    },
  };
}

export type PaymentService = ReturnType<typeof createPaymentService>;
