/**
 * `/admin/kyb/:id`: one manufacturer's verification case as the reviewer works it. Risk flags and the decision
 * first, then what the seller sent (profile, addresses, every document including withdrawn ones, opened in a
 * new tab with the admin's session), the history and the trust score with its parts.
 */
import '../styles/verification.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { Badge, Button, Card, Notice, PageTitle, Skeleton } from '../components/index.ts';
import { formatDate } from '../data/dates.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import {
  AddressList,
  countryLabel,
  DocumentList,
  HistoryList,
  ProfileFacts,
} from '../verification/CaseFacts.tsx';
import { statusTone } from '../verification/kyb.ts';
import { verificationMessages } from '../verification/messages.ts';
import { TrustCard } from '../verification/TrustCard.tsx';
import type { KybStatus } from '../verification/types.ts';
import { AdminFrame } from './AdminFrame.tsx';
import { DecisionCard } from './DecisionCard.tsx';
import { adminMessages as m } from './messages.ts';
import { openInNewTab } from './open-document.ts';
import { RiskFlagList } from './RiskFlagList.tsx';
import type { AdminCase } from './types.ts';

export default function KybCasePage() {
  return (
    <AdminFrame>
      <CaseView />
    </AdminFrame>
  );
}

function CaseView() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const kase = useApi<AdminCase>(`/api/v1/admin/kyb/${encodeURIComponent(id)}`);
  const [flash, setFlash] = useState<string | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const c = kase.data;

  const statusText = (s: KybStatus) => verificationMessages.statusLabel[s];
  const open = (url: string, fileName: string) => {
    setOpenError(null);
    openInNewTab(session, url, fileName).catch((e) => setOpenError(messageOf(e)));
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/kyb">← {m.caseBack}</Link>
      </p>
      {kase.error ? (
        <>
          <PageTitle title={m.queueTitle} />
          <Notice tone="negative" title={m.loadError} alert>
            <p>{messageOf(kase.error)}</p>
            <Button variant="secondary" onClick={() => void kase.reload()}>
              {m.retry}
            </Button>
          </Notice>
        </>
      ) : !c ? (
        <div className="stack">
          <Skeleton height={40} width="50%" label={m.queueTitle} />
          <Skeleton height={240} />
        </div>
      ) : (
        <>
          <PageTitle
            title={c.name}
            description={m.caseDescription(c.city, countryLabel(c.country), formatDate(c.createdAt))}
            actions={
              <Badge tone={statusTone(c.kyb.status)} testId="case-status">
                {statusText(c.kyb.status)}
              </Badge>
            }
          />
          <div aria-live="polite">{flash && <Notice tone="positive">{flash}</Notice>}</div>
          <div className="admin-case">
            <div className="stack">
              {/* Before the decision: what the record says about this seller is read first. */}
              <Card title={m.riskFlags}>
                <RiskFlagList flags={c.riskFlags} />
              </Card>
              {c.kyb.status === 'submitted' ? (
                <DecisionCard
                  companyId={c.id}
                  onDecided={async (status) => {
                    setFlash(m.decisionRecorded(statusText(status)));
                    await kase.reload();
                  }}
                />
              ) : (
                <Notice tone="info">{m.notDecidable(statusText(c.kyb.status))}</Notice>
              )}
              <Card title={m.profile}>
                <ProfileFacts company={c} />
              </Card>
              <Card title={m.addresses}>
                <AddressList addresses={c.addresses} />
              </Card>
              <Card title={m.documentsCard} subtitle={m.documentsHint}>
                {openError && (
                  <Notice tone="negative" title={m.openFailed} alert>
                    {openError}
                  </Notice>
                )}
                <DocumentList
                  documents={c.kyb.documents}
                  showKind
                  open={(d) => open(d.url, d.fileName)}
                  openLabel={(d) => m.openDocument(d.fileName)}
                  note={(d) => <span className="muted mono">{m.sha(d.sha256)}</span>}
                />
              </Card>
            </div>
            <div className="stack">
              <Card title={m.history}>
                {c.kyb.history.length > 0 ? (
                  <HistoryList entries={c.kyb.history} />
                ) : (
                  <p className="muted">{m.noHistory}</p>
                )}
              </Card>
              <TrustCard trust={c.trust} />
              <Card title={m.companyLinks}>
                <ul className="admin-links">
                  <li>
                    <Link to={`/admin/users?companyId=${c.id}`}>{m.usersOf}</Link>
                  </li>
                  <li>
                    <Link to={`/admin/audit-log?companyId=${c.id}`}>{m.auditOf}</Link>
                  </li>
                </ul>
              </Card>
            </div>
          </div>
        </>
      )}
    </>
  );
}
