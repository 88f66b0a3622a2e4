/** The executive dashboard's charts for the embed page: all of them, or the one the token names. */
import type { ComponentType } from 'react';
import {
  CohortRetention,
  GmvByMonth,
  GmvByRegion,
  Kpis,
  SupplierLeaderboard,
} from '../pages/ExecutiveDashboard.tsx';
import type { ChartIdOf } from './catalog.ts';

const CHARTS: Record<ChartIdOf<'executive'>, ComponentType> = {
  kpis: Kpis,
  'gmv-by-month': GmvByMonth,
  'gmv-by-region': GmvByRegion,
  'supplier-leaderboard': SupplierLeaderboard,
  'cohort-retention': CohortRetention,
};

export default function Executive({ chart }: { chart?: string }) {
  const Single = chart ? CHARTS[chart as keyof typeof CHARTS] : undefined;
  if (Single)
    return (
      <div className="dashboard-grid embed__single">
        <Single />
      </div>
    );
  // The same order and grid as the app's /executive page.
  return (
    <>
      <Kpis />
      <div className="dashboard-grid">
        <GmvByMonth />
        <GmvByRegion />
        <SupplierLeaderboard />
        <CohortRetention />
      </div>
    </>
  );
}
