/**
 * The dashboard benchmark's warehouse: the order lines of the analytics benchmark (bench/analytics/dataset.ts,
 * reused as is: same seed, skew, 2,000 sellers, 50,000 buyers, 200 categories, two years), moved to end now and
 * expanded inside ClickHouse into the product's own facts and dimensions, the tables the executive dashboard's
 * cubes read (found from the SQL the gateway compiles for the page's queries, which run.ts prints):
 *   fct_order_lines, fct_orders, fct_order_status, fct_refunds (-> the fct_orders_current view), dim_companies,
 *   fct_subscription_changes, fct_subscriptions.
 * Then the product's marts (mart_daily_gmv, mart_daily_category_sales, mart_platform_revenue, mart_buyer_cohorts
 * and the rest) are computed by the warehouse build's own refresh (warehouse/build.ts refreshNow), so they hold
 * what the product would compute from those facts.
 *
 * Facts rather than raw events: 10M lines as order.placed JSON would be gigabytes of JSON for the materialized
 * views to parse; the facts are the same rows those views would write. The raw table stays empty, so do not run
 * the warehouse build's rebuild-from-raw on this folder.
 */
import type { Warehouse } from '../../warehouse/client.ts';
import { loadModels } from '../../warehouse/models.ts';
import { refreshNow } from '../../warehouse/build.ts';
import { buildWarehouse as buildAnalyticsLines, END as ANALYTICS_END } from '../analytics/dataset.ts';

const W = 'wholesail';

/** A stable UUID-shaped id for entity number `expr` of a kind (1 sellers, 2 buyers, ...). */
const id = (kind: number, expr: string) =>
  `toString(reinterpretAsUUID(concat(reinterpretAsFixedString(cityHash64(${kind}, ${expr})), reinterpretAsFixedString(toUInt64(${expr})))))`;

/**
 * Order ids shaped as the product's: UUIDv7, which sort by creation time (platform/ids.ts). The generator numbers
 * orders in time order, so the number leads the id; a hash fills the rest. Random ids would make every "orders
 * since this morning" read scan the whole table, which the product never sees.
 */
const orderId = (expr: string) => {
  // 48 bits of order number where UUIDv7 has its milliseconds, then the version and variant digits, then a hash.
  const n = `substring(leftPad(lower(hex(toUInt64(${expr}))), 16, '0'), 5, 12)`;
  const h = `concat(lower(hex(cityHash64(3, ${expr}))), lower(hex(cityHash64(33, ${expr}))))`;
  return `concat(substring(${n}, 1, 8), '-', substring(${n}, 9, 4), '-7', substring(${h}, 1, 3), '-8', substring(${h}, 4, 3), '-', substring(${h}, 7, 12))`;
};

/** Buyer -> a city of the dim_cities seed, skewed (a few cities buy most), as its row number. */
const cityOf = (buyer: string, cities: number) =>
  `toUInt32(floor(pow((cityHash64(${buyer}, 21) % 1000000) / 1000000, 1.7) * ${cities}))`;

/** Seller -> its plan: half on Free, 35% Professional, 15% Enterprise. */
const planOf = (seller: string) =>
  `multiIf(cityHash64(${seller}, 22) % 20 < 10, 'free', cityHash64(${seller}, 22) % 20 < 17, 'professional', 'enterprise')`;

const PLAN_MRR = { professional: 19_900, enterprise: 99_900 };

export interface LoadStep {
  /** What is being written, for the progress bar. */
  task: string;
  /** Units of work this step counts (order lines for the big steps, 1 otherwise). */
  weight: number;
}

export interface Loaded {
  lines: number;
  orders: number;
  refunds: number;
  sellers: number;
  buyers: number;
  /** Seconds each mart took to compute at this size, next to its schedule. */
  /** Each mart's refresh at this size, as ClickHouse timed it, and the wall time around it; every schedule is
   * left stopped. */
  marts: Array<{ name: string; seconds: number; waitedSeconds: number; refresh: string }>;
  seconds: number;
}

/**
 * Fills the product's warehouse (already migrated and built, as createPlatform leaves it) with `lines` order
 * lines. `progress(done, task)` is called with lines done so far (the total is `lines * 2 + 10`).
 */
export async function loadDashboardWarehouse(
  warehouse: Warehouse,
  lines: number,
  progress: (done: number, task: string) => void,
): Promise<Loaded> {
  const started = Date.now();
  const run = (query: string) => warehouse.command({ query });
  const count = async (sql: string) => {
    const result = await warehouse.query({ query: `SELECT count() AS n FROM ${sql}`, format: 'JSONEachRow' });
    return Number((await result.json<{ n: string }>())[0]!.n);
  };
  let done = 0;
  // The marts' schedules would recompute them over half-loaded facts all through the load (mart_daily_gmv every
  // 10 s), competing for the same cores: off until each is refreshed once below.
  const refreshable = loadModels().filter((m) => m.config.materialized === 'refreshable');
  for (const m of refreshable) await run(`SYSTEM STOP VIEW ${W}.${m.name}`);
  progress(done, 'order lines (analytics benchmark generator)');
  await buildAnalyticsLines(warehouse, lines);
  done += 5;
  progress(done, 'order lines -> fct_order_lines');

  // The analytics lines end on a fixed day; the dashboard's periods are relative to today, so move them to end
  // a minute ago. Whole seconds keep every line's time of day.
  const shift = Math.floor((Date.now() - 60_000 - Date.parse(`${ANALYTICS_END.replace(' ', 'T')}Z`)) / 1000);
  const placedAt = `toDateTime64(placed_at, 3, 'UTC') + toIntervalSecond(${shift})`;
  const cities = await count(`${W}.dim_cities`);
  const indexedCities = `(SELECT country, city, region, toUInt32(row_number() OVER (ORDER BY country, city) - 1) AS i FROM ${W}.dim_cities)`;

  // Chunks of whole orders (3 lines each), for the progress bar and bounded memory.
  const chunkOrders = Math.max(1, Math.ceil(lines / 3 / 20));
  const orders = Math.ceil(lines / 3);
  for (let from = 0; from < orders; from += chunkOrders) {
    const range = `line_id >= ${from * 3} AND line_id < ${(from + chunkOrders) * 3}`;
    const product = `(seller_id * 100 + cityHash64(line_id, 19) % 100)`;
    await run(`INSERT INTO ${W}.fct_order_lines (order_id, line_no, product_id, variant_id, sku, buyer_company_id,
        seller_company_id, currency, quantity, unit_price_minor, line_total_minor, line_total_usd_minor,
        commission_minor, commission_rate_bps, commission_usd_minor, category_id, category_path, category_names,
        category_name_path, category_name, category_l1, category_l1_name, category_l2, category_l2_name,
        unit_cost_minor, unit_cost_usd_minor, cost_minor, cost_usd_minor, has_cost, margin_minor, margin_usd_minor,
        lead_time_days, placed_at, row_version)
      SELECT ${orderId('order_id')}, toUInt16(line_id % 3 + 1), ${id(6, product)}, ${id(7, product)},
        concat('SKU-', toString(${product})), ${id(2, 'buyer_id')}, ${id(1, 'seller_id')}, 'USD', quantity,
        intDiv(revenue_usd_minor, quantity) AS unit_price, revenue_usd_minor, revenue_usd_minor,
        commission_usd_minor, toUInt32(250 + (cityHash64(seller_id, 17) % 3) * 100), commission_usd_minor,
        ${id(8, 'category_id')},
        concat('dept-', toString(intDiv(category_id, 10)), '/line-', toString(category_id)) AS path,
        [concat('Department ', toString(intDiv(category_id, 10))), concat('Line ', toString(category_id))] AS names,
        arrayStringConcat(names, ' > '), names[-1], splitByChar('/', path)[1], names[1], path, names[2],
        toInt64(round(unit_price * (0.45 + (cityHash64(category_id, 18) % 30) / 100))) AS unit_cost, unit_cost,
        toInt64(quantity) * unit_cost AS cost, cost, true, revenue_usd_minor - cost, revenue_usd_minor - cost,
        toUInt32(2 + cityHash64(${product}, 20) % 12), ${placedAt} AS at, toUInt64(toUnixTimestamp64Milli(at))
      FROM bench.order_lines WHERE ${range}`);
    done += Math.min(chunkOrders, orders - from) * 3;
    progress(done, 'order lines -> fct_order_lines');
  }
  for (let from = 0; from < orders; from += chunkOrders) {
    await run(`INSERT INTO ${W}.fct_orders (order_id, group_id, buyer_company_id, seller_company_id, currency,
        subtotal_minor, subtotal_usd_minor, tax_minor, tax_rate, total_minor, total_usd_minor, commission_minor,
        commission_usd_minor, commission_rate_bps, fx_rate, payment_method, plan, ship_country, ship_region,
        ship_city, line_count, units, placed_at, lead_time_days, ship_by_at, row_version)
      SELECT ${orderId('o.order_id')}, ${id(9, 'o.order_id')}, ${id(2, 'o.buyer_no')}, ${id(1, 'o.seller_no')}, 'USD',
        o.subtotal, o.subtotal, o.tax, toDecimal64('0.08', 6), o.subtotal + o.tax, o.subtotal + o.tax,
        o.commission, o.commission, toUInt32(250 + (cityHash64(o.seller_no, 17) % 3) * 100),
        toDecimal64('1', 8), if(cityHash64(o.order_id, 23) % 3 = 0, 'net_terms', 'card'), ${planOf('o.seller_no')},
        c.country, c.region, c.city, o.lines, o.units, o.at, o.lead, o.at + toIntervalDay(o.lead + 2),
        toUInt64(toUnixTimestamp64Milli(o.at))
      FROM (
        SELECT order_id, any(seller_id) AS seller_no, any(buyer_id) AS buyer_no, sum(revenue_usd_minor) AS subtotal,
          toInt64(round(subtotal * 0.08)) AS tax, sum(commission_usd_minor) AS commission, toUInt32(count()) AS lines,
          sum(toUInt64(quantity)) AS units, min(${placedAt}) AS at,
          toNullable(toUInt32(2 + max(cityHash64(seller_id * 100 + cityHash64(line_id, 19) % 100, 20) % 12))) AS lead
        FROM bench.order_lines
        WHERE order_id >= ${from} AND order_id < ${from + chunkOrders}
        GROUP BY order_id
      ) AS o
      LEFT JOIN ${indexedCities} AS c ON c.i = ${cityOf('o.buyer_no', cities)}`);
    done += Math.min(chunkOrders, orders - from) * 3;
    progress(done, 'orders -> fct_orders');
  }

  // One status per order, its latest: the executive page reads only the current status (fct_order_status is
  // one row per order once merged, however many steps there were). Older orders are mostly completed; 2%
  // cancelled, 1.5% rejected; the last two weeks still moving through accepted, shipped, delivered.
  progress(done, 'statuses -> fct_order_status');
  await run(`INSERT INTO ${W}.fct_order_status (order_id, status, previous_status, status_changed_at, reason, carrier,
      status_version)
    SELECT order_id, s.1 AS status, s.2, least(now64(3, 'UTC'), placed_at + toIntervalHour(s.3)) AS at,
      if(status IN ('cancelled', 'rejected'), 'out of stock', ''), if(status IN ('shipped', 'delivered', 'completed'), 'UPS', ''),
      toUInt64(toUnixTimestamp64Milli(at)) * 16 + indexOf(['pending_payment', 'placed', 'accepted', 'processing',
        'shipped', 'delivered', 'completed', 'rejected', 'cancelled', 'expired'], status)
    FROM (
      SELECT order_id, placed_at, cityHash64(order_id, 30) % 1000 AS h, dateDiff('hour', placed_at, now64(3, 'UTC')) AS age,
        multiIf(h < 20, ('cancelled', 'accepted', 30), h < 35, ('rejected', 'placed', 12),
                age < 24, if(h < 500, ('placed', 'pending_payment', 0), ('accepted', 'placed', 6)),
                age < 72, if(h < 500, ('accepted', 'placed', 12), ('shipped', 'accepted', 40)),
                age < 168, if(h < 500, ('shipped', 'accepted', 48), ('delivered', 'shipped', 120)),
                age < 336, if(h < 400, ('delivered', 'shipped', 120), ('completed', 'delivered', 290)),
                ('completed', 'delivered', 290)) AS s
      FROM ${W}.fct_orders
    )`);
  done += 1;

  // Refunds: cancelled card orders refunded in full when cancelled; 2.5% of delivered or completed orders
  // partly (10-50% of the total), with the same share of their commission reversed.
  progress(done, 'refunds -> fct_refunds');
  await run(`INSERT INTO ${W}.fct_refunds (refund_id, order_id, buyer_company_id, seller_company_id, currency,
      amount_minor, amount_usd_minor, fx_rate, commission_reversed_minor, commission_reversed_usd_minor, full, reason,
      refunded_at, row_version)
    SELECT ${id(4, 'cityHash64(o.order_id)')}, o.order_id, o.buyer_company_id, o.seller_company_id, 'USD',
      if(s.cancelled, o.total_minor, toInt64(intDiv(o.total_minor * s.percent, 100))) AS amount, amount,
      toDecimal64('1', 8),
      if(s.cancelled, o.commission_minor, toInt64(intDiv(o.commission_minor * s.percent, 100))) AS reversed, reversed,
      s.cancelled, if(s.cancelled, 'order cancelled', 'damaged in transit'),
      least(now64(3, 'UTC'), if(s.cancelled, s.status_changed_at, o.placed_at + toIntervalDay(10))) AS at,
      toUInt64(toUnixTimestamp64Milli(at))
    FROM ${W}.fct_orders AS o
    INNER JOIN (
      SELECT order_id, status_changed_at, status = 'cancelled' AS cancelled,
        10 + cityHash64(order_id, 32) % 41 AS percent
      FROM ${W}.fct_order_status
      WHERE status = 'cancelled' OR (status IN ('delivered', 'completed') AND cityHash64(order_id, 31) % 1000 < 25)
    ) AS s ON s.order_id = o.order_id
    WHERE NOT s.cancelled OR o.payment_method = 'card'`);
  done += 1;

  // Companies: the sellers and buyers the lines name, buyers in the seed's cities (the map, regions, countries).
  progress(done, 'companies -> dim_companies');
  const firstDay = `(SELECT toDateTime64(toStartOfDay(min(placed_at)), 3, 'UTC') FROM ${W}.fct_orders)`;
  await run(`INSERT INTO ${W}.dim_companies (company_id, kind, name, country, city, registered_at, row_version)
    SELECT ${id(1, 'number')}, 'manufacturer', concat('Manufacturer ', leftPad(toString(number), 4, '0')), c.country,
      c.city, ${firstDay} - toIntervalDay(30) AS at, toUInt64(toUnixTimestamp64Milli(at))
    FROM numbers(2000) AS n LEFT JOIN ${indexedCities} AS c ON c.i = cityHash64(n.number, 24) % ${cities}`);
  await run(`INSERT INTO ${W}.dim_companies (company_id, kind, name, country, city, registered_at, row_version)
    SELECT ${id(2, 'number')}, 'retailer', concat('Retailer ', leftPad(toString(number), 5, '0')), c.country,
      c.city, ${firstDay} - toIntervalDay(30) AS at, toUInt64(toUnixTimestamp64Milli(at))
    FROM numbers(50000) AS n LEFT JOIN ${indexedCities} AS c ON c.i = ${cityOf('n.number', cities)}`);
  done += 1;

  // Subscriptions: paid plans start within the first 20 months; one in ten of them cancels later (MRR 0).
  progress(done, 'subscriptions -> fct_subscription_changes');
  const changes = `(
    SELECT seller, plan, ${firstDay} + toIntervalDay(cityHash64(seller, 25) % 600) AS started,
      cityHash64(seller, 26) % 10 = 0 AS churns, started + toIntervalDay(60 + cityHash64(seller, 27) % 300) AS ended,
      if(plan = 'professional', ${PLAN_MRR.professional}, ${PLAN_MRR.enterprise}) AS mrr
    FROM (SELECT number AS seller, ${planOf('number')} AS plan FROM numbers(2000)) WHERE plan != 'free'
  )`;
  const subscriptionRows = `
    SELECT ${id(1, 'seller')} AS company_id, started AS changed_at, ${id(5, 'seller')} AS subscription_id,
      'active' AS status, plan, 'free' AS previous_plan, mrr, mrr AS plan_mrr FROM ${changes}
    UNION ALL
    SELECT ${id(1, 'seller')}, ended, ${id(5, 'seller')}, 'canceled', 'free', plan, 0, 0 FROM ${changes}
    WHERE churns AND ended < now()`;
  await run(`INSERT INTO ${W}.fct_subscription_changes (company_id, changed_at, event_id, subscription_id, status,
      plan, previous_plan, mrr_usd_minor, plan_mrr_usd_minor, row_version)
    SELECT company_id, changed_at, generateUUIDv4(), subscription_id, status, plan, previous_plan, mrr, plan_mrr,
      toUInt64(toUnixTimestamp64Milli(changed_at)) FROM (${subscriptionRows})`);
  await run(`INSERT INTO ${W}.fct_subscriptions (company_id, subscription_id, provider, status, plan, previous_plan,
      billing_interval, cancel_at_period_end, mrr_usd_minor, plan_mrr_usd_minor, add_on_mrr_usd_minor, changed_at,
      row_version)
    SELECT company_id, subscription_id, 'offline', status, plan, previous_plan, 'month', false, mrr, plan_mrr, 0,
      changed_at, toUInt64(toUnixTimestamp64Milli(changed_at))
    FROM (${subscriptionRows})`);
  done += 1;

  // The steady state a long-running warehouse reaches by background merges: one part per partition, so FINAL
  // reads cost what they cost in production rather than what twenty fresh inserts would.
  progress(done, 'merging parts (OPTIMIZE FINAL)');
  for (const table of ['fct_order_lines', 'fct_orders', 'fct_order_status', 'fct_refunds', 'dim_companies'])
    await run(`OPTIMIZE TABLE ${W}.${table} FINAL`);
  await run('DROP DATABASE IF EXISTS bench');
  done += 1;

  const marts: Loaded['marts'] = [];
  for (const model of refreshable) {
    progress(done, `marts: ${model.name} (warehouse build refresh)`);
    const t = Date.now();
    // A stopped view ignores SYSTEM REFRESH: started for its refresh, stopped again after (run.ts decides
    // whether the schedules run while measuring).
    await run(`SYSTEM START VIEW ${W}.${model.name}`);
    await refreshNow(warehouse, [model]);
    await run(`SYSTEM STOP VIEW ${W}.${model.name}`);
    // The refresh's own duration, as ClickHouse recorded it (the wall time adds starting and waiting).
    const recorded = await warehouse.query({
      query: `SELECT last_success_duration_ms AS ms FROM system.view_refreshes WHERE database = '${W}' AND view = {view:String}`,
      query_params: { view: model.name },
      format: 'JSONEachRow',
    });
    const own = Number((await recorded.json<{ ms: string | null }>())[0]?.ms ?? Number.NaN);
    marts.push({
      name: model.name,
      seconds: Number.isNaN(own) ? (Date.now() - t) / 1000 : own / 1000,
      waitedSeconds: (Date.now() - t) / 1000,
      refresh: model.config.refresh ?? '',
    });
  }
  done += 4;
  progress(done, 'done');

  return {
    lines: await count(`${W}.fct_order_lines`),
    orders: await count(`${W}.fct_orders`),
    refunds: await count(`${W}.fct_refunds`),
    sellers: await count(`${W}.dim_companies WHERE kind = 'manufacturer'`),
    buyers: await count(`${W}.dim_companies WHERE kind = 'retailer'`),
    marts,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Total progress units for `lines` (see loadDashboardWarehouse). */
export const loadUnits = (lines: number) => Math.ceil(lines / 3) * 3 * 2 + 14;
