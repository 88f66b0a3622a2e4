/**
 * Drill-down: from a point of a chart (a month, a region, a category, a manufacturer) to the orders or order
 * lines behind it. The rows come from their own Cube query with the point's filter, the page's period and its
 * other filters, so the semantic layer applies the caller's row rules and nothing big is filtered in the
 * browser. The newest rows show first, up to 100 (DrillDialog's ROW_LIMIT), with a CSV of the same rows.
 *
 * A page sets it up with `DrillDownProvider` (which rows it may show, per kind); a card calls `useDrillDown()`.
 * Outside a page (the embed) there is no provider: cards are not clickable there, since an embed token opens
 * only the cubes its charts read.
 */
import type { Filter } from '@cubejs-client/core';
import { createContext, lazy, Suspense, useContext, useState, type ReactNode } from 'react';
import type { ScopeMembers } from '../cube/scope.ts';
import type { DayRange } from './period.ts';

export type DrillFormat = 'text' | 'money' | 'integer' | 'datetime' | 'country' | 'order';

/** One column of the rows: a dimension or a measure of the cube, and how to show it. */
export interface DrillColumn {
  member: string;
  header: string;
  kind: 'dimension' | 'measure';
  format: DrillFormat;
}

/** What rows a page may show for one kind of drill-down ("orders", "lines"), and which members scope them. */
export interface DrillKind {
  columns: DrillColumn[];
  members: ScopeMembers;
  /** Newest first. */
  orderBy: string;
  /** Where an order's page is, when the rows are orders the caller may open. */
  orderHref?: (orderId: string) => string;
}

/** What a card asks for: the rows of `kind` matching `filters` inside `range`. */
export interface DrillRequest {
  kind: string;
  title: string;
  filters: Filter[];
  /** The bucket's days; null for the page's period. */
  range?: DayRange | null;
}

// Opened by a click on a point, rarely: the dialog (its query, table and CSV) is a chunk of its own.
const DrillDialog = lazy(() => import('./DrillDialog.tsx'));

const DrillContext = createContext<((request: DrillRequest) => void) | null>(null);

/** The drill-down opener, or null where there is none (the embed). */
export const useDrillDown = () => useContext(DrillContext);

export function DrillDownProvider(props: { kinds: Record<string, DrillKind>; children: ReactNode }) {
  const [request, setRequest] = useState<DrillRequest | null>(null);
  return (
    <DrillContext.Provider value={setRequest}>
      {props.children}
      {request && props.kinds[request.kind] && (
        <Suspense fallback={null}>
          <DrillDialog request={request} kind={props.kinds[request.kind]!} onClose={() => setRequest(null)} />
        </Suspense>
      )}
    </DrillContext.Provider>
  );
}
