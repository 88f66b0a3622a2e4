import { sql, type Kysely } from 'kysely';

/**
 * Catalog media and variant lifecycle: uploaded product images (the bytes live in object storage under
 * `products/<productId>/<imageId>`; a row keeps the key, the type recognised from the bytes, the size and a
 * SHA-256), and retired variants (soft: `retired_at` set, the row and its order history stay, the SKU stays
 * reserved). The order of a product's images stays in `products.images`, where an upload appears as its URL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE product_images (
  id uuid PRIMARY KEY,
  product_id uuid NOT NULL REFERENCES products(id),
  seller_company_id uuid NOT NULL REFERENCES companies(id),
  storage_key text NOT NULL UNIQUE,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL
)`,
    `CREATE INDEX product_images_product_idx ON product_images (product_id, id)`,
    `ALTER TABLE product_variants ADD COLUMN retired_at timestamptz`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`ALTER TABLE product_variants DROP COLUMN retired_at`).execute(db);
  await sql.raw(`DROP TABLE product_images`).execute(db);
}
