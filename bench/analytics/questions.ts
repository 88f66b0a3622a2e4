/**
 * The dashboard questions, each asked three ways over the same data: PostgreSQL SQL (with indexes), the
 * semantic layer on the raw order lines, and the semantic layer on the rollup sized to the question.
 * `check` pulls one comparable number out of each answer so the run can show they agree.
 */
export interface Question {
  name: string;
  /** Who asks: the seller question runs as a manufacturer, so its row rule is part of the cost. */
  as: 'executive' | 'seller';
  raw: Record<string, unknown>;
  rollup?: Record<string, unknown>;
  pg: string;
  /** Sum of this column/member over the answer, compared across the three. */
  check: { pg: string; raw: string; rollup?: string };
}

export const SELLER_ID = '42';
const last90: [string, string] = ['2026-08-27', '2026-11-24'];
const last180: [string, string] = ['2026-05-29', '2026-11-24'];

export const QUESTIONS: Question[] = [
  {
    name: 'GMV and take rate by month and region',
    as: 'executive',
    raw: {
      measures: ['lines.gmv', 'lines.take_rate'],
      dimensions: ['regions.name'],
      timeDimensions: [{ dimension: 'lines.placed_at', granularity: 'month' }],
    },
    rollup: {
      measures: ['daily_region.gmv', 'daily_region.take_rate'],
      dimensions: ['regions.name'],
      timeDimensions: [{ dimension: 'daily_region.day', granularity: 'month' }],
    },
    pg: `SELECT date_trunc('month', l.placed_at AT TIME ZONE 'UTC') AS month, r.name, sum(l.revenue_usd_minor) AS gmv,
                sum(l.commission_usd_minor)::float8 / nullif(sum(l.revenue_usd_minor), 0) AS take_rate
         FROM order_lines l JOIN regions r USING (region_id) GROUP BY 1, 2`,
    check: { pg: 'gmv', raw: 'lines.gmv', rollup: 'daily_region.gmv' },
  },
  {
    name: 'Top 10 manufacturers, last 90 days',
    as: 'executive',
    raw: {
      measures: ['lines.gmv'],
      dimensions: ['lines.seller_id'],
      timeDimensions: [{ dimension: 'lines.placed_at', dateRange: last90 }],
      order: { 'lines.gmv': 'desc' },
      limit: 10,
    },
    rollup: {
      measures: ['daily_seller.gmv'],
      dimensions: ['daily_seller.seller_id'],
      timeDimensions: [{ dimension: 'daily_seller.day', dateRange: last90 }],
      order: { 'daily_seller.gmv': 'desc' },
      limit: 10,
    },
    pg: `SELECT seller_id, sum(revenue_usd_minor) AS gmv FROM order_lines
         WHERE placed_at >= '${last90[0]}' AND placed_at < '2026-11-25' GROUP BY seller_id ORDER BY gmv DESC LIMIT 10`,
    check: { pg: 'gmv', raw: 'lines.gmv', rollup: 'daily_seller.gmv' },
  },
  {
    name: 'Margin by category',
    as: 'executive',
    raw: { measures: ['lines.margin', 'lines.margin_pct'], dimensions: ['categories.name'] },
    rollup: {
      measures: ['daily_category.margin', 'daily_category.margin_pct'],
      dimensions: ['categories.name'],
    },
    pg: `SELECT c.name, sum(l.revenue_usd_minor - l.cost_usd_minor) AS margin,
                sum(l.revenue_usd_minor - l.cost_usd_minor)::float8 / nullif(sum(l.revenue_usd_minor), 0) AS margin_pct
         FROM order_lines l JOIN categories c USING (category_id) GROUP BY c.name`,
    check: { pg: 'margin', raw: 'lines.margin', rollup: 'daily_category.margin' },
  },
  {
    name: 'Heatmap cells: GMV by region with coordinates',
    as: 'executive',
    raw: { measures: ['lines.gmv'], dimensions: ['regions.name', 'regions.latitude', 'regions.longitude'] },
    rollup: {
      measures: ['daily_region.gmv'],
      dimensions: ['regions.name', 'regions.latitude', 'regions.longitude'],
    },
    pg: `SELECT r.name, r.latitude, r.longitude, sum(l.revenue_usd_minor) AS gmv
         FROM order_lines l JOIN regions r USING (region_id) GROUP BY r.name, r.latitude, r.longitude`,
    check: { pg: 'gmv', raw: 'lines.gmv', rollup: 'daily_region.gmv' },
  },
  {
    name: "One seller's daily GMV, 180 days (as that seller)",
    as: 'seller',
    raw: {
      measures: ['lines.gmv'],
      timeDimensions: [{ dimension: 'lines.placed_at', granularity: 'day', dateRange: last180 }],
    },
    rollup: {
      measures: ['daily_seller.gmv'],
      timeDimensions: [{ dimension: 'daily_seller.day', granularity: 'day', dateRange: last180 }],
    },
    pg: `SELECT date_trunc('day', placed_at AT TIME ZONE 'UTC') AS day, sum(revenue_usd_minor) AS gmv FROM order_lines
         WHERE seller_id = ${SELLER_ID} AND placed_at >= '${last180[0]}' AND placed_at < '2026-11-25' GROUP BY 1`,
    check: { pg: 'gmv', raw: 'lines.gmv', rollup: 'daily_seller.gmv' },
  },
  {
    name: 'Distinct buyers per month',
    as: 'executive',
    raw: {
      measures: ['lines.buyers'],
      timeDimensions: [{ dimension: 'lines.placed_at', granularity: 'month' }],
    },
    rollup: {
      measures: ['monthly_buyers.buyers'],
      timeDimensions: [{ dimension: 'monthly_buyers.month', granularity: 'month' }],
    },
    pg: `SELECT date_trunc('month', placed_at AT TIME ZONE 'UTC') AS month, count(DISTINCT buyer_id) AS buyers FROM order_lines GROUP BY 1`,
    check: { pg: 'buyers', raw: 'lines.buyers', rollup: 'monthly_buyers.buyers' },
  },
];
