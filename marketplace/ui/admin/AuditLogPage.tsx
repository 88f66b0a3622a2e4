/**
 * `/admin/audit-log`: privileged actions, newest first, filtered by action, actor, target, company and a UTC date
 * range (all in the URL; an actor, target or company in a row is a link that filters by it). Each entry opens to
 * show what it changed, before and after.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Button,
  Card,
  DataTable,
  EmptyState,
  Field,
  Notice,
  PageTitle,
  PrevNext,
} from '../components/index.ts';
import { formatDateTime } from '../data/dates.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { withColon } from '../i18n/index.ts';
import { AdminFrame } from './AdminFrame.tsx';
import {
  auditQuery,
  changeLines,
  checkAuditFilters,
  FILTER_KEYS,
  type AuditFilters,
} from './audit-filters.ts';
import { adminMessages as m } from './messages.ts';
import type { AuditEntry, Paged } from './types.ts';

const LIMIT = 50;

export default function AuditLogPage() {
  return (
    <AdminFrame>
      <AuditLog />
    </AdminFrame>
  );
}

const filtersOf = (params: URLSearchParams): AuditFilters =>
  Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as AuditFilters;

function AuditLog() {
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const applied = filtersOf(params);
  const problems = checkAuditFilters(applied);
  // A hand-edited URL with a bad filter asks for nothing until the form is fixed.
  const valid = Object.keys(problems).length === 0;
  const log = useApi<Paged<AuditEntry>>(
    valid ? `/api/v1/admin/audit-log?${auditQuery(applied, LIMIT, offset)}` : null,
  );

  const withFilter = (key: keyof AuditFilters, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    next.delete('offset');
    return `?${next}`;
  };

  return (
    <>
      <PageTitle title={m.auditTitle} description={m.auditDescription} />
      <Card className="admin-audit">
        <AuditFilterForm
          key={params.toString()}
          initial={applied}
          onApply={(f) => setParams(auditParams(f))}
        />
        {log.error ? (
          <Notice tone="negative" title={m.loadError} alert>
            {messageOf(log.error)}
          </Notice>
        ) : (
          <DataTable<AuditEntry>
            caption={m.auditTitle}
            captionHidden
            rows={valid ? (log.data?.items ?? null) : []}
            rowKey={(e) => e.id}
            empty={<EmptyState title={m.auditEmpty}>{m.auditEmptyHint}</EmptyState>}
            columns={[
              {
                key: 'when',
                header: m.when,
                render: (e) => <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>,
              },
              {
                key: 'action',
                header: m.action,
                render: (e) => (
                  <Link
                    className="mono"
                    to={withFilter('action', e.action)}
                    aria-label={m.filterBy(e.action)}
                  >
                    {e.action}
                  </Link>
                ),
              },
              {
                key: 'actor',
                header: m.actor,
                render: (e) =>
                  e.actor.userId ? (
                    <Link to={withFilter('actorId', e.actor.userId)} className="mono">
                      {m.shortId(e.actor.userId)}
                    </Link>
                  ) : (
                    <span className="muted">{m.system}</span>
                  ),
              },
              {
                key: 'target',
                header: m.target,
                render: (e) => (
                  <span className="product-cell">
                    <span>
                      {e.target.type}{' '}
                      <Link to={withFilter('targetId', e.target.id)} className="mono">
                        {m.shortId(e.target.id)}
                      </Link>
                    </span>
                    {e.target.companyId && e.target.companyId !== e.target.id && (
                      <Link to={withFilter('companyId', e.target.companyId)} className="muted mono">
                        {withColon(m.companyId)} {m.shortId(e.target.companyId)}
                      </Link>
                    )}
                  </span>
                ),
              },
              {
                key: 'reason',
                header: m.reason,
                render: (e) => (e.reason ? <span className="wrap">{e.reason}</span> : ''),
              },
              {
                key: 'changes',
                header: m.details,
                render: (e) => {
                  const lines = changeLines(e.before, e.after);
                  if (lines.length === 0) return '';
                  return (
                    <ul className="audit-changes">
                      {lines.map((l) => (
                        <li key={l.field}>
                          {l.field && <span className="mono">{withColon(l.field)} </span>}
                          <span>{l.before ?? m.none}</span>
                          <span aria-hidden="true"> → </span>
                          <span className="visually-hidden"> {m.changedTo} </span>
                          <span>{l.after ?? m.none}</span>
                        </li>
                      ))}
                    </ul>
                  );
                },
              },
            ]}
          />
        )}
        <PrevNext
          offset={offset}
          limit={LIMIT}
          hasNext={log.data?.hasMore ?? false}
          label={m.pages(m.auditTitle)}
          onChange={(o) => {
            const next = new URLSearchParams(params);
            if (o > 0) next.set('offset', String(o));
            else next.delete('offset');
            setParams(next);
          }}
        />
      </Card>
    </>
  );
}

const auditParams = (f: AuditFilters) =>
  Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );

function AuditFilterForm(props: { initial: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<Partial<Record<keyof AuditFilters, string>>>(() =>
    problemTexts(checkAuditFilters(props.initial)),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = problemTexts(checkAuditFilters(values));
    setErrors(found);
    if (Object.keys(found).length === 0) props.onApply(values);
  };
  const field = (key: keyof AuditFilters, label: string, extra: { hint?: string; type?: string } = {}) => (
    <Field
      label={label}
      hint={extra.hint}
      type={extra.type ?? 'text'}
      error={errors[key]}
      value={values[key]}
      spellCheck={false}
      onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
    />
  );

  return (
    <form className="audit-filters" onSubmit={submit} noValidate aria-label={m.filters}>
      {field('action', m.action, { hint: m.actionHint })}
      {field('from', m.from, { type: 'date' })}
      {field('to', m.until, { type: 'date' })}
      <details
        className="audit-filters__more"
        open={Boolean(values.actorId || values.targetId || values.companyId)}
      >
        <summary>{m.moreFilters}</summary>
        <div className="audit-filters__ids">
          {field('actorId', m.actorId)}
          {field('targetId', m.targetId)}
          {field('companyId', m.companyId)}
        </div>
      </details>
      <div className="button-row audit-filters__actions">
        <Button type="submit" variant="secondary">
          {m.apply}
        </Button>
        <Link to="/admin/audit-log">{m.clear}</Link>
      </div>
    </form>
  );
}

function problemTexts(problems: ReturnType<typeof checkAuditFilters>) {
  const text = { action: m.actionInvalid, id: m.idInvalid, order: m.untilBeforeFrom } as const;
  return Object.fromEntries(Object.entries(problems).map(([k, p]) => [k, text[p]])) as Partial<
    Record<keyof AuditFilters, string>
  >;
}
