/**
 * Plan and billing: the current plan with its limits, the subscription (status, items, next invoice, a change
 * waiting for the payment provider), changing plan, interval and add-ons, and cancelling. Changes go through
 * the billing API, which asks the payment provider and applies them when its webhook confirms; the offline
 * test provider confirms at once, Stripe a moment later, so the page re-reads while a change is pending.
 */
import '../styles/seller.css';
import { useEffect, useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Card,
  DataTable,
  EmptyState,
  Field,
  Notice,
  PageTitle,
  Skeleton,
} from '../components/index.ts';
import { formatDate } from '../data/dates.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf, useApi, useApiSend } from '../data/useApi.ts';
import { formatNumber } from '../i18n/index.ts';
import { billingMessages as m } from './messages.ts';
import { parseWhole } from './product-form.ts';
import type { BillingInterval, BillingPrice, BillingProduct, Plan, SubscriptionView } from './types.ts';

const usd = (minor: number) => formatMoney(minor, 'USD');
const PAID_PLANS = ['professional', 'enterprise'] as const;

/** `waiting`: the provider has not confirmed yet; the text changes when it does. */
type Outcome = { ok: boolean; title?: string; text: string; waiting?: boolean } | null;

export default function BillingPage() {
  const [pending, setPending] = useState(false);
  const view = useApi<SubscriptionView>('/api/v1/billing/subscription', pending ? { refreshMs: 1500 } : {});
  const prices = useApi<{ items: BillingPrice[] }>('/api/v1/billing/prices');
  useEffect(() => setPending(Boolean(view.data?.subscription?.pendingChange)), [view.data]);

  return (
    <>
      <PageTitle title={m.title} description={m.description} />
      {view.error ? (
        <Notice tone="negative" title={m.loadError} alert>
          {messageOf(view.error)}
        </Notice>
      ) : !view.data ? (
        <div className="stack">
          <Skeleton height={160} label={m.current} />
          <Skeleton height={240} />
        </div>
      ) : (
        <div className="seller-editor">
          <div className="stack">
            <CurrentPlan view={view.data} />
            <ItemsCard view={view.data} />
          </div>
          <div className="stack">
            {prices.error ? (
              <Notice tone="negative" title={m.pricesError}>
                {messageOf(prices.error)}
              </Notice>
            ) : (
              <ChangePlan view={view.data} prices={prices.data?.items ?? null} onChange={view.set} />
            )}
            {view.data.subscription &&
              view.data.subscription.status !== 'canceled' &&
              !view.data.subscription.cancelAtPeriodEnd && <CancelCard onChange={view.set} />}
          </div>
        </div>
      )}
    </>
  );
}

function CurrentPlan({ view }: { view: SubscriptionView }) {
  const sub = view.subscription;
  const limit = (n: number | null) => (n === null ? m.unlimited : formatNumber(n));
  return (
    <Card title={m.current}>
      <p className="plan-name" data-testid="current-plan">
        {m.plans[view.plan] ?? view.plan}
      </p>
      {sub?.provider === 'offline' && <Notice tone="info">{m.testMode}</Notice>}
      {sub?.pendingChange && (
        <Notice tone="warning" title={m.pendingTitle}>
          <p role="status">{m.pending}</p>
        </Notice>
      )}
      <h3 className="subheading">{m.limits}</h3>
      <dl className="facts">
        <div className="facts__row">
          <dt>{m.publishedProducts}</dt>
          <dd>{limit(view.limits.publishedProducts)}</dd>
        </div>
        <div className="facts__row">
          <dt>{m.ordersPerMonth}</dt>
          <dd>{limit(view.limits.ordersPerMonth)}</dd>
        </div>
        <div className="facts__row">
          <dt>{m.includedSeats}</dt>
          <dd>{formatNumber(view.limits.includedSeats)}</dd>
        </div>
      </dl>
      <h3 className="subheading">{m.subscription}</h3>
      {!sub ? (
        <EmptyState title={m.noSubscription}>{m.noSubscriptionHint}</EmptyState>
      ) : (
        <>
          <dl className="facts">
            <div className="facts__row">
              <dt>{m.status}</dt>
              <dd>
                <Badge tone={sub.status === 'active' || sub.status === 'trialing' ? 'positive' : 'warning'}>
                  {m.statuses[sub.status] ?? sub.status}
                </Badge>
              </dd>
            </div>
            {sub.interval && (
              <div className="facts__row">
                <dt>{m.interval}</dt>
                <dd>{m.intervals[sub.interval]}</dd>
              </div>
            )}
            <div className="facts__row">
              <dt>{m.mrr}</dt>
              <dd>{usd(sub.mrrUsdMinor)}</dd>
            </div>
            {sub.nextInvoiceAt && (
              <div className="facts__row">
                <dt>{m.nextInvoice}</dt>
                <dd>{formatDate(sub.nextInvoiceAt)}</dd>
              </div>
            )}
            {sub.currentPeriodEnd && (
              <div className="facts__row">
                <dt>{m.periodEnd}</dt>
                <dd>{formatDate(sub.currentPeriodEnd)}</dd>
              </div>
            )}
          </dl>
          {sub.cancelAtPeriodEnd && sub.currentPeriodEnd && (
            <Notice tone="warning">{m.endsAt(formatDate(sub.currentPeriodEnd))}</Notice>
          )}
        </>
      )}
    </Card>
  );
}

function ItemsCard({ view }: { view: SubscriptionView }) {
  if (!view.subscription || view.subscription.items.length === 0) return null;
  type Item = NonNullable<SubscriptionView['subscription']>['items'][number];
  return (
    <Card title={m.items}>
      <DataTable<Item>
        caption={m.items}
        captionHidden
        rows={view.subscription.items}
        rowKey={(i) => i.priceId}
        columns={[
          { key: 'item', header: m.item, render: (i) => m.products[i.product] ?? i.product },
          { key: 'quantity', header: m.quantity, numeric: true, render: (i) => i.quantity },
          {
            key: 'unit',
            header: m.unitPrice,
            numeric: true,
            render: (i) =>
              i.interval === 'year'
                ? m.perYearPrice(usd(i.unitAmountUsdMinor))
                : m.perMonthPrice(usd(i.unitAmountUsdMinor)),
          },
          { key: 'mrr', header: m.perMonth, numeric: true, render: (i) => usd(i.mrrUsdMinor) },
        ]}
      />
    </Card>
  );
}

function ChangePlan(props: {
  view: SubscriptionView;
  prices: BillingPrice[] | null;
  onChange: (view: SubscriptionView) => void;
}) {
  const send = useApiSend();
  const sub = props.view.subscription;
  const live = sub && sub.status !== 'canceled';
  const [interval, setBillingInterval] = useState<BillingInterval>((live && sub.interval) || 'month');
  const [plan, setPlan] = useState<Exclude<Plan, 'free'>>(
    props.view.plan === 'enterprise' ? 'enterprise' : 'professional',
  );
  const [extraUsers, setExtraUsers] = useState(String(live ? sub.addOns.extraUsers : 0));
  const [premiumAnalytics, setPremiumAnalytics] = useState(Boolean(live && sub.addOns.premiumAnalytics));
  const [priorityListing, setPriorityListing] = useState(Boolean(live && sub.addOns.priorityListing));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const confirmed = !sub?.pendingChange;
  useEffect(() => {
    if (outcome?.waiting && confirmed)
      setOutcome({ ok: true, text: m.changed(m.plans[props.view.plan] ?? props.view.plan) });
  }, [outcome, confirmed, props.view.plan]);

  const price = (product: BillingProduct) =>
    props.prices?.find((p) => p.product === product && p.interval === interval) ?? null;
  const priceText = (product: BillingProduct) => {
    const p = price(product);
    if (!p) return m.notOffered;
    return interval === 'year'
      ? m.perYearPrice(usd(p.amountUsdMinor))
      : m.perMonthPrice(usd(p.amountUsdMinor));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const users = parseWhole(extraUsers || '0', 0, 1000);
    if (users === null) return setError(m.extraUsersInvalid);
    setError(null);
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await send<SubscriptionView>('/api/v1/billing/subscription', 'POST', {
        plan,
        interval,
        addOns: { extraUsers: users, premiumAnalytics, priorityListing },
      });
      props.onChange(answer);
      const waiting = Boolean(answer.subscription?.pendingChange);
      setOutcome({
        ok: true,
        waiting,
        text: waiting ? m.requested : m.changed(m.plans[answer.plan] ?? answer.plan),
      });
    } catch (e) {
      setOutcome({ ok: false, title: m.refused, text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={m.change} subtitle={m.changeHint}>
      {props.prices === null ? (
        <Skeleton height={200} label={m.change} />
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={m.change}>
          <fieldset className="choice-list choice-list--inline">
            <legend>{m.billedEvery}</legend>
            {(['month', 'year'] as const).map((i) => (
              <label key={i}>
                <input
                  type="radio"
                  name="billing-interval"
                  checked={interval === i}
                  onChange={() => setBillingInterval(i)}
                />
                <span>{i === 'month' ? m.monthly : m.yearly}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="choice-list">
            <legend>{m.plan}</legend>
            {PAID_PLANS.map((p) => (
              <label key={p}>
                <input
                  type="radio"
                  name="billing-plan"
                  checked={plan === p}
                  disabled={!price(p)}
                  onChange={() => setPlan(p)}
                />
                <span>
                  <strong>{m.plans[p]}</strong> · {priceText(p)}
                  <span className="choice-list__hint">{m.planLimits[p]}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset className="seller-fieldset">
            <legend>{m.addOns}</legend>
            <Field
              label={m.extraUsers}
              hint={m.extraUsersHint(priceText('extra_users'))}
              inputMode="numeric"
              value={extraUsers}
              error={error}
              onChange={(e) => setExtraUsers(e.target.value)}
            />
            <label className="check-field">
              <input
                type="checkbox"
                checked={premiumAnalytics}
                onChange={(e) => setPremiumAnalytics(e.target.checked)}
              />
              {m.premiumAnalytics} · {priceText('premium_analytics')}
            </label>
            <label className="check-field">
              <input
                type="checkbox"
                checked={priorityListing}
                onChange={(e) => setPriorityListing(e.target.checked)}
              />
              {m.priorityListing} · {priceText('priority_listing')}
            </label>
          </fieldset>
          {outcome && (
            <Notice tone={outcome.ok ? 'positive' : 'negative'} title={outcome.title} alert>
              {outcome.text}
            </Notice>
          )}
          <Button type="submit" busy={busy} disabled={!price(plan)}>
            {busy ? m.submitting : live ? m.submit : m.subscribe}
          </Button>
        </form>
      )}
    </Card>
  );
}

function CancelCard(props: { onChange: (view: SubscriptionView) => void }) {
  const send = useApiSend();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const cancel = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      props.onChange(await send<SubscriptionView>('/api/v1/billing/subscription', 'DELETE'));
      setOutcome({ ok: true, text: m.cancelled });
    } catch (e) {
      setOutcome({ ok: false, title: m.cancelRefused, text: messageOf(e) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <Card title={m.cancelTitle} subtitle={m.cancelHint}>
      {outcome && (
        <Notice tone={outcome.ok ? 'positive' : 'negative'} title={outcome.title} alert>
          {outcome.text}
        </Notice>
      )}
      {confirming ? (
        <div className="button-row">
          <Button busy={busy} onClick={() => void cancel()}>
            {busy ? m.cancelling : m.cancelConfirm}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {m.keep}
          </Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {m.cancel}
        </Button>
      )}
    </Card>
  );
}
