/** The SQL console's answer: the warehouse's refusal in its words, or the rows with count, time and truncation. */
import { useState } from 'react';
import { DataTable, EmptyState, Notice, Pagination, Skeleton } from '../components/index.ts';
import { problemTitle } from './AnalystFrame.tsx';
import { analystMessages } from './messages.ts';
import { isNumericType, sqlCellText, type SqlAnswer } from './sql-values.ts';
import type { Posted } from './usePosted.ts';

const m = analystMessages.sql;
const PAGE = 100;

export function SqlResult(props: { ran: { sql: string; n: number } | null; answer: Posted<SqlAnswer> }) {
  const { answer } = props;
  if (!props.ran) return <EmptyState title={m.nothingYet}>{m.nothingYetHint}</EmptyState>;
  if (answer.loading) return <Skeleton height={200} label={m.running} />;
  if (answer.error)
    return (
      <Notice tone="negative" title={problemTitle(answer.error)} alert>
        <p data-testid="sql-error">{answer.error.message}</p>
      </Notice>
    );
  if (!answer.data) return null;
  // Each run starts on its first page.
  return <Rows key={`${props.ran.n}:${props.ran.sql}`} answer={answer.data} />;
}

function Rows(props: { answer: SqlAnswer }) {
  const { columns, rows, rowCount, truncated, elapsedMs } = props.answer;
  const [offset, setOffset] = useState(0);
  return (
    <>
      <p className="sql-stats" role="status">
        {m.stats(analystMessages.rows(rowCount), elapsedMs)}
      </p>
      {truncated && <Notice tone="warning">{m.truncated(rows.length)}</Notice>}
      <DataTable<unknown[]>
        caption={m.resultCaption}
        captionHidden
        rows={rows.slice(offset, offset + PAGE)}
        rowKey={(_, i) => String(offset + i)}
        empty={<EmptyState title={m.noRows} />}
        columns={columns.map((c, i) => ({
          key: `${i}`,
          header: c.name,
          numeric: isNumericType(c.type),
          render: (row) => {
            const value = row[i];
            return value === null ? <span className="sql-null">NULL</span> : sqlCellText(value);
          },
        }))}
      />
      <Pagination
        offset={offset}
        limit={PAGE}
        total={rows.length}
        onChange={setOffset}
        label={analystMessages.rowPages}
      />
    </>
  );
}
