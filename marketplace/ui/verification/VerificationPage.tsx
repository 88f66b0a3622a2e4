/**
 * `/seller/verification`: a manufacturer's KYB case. Members who manage the company (`company:manage`) fill a
 * four-step wizard while the case is editable (not submitted, changes requested, not approved), read what they
 * sent while it is under review, and once verified keep editing what is not locked (public profile, other
 * addresses) next to their trust score. Everyone else reads a summary. The API decides every move; this page
 * only mirrors its rules (kyb.ts) so nobody is offered what would be refused.
 */
import '../styles/verification.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { Button, Card, Notice, PageTitle, Skeleton } from '../components/index.ts';
import { downloadWithSession } from '../data/download.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { AddressesStep } from './AddressesStep.tsx';
import { AddressList, DocumentList, HistoryList, ProfileFacts } from './CaseFacts.tsx';
import { Checklist, checklistProgress } from './Checklist.tsx';
import { DocumentsStep } from './DocumentsStep.tsx';
import { firstOpenStep, isEditable, parseStep, STEPS, type Step } from './kyb.ts';
import { verificationMessages as m } from './messages.ts';
import { ProfileStep } from './ProfileStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { StatusPanel } from './StatusPanel.tsx';
import { StepNav } from './StepNav.tsx';
import { TrustCard } from './TrustCard.tsx';
import type { CompanyCase } from './types.ts';

/** Once verified there is nothing to submit: the steps are the parts that can still change. */
const VERIFIED_STEPS: readonly Step[] = ['profile', 'addresses', 'documents'];

export default function VerificationPage() {
  const { me } = useSession();
  const company = useApi<CompanyCase>('/api/v1/company');
  const canManage = Boolean(me?.permissions.includes('company:manage'));
  const data = company.data;

  return (
    <>
      <PageTitle title={m.title} description={m.description} />
      {company.error ? (
        <Notice tone="negative" title={m.loadError} alert>
          <p>{messageOf(company.error)}</p>
          <Button variant="secondary" onClick={() => void company.reload()}>
            {m.retry}
          </Button>
        </Notice>
      ) : !data ? (
        <div className="stack">
          <Skeleton height={72} label={m.title} />
          <Skeleton height={280} />
        </div>
      ) : (
        <Case company={data} canManage={canManage} reload={company.reload} replace={company.set} />
      )}
    </>
  );
}

function Case(props: {
  company: CompanyCase;
  canManage: boolean;
  reload: () => Promise<void>;
  replace: (c: CompanyCase) => void;
}) {
  const { company, canManage } = props;
  const status = company.kyb.status;
  const [flash, setFlash] = useState<string | null>(null);
  const wizard = canManage && isEditable(status);
  const verifiedEditor = canManage && status === 'approved';
  const side = (
    <>
      {status === 'approved' && <TrustCard trust={company.trust} subtitle={m.trustHint} />}
      {company.kyb.history.length > 0 && (
        <Card title={m.history}>
          <HistoryList entries={company.kyb.history} />
        </Card>
      )}
    </>
  );

  return (
    <>
      <StatusPanel company={company} canEdit={wizard} />
      <div aria-live="polite" className="kyb-flash">
        {flash && <Notice tone="positive">{flash}</Notice>}
      </div>
      {!canManage && <Notice tone="info">{m.readOnly}</Notice>}
      {wizard || verifiedEditor ? (
        <Wizard
          company={company}
          steps={wizard ? STEPS : VERIFIED_STEPS}
          locked={!wizard}
          reload={props.reload}
          replace={props.replace}
          flash={setFlash}
          side={side}
        />
      ) : (
        <div className="kyb-layout">
          <div className="stack">
            <Summary company={company} canManage={canManage} />
          </div>
          <div className="stack">{side}</div>
        </div>
      )}
    </>
  );
}

function Wizard(props: {
  company: CompanyCase;
  steps: readonly Step[];
  /** Verified: legal details, the registered address and documents are locked. */
  locked: boolean;
  reload: () => Promise<void>;
  replace: (c: CompanyCase) => void;
  flash: (text: string | null) => void;
  /** Shown beside the step: trust score and history. */
  side: ReactNode;
}) {
  const { company, steps } = props;
  const [params, setParams] = useSearchParams();
  const missing = company.kyb.missing;
  const requested = parseStep(params.get('step'));
  const step: Step =
    requested && steps.includes(requested) ? requested : props.locked ? 'profile' : firstOpenStep(missing);
  const index = steps.indexOf(step);
  const next = steps[index + 1];
  const previous = steps[index - 1];

  // Moving between steps puts focus on the new step, so keyboard and screen-reader users start at its top.
  const region = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    region.current?.focus();
  }, [step]);

  const go = (target: Step) => setParams({ step: target });

  return (
    <>
      <StepNav current={step} missing={props.locked ? [] : missing} steps={steps} />
      <div className="kyb-layout">
        <div className="stack">
          <div ref={region} tabIndex={-1} className="focus-target kyb-step">
            <p className="kyb-step__count">{m.stepOf(index + 1, steps.length)}</p>
            {step === 'profile' && (
              <ProfileStep
                key={company.id + String(props.locked)}
                company={company}
                legalLocked={props.locked}
                submitLabel={props.locked ? m.saveChanges : m.saveProfile}
                onSaved={(updated, changed) => {
                  props.replace(updated);
                  props.flash(changed ? m.profileSaved : m.profileUnchanged);
                  if (!props.locked && next) go(next);
                }}
              />
            )}
            {step === 'addresses' && (
              <AddressesStep company={company} registeredLocked={props.locked} onChanged={props.reload} />
            )}
            {step === 'documents' && (
              <DocumentsStep company={company} locked={props.locked} onChanged={props.reload} />
            )}
            {step === 'review' && (
              <ReviewStep
                company={company}
                reload={props.reload}
                onSubmitted={async () => {
                  await props.reload();
                  props.flash(m.submitted);
                  setParams({});
                }}
              />
            )}
          </div>
          <nav className="kyb-step-links" aria-label={m.stepLinks}>
            {previous ? (
              <Link to={`?step=${previous}`} onClick={() => props.flash(null)}>
                ← {m.back(m.stepNames[previous] ?? previous)}
              </Link>
            ) : (
              <span />
            )}
            {next && (step !== 'profile' || props.locked) && (
              <Link
                className="ws-button ws-button--secondary"
                to={`?step=${next}`}
                onClick={() => props.flash(null)}
              >
                {m.next(m.stepNames[next] ?? next)} →
              </Link>
            )}
          </nav>
        </div>
        <div className="stack">
          {!props.locked && step !== 'review' && (
            <Card title={m.checklist} subtitle={checklistProgress(missing)}>
              <Checklist missing={missing} />
            </Card>
          )}
          {props.side}
        </div>
      </div>
    </>
  );
}

/** Under review, or for members who do not manage the company: what is on file, nothing to press. */
function Summary(props: { company: CompanyCase; canManage: boolean }) {
  const { session } = useSession();
  const { company } = props;
  return (
    <>
      <Card title={company.kyb.status === 'submitted' ? m.whatWasSent : m.profile}>
        <ProfileFacts company={company} legalHidden={!props.canManage} />
      </Card>
      <Card title={m.addresses}>
        <AddressList addresses={company.addresses} />
      </Card>
      {props.canManage && (
        <Card title={m.documents}>
          <DocumentList
            documents={company.kyb.documents}
            showKind
            open={(d) => void downloadWithSession(session, d.url, d.fileName).catch(() => undefined)}
            openLabel={(d) => m.download(d.fileName)}
          />
        </Card>
      )}
    </>
  );
}
