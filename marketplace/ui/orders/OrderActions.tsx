/**
 * The steps the caller may take now, exactly the API's `next` list. Steps that need more (a reason, the
 * carrier and tracking number) open a small form first; the others act on one click.
 */
import { useState, type FormEvent } from 'react';
import { Button, Field, Notice } from '../components/index.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { actionLabels, orderMessages as m } from './messages.ts';
import { statusLabel } from './status.ts';
import type { OrderDetails, Side } from './types.ts';

/** The route of each step, by side: delivery is `deliver` for the manufacturer, `confirm-delivery` for the buyer. */
const ROUTES: Record<'seller' | 'buyer', Record<string, string>> = {
  seller: {
    accepted: 'accept',
    rejected: 'reject',
    processing: 'processing',
    shipped: 'ship',
    delivered: 'deliver',
    cancelled: 'cancel',
  },
  buyer: { delivered: 'confirm-delivery', completed: 'complete', cancelled: 'cancel' },
};
const NEEDS_REASON = new Set(['rejected', 'cancelled']);

export function OrderActions(props: {
  order: OrderDetails;
  side: Side;
  onChange: (order: OrderDetails) => void;
}) {
  const send = useApiSend();
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (props.side === 'platform') return null;
  const side = props.side;
  const steps = props.order.next.filter((to) => ROUTES[side][to]);
  if (steps.length === 0) return <p className="muted">{m.noActions}</p>;

  const act = async (to: string, body?: Record<string, string>) => {
    setBusy(true);
    setOutcome(null);
    try {
      const order = await send<OrderDetails>(
        `/api/v1/orders/${props.order.id}/${ROUTES[side][to]}`,
        'POST',
        body,
      );
      props.onChange(order);
      setOpen(null);
      setOutcome({ ok: true, text: m.updated(statusLabel(order.status)) });
    } catch (error) {
      setOutcome({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="order-actions">
      {outcome && (
        <Notice tone={outcome.ok ? 'positive' : 'negative'} alert>
          {outcome.text}
        </Notice>
      )}
      {open === 'shipped' ? (
        <ShipForm busy={busy} onCancel={() => setOpen(null)} onSubmit={(body) => void act('shipped', body)} />
      ) : open && NEEDS_REASON.has(open) ? (
        <ReasonForm
          label={actionLabels[side]![open]!}
          busy={busy}
          onCancel={() => setOpen(null)}
          onSubmit={(reason) => void act(open, { reason })}
        />
      ) : (
        <div className="button-row">
          {steps.map((to) => (
            <Button
              key={to}
              variant={NEEDS_REASON.has(to) ? 'secondary' : 'primary'}
              busy={busy}
              onClick={() => (NEEDS_REASON.has(to) || to === 'shipped' ? setOpen(to) : void act(to))}
            >
              {actionLabels[side]![to]}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}

function ReasonForm(props: {
  label: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) return setError(m.reasonRequired);
    props.onSubmit(reason.trim());
  };
  return (
    <form onSubmit={submit} noValidate className="action-form">
      <Field
        label={m.reasonLabel}
        hint={m.reasonHint}
        error={error}
        value={reason}
        maxLength={1000}
        required
        autoFocus
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="button-row">
        <Button type="submit" busy={props.busy}>
          {m.confirm(props.label)}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {m.cancelForm}
        </Button>
      </div>
    </form>
  );
}

function ShipForm(props: {
  busy: boolean;
  onCancel: () => void;
  onSubmit: (body: Record<string, string>) => void;
}) {
  const [carrier, setCarrier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [trackingUrl, setTrackingUrl] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!carrier.trim()) found.carrier = m.carrierRequired;
    if (!trackingNumber.trim()) found.trackingNumber = m.trackingRequired;
    if (trackingUrl.trim() && !/^https:\/\/\S+$/.test(trackingUrl.trim()))
      found.trackingUrl = m.trackingUrlInvalid;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    props.onSubmit({
      carrier: carrier.trim(),
      trackingNumber: trackingNumber.trim(),
      ...(trackingUrl.trim() ? { trackingUrl: trackingUrl.trim() } : {}),
    });
  };
  return (
    <form onSubmit={submit} noValidate className="action-form">
      <Field
        label={m.carrier}
        value={carrier}
        error={errors.carrier}
        required
        autoFocus
        maxLength={100}
        onChange={(e) => setCarrier(e.target.value)}
      />
      <Field
        label={m.trackingNumber}
        value={trackingNumber}
        error={errors.trackingNumber}
        required
        maxLength={100}
        onChange={(e) => setTrackingNumber(e.target.value)}
      />
      <Field
        label={m.trackingUrl}
        type="url"
        inputMode="url"
        placeholder="https://"
        value={trackingUrl}
        error={errors.trackingUrl}
        onChange={(e) => setTrackingUrl(e.target.value)}
      />
      <div className="button-row">
        <Button type="submit" busy={props.busy}>
          {m.confirm(actionLabels.seller!.shipped!)}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {m.cancelForm}
        </Button>
      </div>
    </form>
  );
}
