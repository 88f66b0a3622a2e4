/**
 * The figures behind a chart as a table, folded under the chart. It is the chart's keyboard and screen-reader
 * twin: where the chart can be clicked to drill down, each row's first cell is a button that does the same.
 */
import { DataTable, type Column } from '../../marketplace/ui/components/index.ts';
import { controlMessages as m } from './messages.ts';

export function Figures<Row>(props: {
  caption: string;
  rows: Row[];
  rowKey: (row: Row, index: number) => string;
  columns: Array<Column<Row>>;
  summary?: string;
}) {
  return (
    <details className="chart-figures">
      <summary>{props.summary ?? m.showFigures}</summary>
      <DataTable
        caption={props.caption}
        captionHidden
        rows={props.rows}
        rowKey={props.rowKey}
        columns={props.columns}
      />
    </details>
  );
}

/**
 * A row label that opens the rows behind it, or plain text where there is no drill-down (the embed). Its
 * accessible name starts with the visible label ("Berlin, DE, show the orders from buyers there"), so voice
 * control users can say what they see.
 */
export function DrillCell(props: { label: string; action: string; onDrill?: () => void }) {
  if (!props.onDrill) return <>{props.label}</>;
  return (
    <button type="button" className="drill-link" onClick={props.onDrill}>
      {props.label}
      <span className="visually-hidden">, {props.action}</span>
    </button>
  );
}
