/** The cart: lines grouped by manufacturer with tier prices, problems next to their lines, totals per currency. */
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, EmptyState, Notice, PageTitle, Skeleton } from '../components/index.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { CartLineItem } from './CartLineItem.tsx';
import { useCart } from './CartContext.tsx';
import { cartMessages as m } from './messages.ts';
import { SavedCarts } from './SavedCarts.tsx';
import type { Cart } from './types.ts';

export default function CartPage() {
  const { cart, setCart, refresh } = useCart();
  const send = useApiSend();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Stock and prices move while the page is closed: read the cart afresh on every visit.
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const change = async (variantId: string, quantity: number) => {
    setBusy(true);
    setError(null);
    try {
      setCart(await send<Cart>(`/api/v1/cart/lines/${variantId}`, 'PATCH', { quantity }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const empty = cart !== null && cart.lineCount === 0;
  return (
    <>
      <PageTitle title={m.title} description={m.description} />
      <div className="cart-layout">
        <div className="cart-main">
          {error && (
            <Notice tone="negative" alert>
              {error}
            </Notice>
          )}
          {cart === null ? (
            <Skeleton height={160} label={m.loading} />
          ) : empty ? (
            <Card>
              <EmptyState title={m.empty}>
                {m.emptyHint} <Link to="/catalog">{m.browse}</Link>
              </EmptyState>
            </Card>
          ) : (
            <>
              {cart.problemCount > 0 && <Notice tone="warning">{m.problems(cart.problemCount)}</Notice>}
              {cart.suppliers.map((s) => (
                <Card
                  key={`${s.sellerCompanyId}-${s.currency}`}
                  title={s.sellerName}
                  subtitle={m.supplierSubtitle(s.currency, s.lines.length)}
                >
                  <ul className="cart-lines">
                    {s.lines.map((line) => (
                      <CartLineItem
                        key={`${line.variantId}-${line.quantity}`}
                        line={line}
                        busy={busy}
                        onQuantity={(q) => void change(line.variantId, q)}
                        onRemove={() => void change(line.variantId, 0)}
                      />
                    ))}
                  </ul>
                  <p className="cart-subtotal">
                    <span>{m.subtotal}</span>
                    <strong data-testid="supplier-subtotal">
                      {formatMoney(s.subtotalMinor, s.currency)}
                    </strong>
                  </p>
                </Card>
              ))}
              <Card title={m.totals}>
                <dl className="totals">
                  {cart.totals.map((t) => (
                    <div key={t.currency}>
                      <dt>{m.totalIn(t.currency)}</dt>
                      <dd>{formatMoney(t.subtotalMinor, t.currency)}</dd>
                    </div>
                  ))}
                </dl>
                <p className="muted">{m.taxNote}</p>
                <Button disabled={cart.problemCount > 0 || busy} onClick={() => navigate('/checkout')}>
                  {m.checkout}
                </Button>
              </Card>
            </>
          )}
        </div>
        <SavedCarts canSave={cart !== null && !empty} />
      </div>
    </>
  );
}
