import { formatMoney } from '../data/money.ts';
import { productMessages as m } from './messages.ts';
import type { Variant } from './types.ts';

/** The unit price at each quantity break, the row that applies to `quantity` marked. */
export function TierTable(props: { variant: Variant; currency: string; quantity: number }) {
  const rows = [
    { minQuantity: props.variant.moq, priceMinor: props.variant.priceMinor },
    ...[...props.variant.priceTiers].sort((a, b) => a.minQuantity - b.minQuantity),
  ];
  const applies = rows.reduce((best, row, i) => (props.quantity >= row.minQuantity ? i : best), 0);
  return (
    <table className="ws-table tier-table">
      <caption>{m.tierTitle}</caption>
      <thead>
        <tr>
          <th scope="col">{m.tierQuantity}</th>
          <th scope="col" className="is-numeric">
            {m.tierPrice}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.minQuantity} className={i === applies ? 'is-current' : undefined}>
            <td>{m.tierFrom(row.minQuantity)}</td>
            <td className="is-numeric">{formatMoney(row.priceMinor, props.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
