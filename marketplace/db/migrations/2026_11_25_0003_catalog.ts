import { sql, type Kysely } from 'kysely';
import { newId } from '../../../platform/ids.ts';
import { CATEGORY_TREE } from '../../catalog/category-tree.ts';

/**
 * Catalog and inventory: the category tree (reference data, inserted here), products grown into listings
 * (description, images, specifications, certifications, lead time, draft/published, moderation), variants with
 * their own SKU, price tiers, MOQ, case pack and private unit cost, warehouse locations, and inventory kept as
 * levels that are always the sum of their movements. Search uses full-text (tsvector) and pg_trgm similarity.
 *
 * Products from before this migration become published single-variant listings; their stock becomes one
 * opening `receipt` movement at a "MAIN" location of their company, so history still adds up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
    `CREATE TABLE categories (
  id uuid PRIMARY KEY,
  parent_id uuid REFERENCES categories(id),
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  -- Materialized path of slugs ("home/kitchen/mugs"): descendants are path = p OR path LIKE p || '/%'.
  path text NOT NULL UNIQUE,
  depth integer NOT NULL
)`,
    `ALTER TABLE products
  ADD COLUMN category_id uuid REFERENCES categories(id),
  ADD COLUMN description text NOT NULL DEFAULT '',
  ADD COLUMN status text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published')),
  ADD COLUMN images jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN specifications jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN certifications jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN lead_time_days integer NOT NULL DEFAULT 0 CHECK (lead_time_days >= 0),
  ADD COLUMN min_moq integer NOT NULL DEFAULT 1,
  ADD COLUMN units_sold bigint NOT NULL DEFAULT 0,
  ADD COLUMN published_at timestamptz,
  ADD COLUMN updated_at timestamptz,
  ADD COLUMN hidden_at timestamptz,
  ADD COLUMN hidden_reason text,
  ADD COLUMN hidden_by uuid,
  ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(sku, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(description, '')), 'C')
  ) STORED`,
    `UPDATE products SET published_at = created_at, updated_at = created_at`,
    `CREATE INDEX products_search_idx ON products USING gin (search_vector)`,
    `CREATE INDEX products_name_trgm_idx ON products USING gin (name gin_trgm_ops)`,
    `CREATE INDEX products_listing_idx ON products (published_at DESC, id) WHERE status = 'published' AND hidden_at IS NULL`,
    `CREATE INDEX products_category_idx ON products (category_id)`,
    `CREATE INDEX products_seller_idx ON products (seller_company_id, created_at)`,
    `CREATE TABLE product_variants (
  id uuid PRIMARY KEY,
  product_id uuid NOT NULL REFERENCES products(id),
  seller_company_id uuid NOT NULL REFERENCES companies(id),
  sku text NOT NULL,
  position integer NOT NULL,
  options jsonb NOT NULL DEFAULT '{}',
  price_minor bigint NOT NULL CHECK (price_minor > 0),
  -- [{ minQuantity, priceMinor }], ascending; the base price applies below the first tier.
  price_tiers jsonb NOT NULL DEFAULT '[]',
  moq integer NOT NULL DEFAULT 1 CHECK (moq >= 1),
  case_pack integer NOT NULL DEFAULT 1 CHECK (case_pack >= 1),
  unit_cost_minor bigint CHECK (unit_cost_minor >= 0),
  UNIQUE (seller_company_id, sku)
)`,
    `CREATE INDEX product_variants_product_idx ON product_variants (product_id, position)`,
    `CREATE TABLE warehouse_locations (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id),
  code text NOT NULL,
  name text NOT NULL,
  country char(2) NOT NULL,
  city text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (company_id, code)
)`,
    `CREATE TABLE inventory_levels (
  variant_id uuid NOT NULL REFERENCES product_variants(id),
  location_id uuid NOT NULL REFERENCES warehouse_locations(id),
  on_hand integer NOT NULL CHECK (on_hand >= 0),
  reserved integer NOT NULL CHECK (reserved >= 0 AND reserved <= on_hand),
  PRIMARY KEY (variant_id, location_id)
)`,
    `CREATE TABLE inventory_movements (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id),
  product_id uuid NOT NULL REFERENCES products(id),
  variant_id uuid NOT NULL REFERENCES product_variants(id),
  location_id uuid NOT NULL REFERENCES warehouse_locations(id),
  kind text NOT NULL CHECK (kind IN ('receipt', 'adjustment', 'reservation', 'release', 'sale')),
  on_hand_delta integer NOT NULL,
  reserved_delta integer NOT NULL,
  reference text,
  note text,
  actor_user_id uuid,
  occurred_at timestamptz NOT NULL
)`,
    `CREATE INDEX inventory_movements_variant_idx ON inventory_movements (variant_id, occurred_at, id)`,
    `CREATE INDEX inventory_movements_company_idx ON inventory_movements (company_id, occurred_at)`,
    `ALTER TABLE order_lines ADD COLUMN variant_id uuid REFERENCES product_variants(id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);

  // Reference data: the category tree, parents before children.
  const ids = new Map<string, string>();
  for (const c of CATEGORY_TREE) {
    const id = newId();
    ids.set(c.path, id);
    const parentPath = c.path.includes('/') ? c.path.slice(0, c.path.lastIndexOf('/')) : null;
    await sql`INSERT INTO categories (id, parent_id, slug, name, path, depth)
      VALUES (${id}, ${parentPath ? ids.get(parentPath)! : null}, ${c.slug}, ${c.name}, ${c.path},
              ${c.path.split('/').length})`.execute(db);
  }

  // Earlier products: one variant each, one MAIN location per company, an opening receipt of their stock.
  const products = await sql<{
    id: string;
    seller_company_id: string;
    sku: string;
    price_minor: number;
    stock: number;
    created_at: Date;
  }>`SELECT id, seller_company_id, sku, price_minor, stock, created_at FROM products ORDER BY id`.execute(db);
  const locations = new Map<string, string>();
  for (const p of products.rows) {
    let locationId = locations.get(p.seller_company_id);
    if (!locationId) {
      locationId = newId();
      locations.set(p.seller_company_id, locationId);
      await sql`INSERT INTO warehouse_locations (id, company_id, code, name, country, city, created_at)
        SELECT ${locationId}, id, 'MAIN', 'Main warehouse', country, city, ${p.created_at} FROM companies
        WHERE id = ${p.seller_company_id}`.execute(db);
    }
    const variantId = newId();
    await sql`INSERT INTO product_variants (id, product_id, seller_company_id, sku, position, price_minor)
      VALUES (${variantId}, ${p.id}, ${p.seller_company_id}, ${p.sku}, 0, ${p.price_minor})`.execute(db);
    await sql`INSERT INTO inventory_levels (variant_id, location_id, on_hand, reserved)
      VALUES (${variantId}, ${locationId}, ${p.stock}, 0)`.execute(db);
    await sql`INSERT INTO inventory_movements (id, company_id, product_id, variant_id, location_id, kind,
        on_hand_delta, reserved_delta, note, occurred_at)
      VALUES (${newId()}, ${p.seller_company_id}, ${p.id}, ${variantId}, ${locationId}, 'receipt', ${p.stock}, 0,
        'opening balance (migration 0003)', ${p.created_at})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE order_lines DROP COLUMN variant_id`,
    `DROP TABLE inventory_movements, inventory_levels, warehouse_locations, product_variants`,
    `ALTER TABLE products DROP COLUMN search_vector, DROP COLUMN category_id, DROP COLUMN description,
  DROP COLUMN status, DROP COLUMN images, DROP COLUMN specifications, DROP COLUMN certifications,
  DROP COLUMN lead_time_days, DROP COLUMN min_moq, DROP COLUMN units_sold, DROP COLUMN published_at,
  DROP COLUMN updated_at, DROP COLUMN hidden_at, DROP COLUMN hidden_reason, DROP COLUMN hidden_by`,
    `DROP TABLE categories`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
