/**
 * `/analytics/sql`: read-only SQL over the warehouse for platform analysts, executives and admins. A plain
 * monospace editor (Ctrl/Cmd+Enter runs; no code editor library, to keep the page light), the answer as a table
 * with its row count, time and truncation, downloads made by the API (CSV, Parquet), examples and the live
 * schema. The statement that ran is kept in the address (`?sql=`) when it fits, so it can be shared; a link
 * into the console (from the explorer's generated SQL) runs what it carries.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { useSession } from '../auth/SessionContext.tsx';
import { Button, Card, Field, Notice, PageTitle } from '../components/index.ts';
import { messageOf } from '../data/useApi.ts';
import { AnalystFrame } from './AnalystFrame.tsx';
import { downloadSqlExport } from './downloads.ts';
import { analystMessages } from './messages.ts';
import { SchemaBrowser } from './SchemaBrowser.tsx';
import { SQL_EXAMPLES } from './sql-examples.ts';
import { fitsInLink } from './sql-link.ts';
import type { SqlAnswer } from './sql-values.ts';
import { SqlResult } from './SqlResult.tsx';
import { usePosted } from './usePosted.ts';

const m = analystMessages.sql;
/** The console's row limits (semantic-layer/sql-console.ts): rows answered for the screen, rows in a download. */
const SCREEN_ROWS = 10_000;
const DOWNLOAD_ROWS = 1_000_000;

export default function SqlConsolePage() {
  return (
    <AnalystFrame>
      <SqlConsole />
    </AnalystFrame>
  );
}

function SqlConsole() {
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const linked = params.get('sql') ?? (location.state as { sql?: string } | null)?.sql ?? '';
  const [text, setText] = useState(linked);
  const [ran, setRan] = useState<{ sql: string; n: number } | null>(linked ? { sql: linked, n: 0 } : null);
  const [notice, setNotice] = useState<{ text: string; tone: 'warning' | 'negative' } | null>(null);
  const [downloading, setDownloading] = useState<'csv' | 'parquet' | null>(null);
  const editor = useRef<HTMLTextAreaElement>(null);

  // A statement arriving by link (Back, Forward, the explorer) replaces the editor's text and runs.
  const lastLinked = useRef(linked);
  useEffect(() => {
    if (linked === lastLinked.current) return;
    lastLinked.current = linked;
    if (linked && linked !== ran?.sql) {
      setText(linked);
      setRan({ sql: linked, n: 0 });
    }
  }, [linked, ran]);

  const answer = usePosted<SqlAnswer>(
    '/api/v1/analytics/sql',
    ran ? JSON.stringify({ sql: ran.sql, format: 'json' }) : null,
    ran?.n,
  );

  const run = () => {
    const sql = text.trim();
    setNotice(null);
    if (!sql) {
      setNotice({ text: m.empty, tone: 'warning' });
      return;
    }
    setRan((r) => ({ sql, n: (r?.n ?? 0) + 1 }));
    const fits = fitsInLink(sql);
    lastLinked.current = fits ? sql : '';
    setParams(fits ? { sql } : {});
    if (!fits) setNotice({ text: m.tooLongForLink, tone: 'warning' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  };

  const download = async (format: 'csv' | 'parquet') => {
    const sql = text.trim();
    setNotice(null);
    if (!sql) return setNotice({ text: m.empty, tone: 'warning' });
    setDownloading(format);
    try {
      await downloadSqlExport(session, sql, format);
    } catch (e) {
      setNotice({ text: messageOf(e), tone: 'negative' });
    } finally {
      setDownloading(null);
    }
  };

  const putInEditor = (sql: string) => {
    setText(sql);
    editor.current?.focus();
  };

  return (
    <>
      <PageTitle title={m.title} description={m.description(SCREEN_ROWS, DOWNLOAD_ROWS)} />
      <div className="sql-console">
        <div className="sql-console__main">
          <Card>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                run();
              }}
            >
              <Field label={m.editor} hint={m.editorHint}>
                {({ id, describedBy }) => (
                  <textarea
                    id={id}
                    ref={editor}
                    className="sql-editor"
                    aria-describedby={describedBy}
                    value={text}
                    rows={10}
                    spellCheck={false}
                    autoCapitalize="off"
                    autoCorrect="off"
                    onChange={(e) => setText(e.target.value)}
                    onKeyDown={onKeyDown}
                  />
                )}
              </Field>
              {notice && (
                <Notice tone={notice.tone} alert>
                  {notice.text}
                </Notice>
              )}
              <div className="explore-builder__actions">
                <Button type="submit" busy={answer.loading}>
                  {answer.loading ? m.running : m.run}
                </Button>
                <Button variant="secondary" busy={downloading === 'csv'} onClick={() => void download('csv')}>
                  {downloading === 'csv' ? m.downloading : m.csv}
                </Button>
                <Button
                  variant="secondary"
                  busy={downloading === 'parquet'}
                  onClick={() => void download('parquet')}
                >
                  {downloading === 'parquet' ? m.downloading : m.parquet}
                </Button>
              </div>
            </form>
          </Card>
          <Card title={m.result}>
            <SqlResult ran={ran} answer={answer} />
          </Card>
        </div>
        <div className="sql-console__side">
          <Card title={m.examples} subtitle={m.examplesHint}>
            <ul className="sql-examples">
              {SQL_EXAMPLES.map((example) => (
                <li key={example.title}>
                  <button
                    type="button"
                    className="sql-examples__use"
                    aria-label={m.useExample(example.title)}
                    onClick={() => putInEditor(example.sql)}
                  >
                    {example.title}
                  </button>
                  <p>{example.description}</p>
                </li>
              ))}
            </ul>
          </Card>
          <Card title={m.tables} subtitle={m.tablesHint}>
            <SchemaBrowser
              onQueryTable={(table) => putInEditor(`SELECT *\nFROM wholesail.${table}\nLIMIT 100`)}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
