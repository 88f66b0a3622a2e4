/** The drill-down dialog: the rows behind a chart point (see DrillDown.tsx). */
import type { Query } from '@cubejs-client/core';
import { useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, DataTable, EmptyState } from '../../marketplace/ui/components/index.ts';
import { useLiveQuery } from '../cube/useLiveQuery.ts';
import { scoped } from '../cube/scope.ts';
import {
  countryName,
  formatDateTime,
  formatDayRange,
  formatInteger,
  formatUsdFromCents,
  toNumber,
} from '../format.ts';
import { centsToDecimal, type CsvColumn } from './csv.ts';
import { useDashboardFilters } from './DashboardFilters.tsx';
import type { DrillFormat, DrillKind, DrillRequest } from './DrillDown.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { controlMessages as m } from './messages.ts';

export const ROW_LIMIT = 100;

type Row = Record<string, string | null>;

function show(format: DrillFormat, value: string | null, kind: DrillKind): ReactNode {
  if (value === null || value === '') return format === 'text' || format === 'country' ? '–' : '';
  switch (format) {
    case 'money':
      return formatUsdFromCents(toNumber(value), true);
    case 'integer':
      return formatInteger(toNumber(value));
    case 'datetime':
      return formatDateTime(value);
    case 'country':
      return countryName(value);
    case 'order':
      // The short order number people see on the orders pages.
      return kind.orderHref ? <Link to={kind.orderHref(value)}>{shortId(value)}</Link> : shortId(value);
    default:
      return value;
  }
}

const shortId = (id: string) => `#${id.slice(-8).toUpperCase()}`;

const csvValue = (format: DrillFormat, value: string | null) =>
  format === 'money' ? centsToDecimal(toNumber(value)) : (value ?? '');

export default function DrillDialog(props: { request: DrillRequest; kind: DrillKind; onClose: () => void }) {
  const { request, kind } = props;
  const page = useDashboardFilters();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const range = request.range === undefined ? page.range : request.range;
  const query = useMemo<Query>(
    () =>
      scoped(
        {
          dimensions: kind.columns.filter((c) => c.kind === 'dimension').map((c) => c.member),
          measures: kind.columns.filter((c) => c.kind === 'measure').map((c) => c.member),
          filters: request.filters,
          order: { [kind.orderBy]: 'desc' },
          // One more than shown, to know whether there are more.
          limit: ROW_LIMIT + 1,
        },
        kind.members,
        page,
        range,
      ),
    [kind, request, page, range],
  );
  const q = useLiveQuery(query, { live: false });
  const rows: Row[] | null = q.resultSet ? (q.resultSet.rawData() as Row[]) : null;
  const shown = rows?.slice(0, ROW_LIMIT) ?? null;
  const more = (rows?.length ?? 0) > ROW_LIMIT;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const scope = [
    range ? formatDayRange(range) : m.allTime,
    page.country ? countryName(page.country) : null,
    page.category ? m.category(page.category) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const csvColumns: Array<CsvColumn<Row>> = kind.columns.map((c) => ({
    header: c.format === 'money' ? m.inUsd(c.header) : c.header,
    value: (r) => csvValue(c.format, r[c.member] ?? null),
  }));

  return (
    <dialog
      ref={dialog}
      className="ws-dialog drill-dialog"
      aria-labelledby={titleId}
      onClose={props.onClose}
      data-testid="drill-down"
    >
      <header className="drill-dialog__header">
        <div>
          <h2 id={titleId} className="ws-dialog__title">
            {request.title}
          </h2>
          <p className="ws-dialog__text">{scope}</p>
        </div>
        <ExportButtons title={request.title} rows={shown} columns={csvColumns} />
      </header>
      {q.error ? (
        <EmptyState title={m.rowsFailed}>{q.error.message}</EmptyState>
      ) : (
        <DataTable
          caption={request.title}
          captionHidden
          rows={shown}
          rowKey={(r, i) => `${i}-${kind.columns.map((c) => r[c.member]).join('|')}`}
          empty={<EmptyState title={m.noRows}>{m.noRowsBody}</EmptyState>}
          columns={kind.columns.map((c) => ({
            key: c.member,
            header: c.header,
            numeric: c.format === 'money' || c.format === 'integer',
            render: (r: Row) => show(c.format, r[c.member] ?? null, kind),
          }))}
        />
      )}
      {more && <p className="drill-dialog__more">{m.more(ROW_LIMIT)}</p>}
      <div className="ws-dialog__actions">
        <Button variant="secondary" onClick={() => dialog.current?.close()}>
          {m.close}
        </Button>
      </div>
    </dialog>
  );
}
