/**
 * `/admin/risk-flags`: manufacturers whose record shows risk, the most severe first, each flag with the numbers
 * that raised it, and a link to the company's case. The minimum severity lives in the URL.
 */
import { Link, useSearchParams } from 'react-router';
import { Badge, Card, EmptyState, Field, Notice, PageTitle, Skeleton } from '../components/index.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { statusTone } from '../verification/kyb.ts';
import { verificationMessages } from '../verification/messages.ts';
import { AdminFrame } from './AdminFrame.tsx';
import { adminMessages as m } from './messages.ts';
import { RiskFlagList } from './RiskFlagList.tsx';
import type { FlaggedCompany, RiskSeverity } from './types.ts';

const SEVERITIES: RiskSeverity[] = ['critical', 'high', 'medium'];

export default function RiskFlagsPage() {
  return (
    <AdminFrame>
      <Flags />
    </AdminFrame>
  );
}

function Flags() {
  const [params, setParams] = useSearchParams();
  const min = (SEVERITIES as string[]).includes(params.get('minSeverity') ?? '')
    ? (params.get('minSeverity') as RiskSeverity)
    : 'medium';
  const flagged = useApi<{ items: FlaggedCompany[] }>(`/api/v1/admin/risk-flags?minSeverity=${min}`);
  const items = flagged.data?.items ?? null;

  return (
    <>
      <PageTitle title={m.flagsTitle} description={m.flagsDescription} />
      <Card>
        <div className="admin-filters">
          <Field label={m.minSeverity}>
            {({ id }) => (
              <select id={id} value={min} onChange={(e) => setParams({ minSeverity: e.target.value })}>
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {m.minSeverityOption[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {flagged.error ? (
          <Notice tone="negative" title={m.loadError} alert>
            {messageOf(flagged.error)}
          </Notice>
        ) : items === null ? (
          <div className="stack">
            <Skeleton height={72} label={m.flagsTitle} />
            <Skeleton height={72} />
          </div>
        ) : items.length === 0 ? (
          <EmptyState title={m.flagsEmpty}>{min !== 'medium' && m.flagsEmptyHint}</EmptyState>
        ) : (
          <ul className="flagged-companies">
            {items.map((c) => (
              <li key={c.companyId} className="flagged-company" data-testid="flagged-company">
                <div className="flagged-company__header">
                  <h2 className="flagged-company__name">
                    <Link to={`/admin/kyb/${c.companyId}`}>{c.name}</Link>
                  </h2>
                  <span className="badge-row">
                    <Badge tone={statusTone(c.kybStatus)}>
                      {verificationMessages.statusLabel[c.kybStatus]}
                    </Badge>
                    {c.status === 'suspended' && <Badge tone="negative">{m.companyStatus.suspended}</Badge>}
                  </span>
                </div>
                <p className="muted flagged-company__meta">
                  {m.flagCount(c.flags.length)} · {m.trustScore(c.trustScore)}
                </p>
                <RiskFlagList flags={c.flags} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
