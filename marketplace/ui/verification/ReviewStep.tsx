/**
 * Step 4: the checklist, built from the API's own list of what is missing (the same check `submit` makes), each
 * open item linking to the step that completes it; what will be sent; and the submit button. A 422 from the API
 * (something changed meanwhile) is shown in its words and the checklist is re-read.
 */
import { useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import { Button, Card, Notice } from '../components/index.ts';
import { downloadWithSession } from '../data/download.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { AddressList, DocumentList, ProfileFacts } from './CaseFacts.tsx';
import { Checklist } from './Checklist.tsx';
import { checklist } from './kyb.ts';
import { verificationMessages as m } from './messages.ts';
import type { CompanyCase } from './types.ts';

export function ReviewStep(props: {
  company: CompanyCase;
  onSubmitted: () => Promise<void>;
  reload: () => Promise<void>;
}) {
  const { session } = useSession();
  const send = useApiSend();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const items = checklist(props.company.kyb.missing);
  const open = items.filter((i) => !i.done).length;

  const submit = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await send('/api/v1/company/kyb/submit', 'POST');
      await props.onSubmitted();
    } catch (error) {
      setRefusal(messageOf(error));
      // Something changed since the checklist was read (or the case moved on): show it as it is now.
      await props.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Card title={m.stepNames.review!} subtitle={m.reviewHint}>
        <h3 className="kyb-subheading">{m.checklist}</h3>
        <Checklist missing={props.company.kyb.missing} testId="kyb-checklist" />
        {refusal && (
          <Notice tone="negative" title={m.submitRefused} alert>
            {refusal}
          </Notice>
        )}
        {open > 0 && <p className="small-note">{m.submitBlocked}</p>}
        <Button busy={busy} disabled={open > 0} onClick={() => void submit()}>
          {busy ? m.submitting : m.submit}
        </Button>
      </Card>
      <Card title={m.whatYouSend}>
        <h3 className="kyb-subheading">{m.profile}</h3>
        <ProfileFacts company={props.company} />
        <h3 className="kyb-subheading">{m.addresses}</h3>
        <AddressList addresses={props.company.addresses} />
        <h3 className="kyb-subheading">{m.documents}</h3>
        <DocumentList
          documents={props.company.kyb.documents}
          showKind
          open={(d) => void downloadWithSession(session, d.url, d.fileName).catch(() => undefined)}
          openLabel={(d) => m.download(d.fileName)}
        />
      </Card>
    </>
  );
}
