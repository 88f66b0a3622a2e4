/**
 * Product moderation: a platform admin hides a listing with a reason (and may show it again). The change, its
 * audit record and its event commit together; hidden products leave search, the product page and the
 * directory, while the seller keeps seeing the product and the reason in their own catalog.
 */
import type { Clock } from '../../platform/clock.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { can, type Principal } from '../../platform/principal.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { PRODUCT_HIDDEN, PRODUCT_UNHIDDEN, type ProductModeratedV1 } from './events.ts';

export function createModeration(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function moderate(principal: Principal, productId: string, hide: boolean, reason: string) {
    if (principal.companyKind !== 'platform' || !can(principal, 'platform:admin'))
      throw forbidden('Only platform admins moderate listings.');
    const at = clock.now();
    const actor = { userId: principal.userId, companyId: principal.companyId, kind: 'user' as const };
    return db.transaction().execute(async (tx) => {
      const product = await tx
        .selectFrom('products')
        .select(['id', 'seller_company_id', 'hidden_at', 'hidden_reason'])
        .where('id', '=', productId)
        .forUpdate()
        .executeTakeFirst();
      if (!product) throw notFound('product', productId);
      await tx
        .updateTable('products')
        .set(
          hide
            ? { hidden_at: at, hidden_reason: reason, hidden_by: principal.userId }
            : { hidden_at: null, hidden_reason: null, hidden_by: null },
        )
        .where('id', '=', productId)
        .execute();
      await recordAudit(tx, {
        actor,
        action: hide ? 'product.hidden' : 'product.unhidden',
        targetType: 'product',
        targetId: productId,
        companyId: product.seller_company_id,
        occurredAt: at,
        reason,
        before: { hidden: product.hidden_at !== null, reason: product.hidden_reason },
        after: { hidden: hide, reason: hide ? reason : null },
      });
      await recordEvent<ProductModeratedV1>(tx, {
        type: hide ? PRODUCT_HIDDEN : PRODUCT_UNHIDDEN,
        version: 1,
        aggregateType: 'product',
        aggregateId: productId,
        companyIds: [product.seller_company_id],
        occurredAt: at,
        actor,
        payload: { productId, sellerCompanyId: product.seller_company_id, reason },
      });
      return {
        productId,
        hidden: hide,
        hiddenAt: hide ? at.toISOString() : null,
        reason: hide ? reason : null,
      };
    });
  }

  return {
    hide: (p: Principal, id: string, reason: string) => moderate(p, id, true, reason),
    unhide: (p: Principal, id: string, reason: string) => moderate(p, id, false, reason),
  };
}
