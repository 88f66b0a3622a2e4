/**
 * The rows each role may drill down to, per kind. Columns name only members the caller's access policy lets it
 * read (a manufacturer sees its buyers' city and country, never their names; a retailer sees its suppliers),
 * and the members that scope them to the page's period and filters.
 */
import type { DrillColumn, DrillKind } from '../controls/DrillDown.tsx';
import { pageMessages as m } from './messages.ts';

const orderHref = (id: string) => `/orders/${id}`;

const order: DrillColumn = {
  member: 'orders.order_id',
  header: m.drill.order,
  kind: 'dimension',
  format: 'order',
};
const placed: DrillColumn = {
  member: 'orders.placed_at',
  header: m.drill.placed,
  kind: 'dimension',
  format: 'datetime',
};
const status: DrillColumn = {
  member: 'orders.status',
  header: m.drill.status,
  kind: 'dimension',
  format: 'text',
};
const gmv: DrillColumn = { member: 'orders.gmv', header: m.gmv, kind: 'measure', format: 'money' };

const line = {
  order: { member: 'order_lines.order_id', header: m.drill.order, kind: 'dimension', format: 'order' },
  placed: { member: 'order_lines.placed_at', header: m.drill.placed, kind: 'dimension', format: 'datetime' },
  product: { member: 'products.name', header: m.drill.product, kind: 'dimension', format: 'text' },
  sku: { member: 'order_lines.sku', header: m.drill.sku, kind: 'dimension', format: 'text' },
  category: {
    member: 'order_lines.category_name_path',
    header: m.category,
    kind: 'dimension',
    format: 'text',
  },
  units: { member: 'order_lines.units', header: m.units, kind: 'measure', format: 'integer' },
  revenue: { member: 'order_lines.revenue', header: m.revenue, kind: 'measure', format: 'money' },
} satisfies Record<string, DrillColumn>;

const LINE_MEMBERS = {
  time: 'order_lines.placed_at',
  country: 'buyers.country',
  category: 'order_lines.category_l1',
};

/** Platform staff: every order and line, with both companies named. */
export const EXECUTIVE_DRILLS: Record<string, DrillKind> = {
  orders: {
    columns: [
      order,
      placed,
      { member: 'sellers.name', header: m.executive.manufacturer, kind: 'dimension', format: 'text' },
      { member: 'buyers.name', header: m.executive.retailer, kind: 'dimension', format: 'text' },
      { member: 'buyers.country', header: m.buyerCountry, kind: 'dimension', format: 'country' },
      status,
      gmv,
    ],
    members: { time: 'orders.placed_at', country: 'buyers.country' },
    orderBy: 'orders.placed_at',
    orderHref,
  },
  lines: {
    columns: [line.order, line.placed, line.product, line.category, line.units, line.revenue],
    members: LINE_MEMBERS,
    orderBy: 'order_lines.placed_at',
    orderHref,
  },
};

/** A manufacturer: its own orders and lines; where its buyers are, not who they are. */
export const MANUFACTURER_DRILLS: Record<string, DrillKind> = {
  orders: {
    columns: [
      order,
      placed,
      { member: 'buyers.city', header: m.drill.buyerCity, kind: 'dimension', format: 'text' },
      { member: 'buyers.country', header: m.buyerCountry, kind: 'dimension', format: 'country' },
      status,
      gmv,
    ],
    members: { time: 'orders.placed_at', country: 'buyers.country' },
    orderBy: 'orders.placed_at',
    orderHref,
  },
  lines: {
    columns: [line.order, line.placed, line.product, line.sku, line.category, line.units, line.revenue],
    members: LINE_MEMBERS,
    orderBy: 'order_lines.placed_at',
    orderHref,
  },
};

/** A retailer: its own purchases, with the supplier. */
export const RETAILER_DRILLS: Record<string, DrillKind> = {
  orders: {
    columns: [
      order,
      placed,
      { member: 'sellers.name', header: m.drill.supplier, kind: 'dimension', format: 'text' },
      { member: 'sellers.country', header: m.supplierCountry, kind: 'dimension', format: 'country' },
      status,
      gmv,
    ],
    members: { time: 'orders.placed_at', country: 'sellers.country' },
    orderBy: 'orders.placed_at',
    orderHref,
  },
};
