/**
 * `/admin/platform`: the platform's vital signs, re-read every 10 seconds. The event pipeline (consumer lag on
 * Kafka, events per second over the last minute, freshness percentiles since the process started, dead letters,
 * the outbox backlog) and the marketplace (KYB cases waiting, open and escalated claims, orders and GMV today by
 * currency, people active in 24 hours).
 */
import { Card, DataTable, EmptyState, KpiTile, Notice, PageTitle } from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { formatMoney } from '../data/money.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { formatNumber } from '../i18n/index.ts';
import { AdminFrame } from './AdminFrame.tsx';
import { opsMessages as m } from './ops-messages.ts';

const REFRESH_MS = 10_000;

interface PlatformMetrics {
  generatedAt: string;
  pipeline: {
    consumerLag: number | null;
    eventsPerSecond: { published: number | null; loaded: number | null; windowSeconds: number };
    eventsPublished: number;
    eventsLoaded: number;
    freshness: { p50Seconds: number | null; p95Seconds: number | null; observed: number };
    deadLetters: number;
    outboxPending: number | null;
  };
  marketplace: {
    kybWaiting: number;
    claims: { open: number; escalated: number };
    today: Array<{ currency: string; orders: number; gmvMinor: number }>;
    activeUsers24h: number;
  };
}

const rate = (perSecond: number) => formatNumber(Math.round(perSecond * 10) / 10);

export default function PlatformMetricsPage() {
  return (
    <AdminFrame>
      <Metrics />
    </AdminFrame>
  );
}

function Metrics() {
  const metrics = useApi<PlatformMetrics>('/api/v1/admin/platform-metrics', { refreshMs: REFRESH_MS });
  const data = metrics.data;
  const p = data?.pipeline;
  const mk = data?.marketplace;
  const seconds = (s: number | null | undefined) =>
    s === undefined ? null : s === null ? m.none : m.seconds(s);
  return (
    <>
      <PageTitle
        title={m.platformTitle}
        description={
          <>
            {m.platformDescription}
            {data && ` ${m.updated(formatDateTime(data.generatedAt))}`}
          </>
        }
      />
      {metrics.error && (
        <Notice tone="negative" title={m.loadError} alert>
          {messageOf(metrics.error)}
        </Notice>
      )}
      <div className="stack">
        <Card title={m.pipeline}>
          <div className="kpi-row">
            <KpiTile
              label={m.consumerLag}
              testId="metric-consumer-lag"
              value={p ? (p.consumerLag === null ? m.inProcess : formatNumber(p.consumerLag)) : null}
              raw={p?.consumerLag}
              note={p ? (p.consumerLag === null ? m.inProcessNote : m.consumerLagNote) : undefined}
            />
            <KpiTile
              label={m.eventsPerSecond}
              testId="metric-events-per-second"
              value={
                p ? (p.eventsPerSecond.loaded === null ? m.measuring : rate(p.eventsPerSecond.loaded)) : null
              }
              raw={p?.eventsPerSecond.loaded}
              note={
                p
                  ? p.eventsPerSecond.published === null
                    ? m.measuringNote
                    : m.eventsRateNote(rate(p.eventsPerSecond.published))
                  : undefined
              }
            />
            <KpiTile
              label={m.freshnessP50}
              testId="metric-freshness-p50"
              value={seconds(p?.freshness.p50Seconds)}
              raw={p?.freshness.p50Seconds}
              note={p ? m.freshnessNote(p.freshness.observed) : undefined}
            />
            <KpiTile
              label={m.freshnessP95}
              testId="metric-freshness-p95"
              value={seconds(p?.freshness.p95Seconds)}
              raw={p?.freshness.p95Seconds}
            />
            <KpiTile
              label={m.deadLetters}
              testId="metric-dead-letters"
              value={p ? formatNumber(p.deadLetters) : null}
              raw={p?.deadLetters}
              note={m.deadLettersNote}
            />
            <KpiTile
              label={m.outboxPending}
              testId="metric-outbox"
              value={p ? (p.outboxPending === null ? m.none : formatNumber(p.outboxPending)) : null}
              raw={p?.outboxPending}
              note={p ? m.outboxNote(p.eventsPublished, p.eventsLoaded) : undefined}
            />
          </div>
        </Card>
        <Card title={m.marketplace}>
          <div className="kpi-row">
            <KpiTile
              label={m.kybWaiting}
              testId="metric-kyb-waiting"
              value={mk ? formatNumber(mk.kybWaiting) : null}
              raw={mk?.kybWaiting}
            />
            <KpiTile
              label={m.openClaims}
              testId="metric-open-claims"
              value={mk ? formatNumber(mk.claims.open) : null}
              raw={mk?.claims.open}
            />
            <KpiTile
              label={m.escalatedClaims}
              testId="metric-escalated-claims"
              value={mk ? formatNumber(mk.claims.escalated) : null}
              raw={mk?.claims.escalated}
            />
            <KpiTile
              label={m.activeUsers}
              testId="metric-active-users"
              value={mk ? formatNumber(mk.activeUsers24h) : null}
              raw={mk?.activeUsers24h}
              note={m.activeUsersNote}
            />
          </div>
          <h3 className="subheading">{m.todayTitle}</h3>
          <DataTable
            caption={m.todayTitle}
            captionHidden
            rows={mk ? mk.today : null}
            rowKey={(r) => r.currency}
            empty={<EmptyState title={m.noOrdersToday} />}
            columns={[
              { key: 'currency', header: m.currency, render: (r) => r.currency },
              { key: 'orders', header: m.orders, numeric: true, render: (r) => formatNumber(r.orders) },
              {
                key: 'gmv',
                header: m.gmv,
                numeric: true,
                render: (r) => formatMoney(r.gmvMinor, r.currency),
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
