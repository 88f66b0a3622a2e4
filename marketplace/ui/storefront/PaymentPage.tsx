/**
 * Paying a card checkout. Which provider takes the money is shown plainly; with the offline test provider (its
 * ids start with `offline_`) a banner says no real money moves.
 *
 * The API says how this checkout is paid (GET /order-groups/:id/card-payment). With Stripe and a publishable
 * key, the buyer types the card into Stripe's Payment Element (StripeCardForm, a lazy chunk with Stripe's
 * libraries) and Stripe.js confirms it; the page then re-reads the checkout until Stripe's webhook has placed
 * it. Otherwise (the offline provider, or Stripe without a publishable key: test setups and CI) the buyer picks
 * one of the provider's test payment methods: Visa succeeds, the declined card shows a decline.
 */
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { ApiError } from '../auth/session.ts';
import { Button, Card, Notice, PageTitle, Skeleton } from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { IdempotentAttempts, isRetryable } from '../data/idempotency.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { checkoutMessages, paymentMessages as m } from './messages.ts';
import type { OrderGroup } from './types.ts';

const TEST_CARDS = [
  { id: 'pm_card_visa', label: m.visa },
  { id: 'pm_card_chargeDeclined', label: m.declined },
] as const;

export const isOfflineProvider = (group: OrderGroup) =>
  group.payment.paymentIntentId?.startsWith('offline_') ?? false;

/** GET /api/v1/order-groups/:id/card-payment: what the browser needs to confirm the payment itself. */
interface CardPaymentSession {
  provider: 'stripe' | 'offline';
  publishableKey: string | null;
  clientSecret: string;
  status: string;
}

// Stripe's libraries load only on this path, never with the app's first page.
const StripeCardForm = lazy(() => import('./StripeCardForm.tsx'));

/** Stripe.js has confirmed this payment; its webhook has not placed the orders yet. */
const confirmedAtProvider = (status: string | undefined) => status === 'succeeded' || status === 'processing';

export default function PaymentPage() {
  const { id } = useParams();
  // After Stripe.js confirms, re-read the checkout until the webhook has placed it (then it redirects below).
  const [confirmed, setConfirmed] = useState(false);
  const group = useApi<OrderGroup>(`/api/v1/order-groups/${id}`, {
    refreshMs: confirmed ? 1_500 : undefined,
  });
  const payable =
    group.data !== null &&
    group.data.paymentMethod === 'card' &&
    !group.data.paidAt &&
    !group.data.orders.every((o) => o.status === 'expired');
  const cardPayment = useApi<CardPaymentSession>(payable ? `/api/v1/order-groups/${id}/card-payment` : null);
  useEffect(() => {
    // Back from a page Stripe sent the buyer to, or a reload after paying: the money is already on its way.
    if (confirmedAtProvider(cardPayment.data?.status)) setConfirmed(true);
  }, [cardPayment.data?.status]);
  const { session } = useSession();
  const navigate = useNavigate();
  const [card, setCard] = useState<string>(TEST_CARDS[0].id);
  const [busy, setBusy] = useState(false);
  const [declined, setDeclined] = useState<{ title: string; text: string } | null>(null);
  const attempts = useRef(new IdempotentAttempts());

  if (group.loading) return <Skeleton height={200} label={m.loading} />;
  if (!group.data)
    return (
      <Notice tone="negative" alert>
        {messageOf(group.error)}
      </Notice>
    );
  const g = group.data;
  if (g.paidAt || g.paymentMethod === 'terms') return <Navigate to={`/order-groups/${g.id}`} replace />;
  const total = formatMoney(g.totalMinor, g.currency);
  const expired = g.orders.every((o) => o.status === 'expired');

  const pay = async (event: FormEvent) => {
    event.preventDefault();
    const body = { paymentMethod: card };
    setBusy(true);
    setDeclined(null);
    try {
      await session.fetchJson<OrderGroup>(`/api/v1/order-groups/${g.id}/pay`, {
        method: 'POST',
        headers: { 'Idempotency-Key': attempts.current.keyFor(body) },
        body: JSON.stringify(body),
      });
      attempts.current.settled();
      navigate(`/order-groups/${g.id}`);
    } catch (error) {
      const retry = isRetryable(error);
      if (!retry) attempts.current.settled();
      const wasDeclined = error instanceof ApiError && error.code === 'payment_declined';
      setDeclined({
        title: wasDeclined ? m.declinedTitle : m.failedTitle,
        text: retry ? checkoutMessages.retrying : messageOf(error),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title={m.title} description={m.description(total)} />
      {isOfflineProvider(g) ? (
        <Notice tone="warning" title={m.testMode}>
          <p>{m.testModeBody}</p>
        </Notice>
      ) : (
        <Notice>{m.provider}</Notice>
      )}
      <Card>
        {expired ? (
          <Notice tone="negative">{m.expired}</Notice>
        ) : confirmed ? (
          <Notice tone="positive" title={m.receivedTitle}>
            <p>{m.confirmingOrder}</p>
            <Link to={`/order-groups/${g.id}`}>{m.viewOrder}</Link>
          </Notice>
        ) : !cardPayment.data ? (
          cardPayment.loading || !cardPayment.error ? (
            <Skeleton height={160} label={m.loading} />
          ) : (
            <Notice tone="negative" title={m.sessionFailedTitle} alert>
              <p>{messageOf(cardPayment.error)}</p>
              <Button variant="secondary" onClick={() => void cardPayment.reload()}>
                {m.retry}
              </Button>
            </Notice>
          )
        ) : cardPayment.data.provider === 'stripe' && cardPayment.data.publishableKey ? (
          <Suspense fallback={<Skeleton height={180} label={m.cardFormLoading} />}>
            <StripeCardForm
              publishableKey={cardPayment.data.publishableKey}
              clientSecret={cardPayment.data.clientSecret}
              returnUrl={new URL(`/order-groups/${g.id}`, window.location.origin).toString()}
              payLabel={m.pay(total)}
              onConfirmed={() => setConfirmed(true)}
              {...(g.reservationExpiresAt
                ? { note: m.reserved(formatDateTime(g.reservationExpiresAt)) }
                : {})}
            />
          </Suspense>
        ) : (
          <form onSubmit={(e) => void pay(e)} className="pay-form">
            {declined && (
              <Notice tone="negative" title={declined.title} alert>
                <p>{declined.text}</p>
              </Notice>
            )}
            <fieldset className="choice-list">
              <legend>{m.testCards}</legend>
              {TEST_CARDS.map((c) => (
                <label key={c.id}>
                  <input
                    type="radio"
                    name="card"
                    value={c.id}
                    checked={card === c.id}
                    onChange={() => setCard(c.id)}
                  />
                  <span>
                    {c.label} <code className="muted">{c.id}</code>
                  </span>
                </label>
              ))}
            </fieldset>
            {g.reservationExpiresAt && (
              <p className="muted">{m.reserved(formatDateTime(g.reservationExpiresAt))}</p>
            )}
            <Button type="submit" busy={busy}>
              {busy ? m.paying : m.pay(total)}
            </Button>
          </form>
        )}
      </Card>
    </>
  );
}
