/**
 * Card entry with Stripe's Payment Element: the card number never touches Wholesail (it goes from Stripe's
 * iframe to Stripe), and Stripe.js confirms the checkout's payment intent itself, 3-D Secure included. The money
 * is recorded when Stripe's `payment_intent.succeeded` webhook reaches the server, so on success this only tells
 * the page to wait for that.
 *
 * Loaded lazily by PaymentPage, only when Stripe with a publishable key is configured: Stripe's libraries stay out
 * of every other page. Stripe.js itself comes from js.stripe.com (Stripe requires it); when it cannot (ad blocker,
 * firewall, offline) the buyer is told so plainly, with a retry, and is never offered test cards instead.
 */
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { Stripe } from '@stripe/stripe-js';
// The pure entry adds Stripe's script only when loadStripe is called, not when this module is imported (the
// package has no exports map for `/pure` that NodeNext resolution accepts, hence the file).
import { loadStripe } from '@stripe/stripe-js/dist/pure.mjs';
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Notice, Skeleton } from '../components/index.ts';
import { locale } from '../i18n/index.ts';
import { paymentMessages as m } from './messages.ts';

/** A blackholed connection can leave the script pending for minutes; the buyer hears about it sooner. */
const LOAD_TIMEOUT_MS = 15_000;

export interface StripeCardFormProps {
  publishableKey: string;
  clientSecret: string;
  /** Where Stripe sends the buyer back after a payment method that leaves the page (the checkout's page). */
  returnUrl: string;
  payLabel: string;
  /** Stripe.js confirmed the payment (`succeeded` or `processing`); the webhook will place the orders. */
  onConfirmed: () => void;
  /** Shown under the card form (the stock reservation). */
  note?: string;
}

function loadStripeWithin(publishableKey: string, ms: number): Promise<Stripe | null> {
  return Promise.race([
    loadStripe(publishableKey),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), ms)),
  ]);
}

export default function StripeCardForm(props: StripeCardFormProps) {
  const [attempt, setAttempt] = useState(0);
  const [stripe, setStripe] = useState<Stripe | 'loading' | 'failed'>('loading');

  useEffect(() => {
    let current = true;
    setStripe('loading');
    loadStripeWithin(props.publishableKey, LOAD_TIMEOUT_MS).then(
      (loaded) => current && setStripe(loaded ?? 'failed'),
      () => current && setStripe('failed'),
    );
    return () => {
      current = false;
    };
  }, [props.publishableKey, attempt]);

  if (stripe === 'failed')
    return (
      <Notice tone="negative" title={m.cardFormUnavailableTitle} alert>
        <p>{m.cardFormUnavailable}</p>
        <Button variant="secondary" onClick={() => setAttempt((n) => n + 1)}>
          {m.retry}
        </Button>
      </Notice>
    );
  if (stripe === 'loading') return <Skeleton height={180} label={m.cardFormLoading} />;
  return (
    <Elements stripe={stripe} options={{ clientSecret: props.clientSecret, locale }}>
      <CardForm {...props} onUnavailable={() => setStripe('failed')} />
    </Elements>
  );
}

function CardForm(props: StripeCardFormProps & { onUnavailable: () => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ title: string; text: string } | null>(null);

  const pay = async (event: FormEvent) => {
    event.preventDefault();
    if (!stripe || !elements) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await stripe.confirmPayment({
        elements,
        confirmParams: { return_url: props.returnUrl },
        redirect: 'if_required',
      });
      if (result.error) {
        // Stripe writes card and validation messages for the buyer (in the page's language); other errors are
        // about the integration, so the buyer gets our sentence.
        const forBuyer = result.error.type === 'card_error' || result.error.type === 'validation_error';
        setFailure({
          title: result.error.type === 'card_error' ? m.declinedTitle : m.failedTitle,
          text: (forBuyer && result.error.message) || m.cardFailed,
        });
      } else if (['succeeded', 'processing'].includes(result.paymentIntent.status)) {
        props.onConfirmed();
      } else {
        setFailure({ title: m.failedTitle, text: m.cardFailed });
      }
    } catch {
      setFailure({ title: m.failedTitle, text: m.cardFailed });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void pay(e)} className="pay-form" aria-label={m.cardDetails}>
      {failure && (
        <Notice tone="negative" title={failure.title} alert>
          <p>{failure.text}</p>
        </Notice>
      )}
      <PaymentElement onLoadError={props.onUnavailable} />
      <p className="muted">{m.cardFormSecure}</p>
      {props.note && <p className="muted">{props.note}</p>}
      <Button type="submit" busy={busy} disabled={!stripe || !elements}>
        {busy ? m.paying : props.payLabel}
      </Button>
    </form>
  );
}
