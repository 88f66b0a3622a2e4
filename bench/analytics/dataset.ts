/**
 * The benchmark dataset: N order lines over two years (2,000 sellers, 50,000 buyers, 200 categories,
 * 60 regions), generated inside ClickHouse with a fixed seed, then copied row for row into PostgreSQL with
 * COPY, so both engines answer over identical data. PostgreSQL gets the indexes a careful engineer would add.
 */
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import type { Warehouse } from '../../warehouse/client.ts';

export const END = '2026-11-25 00:00:00';
const DAYS = 730;

const dimensionsSql = [
  `CREATE TABLE bench.regions ENGINE = MergeTree ORDER BY region_id AS
     SELECT toUInt16(number) AS region_id, concat('Region ', toString(number)) AS name,
            round(-50 + (cityHash64(number, 1) % 11000) / 100, 4) AS latitude,
            round(-170 + (cityHash64(number, 2) % 34000) / 100, 4) AS longitude
     FROM numbers(60)`,
  `CREATE TABLE bench.categories ENGINE = MergeTree ORDER BY category_id AS
     SELECT toUInt16(number) AS category_id, concat('Category ', toString(number)) AS name FROM numbers(200)`,
];

function linesSql(lines: number) {
  // Skewed like a marketplace: a few sellers and categories carry much of the volume.
  return `INSERT INTO bench.order_lines
    SELECT
      number AS line_id,
      intDiv(number, 3) AS order_id,
      toUInt32(floor(pow(cityHash64(intDiv(number, 3), 11) % 1000000 / 1000000, 2) * 2000)) AS seller_id,
      toUInt32(cityHash64(intDiv(number, 3), 12) % 50000) AS buyer_id,
      toUInt16(floor(pow(cityHash64(number, 13) % 1000000 / 1000000, 1.5) * 200)) AS category_id,
      toUInt16(cityHash64(intDiv(number, 3), 14) % 60) AS region_id,
      toDateTime('${END}', 'UTC') - toIntervalSecond(toUInt32(${DAYS} * 86400 * (1 - number / ${lines}))) AS placed_at,
      toUInt16(1 + cityHash64(number, 15) % 48) AS quantity,
      toInt64(quantity * (200 + cityHash64(number, 16) % 9800)) AS revenue_usd_minor,
      toInt64(round(revenue_usd_minor * (0.025 + (cityHash64(seller_id, 17) % 3) * 0.01))) AS commission_usd_minor,
      toInt64(round(revenue_usd_minor * (0.45 + (cityHash64(category_id, 18) % 30) / 100))) AS cost_usd_minor
    FROM numbers(${lines})`;
}

const ROLLUPS = [
  ['daily_region', 'region_id'],
  ['daily_seller', 'seller_id'],
  ['daily_category', 'category_id'],
] as const;

export async function buildWarehouse(warehouse: Warehouse, lines: number): Promise<void> {
  await warehouse.command({ query: 'DROP DATABASE IF EXISTS bench' });
  await warehouse.command({ query: 'CREATE DATABASE bench' });
  for (const sql of dimensionsSql) await warehouse.command({ query: sql });
  await warehouse.command({
    query: `CREATE TABLE bench.order_lines (
      line_id UInt64, order_id UInt64, seller_id UInt32, buyer_id UInt32, category_id UInt16, region_id UInt16,
      placed_at DateTime('UTC'), quantity UInt16, revenue_usd_minor Int64, commission_usd_minor Int64, cost_usd_minor Int64
    ) ENGINE = MergeTree PARTITION BY toYYYYMM(placed_at) ORDER BY (seller_id, placed_at)`,
  });
  await warehouse.command({ query: linesSql(lines) });
  for (const [name, key] of ROLLUPS) {
    // Key first, day second: a manufacturer's own series reads one contiguous range.
    await warehouse.command({
      query: `CREATE TABLE bench.${name} ENGINE = SummingMergeTree ORDER BY (${key}, day) AS
              SELECT toDate(placed_at) AS day, ${key}, sum(revenue_usd_minor) AS revenue_usd_minor,
                     sum(commission_usd_minor) AS commission_usd_minor, sum(cost_usd_minor) AS cost_usd_minor
              FROM bench.order_lines GROUP BY day, ${key}`,
    });
  }
  // Distinct counts do not add up across days, so their rollup keeps mergeable states (one per month).
  await warehouse.command({
    query: `CREATE TABLE bench.monthly_buyers ENGINE = AggregatingMergeTree ORDER BY month AS
            SELECT toStartOfMonth(placed_at) AS month, uniqExactState(buyer_id) AS buyers_state
            FROM bench.order_lines GROUP BY month`,
  });
  await warehouse.command({ query: 'OPTIMIZE TABLE bench.order_lines FINAL' });
}

export async function rowCount(warehouse: Warehouse, table: string): Promise<number> {
  const result = await warehouse.query({
    query: `SELECT count() AS n FROM bench.${table}`,
    format: 'JSONEachRow',
  });
  return Number((await result.json<{ n: string }>())[0]!.n);
}

/** Copies the generated tables into PostgreSQL and indexes them. Returns seconds spent. */
export async function buildPostgres(
  pool: Pool,
  warehouse: Warehouse,
  onProgress: (done: number) => void,
): Promise<number> {
  const started = Date.now();
  const client = await pool.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS order_lines, regions, categories;
      CREATE UNLOGGED TABLE regions (region_id smallint PRIMARY KEY, name text, latitude float8, longitude float8);
      CREATE UNLOGGED TABLE categories (category_id smallint PRIMARY KEY, name text);
      CREATE UNLOGGED TABLE order_lines (line_id bigint, order_id bigint, seller_id int, buyer_id int, category_id smallint,
        region_id smallint, placed_at timestamptz, quantity smallint, revenue_usd_minor bigint, commission_usd_minor bigint,
        cost_usd_minor bigint)`);
    for (const table of ['regions', 'categories', 'order_lines']) {
      const source = await warehouse.exec({
        query: `SELECT * FROM bench.${table} FORMAT CSV`,
        clickhouse_settings: { date_time_output_format: 'iso' },
      });
      let rows = 0;
      source.stream.on('data', (chunk: Buffer) => {
        for (const byte of chunk) if (byte === 10) rows++;
        if (table === 'order_lines' && rows % 100_000 < 2000) onProgress(rows);
      });
      await pipeline(source.stream, client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv)`)));
      if (table === 'order_lines') onProgress(rows);
    }
    await client.query('CREATE INDEX ON order_lines (placed_at)');
    await client.query('CREATE INDEX ON order_lines (seller_id, placed_at)');
    await client.query('ANALYZE order_lines; ANALYZE regions; ANALYZE categories');
  } finally {
    client.release();
  }
  return (Date.now() - started) / 1000;
}
