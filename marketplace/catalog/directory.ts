/**
 * The public manufacturer directory: active manufacturers with their location, verification and trust badge,
 * public profile and number of visible products, and a profile page listing their published products. Nothing
 * private (legal identifiers, documents, the score's parts) is read.
 */
import { sql, type SqlBool } from 'kysely';
import { notFound } from '../../platform/errors.ts';
import type { Db } from '../db/database.ts';
import { searchProducts } from './search.ts';
import { companyIsVerified } from './verification.ts';

export function createDirectory(deps: { db: Db }) {
  const { db } = deps;

  const base = () =>
    db
      .selectFrom('companies as c')
      .where('c.kind', '=', 'manufacturer')
      .where('c.status', '=', 'active')
      .select((eb) => [
        'c.id',
        'c.name',
        'c.country',
        'c.city',
        'c.created_at',
        'c.website',
        'c.description',
        'c.founded_year',
        'c.trust_score',
        'c.trust_badge',
        companyIsVerified(sql.ref('c.id')).as('verified'),
        eb
          .selectFrom('products as p')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('p.seller_company_id', '=', 'c.id')
          .where('p.status', '=', 'published')
          .where('p.hidden_at', 'is', null)
          .as('product_count'),
      ]);

  const view = (r: {
    id: string;
    name: string;
    country: string;
    city: string;
    created_at: Date | string;
    website: string | null;
    description: string | null;
    founded_year: number | null;
    trust_score: number | null;
    trust_badge: 'basic' | 'verified' | 'premium';
    verified: SqlBool;
    product_count: number | null;
  }) => ({
    id: r.id,
    name: r.name,
    country: r.country,
    city: r.city,
    verified: Boolean(r.verified),
    // The badge and score buyers weigh (marketplace/companies/trust-score.ts); the parts stay with the seller.
    trustBadge: r.trust_badge,
    trustScore: r.trust_score,
    website: r.website,
    description: r.description,
    foundedYear: r.founded_year,
    productCount: Number(r.product_count ?? 0),
    memberSince: new Date(r.created_at).toISOString(),
  });

  async function list(filter: {
    q?: string;
    country?: string;
    verifiedOnly?: boolean;
    limit: number;
    offset: number;
  }) {
    let query = base();
    if (filter.q) query = query.where('c.name', 'ilike', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (filter.country) query = query.where('c.country', '=', filter.country.toUpperCase());
    if (filter.verifiedOnly) query = query.where(companyIsVerified(sql.ref('c.id')));
    const rows = await query
      .orderBy('c.name')
      .orderBy('c.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return rows.map(view);
  }

  async function profile(id: string, page: { limit: number; offset: number }) {
    const row = await base().where('c.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('manufacturer', id);
    const products = await searchProducts(db, { sellerCompanyId: id, sort: 'newest', ...page });
    return { ...view(row), products: products.items, totalProducts: products.total };
  }

  return { list, profile };
}
