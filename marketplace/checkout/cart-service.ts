/**
 * A retailer's cart: lines from any number of manufacturers, each priced at its quantity tier and checked
 * against MOQ, case pack and stock, with the problems shown per line (never refused at add time: a buyer may
 * add 10 and then raise it to the MOQ). Each user has one active cart; saving names it and starts a new one;
 * a saved cart or a past order can be added back in one call.
 */
import type { Clock } from '../../platform/clock.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import { priceLines, type PricedLine } from './cart-lines.ts';

export const MAX_CART_LINES = 200;

export interface SupplierSection {
  sellerCompanyId: string;
  sellerName: string;
  currency: string;
  subtotalMinor: number;
  lines: PricedLine[];
}

export interface CartView {
  id: string;
  name: string | null;
  status: 'active' | 'saved';
  suppliers: SupplierSection[];
  /** Subtotal per currency: a checkout settles one currency at a time. */
  totals: Array<{ currency: string; subtotalMinor: number }>;
  lineCount: number;
  problemCount: number;
  updatedAt: string;
}

function assertBuyer(principal: Principal) {
  if (principal.companyKind !== 'retailer' || !can(principal, 'orders:place'))
    throw forbidden('Only a retailer member with buying rights has a cart.');
}

export function groupBySupplier(lines: PricedLine[]): SupplierSection[] {
  const sections = new Map<string, SupplierSection>();
  for (const line of lines) {
    const key = `${line.sellerCompanyId}|${line.currency}`;
    const section = sections.get(key) ?? {
      sellerCompanyId: line.sellerCompanyId,
      sellerName: line.sellerName,
      currency: line.currency,
      subtotalMinor: 0,
      lines: [],
    };
    section.lines.push(line);
    section.subtotalMinor += line.lineTotalMinor;
    sections.set(key, section);
  }
  return [...sections.values()].sort((a, b) => a.sellerName.localeCompare(b.sellerName));
}

export function createCartService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function activeCartId(principal: Principal): Promise<string> {
    const found = await db
      .selectFrom('carts')
      .select('id')
      .where('user_id', '=', principal.userId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (found) return found.id;
    const now = clock.now();
    await db
      .insertInto('carts')
      .values({
        id: newId(),
        buyer_company_id: principal.companyId,
        user_id: principal.userId,
        status: 'active',
        name: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('user_id').where('status', '=', 'active').doNothing())
      .execute();
    return activeCartId(principal);
  }

  async function view(cartId: string): Promise<CartView> {
    const cart = await db.selectFrom('carts').selectAll().where('id', '=', cartId).executeTakeFirstOrThrow();
    const rows = await db
      .selectFrom('cart_lines')
      .select(['variant_id', 'quantity'])
      .where('cart_id', '=', cartId)
      .orderBy('added_at')
      .orderBy('variant_id')
      .execute();
    const lines = await priceLines(
      db,
      rows.map((r) => ({ variantId: r.variant_id, quantity: r.quantity })),
    );
    const suppliers = groupBySupplier(lines);
    const totals = new Map<string, number>();
    for (const s of suppliers) totals.set(s.currency, (totals.get(s.currency) ?? 0) + s.subtotalMinor);
    return {
      id: cart.id,
      name: cart.name,
      status: cart.status,
      suppliers,
      totals: [...totals].map(([currency, subtotalMinor]) => ({ currency, subtotalMinor })),
      lineCount: lines.length,
      problemCount: lines.reduce((n, l) => n + l.problems.length, 0),
      updatedAt: new Date(cart.updated_at).toISOString(),
    };
  }

  async function touch(cartId: string) {
    await db.updateTable('carts').set({ updated_at: clock.now() }).where('id', '=', cartId).execute();
  }

  /** Adds quantities to the active cart (merging with lines already there), after checking the variants exist. */
  async function addToActive(principal: Principal, lines: Array<{ variantId: string; quantity: number }>) {
    const cartId = await activeCartId(principal);
    const variantIds = [...new Set(lines.map((l) => l.variantId))];
    const known = await db
      .selectFrom('product_variants as v')
      .innerJoin('products as p', 'p.id', 'v.product_id')
      .select('v.id')
      .where('v.id', 'in', variantIds)
      .where('v.retired_at', 'is', null)
      .where('p.status', '=', 'published')
      .execute();
    const knownIds = new Set(known.map((k) => k.id));
    lines.forEach((l, i) => {
      if (!knownIds.has(l.variantId))
        throw new DomainError('validation', 'unknown_variant', 'That product variant is not on sale.', [
          {
            field: lines.length === 1 ? 'variantId' : `lines.${i}.variantId`,
            message: 'no such variant on sale',
          },
        ]);
    });
    await db.transaction().execute(async (tx) => {
      const now = clock.now();
      for (const line of lines) {
        await tx
          .insertInto('cart_lines')
          .values({ cart_id: cartId, variant_id: line.variantId, quantity: line.quantity, added_at: now })
          .onConflict((oc) =>
            oc.columns(['cart_id', 'variant_id']).doUpdateSet((eb) => ({
              quantity: eb('cart_lines.quantity', '+', eb.ref('excluded.quantity')),
            })),
          )
          .execute();
      }
      const count = await tx
        .selectFrom('cart_lines')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('cart_id', '=', cartId)
        .executeTakeFirstOrThrow();
      if (Number(count.n) > MAX_CART_LINES)
        throw new DomainError('validation', 'cart_full', `A cart holds at most ${MAX_CART_LINES} lines.`);
      await tx.updateTable('carts').set({ updated_at: now }).where('id', '=', cartId).execute();
    });
    return view(cartId);
  }

  return {
    async get(principal: Principal) {
      assertBuyer(principal);
      return view(await activeCartId(principal));
    },

    add(principal: Principal, line: { variantId: string; quantity: number }) {
      assertBuyer(principal);
      return addToActive(principal, [line]);
    },

    /** Sets a line's quantity; 0 removes it. */
    async setQuantity(principal: Principal, variantId: string, quantity: number) {
      assertBuyer(principal);
      const cartId = await activeCartId(principal);
      if (quantity === 0) {
        await db
          .deleteFrom('cart_lines')
          .where('cart_id', '=', cartId)
          .where('variant_id', '=', variantId)
          .execute();
      } else {
        const updated = await db
          .updateTable('cart_lines')
          .set({ quantity })
          .where('cart_id', '=', cartId)
          .where('variant_id', '=', variantId)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return addToActive(principal, [{ variantId, quantity }]);
      }
      await touch(cartId);
      return view(cartId);
    },

    async clear(principal: Principal) {
      assertBuyer(principal);
      const cartId = await activeCartId(principal);
      await db.deleteFrom('cart_lines').where('cart_id', '=', cartId).execute();
      await touch(cartId);
      return view(cartId);
    },

    /** The active cart becomes a named saved cart; the user gets a new, empty active cart. */
    async save(principal: Principal, name: string) {
      assertBuyer(principal);
      const cartId = await activeCartId(principal);
      const lines = await db
        .selectFrom('cart_lines')
        .select('variant_id')
        .where('cart_id', '=', cartId)
        .execute();
      if (lines.length === 0)
        throw new DomainError('validation', 'cart_empty', 'There is nothing in the cart to save.');
      await db
        .updateTable('carts')
        .set({ status: 'saved', name, updated_at: clock.now() })
        .where('id', '=', cartId)
        .execute();
      return view(cartId);
    },

    async listSaved(principal: Principal) {
      assertBuyer(principal);
      const rows = await db
        .selectFrom('carts')
        .select(['id'])
        .where('user_id', '=', principal.userId)
        .where('status', '=', 'saved')
        .orderBy('updated_at', 'desc')
        .execute();
      return Promise.all(rows.map((r) => view(r.id)));
    },

    /** Adds a saved cart's lines to the active cart; the saved cart stays for next time. */
    async restore(principal: Principal, savedCartId: string) {
      assertBuyer(principal);
      const saved = await db
        .selectFrom('carts')
        .select('id')
        .where('id', '=', savedCartId)
        .where('user_id', '=', principal.userId)
        .where('status', '=', 'saved')
        .executeTakeFirst();
      if (!saved) throw notFound('saved_cart', savedCartId);
      const lines = await db
        .selectFrom('cart_lines')
        .select(['variant_id', 'quantity'])
        .where('cart_id', '=', saved.id)
        .execute();
      return addToActive(
        principal,
        lines.map((l) => ({ variantId: l.variant_id, quantity: l.quantity })),
      );
    },

    async deleteSaved(principal: Principal, savedCartId: string) {
      assertBuyer(principal);
      const deleted = await db
        .deleteFrom('carts')
        .where('id', '=', savedCartId)
        .where('user_id', '=', principal.userId)
        .where('status', '=', 'saved')
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) throw notFound('saved_cart', savedCartId);
    },

    /** Puts every line of one of the company's past orders back in the cart, at today's prices. */
    async reorder(principal: Principal, orderId: string) {
      assertBuyer(principal);
      const order = await db
        .selectFrom('orders')
        .select('id')
        .where('id', '=', orderId)
        .where('buyer_company_id', '=', principal.companyId)
        .executeTakeFirst();
      if (!order) throw notFound('order', orderId);
      const lines = await db
        .selectFrom('order_lines')
        .select(['variant_id', 'quantity'])
        .where('order_id', '=', orderId)
        .where('variant_id', 'is not', null)
        .execute();
      return addToActive(
        principal,
        lines.map((l) => ({ variantId: l.variant_id!, quantity: l.quantity })),
      );
    },
  };
}

export type CartService = ReturnType<typeof createCartService>;
