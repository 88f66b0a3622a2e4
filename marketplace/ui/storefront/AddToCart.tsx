import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Button, Notice, QuantityInput } from '../components/index.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { useCart } from './CartContext.tsx';
import { productMessages as m } from './messages.ts';
import { unitPriceAt, type Cart, type Variant } from './types.ts';

/**
 * Quantity (starting at the MOQ, stepping by the case pack) and "Add to cart". A quantity the cart would flag is
 * allowed, with a warning: the cart shows the problem next to the line, where the buyer can fix it.
 */
export function AddToCart(props: {
  variant: Variant;
  currency: string;
  productName: string;
  onQuantity?: (quantity: number) => void;
}) {
  const { variant } = props;
  const [quantity, setQuantity] = useState(variant.moq);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const send = useApiSend();
  const { setCart } = useCart();
  const id = useId();
  const unit = unitPriceAt(variant, quantity);
  const warning =
    quantity < variant.moq
      ? m.belowMoq(variant.moq)
      : quantity % variant.casePack !== 0
        ? m.notCaseMultiple(variant.casePack)
        : null;

  const add = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      setCart(await send<Cart>('/api/v1/cart/lines', 'POST', { variantId: variant.id, quantity }));
      setOutcome({ ok: true, text: m.added(quantity, props.productName) });
    } catch (error) {
      setOutcome({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="add-to-cart">
      <label htmlFor={id} className="add-to-cart__label">
        {m.quantity}
      </label>
      <div className="add-to-cart__row">
        <QuantityInput
          id={id}
          label={m.quantity}
          value={quantity}
          min={variant.moq}
          step={variant.casePack}
          describedBy={`${id}-hint`}
          invalid={warning !== null}
          onChange={(n) => {
            setQuantity(n);
            props.onQuantity?.(n);
          }}
        />
        <Button onClick={() => void add()} busy={busy}>
          {busy ? m.adding : m.addToCart}
        </Button>
      </div>
      <p id={`${id}-hint`} className={warning ? 'add-to-cart__warning' : 'muted'}>
        {warning ?? m.quantityHint(variant.moq, variant.casePack)}
      </p>
      <p className="add-to-cart__total" aria-live="polite">
        {m.lineTotal(formatMoney(unit, props.currency), formatMoney(unit * quantity, props.currency))}
      </p>
      {outcome && (
        <Notice tone={outcome.ok ? 'positive' : 'negative'} alert>
          <p>
            {outcome.text} {outcome.ok && <Link to="/cart">{m.viewCart}</Link>}
          </p>
        </Notice>
      )}
    </div>
  );
}
