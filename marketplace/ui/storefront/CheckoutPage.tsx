/**
 * Checkout: the shipping address, card or net terms, and the currency when the cart holds several. The
 * submission carries an Idempotency-Key: a new one per attempt, the same one when an attempt whose answer was
 * lost is sent again, so a flaky network never places two orders.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { ApiError } from '../auth/session.ts';
import { Button, Card, EmptyState, Notice, PageTitle, Skeleton } from '../components/index.ts';
import { IdempotentAttempts, isRetryable } from '../data/idempotency.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import {
  AddressForm,
  addressErrorsFrom,
  EMPTY_ADDRESS,
  validateAddress,
  type AddressErrors,
} from './AddressForm.tsx';
import { useCart } from './CartContext.tsx';
import { cartMessages, checkoutMessages as m } from './messages.ts';
import type { OrderGroup, PaymentTerms, ShippingAddress } from './types.ts';

export default function CheckoutPage() {
  const { cart, refresh } = useCart();
  const { session } = useSession();
  const terms = useApi<PaymentTerms>('/api/v1/payment-terms');
  const navigate = useNavigate();
  const [address, setAddress] = useState<ShippingAddress>(EMPTY_ADDRESS);
  const [errors, setErrors] = useState<AddressErrors>({});
  const [method, setMethod] = useState<'card' | 'terms'>('card');
  const [currency, setCurrency] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ text: string; retry: boolean } | null>(null);
  const attempts = useRef(new IdempotentAttempts());
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (failure || Object.keys(errors).length > 0) summaryRef.current?.focus();
  }, [failure, errors]);

  if (cart === null) return <Skeleton height={240} label={m.loading} />;
  const currencies = cart.totals.map((t) => t.currency);
  const chosen = currency && currencies.includes(currency) ? currency : (currencies[0] ?? 'USD');
  const suppliers = cart.suppliers.filter((s) => s.currency === chosen);
  const subtotal = cart.totals.find((t) => t.currency === chosen)?.subtotalMinor ?? 0;
  const termsApproved = terms.data?.approved === true;

  if (cart.lineCount === 0)
    return (
      <>
        <PageTitle title={m.title} />
        <Card>
          <EmptyState title={m.emptyCart}>
            <Link to="/catalog">{cartMessages.browse}</Link>
          </EmptyState>
        </Card>
      </>
    );

  // A field's error goes away as soon as the buyer fixes that field, not at the next submit.
  const changeAddress = (next: ShippingAddress) => {
    const stillWrong = validateAddress(next);
    setErrors((current) => {
      const kept = Object.entries(current).filter(
        ([key]) =>
          next[key as keyof ShippingAddress] === address[key as keyof ShippingAddress] || key in stillWrong,
      );
      return Object.fromEntries(kept) as AddressErrors;
    });
    setAddress(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateAddress(address);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    const body = {
      paymentMethod: method === 'terms' && termsApproved ? 'terms' : 'card',
      shippingAddress: {
        ...address,
        line2: address.line2?.trim() ? address.line2 : undefined,
        country: address.country.trim().toUpperCase(),
      },
      ...(currencies.length > 1 ? { currency: chosen } : {}),
    };
    setBusy(true);
    try {
      const group = await session.fetchJson<OrderGroup>('/api/v1/checkout', {
        method: 'POST',
        headers: { 'Idempotency-Key': attempts.current.keyFor(body) },
        body: JSON.stringify(body),
      });
      attempts.current.settled();
      void refresh();
      navigate(
        group.paymentMethod === 'card' ? `/order-groups/${group.id}/pay` : `/order-groups/${group.id}`,
      );
    } catch (error) {
      const retry = isRetryable(error);
      if (!retry) attempts.current.settled();
      if (error instanceof ApiError && error.fields.length > 0) setErrors(addressErrorsFrom(error.fields));
      setFailure({ text: retry ? m.retrying : messageOf(error), retry });
    } finally {
      setBusy(false);
    }
  };

  const errorCount = Object.keys(errors).length;
  return (
    <>
      <PageTitle title={m.title} description={m.description} />
      {cart.problemCount > 0 ? (
        <Notice tone="warning" title={m.fixProblems}>
          <p>
            {m.fixProblemsHint} <Link to="/cart">{m.backToCart}</Link>
          </p>
        </Notice>
      ) : (
        <form className="checkout-layout" onSubmit={(e) => void submit(e)} noValidate>
          <div className="checkout-main">
            <div ref={summaryRef} tabIndex={-1} className="focus-target">
              {failure && (
                <Notice tone="negative" alert>
                  {failure.text}
                </Notice>
              )}
              {errorCount > 0 && !failure && (
                <Notice tone="negative" alert>
                  {m.fixErrors(errorCount)}
                </Notice>
              )}
            </div>
            {currencies.length > 1 && (
              <Card title={m.currencyTitle} subtitle={m.currencyHint}>
                <fieldset className="choice-list">
                  <legend className="visually-hidden">{m.currencyTitle}</legend>
                  {cart.totals.map((t) => (
                    <label key={t.currency}>
                      <input
                        type="radio"
                        name="currency"
                        checked={t.currency === chosen}
                        onChange={() => setCurrency(t.currency)}
                      />
                      {m.currencyOption(t.currency, formatMoney(t.subtotalMinor, t.currency))}
                    </label>
                  ))}
                </fieldset>
              </Card>
            )}
            <Card title={m.addressTitle}>
              <AddressForm value={address} errors={errors} onChange={changeAddress} />
            </Card>
            <Card title={m.paymentTitle}>
              <fieldset className="choice-list">
                <legend className="visually-hidden">{m.paymentTitle}</legend>
                <label>
                  <input
                    type="radio"
                    name="payment"
                    checked={method === 'card'}
                    onChange={() => setMethod('card')}
                  />
                  <span>
                    <strong>{m.card}</strong>
                    <span className="choice-list__hint">{m.cardHint}</span>
                  </span>
                </label>
                {termsApproved && terms.data && (
                  <label>
                    <input
                      type="radio"
                      name="payment"
                      checked={method === 'terms'}
                      onChange={() => setMethod('terms')}
                    />
                    <span>
                      <strong>{m.terms(terms.data.termsDays)}</strong>
                      <span className="choice-list__hint">
                        {m.termsHint(
                          formatMoney(terms.data.availableUsdMinor, 'USD'),
                          formatMoney(terms.data.creditLimitUsdMinor, 'USD'),
                        )}
                      </span>
                    </span>
                  </label>
                )}
              </fieldset>
              {terms.data && !termsApproved && <p className="muted">{m.termsNotApproved}</p>}
            </Card>
          </div>
          <aside className="checkout-summary">
            <Card title={m.summaryTitle}>
              <ul className="summary-list">
                {suppliers.map((s) => (
                  <li key={s.sellerCompanyId}>
                    <span>
                      {m.orderFrom(s.sellerName)}
                      <span className="muted"> · {m.lines(s.lines.length)}</span>
                    </span>
                    <span>{formatMoney(s.subtotalMinor, s.currency)}</span>
                  </li>
                ))}
              </ul>
              <dl className="totals">
                <div>
                  <dt>{m.subtotal}</dt>
                  <dd>{formatMoney(subtotal, chosen)}</dd>
                </div>
                <div>
                  <dt>{m.taxLater}</dt>
                  <dd className="muted">{m.taxLaterValue}</dd>
                </div>
              </dl>
              <Button type="submit" busy={busy} style={{ width: '100%' }}>
                {busy ? m.placing : method === 'terms' && termsApproved ? m.place : m.placeAndPay}
              </Button>
            </Card>
          </aside>
        </form>
      )}
    </>
  );
}
