/**
 * Paying a card checkout. Which provider takes the money is shown plainly; with the offline test provider (its
 * ids start with `offline_`) a banner says no real money moves. Until card entry (Stripe Elements) is built, the
 * buyer picks one of the provider's test payment methods: Visa succeeds, the declined card shows a decline.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
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

export default function PaymentPage() {
  const { id } = useParams();
  const group = useApi<OrderGroup>(`/api/v1/order-groups/${id}`);
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
