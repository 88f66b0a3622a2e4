/**
 * Step 3: the documents, one section per kind (business registration and tax id are required; the reviewer may
 * ask for any kind again). A chosen file goes up at once as the raw body with its own type, with a progress bar;
 * a refusal (wrong type, too large, not really a PDF) is shown under that kind in the API's words. Documents can
 * be downloaded with the access token and withdrawn while the case is editable.
 */
import { useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import { Badge, Button, Card, Notice, Skeleton } from '../components/index.ts';
import { downloadWithSession } from '../data/download.ts';
import { messageOf, useApi, useApiSend } from '../data/useApi.ts';
import { DocumentList, documentKindLabel } from './CaseFacts.tsx';
import {
  DOCUMENT_ACCEPT,
  DOCUMENT_KINDS,
  documentContentType,
  MAX_DOCUMENT_BYTES,
  REQUIRED_DOCUMENTS,
  requestedDocuments,
} from './kyb.ts';
import { verificationMessages as m } from './messages.ts';
import type { CompanyCase, DocumentKind, KybDocument } from './types.ts';
import { uploadWithProgress } from './upload.ts';

type Outcome = { ok: boolean; title?: string; text: string } | null;

export function DocumentsStep(props: {
  company: CompanyCase;
  locked: boolean;
  onChanged: () => Promise<void>;
}) {
  const { session } = useSession();
  const documents = useApi<{ items: KybDocument[] }>('/api/v1/company/kyb/documents');
  const requested = requestedDocuments(props.company);
  const requestedAt = props.company.kyb.lastDecision?.at ?? null;
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const changed = async () => {
    await Promise.all([documents.reload(), props.onChanged()]);
  };
  const download = (doc: KybDocument) => {
    setDownloadError(null);
    downloadWithSession(session, doc.url, doc.fileName).catch((e) => setDownloadError(messageOf(e)));
  };

  const items = documents.data?.items ?? null;
  const withdrawn = items?.filter((d) => d.withdrawnAt) ?? [];
  return (
    <Card title={m.stepNames.documents!} subtitle={m.documentsHint}>
      {documents.error && (
        <Notice tone="negative" title={m.documentsError} alert>
          {messageOf(documents.error)}
        </Notice>
      )}
      {downloadError && (
        <Notice tone="negative" alert>
          {downloadError}
        </Notice>
      )}
      {items === null && !documents.error ? (
        <Skeleton height={120} label={m.loadingDocuments} />
      ) : (
        <div className="kyb-kinds">
          {DOCUMENT_KINDS.map((kind) => (
            <KindSection
              key={kind}
              kind={kind}
              documents={(items ?? []).filter((d) => d.kind === kind && !d.withdrawnAt)}
              requestedAgain={requested.includes(kind)}
              requestedAt={requestedAt}
              locked={props.locked}
              download={download}
              onChanged={changed}
            />
          ))}
        </div>
      )}
      {withdrawn.length > 0 && (
        <details className="kyb-withdrawn">
          <summary>{m.withdrawnList(withdrawn.length)}</summary>
          <DocumentList
            documents={withdrawn}
            open={download}
            openLabel={(d) => m.download(d.fileName)}
            showKind
          />
        </details>
      )}
    </Card>
  );
}

function KindSection(props: {
  kind: DocumentKind;
  documents: KybDocument[];
  requestedAgain: boolean;
  requestedAt: string | null;
  locked: boolean;
  download: (doc: KybDocument) => void;
  onChanged: () => Promise<void>;
}) {
  const { session } = useSession();
  const send = useApiSend();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const label = documentKindLabel(props.kind);
  const headingId = `kyb-kind-${props.kind}`;

  const upload = async (file: File) => {
    setOutcome(null);
    // The API refuses larger files too; checking first saves sending megabytes only to be told so.
    if (file.size > MAX_DOCUMENT_BYTES)
      return setOutcome({ ok: false, title: m.uploadRefused(file.name), text: m.tooLarge });
    setProgress({ name: file.name, percent: 0 });
    try {
      const path = `/api/v1/company/kyb/documents?kind=${props.kind}&fileName=${encodeURIComponent(file.name)}`;
      await uploadWithProgress(session, path, file, documentContentType(file), (fraction) =>
        setProgress({ name: file.name, percent: Math.round(fraction * 100) }),
      );
      setOutcome({ ok: true, text: m.uploaded(file.name) });
      await props.onChanged();
    } catch (error) {
      setOutcome({ ok: false, title: m.uploadRefused(file.name), text: messageOf(error) });
    } finally {
      setProgress(null);
    }
  };

  const withdraw = async (doc: KybDocument) => {
    setBusy(doc.id);
    setOutcome(null);
    try {
      await send(`/api/v1/company/kyb/documents/${doc.id}`, 'DELETE');
      setOutcome({ ok: true, text: m.withdrawn(doc.fileName) });
      await props.onChanged();
    } catch (error) {
      setOutcome({ ok: false, title: m.withdrawRefused, text: messageOf(error) });
    } finally {
      setBusy(null);
      setConfirming(null);
    }
  };

  const beforeRequest = (doc: KybDocument) =>
    props.requestedAgain && props.requestedAt !== null && doc.uploadedAt <= props.requestedAt;

  return (
    <section
      className={['kyb-kind', props.requestedAgain ? 'is-requested' : null].filter(Boolean).join(' ')}
      aria-labelledby={headingId}
      data-testid={`documents-${props.kind}`}
    >
      <header className="kyb-kind__header">
        <h3 id={headingId} className="kyb-subheading">
          {label}
        </h3>
        <span className="badge-row">
          {props.requestedAgain && <Badge tone="warning">{m.requestedAgain}</Badge>}
          <Badge tone={REQUIRED_DOCUMENTS.includes(props.kind) ? 'info' : 'neutral'}>
            {REQUIRED_DOCUMENTS.includes(props.kind) ? m.requiredDocument : m.optionalDocument}
          </Badge>
        </span>
      </header>
      <p className="small-note">{m.documentKindHint[props.kind]}</p>
      {props.documents.length === 0 ? (
        <p className="muted kyb-kind__empty">{m.nothingOnFile}</p>
      ) : (
        <DocumentList
          documents={props.documents}
          open={props.download}
          openLabel={(d) => m.download(d.fileName)}
          note={(d) => (beforeRequest(d) ? <Badge tone="warning">{m.olderThanRequest}</Badge> : null)}
          actions={
            props.locked
              ? undefined
              : (d) =>
                  confirming === d.id ? (
                    <div className="kyb-confirm">
                      <p>{m.confirmWithdraw(d.fileName)}</p>
                      <div className="button-row">
                        <Button variant="secondary" busy={busy === d.id} onClick={() => void withdraw(d)}>
                          {m.confirmWithdrawButton}
                        </Button>
                        <Button variant="ghost" onClick={() => setConfirming(null)}>
                          {m.cancel}
                        </Button>
                      </div>
                    </div>
                  ) : (
                    <Button
                      variant="ghost"
                      aria-label={m.withdrawOf(d.fileName)}
                      onClick={() => setConfirming(d.id)}
                    >
                      {m.withdraw}
                    </Button>
                  )
          }
        />
      )}
      {progress && (
        <div className="kyb-progress" role="status">
          <label htmlFor={`${headingId}-progress`}>{m.uploading(progress.name)}</label>
          <progress id={`${headingId}-progress`} max={100} value={progress.percent}>
            {m.uploadProgress(progress.percent)}
          </progress>
          <span aria-hidden="true">{m.uploadProgress(progress.percent)}</span>
        </div>
      )}
      {outcome &&
        (outcome.ok ? (
          <p className="kyb-kind__ok" role="status">
            {outcome.text}
          </p>
        ) : (
          <Notice tone="negative" title={outcome.title} alert>
            {outcome.text}
          </Notice>
        ))}
      {!props.locked && (
        <label className="ws-button ws-button--secondary kyb-file-button">
          {props.documents.length > 0 ? m.uploadAnother(label) : m.upload(label)}
          <input
            type="file"
            accept={DOCUMENT_ACCEPT}
            className="visually-hidden"
            disabled={progress !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
        </label>
      )}
    </section>
  );
}
