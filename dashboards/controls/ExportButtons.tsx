/**
 * "CSV" and "PNG" buttons for a card's header: the CSV of the rows behind the card, the PNG of its chart
 * (ECharts draws it again at twice the pixels). Both are made in the browser from what is on screen.
 */
import { useState, type RefObject } from 'react';
import type { ChartHandle } from '../charts/EChart.tsx';
import { exportName, saveFile, saveUrl, toCsv, type CsvColumn } from './csv.ts';
import { useDashboardFilters } from './DashboardFilters.tsx';
import { controlMessages as m } from './messages.ts';

export function ExportButtons<Row>(props: {
  /** The card's title: names the file and the buttons for screen readers. */
  title: string;
  rows: Row[] | null;
  columns: Array<CsvColumn<Row>>;
  chart?: RefObject<ChartHandle | null>;
}) {
  const { range } = useDashboardFilters();
  const [busy, setBusy] = useState(false);
  const disabled = !props.rows || props.rows.length === 0;
  const csv = async () => {
    if (!props.rows) return;
    setBusy(true);
    try {
      saveFile(exportName(props.title, range, 'csv'), await toCsv(props.columns, props.rows));
    } finally {
      setBusy(false);
    }
  };
  const png = () => {
    const url = props.chart?.current?.toPng();
    if (url) saveUrl(exportName(props.title, range, 'png'), url);
  };
  return (
    <div className="export-buttons" role="group" aria-label={m.exportGroup(props.title)}>
      <button
        type="button"
        className="export-button"
        onClick={() => void csv()}
        disabled={disabled || busy}
        aria-label={m.downloadCsv(props.title)}
      >
        {m.csv}
      </button>
      {props.chart && (
        <button
          type="button"
          className="export-button"
          onClick={png}
          disabled={disabled}
          aria-label={m.downloadPng(props.title)}
        >
          {m.png}
        </button>
      )}
    </div>
  );
}
