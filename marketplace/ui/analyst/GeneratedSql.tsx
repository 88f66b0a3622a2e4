/**
 * The SQL the semantic layer generates for the query that ran, for this caller (row rules included), fetched
 * from Cube's `/sql` when asked for, with its parameters written in so it reads as one statement and can be
 * taken to the SQL console as it is.
 */
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Notice, Skeleton } from '../components/index.ts';
import { useApi } from '../data/useApi.ts';
import { problemTitle } from './AnalystFrame.tsx';
import { analystMessages } from './messages.ts';
import { inlineParams } from './sql-params.ts';
import { consoleLink } from './sql-link.ts';

const m = analystMessages.explore;

interface SqlAnswer {
  sql: { sql: [string, unknown[]] };
}

export function GeneratedSql(props: { queryText: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <Card
      title={m.sql}
      subtitle={m.sqlHint}
      actions={
        <Button
          variant="secondary"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          {open ? m.hideSql : m.showSql}
        </Button>
      }
    >
      <div id={panelId}>{open && <SqlText queryText={props.queryText} />}</div>
    </Card>
  );
}

function SqlText(props: { queryText: string }) {
  const answer = useApi<SqlAnswer>(`/cubejs-api/v1/sql?query=${encodeURIComponent(props.queryText)}`);
  const [copied, setCopied] = useState(false);
  if (answer.loading) return <Skeleton height={120} label={m.sqlLoading} />;
  if (answer.error || !answer.data)
    return (
      <Notice tone="negative" title={problemTitle(answer.error ?? new Error())}>
        <p>{answer.error?.message}</p>
      </Notice>
    );
  const [sql, params] = answer.data.sql.sql;
  const text = inlineParams(sql, params);
  const link = consoleLink(text);
  return (
    <>
      <pre className="generated-sql" tabIndex={0} aria-label={m.sqlLabel} data-testid="generated-sql">
        <code>{text}</code>
      </pre>
      <div className="explore-builder__actions">
        <Link className="ws-button ws-button--secondary" to={link.to} state={link.state}>
          {m.openInConsole}
        </Link>
        {navigator.clipboard && (
          <Button
            variant="ghost"
            onClick={() =>
              void navigator.clipboard.writeText(text).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {m.copySql}
          </Button>
        )}
        <span role="status" className="explore-note">
          {copied ? m.copied : ''}
        </span>
      </div>
    </>
  );
}
