import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState.tsx';
import { componentMessages as m } from './messages.ts';
import { Skeleton } from './Skeleton.tsx';

export interface Column<Row> {
  key: string;
  header: string;
  /** Numbers align right so digits line up. */
  numeric?: boolean;
  render: (row: Row) => ReactNode;
}

/**
 * A captioned, scrollable table. `rows === null` means loading (skeleton rows); an empty array shows `empty`.
 * The wrapper scrolls sideways on a phone instead of squeezing the columns.
 */
export function DataTable<Row>(props: {
  caption: string;
  columns: Array<Column<Row>>;
  rows: Row[] | null;
  rowKey: (row: Row, index: number) => string;
  empty?: ReactNode;
  captionHidden?: boolean;
}) {
  if (props.rows === null)
    return (
      <div className="ws-table-skeleton">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} height={20} label={i === 0 ? m.loadingWhat(props.caption) : undefined} />
        ))}
      </div>
    );
  if (props.rows.length === 0) return <>{props.empty ?? <EmptyState title={m.nothingYet} />}</>;
  return (
    <div className="ws-table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table className="ws-table">
        <caption className={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'is-numeric' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr key={props.rowKey(row, i)}>
              {props.columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'is-numeric' : undefined}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
