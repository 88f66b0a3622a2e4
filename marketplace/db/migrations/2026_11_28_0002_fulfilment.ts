import { sql, type Kysely } from 'kysely';

/**
 * Orders after checkout: the fulfilment milestones and shipment details on the order row, the status timeline
 * (one row per transition, written by marketplace/orders/order-state-machine.ts only), and a `cancellation`
 * stock movement kind, so units a cancelled order gives back are not mistaken for stock-count corrections
 * (`adjustment`) in the ledger.
 *
 * Orders placed before this migration get one timeline row (null -> their status at placement) so every
 * order's timeline starts where the order does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE orders
  ADD COLUMN status_changed_at timestamptz,
  ADD COLUMN accepted_at timestamptz,
  ADD COLUMN shipped_at timestamptz,
  ADD COLUMN delivered_at timestamptz,
  ADD COLUMN completed_at timestamptz,
  ADD COLUMN carrier text,
  ADD COLUMN tracking_number text,
  ADD COLUMN tracking_url text,
  ADD COLUMN proof_of_delivery_key text,
  ADD CONSTRAINT orders_status_check CHECK (status IN ('pending_payment', 'placed', 'accepted', 'processing',
    'shipped', 'delivered', 'completed', 'rejected', 'cancelled', 'expired'))`,
    `UPDATE orders SET status_changed_at = placed_at`,
    // The auto-complete job's only question: which delivered orders are old enough.
    `CREATE INDEX orders_delivered_idx ON orders (delivered_at) WHERE status = 'delivered'`,
    `CREATE TABLE order_status_history (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders(id),
  from_status text,
  to_status text NOT NULL,
  at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'system')),
  actor_user_id uuid,
  actor_company_id uuid,
  reason text,
  details jsonb NOT NULL DEFAULT '{}'
)`,
    `CREATE INDEX order_status_history_order_idx ON order_status_history (order_id, at, id)`,
    `INSERT INTO order_status_history (id, order_id, from_status, to_status, at, actor_kind, actor_company_id)
  SELECT id, id, NULL, status, placed_at, 'user', buyer_company_id FROM orders`,
    `ALTER TABLE inventory_movements DROP CONSTRAINT inventory_movements_kind_check`,
    `ALTER TABLE inventory_movements ADD CONSTRAINT inventory_movements_kind_check
  CHECK (kind IN ('receipt', 'adjustment', 'reservation', 'release', 'sale', 'cancellation'))`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // A cancellation is a positive on-hand change; as an adjustment the ledger still adds up.
    `UPDATE inventory_movements SET kind = 'adjustment' WHERE kind = 'cancellation'`,
    `ALTER TABLE inventory_movements DROP CONSTRAINT inventory_movements_kind_check`,
    `ALTER TABLE inventory_movements ADD CONSTRAINT inventory_movements_kind_check
  CHECK (kind IN ('receipt', 'adjustment', 'reservation', 'release', 'sale'))`,
    `DROP TABLE order_status_history`,
    `DROP INDEX orders_delivered_idx`,
    `ALTER TABLE orders DROP CONSTRAINT orders_status_check, DROP COLUMN status_changed_at,
  DROP COLUMN accepted_at, DROP COLUMN shipped_at, DROP COLUMN delivered_at, DROP COLUMN completed_at,
  DROP COLUMN carrier, DROP COLUMN tracking_number, DROP COLUMN tracking_url, DROP COLUMN proof_of_delivery_key`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
