/**
 * The rows each role may drill down to, per kind. Columns name only members the caller's access policy lets it
 * read (a manufacturer sees its buyers' city and country, never their names; a retailer sees its suppliers),
 * and the members that scope them to the page's period and filters.
 */
import type { DrillColumn, DrillKind } from '../controls/DrillDown.tsx';

const orderHref = (id: string) => `/orders/${id}`;

const order: DrillColumn = { member: 'orders.order_id', header: 'Order', kind: 'dimension', format: 'order' };
const placed: DrillColumn = {
  member: 'orders.placed_at',
  header: 'Placed',
  kind: 'dimension',
  format: 'datetime',
};
const status: DrillColumn = { member: 'orders.status', header: 'Status', kind: 'dimension', format: 'text' };
const gmv: DrillColumn = { member: 'orders.gmv', header: 'GMV', kind: 'measure', format: 'money' };

const line = {
  order: { member: 'order_lines.order_id', header: 'Order', kind: 'dimension', format: 'order' },
  placed: { member: 'order_lines.placed_at', header: 'Placed', kind: 'dimension', format: 'datetime' },
  product: { member: 'products.name', header: 'Product', kind: 'dimension', format: 'text' },
  sku: { member: 'order_lines.sku', header: 'SKU', kind: 'dimension', format: 'text' },
  category: {
    member: 'order_lines.category_name_path',
    header: 'Category',
    kind: 'dimension',
    format: 'text',
  },
  units: { member: 'order_lines.units', header: 'Units', kind: 'measure', format: 'integer' },
  revenue: { member: 'order_lines.revenue', header: 'Revenue', kind: 'measure', format: 'money' },
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
      { member: 'sellers.name', header: 'Manufacturer', kind: 'dimension', format: 'text' },
      { member: 'buyers.name', header: 'Retailer', kind: 'dimension', format: 'text' },
      { member: 'buyers.country', header: 'Buyer country', kind: 'dimension', format: 'country' },
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
      { member: 'buyers.city', header: 'Buyer city', kind: 'dimension', format: 'text' },
      { member: 'buyers.country', header: 'Buyer country', kind: 'dimension', format: 'country' },
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
      { member: 'sellers.name', header: 'Supplier', kind: 'dimension', format: 'text' },
      { member: 'sellers.country', header: 'Supplier country', kind: 'dimension', format: 'country' },
      status,
      gmv,
    ],
    members: { time: 'orders.placed_at', country: 'sellers.country' },
    orderBy: 'orders.placed_at',
    orderHref,
  },
};
