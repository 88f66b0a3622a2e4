/**
 * Who may read and who may write in a thread.
 *
 * Messages are part of the trading relationship, so they follow the order permissions (platform/principal.ts,
 * marketplace/identity/roles.ts): everyone who may see the company's orders (`orders:read`: every retailer and
 * manufacturer role, viewers and finance included) may read its threads; speaking for the company takes the
 * right to act on orders: `orders:place` for a retailer (owner, admin, order manager), `orders:manage` for a
 * manufacturer (owner, admin, order manager). Both acting rights also need a verified email, so an unconfirmed
 * account cannot message anyone. A thread is visible only to its two companies: anyone else gets a 404, as if it
 * did not exist (platform staff included; moderation would be its own, audited, feature).
 */
import type { Transaction } from 'kysely';
import { forbidden, notFound } from '../../platform/errors.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

export function assertMayRead(principal: Principal): void {
  if (!can(principal, 'orders:read')) throw forbidden('You do not have access to your company’s messages.');
}

export function assertMaySend(principal: Principal): void {
  const right =
    principal.companyKind === 'retailer'
      ? 'orders:place'
      : principal.companyKind === 'manufacturer'
        ? 'orders:manage'
        : undefined;
  if (!right || !can(principal, right)) {
    throw forbidden(
      principal.companyKind === 'platform'
        ? 'Messages are between retailers and manufacturers.'
        : `Sending messages for your company needs the ${right} right (your role: ${principal.role}).`,
    );
  }
}

/** The thread, if the caller's company is one of its two parties; otherwise the same 404 as a missing thread. */
export async function threadForParty(
  db: Db | Transaction<Database>,
  principal: Principal,
  threadId: string,
  options: { lock?: boolean } = {},
) {
  let query = db
    .selectFrom('message_threads')
    .selectAll()
    .where('id', '=', threadId)
    .where((eb) =>
      eb.or([
        eb('retailer_company_id', '=', principal.companyId),
        eb('manufacturer_company_id', '=', principal.companyId),
      ]),
    );
  if (options.lock) query = query.forUpdate();
  const thread = await query.executeTakeFirst();
  if (!thread) throw notFound('message_thread', threadId);
  return thread;
}

export const counterpartOf = (
  thread: { retailer_company_id: string; manufacturer_company_id: string },
  companyId: string,
) => (thread.retailer_company_id === companyId ? thread.manufacturer_company_id : thread.retailer_company_id);
