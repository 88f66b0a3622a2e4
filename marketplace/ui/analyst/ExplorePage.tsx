/**
 * `/analytics/explore`: the analysts' query builder over the semantic layer. Measures and dimensions come from
 * Cube's meta for the caller; a run puts the query in the address (`?query=<Cube JSON>`), and the page shows
 * whatever query the address holds, so a link reproduces the analysis and Back returns to the previous one.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, EmptyState, Notice, PageTitle, Skeleton } from '../components/index.ts';
import { messageOf, useApi } from '../data/useApi.ts';
import { AnalystFrame } from './AnalystFrame.tsx';
import { indexMembers, type CubeMeta } from './cube-meta.ts';
import { draftFromQuery, GMV_BY_MONTH, readQueryParam, type CubeQuery } from './explore-query.ts';
import { ExploreResults } from './ExploreResults.tsx';
import { analystMessages } from './messages.ts';
import { QueryBuilder } from './QueryBuilder.tsx';
import type { LoadAnswer } from './result-table.ts';
import { usePosted } from './usePosted.ts';

const m = analystMessages.explore;

export default function ExplorePage() {
  return (
    <AnalystFrame>
      <Explorer />
    </AnalystFrame>
  );
}

function Explorer() {
  const [params, setParams] = useSearchParams();
  const queryText = params.get('query');
  const link = useMemo(() => readQueryParam(queryText), [queryText]);
  const runnable = link.query ? JSON.stringify(link.query) : null;
  const [run, setRun] = useState(0);
  const result = usePosted<LoadAnswer>(
    '/cubejs-api/v1/load',
    runnable ? JSON.stringify({ query: link.query }) : null,
    run,
  );

  const meta = useApi<CubeMeta>('/cubejs-api/v1/meta');
  const index = useMemo(() => (meta.data ? indexMembers(meta.data) : null), [meta.data]);
  const formatOf = useCallback((member: string) => index?.get(member)?.member.format, [index]);
  const loaded = useMemo(() => draftFromQuery(link.query ?? {}), [link.query]);

  // The form keeps its state (and focus) across its own runs; a query arriving otherwise (Back, Forward, a
  // pasted link, Start over) replaces it.
  const [builderKey, setBuilderKey] = useState(0);
  const ownRun = useRef<string | null>(queryText);
  useEffect(() => {
    if (queryText !== ownRun.current) {
      ownRun.current = queryText;
      setBuilderKey((k) => k + 1);
    }
  }, [queryText]);

  // On a phone the results sit below the long form: bring them into view when a run of ours finishes.
  const results = useRef<HTMLDivElement>(null);
  const awaitingOwn = useRef(false);
  useEffect(() => {
    if (result.loading || !awaitingOwn.current) return;
    awaitingOwn.current = false;
    const top = results.current?.getBoundingClientRect().top ?? 0;
    if (top > window.innerHeight * 0.8) results.current?.scrollIntoView({ block: 'start' });
  }, [result.loading]);

  /** `fromBuilder`: the form already shows this query; otherwise (the example) it is loaded into the form. */
  const runQuery = (query: CubeQuery, fromBuilder = true) => {
    awaitingOwn.current = true;
    const next = JSON.stringify(query);
    if (next === queryText) setRun((n) => n + 1);
    else {
      if (fromBuilder) ownRun.current = next;
      setParams({ query: next });
    }
  };
  const canTryExample = Boolean(index?.has('orders.gmv') && index.has('orders.placed_at'));

  return (
    <>
      <PageTitle title={m.title} description={m.description} />
      {link.error && <Notice tone="warning">{m.badLink}</Notice>}
      {loaded.unsupported.length > 0 && <Notice tone="warning">{m.unsupported(loaded.unsupported)}</Notice>}
      <div className="explore">
        <Card title={m.builder} className="explore__builder">
          {meta.loading && <Skeleton height={320} label={m.metaLoading} />}
          {meta.error && (
            <Notice tone="negative" title={m.metaError} alert>
              {messageOf(meta.error)}
            </Notice>
          )}
          {meta.data && index && (
            <QueryBuilder
              key={builderKey}
              meta={meta.data}
              index={index}
              initial={loaded.draft}
              running={result.loading}
              onRun={runQuery}
              onReset={() => setParams({})}
            />
          )}
        </Card>
        <div className="explore__results" ref={results}>
          {runnable ? (
            <ExploreResults
              queryText={runnable}
              result={result}
              formatOf={formatOf}
              onRetry={() => setRun((n) => n + 1)}
            />
          ) : (
            <Card title={m.table}>
              <EmptyState title={m.nothingYet}>
                <p>{m.nothingYetHint}</p>
                {canTryExample && (
                  <Button variant="secondary" onClick={() => runQuery(GMV_BY_MONTH, false)}>
                    {m.exampleGmv}
                  </Button>
                )}
              </EmptyState>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
