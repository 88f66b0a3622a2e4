/**
 * Seats: a manufacturer's plan includes a number of users (INCLUDED_SEATS), and the extra-users add-on buys
 * more. Inviting counts the active members and the invitations still open, so a company cannot invite past its
 * seats and accept them all later. The company row is locked while counting, so two invitations at once cannot
 * both take the last seat. Retailers and platform staff have no seat limit.
 */
import type { Transaction } from 'kysely';
import { DomainError } from '../../platform/errors.ts';
import type { Database } from '../db/schema.ts';
import { INCLUDED_SEATS } from './plan-catalog.ts';

/** Subscription states in which the add-ons are paid for. */
const PAYING = ['active', 'trialing', 'past_due'];

export async function checkSeatAvailable(
  tx: Transaction<Database>,
  companyId: string,
  at: Date,
): Promise<void> {
  const company = await tx
    .selectFrom('companies')
    .select(['kind', 'plan'])
    .where('id', '=', companyId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (company.kind !== 'manufacturer') return;
  const subscription = await tx
    .selectFrom('subscriptions')
    .select(['add_ons', 'status'])
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  const extra =
    subscription && PAYING.includes(subscription.status)
      ? Number((subscription.add_ons as { extraUsers?: number }).extraUsers ?? 0)
      : 0;
  const seats = INCLUDED_SEATS[company.plan] + extra;
  const members = await tx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('company_id', '=', companyId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const pending = await tx
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('company_id', '=', companyId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirstOrThrow();
  const used = Number(members.n) + Number(pending.n);
  if (used >= seats)
    throw new DomainError(
      'validation',
      'plan_limit_reached',
      `Your ${company.plan} plan has ${seats} user seat${seats === 1 ? '' : 's'} and ${used} are taken (members and open invitations). Add extra users ($20 per user a month) or upgrade${company.plan === 'enterprise' ? '' : ` to ${company.plan === 'free' ? 'Professional (5 users)' : 'Enterprise (20 users)'}`}.`,
      [{ field: 'email', message: `no free seat on the ${company.plan} plan` }],
    );
}
