/**
 * What a run of the explorer shows: the API's refusal in its words, or a chart, the table (paged on screen,
 * exported whole as CSV) and the SQL the semantic layer generated.
 */
import { useMemo, useState } from 'react';
import { EChart } from '../../../dashboards/charts/EChart.tsx';
import { Button, Card, DataTable, EmptyState, Notice, Pagination, Skeleton } from '../components/index.ts';
import { problemTitle } from './AnalystFrame.tsx';
import { csvOf } from './csv.ts';
import { saveFile } from './downloads.ts';
import { GeneratedSql } from './GeneratedSql.tsx';
import { analystMessages } from './messages.ts';
import { chartFor, MAX_SERIES } from './result-chart.ts';
import { cellText, isNumericColumn, reachedLimit, resultColumns, type LoadAnswer } from './result-table.ts';
import type { Posted } from './usePosted.ts';

const m = analystMessages.explore;
const PAGE = 100;

export function ExploreResults(props: {
  queryText: string;
  result: Posted<LoadAnswer>;
  formatOf: (member: string) => string | undefined;
  onRetry: () => void;
}) {
  const { result } = props;
  if (result.loading)
    return (
      <Card title={m.table}>
        <Skeleton height={240} label={m.running} />
      </Card>
    );
  if (result.error)
    return (
      <Notice tone="negative" title={problemTitle(result.error)} alert>
        <p>{result.error.message}</p>
        <p>
          <Button variant="secondary" onClick={props.onRetry}>
            {analystMessages.retry}
          </Button>
        </p>
      </Notice>
    );
  if (!result.data) return null;
  // A new answer starts on its first page.
  return (
    <Answer
      key={props.queryText}
      answer={result.data}
      queryText={props.queryText}
      formatOf={props.formatOf}
    />
  );
}

function Answer(props: {
  answer: LoadAnswer;
  queryText: string;
  formatOf: (member: string) => string | undefined;
}) {
  const { answer } = props;
  const [offset, setOffset] = useState(0);
  const columns = useMemo(
    () =>
      resultColumns(answer.query, answer.annotation, props.formatOf, (g) =>
        (m.granularities[g] ?? g).toLowerCase(),
      ),
    [answer, props.formatOf],
  );
  const chart = useMemo(() => chartFor(answer, columns), [answer, columns]);
  const rows = answer.data;

  const exportCsv = async () => {
    const csv = await csvOf(
      columns.map((c) => c.key),
      rows.map((row) => columns.map((c) => row[c.key])),
    );
    saveFile(csv, `wholesail-explore-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv;charset=utf-8');
  };

  return (
    <>
      <Card title={m.chart}>
        {chart ? (
          <>
            {chart.seriesCut && <p className="explore-note">{m.chartSeriesCut(MAX_SERIES)}</p>}
            <EChart option={chart.option} label={chart.label} height={chart.height} />
          </>
        ) : (
          <EmptyState title={m.chartNone}>{rows.length > 0 ? m.chartNoneHint : m.emptyResultHint}</EmptyState>
        )}
      </Card>
      <Card
        title={m.table}
        subtitle={analystMessages.rows(rows.length)}
        actions={
          rows.length > 0 && (
            <Button variant="secondary" onClick={() => void exportCsv()}>
              {m.exportCsv}
            </Button>
          )
        }
      >
        {columns.some((c) => c.money) && <p className="explore-note">{m.moneyNote}</p>}
        {reachedLimit(answer) && (
          <Notice tone="warning">{m.truncatedHint(answer.query.limit ?? rows.length)}</Notice>
        )}
        <DataTable<Record<string, string | null>>
          caption={m.tableCaption}
          captionHidden
          rows={rows.slice(offset, offset + PAGE)}
          rowKey={(_, i) => String(offset + i)}
          empty={<EmptyState title={m.emptyResult}>{m.emptyResultHint}</EmptyState>}
          columns={columns.map((c) => ({
            key: c.key,
            header: c.title,
            numeric: isNumericColumn(c),
            render: (row) => <span data-value={row[c.key] ?? ''}>{cellText(c, row[c.key])}</span>,
          }))}
        />
        <Pagination
          offset={offset}
          limit={PAGE}
          total={rows.length}
          onChange={setOffset}
          label={analystMessages.rowPages}
        />
      </Card>
      <GeneratedSql queryText={props.queryText} />
    </>
  );
}
