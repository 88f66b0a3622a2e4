/**
 * Starting points for the SQL console, over the warehouse's facts and marts (warehouse/models: the grain of each
 * is in schema.yml). Money columns are USD cents at the rate fixed when the order was placed, as in the semantic
 * layer. Tables are named with their database: the console refuses unqualified names. Titles and descriptions are
 * in messages.ts, in the page's language; the SQL is the same in every language.
 */
import { analystMessages } from './messages.ts';

const words = analystMessages.sql.example;
export interface SqlExample {
  title: string;
  description: string;
  sql: string;
}

export const SQL_EXAMPLES: SqlExample[] = [
  {
    ...words.gmvByMonth,
    sql: `SELECT
    toStartOfMonth(placed_at) AS month,
    count() AS orders,
    sum(subtotal_usd_minor) AS gmv_usd_cents,
    sum(net_gmv_usd_minor) AS net_gmv_usd_cents
FROM wholesail.fct_orders_current
GROUP BY month
ORDER BY month`,
  },
  {
    ...words.topManufacturers,
    sql: `SELECT
    c.name AS manufacturer,
    count() AS orders,
    sum(o.subtotal_usd_minor) AS gmv_usd_cents,
    uniqExact(o.buyer_company_id) AS buyers
FROM wholesail.fct_orders_current AS o
LEFT JOIN (SELECT company_id, name FROM wholesail.dim_companies FINAL) AS c
    ON c.company_id = o.seller_company_id
WHERE o.placed_at >= now() - INTERVAL 90 DAY
GROUP BY manufacturer
ORDER BY gmv_usd_cents DESC
LIMIT 20`,
  },
  {
    ...words.ordersByStatus,
    sql: `SELECT
    status,
    count() AS orders,
    sum(subtotal_usd_minor) AS gmv_usd_cents
FROM wholesail.fct_orders_current
GROUP BY status
ORDER BY orders DESC`,
  },
  {
    ...words.buyerRetention,
    sql: `SELECT
    cohort_month,
    months_since_first,
    buyers,
    gmv_usd_minor AS gmv_usd_cents
FROM wholesail.mart_buyer_cohorts
ORDER BY cohort_month, months_since_first`,
  },
  {
    ...words.eventsStreamed,
    sql: `SELECT
    type,
    count() AS events,
    max(occurred_at) AS latest
FROM wholesail.events_raw
WHERE occurred_at >= now() - INTERVAL 1 DAY
GROUP BY type
ORDER BY events DESC`,
  },
];

/**
 * The tables and columns of the warehouse, from ClickHouse's own catalogue (the console allows system.columns
 * and system.tables). Left out: the hidden inner tables of materialized views, and materialized views that
 * write TO another table (the `_mv` feeders), whose rows are in the table they feed. The marts are refreshable
 * materialized views holding their own rows, so they stay.
 */
export const SCHEMA_SQL = `SELECT table, name, type
FROM system.columns
WHERE database = 'wholesail'
    AND table IN (
        SELECT name FROM system.tables
        WHERE database = 'wholesail'
            AND NOT startsWith(name, '.inner')
            AND NOT (engine = 'MaterializedView' AND position(create_table_query, ' TO ') > 0)
    )
ORDER BY table, position`;
