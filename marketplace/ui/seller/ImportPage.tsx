/**
 * Bulk CSV import. The API imports the whole file or nothing; "Check the file" asks for its report without
 * writing, "Import" writes it. Every row problem (from the report, or from a refused import) is shown as a
 * table by line and column, so the seller can fix them all in one go.
 */
import '../styles/seller.css';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../auth/session.ts';
import { Button, Card, DataTable, Field, Notice, PageTitle } from '../components/index.ts';
import { messageOf, useApiSend } from '../data/useApi.ts';
import { MAX_CSV_CHARS, rowProblemsFrom } from './csv-import.ts';
import { DownloadButton } from './DownloadButton.tsx';
import { importMessages as m, productListMessages } from './messages.ts';
import type { ImportReport, RowProblem } from './types.ts';

type Result =
  | { kind: 'checked'; report: ImportReport }
  | { kind: 'imported'; report: ImportReport }
  | { kind: 'rejected'; problems: RowProblem[]; detail: string }
  | { kind: 'refused'; detail: string };

export default function ImportPage() {
  const send = useApiSend();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [upsert, setUpsert] = useState(false);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  const run = async (dryRun: boolean) => {
    setResult(null);
    if (!file) return setFileError(m.noFile);
    const csv = await file.text();
    if (csv.length > MAX_CSV_CHARS) return setFileError(m.tooBig);
    setFileError(null);
    setBusy(dryRun ? 'check' : 'import');
    try {
      const report = await send<ImportReport>('/api/v1/catalog/import', 'POST', {
        csv,
        dryRun,
        ...(upsert ? { mode: 'upsert' } : {}),
      });
      setResult(
        report.errors.length > 0
          ? { kind: 'rejected', problems: report.errors, detail: m.rejectedHint }
          : dryRun
            ? { kind: 'checked', report }
            : { kind: 'imported', report },
      );
    } catch (error) {
      const problems = error instanceof ApiError ? rowProblemsFrom(error.fields) : [];
      setResult(
        problems.length > 0
          ? { kind: 'rejected', problems, detail: messageOf(error) }
          : { kind: 'refused', detail: messageOf(error) },
      );
    } finally {
      setBusy(null);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(false);
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/products">{m.back}</Link>
      </p>
      <PageTitle title={m.title} description={m.description} />
      <div className="seller-editor">
        <Card>
          <form onSubmit={submit} noValidate aria-label={m.title}>
            <Field
              label={m.file}
              hint={file ? m.chosen(file.name, m.fileSize(file.size)) : m.fileHint}
              error={fileError}
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  type="file"
                  accept=".csv,text/csv"
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    setFileError(null);
                    setResult(null);
                  }}
                />
              )}
            </Field>
            <label className="check-field">
              <input type="checkbox" checked={upsert} onChange={(e) => setUpsert(e.target.checked)} />
              {m.upsert}
            </label>
            <p className="muted">{m.policy}</p>
            <div className="button-row">
              <Button type="submit" busy={busy === 'import'} disabled={busy !== null}>
                {busy === 'import' ? m.importing : m.import}
              </Button>
              <Button
                variant="secondary"
                busy={busy === 'check'}
                disabled={busy !== null}
                onClick={() => void run(true)}
              >
                {busy === 'check' ? m.checking : m.check}
              </Button>
            </div>
          </form>
        </Card>
        <Card title={m.columnsTitle}>
          <p className="small-print">{m.columnsIntro}</p>
          <p className="small-print">{m.columnsLists}</p>
          <DownloadButton
            path="/api/v1/catalog/export"
            fileName="products.csv"
            label={m.template}
            busyLabel={productListMessages.exporting}
          />
        </Card>
      </div>
      {result && <ImportResult result={result} />}
    </>
  );
}

function ImportResult({ result }: { result: Result }) {
  if (result.kind === 'checked')
    return (
      <Notice tone="positive" alert>
        {m.checked(result.report.rows, result.report.products)}
      </Notice>
    );
  if (result.kind === 'imported')
    return (
      <Notice tone="positive" alert>
        <p>
          {m.imported(result.report.imported, result.report.rows)}
          {result.report.updated
            ? ` ${m.createdUpdated(result.report.created ?? 0, result.report.updated)}`
            : ''}
        </p>
        <p>
          <Link to="/products">{m.viewProducts}</Link>
        </p>
      </Notice>
    );
  if (result.kind === 'refused')
    return (
      <Notice tone="negative" title={m.refused} alert>
        {result.detail}
      </Notice>
    );
  return (
    <Card title={m.errorsCaption}>
      <Notice tone="negative" title={m.rejected(result.problems.length)} alert>
        {result.detail}
      </Notice>
      <DataTable<RowProblem>
        caption={m.errorsCaption}
        captionHidden
        rows={result.problems}
        rowKey={(p, i) => `${p.line}-${p.column}-${i}`}
        columns={[
          { key: 'line', header: m.line, numeric: true, render: (p) => p.line },
          { key: 'column', header: m.column, render: (p) => <code>{p.column}</code> },
          { key: 'message', header: m.problem, render: (p) => <span className="wrap">{p.message}</span> },
        ]}
      />
    </Card>
  );
}
