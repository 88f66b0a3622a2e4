import { sql, type Kysely } from 'kysely';

/**
 * The variant's unit cost on each order line, copied at checkout: a seller may change or remove its cost later,
 * and the margin of an order must stay what it was when it was sold. Nullable: a seller need not give a cost,
 * and lines written before this migration have none (analytics counts margin only over lines with a cost).
 * Private to the seller like the variant's cost: never in a buyer-facing answer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`ALTER TABLE order_lines ADD COLUMN unit_cost_minor bigint CHECK (unit_cost_minor >= 0)`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`ALTER TABLE order_lines DROP COLUMN unit_cost_minor`).execute(db);
}
