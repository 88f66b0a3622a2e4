/**
 * Who may see a claim and who may act on it. A claim is visible to its order's two companies (members who may
 * read orders) and to platform staff; anyone else is told it does not exist, so claim ids cannot be probed.
 * Acting takes more: the buyer speaks with `orders:place`, the manufacturer with `orders:manage`, Wholesail
 * with `platform:admin` (claim-state-machine.ts, PARTY_PERMISSION).
 */
import type { Selectable, Transaction } from 'kysely';
import type { Actor } from '../../platform/domain-event.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { ClaimsTable, Database } from '../db/schema.ts';
import { PARTY_PERMISSION, type ClaimParty } from './claim-state-machine.ts';

type Reader = Db | Transaction<Database>;

/** A claim row as read. */
export type ClaimRow = Selectable<ClaimsTable>;

/** The caller's side of a claim; platform staff without admin rights may look but take no step. */
export type ClaimViewer = ClaimParty | 'staff';

export function viewerOf(
  principal: Principal,
  claim: { buyer_company_id: string; seller_company_id: string },
): ClaimViewer | undefined {
  if (principal.companyId === claim.buyer_company_id) return 'buyer';
  if (principal.companyId === claim.seller_company_id) return 'seller';
  if (principal.companyKind === 'platform') return can(principal, 'platform:admin') ? 'admin' : 'staff';
  return undefined;
}

/** The claim, if the caller may see it; otherwise the same 404 as a claim that does not exist. */
export async function claimForViewer(
  db: Reader,
  principal: Principal,
  claimId: string,
  options: { lock?: boolean } = {},
) {
  let query = db.selectFrom('claims').selectAll().where('id', '=', claimId);
  if (options.lock) query = query.forUpdate();
  const claim = await query.executeTakeFirst();
  const viewer = claim ? viewerOf(principal, claim) : undefined;
  if (!claim || !viewer) throw notFound('claim', claimId);
  if ((viewer === 'buyer' || viewer === 'seller') && !can(principal, 'orders:read'))
    throw forbidden('You do not have access to your company’s orders and claims.');
  return { claim, viewer };
}

/** The claim and the caller's party, if the caller's role lets them act for that party at all. */
export async function claimForParty(db: Reader, principal: Principal, claimId: string, lock = true) {
  const { claim, viewer } = await claimForViewer(db, principal, claimId, { lock });
  if (viewer === 'staff') throw forbidden('Only Wholesail admins act on claims for the platform.');
  if (!can(principal, PARTY_PERMISSION[viewer]))
    throw forbidden(
      `Your role (${principal.role}) cannot act on claims (it needs ${PARTY_PERMISSION[viewer]}).`,
    );
  return { claim, party: viewer };
}

export const actorOf = (principal: Principal): Actor => ({
  userId: principal.userId,
  companyId: principal.companyId,
  kind: 'user',
});
