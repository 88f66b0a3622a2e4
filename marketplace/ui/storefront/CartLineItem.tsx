import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Button, QuantityInput } from '../components/index.ts';
import { formatMoney } from '../data/money.ts';
import { cartMessages as m } from './messages.ts';
import { optionsLabel, type CartLine } from './types.ts';

/**
 * One cart line. Its problems (the API's own words) sit right under it and describe its quantity field, so the
 * buyer reads what is wrong where they fix it.
 */
export function CartLineItem(props: {
  line: CartLine;
  busy: boolean;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}) {
  const { line } = props;
  const id = useId();
  const [draft, setDraft] = useState(line.quantity);
  const problemsId = line.problems.length > 0 ? `${id}-problems` : undefined;
  return (
    <li
      className={`cart-line${line.problems.length > 0 ? ' cart-line--problem' : ''}`}
      data-testid="cart-line"
    >
      <div className="cart-line__product">
        <Link to={`/catalog/products/${line.productId}`}>{line.productName}</Link>
        <span className="muted">
          {line.sku}
          {Object.keys(line.options).length > 0 && ` · ${optionsLabel(line.options)}`}
        </span>
      </div>
      <div className="cart-line__unit">
        <span className="cart-line__caption">{m.unitPrice}</span>
        {formatMoney(line.unitPriceMinor, line.currency)}
      </div>
      <div className="cart-line__quantity">
        <QuantityInput
          label={m.quantity(line.productName)}
          value={draft}
          min={line.moq}
          step={line.casePack}
          describedBy={problemsId}
          invalid={line.problems.length > 0}
          onChange={setDraft}
          onCommit={(n) => props.onQuantity(n)}
        />
      </div>
      <div className="cart-line__total">
        <span className="cart-line__caption">{m.lineTotal}</span>
        <strong>{formatMoney(line.lineTotalMinor, line.currency)}</strong>
      </div>
      <div className="cart-line__remove">
        <Button
          variant="secondary"
          aria-label={m.removeLabel(line.productName)}
          disabled={props.busy}
          onClick={props.onRemove}
        >
          {m.remove}
        </Button>
      </div>
      {problemsId && (
        <ul className="cart-line__problems" id={problemsId} data-testid="line-problems">
          {line.problems.map((p) => (
            <li key={p.code}>{p.message}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
