/**
 * An order's lines as both the checkout confirmation and the order page show them: product (with its SKU under
 * the name, which keeps the table narrow on a phone), quantity times unit price, and line total.
 */
import { Link } from 'react-router';
import { DataTable } from '../components/index.ts';
import { formatMoney } from '../data/money.ts';
import { formatNumber } from '../i18n/index.ts';
import { orderMessages as m } from './messages.ts';

export interface OrderLineRow {
  lineNo: number;
  productId: string;
  name: string;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
}

export function OrderLinesTable(props: { caption: string; lines: OrderLineRow[]; currency: string }) {
  const { currency } = props;
  return (
    <DataTable<OrderLineRow>
      caption={props.caption}
      captionHidden
      rows={props.lines}
      rowKey={(l) => String(l.lineNo)}
      columns={[
        {
          key: 'product',
          header: m.product,
          render: (l) => (
            <span className="product-cell">
              <Link to={`/catalog/products/${l.productId}`}>{l.name}</Link>
              <span className="muted">{l.sku}</span>
            </span>
          ),
        },
        {
          key: 'qty',
          header: m.quantityPrice,
          numeric: true,
          render: (l) => m.quantityTimes(formatNumber(l.quantity), formatMoney(l.unitPriceMinor, currency)),
        },
        {
          key: 'total',
          header: m.lineTotal,
          numeric: true,
          render: (l) => formatMoney(l.lineTotalMinor, currency),
        },
      ]}
    />
  );
}
