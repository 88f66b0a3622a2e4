/**
 * The warehouse's tables and their columns, read with the console itself from ClickHouse's catalogue
 * (system.columns), so it is always the live schema; a filter narrows it by table or column name, and each
 * table offers a starting query.
 */
import { useMemo, useState } from 'react';
import { Button, Field, Notice, Skeleton } from '../components/index.ts';
import { messageOf } from '../data/useApi.ts';
import { analystMessages } from './messages.ts';
import { SCHEMA_SQL } from './sql-examples.ts';
import { groupColumns, type SqlAnswer } from './sql-values.ts';
import { usePosted } from './usePosted.ts';

const m = analystMessages.sql;
const SCHEMA_REQUEST = JSON.stringify({ sql: SCHEMA_SQL, format: 'json' });

export function SchemaBrowser(props: { onQueryTable: (table: string) => void }) {
  const schema = usePosted<SqlAnswer>('/api/v1/analytics/sql', SCHEMA_REQUEST);
  const [filter, setFilter] = useState('');
  const tables = useMemo(() => groupColumns(schema.data?.rows ?? []), [schema.data]);
  const shown = useMemo(() => {
    const word = filter.trim().toLowerCase();
    if (!word) return tables;
    return tables
      .map((t) =>
        t.table.toLowerCase().includes(word)
          ? t
          : { ...t, columns: t.columns.filter((c) => c.name.toLowerCase().includes(word)) },
      )
      .filter((t) => t.columns.length > 0);
  }, [tables, filter]);

  if (schema.loading) return <Skeleton height={200} label={m.tables} />;
  if (schema.error)
    return (
      <Notice tone="negative" title={m.tablesError}>
        {messageOf(schema.error)}
      </Notice>
    );
  return (
    <>
      <Field
        label={m.tablesFilter}
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul className="schema-tables">
        {shown.map((t) => (
          <li key={t.table}>
            <details open={filter.trim() !== '' && shown.length <= 3}>
              <summary>
                <span className="schema-tables__name">{t.table}</span>{' '}
                <span className="schema-tables__count">{m.columnCount(t.columns.length)}</span>
              </summary>
              <ul className="schema-columns" aria-label={m.columnsOf(t.table)}>
                {t.columns.map((c) => (
                  <li key={c.name}>
                    <span className="schema-columns__name">{c.name}</span>{' '}
                    <span className="schema-columns__type">{c.type}</span>
                  </li>
                ))}
              </ul>
              <Button variant="secondary" onClick={() => props.onQueryTable(t.table)}>
                {m.queryTable(t.table)}
              </Button>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
