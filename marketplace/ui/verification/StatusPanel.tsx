/**
 * Where the case stands, in words: not submitted, under review, changes requested (the reviewer's reason and
 * the documents to upload again), not approved (the reason), or verified. The status word is in the heading so
 * a screen reader hears it first; colour only repeats it.
 */
import { Link } from 'react-router';
import { Badge, Notice } from '../components/index.ts';
import { formatDate, formatDateTime } from '../data/dates.ts';
import { withColon } from '../i18n/index.ts';
import { documentKindLabel } from './CaseFacts.tsx';
import { requestedDocuments, statusTone } from './kyb.ts';
import { verificationMessages as m } from './messages.ts';
import type { CompanyCase } from './types.ts';

const NOTICE_TONE = {
  not_submitted: 'info',
  submitted: 'info',
  changes_requested: 'warning',
  rejected: 'negative',
  approved: 'positive',
} as const;

export function StatusPanel(props: { company: CompanyCase; canEdit: boolean }) {
  const { kyb } = props.company;
  const status = kyb.status;
  const requested = requestedDocuments(props.company);
  const decision = kyb.lastDecision;
  const text =
    status === 'submitted'
      ? m.status.submitted(kyb.submittedAt ? formatDateTime(kyb.submittedAt) : '')
      : status === 'approved'
        ? m.status.approved(formatDate(kyb.verifiedAt ?? kyb.decidedAt ?? props.company.createdAt))
        : m.status[status];
  return (
    <section className="kyb-status" aria-labelledby="kyb-status-title" data-testid="kyb-status">
      <Notice tone={NOTICE_TONE[status]}>
        <h2 id="kyb-status-title" className="kyb-status__title">
          <span className="visually-hidden">{withColon(m.statusHeading)} </span>
          <Badge tone={statusTone(status)} testId="kyb-status-badge">
            {m.statusLabel[status]}
          </Badge>
        </h2>
        <p>{text}</p>
        {(status === 'changes_requested' || status === 'rejected') && decision?.reason && (
          <p data-testid="reviewer-reason">
            <strong>{withColon(m.reviewerSaid)}</strong> {decision.reason}
          </p>
        )}
        {requested.length > 0 && (
          <p data-testid="requested-documents">
            <strong>{withColon(m.uploadAgain)}</strong> {requested.map(documentKindLabel).join(', ')}
            {props.canEdit && (
              <>
                {' · '}
                <Link to="?step=documents">{m.uploadAgainLink}</Link>
              </>
            )}
          </p>
        )}
      </Notice>
    </section>
  );
}
