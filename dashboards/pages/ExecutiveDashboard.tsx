/**
 * The platform's own dashboard (executives, admins, analysts): headline figures with their changes, GMV over
 * time, by buyer region and on a map, sales by category, the supplier leaderboard and buyer cohort retention.
 * Every figure is a Cube query for the period and filters in the URL; all of them refresh live. The charts are
 * exported one by one for the embed page (dashboards/embed/Executive.tsx).
 */
import { AnalyticsProvider } from '../cube/AnalyticsProvider.tsx';
import { countryName } from '../format.ts';
import { DashboardFiltersProvider, LAST_30_DAYS_CHOICE } from '../controls/DashboardFilters.tsx';
import { DrillDownProvider } from '../controls/DrillDown.tsx';
import { FilterBar, type ChoiceFilter } from '../controls/FilterBar.tsx';
import { GmvMap } from '../maps/GmvMap.tsx';
import { EXECUTIVE_DRILLS } from './drill-kinds.ts';
import { CategoryBreakdown } from './executive-categories.tsx';
import { CohortRetention, SupplierLeaderboard } from './executive-tables.tsx';
import { GmvByMonth, GmvByRegion } from './executive-trends.tsx';
import { OrderTiles, RevenueTiles } from './executive-kpis.tsx';
import { pageMessages as m } from './messages.ts';
import { PageHeader } from './PageHeader.tsx';

export { CategoryBreakdown } from './executive-categories.tsx';
export { CohortRetention, SupplierLeaderboard } from './executive-tables.tsx';
export { GmvByMonth, GmvByRegion } from './executive-trends.tsx';
export { Kpis, OrderTiles, RevenueTiles } from './executive-kpis.tsx';
export { GmvMap } from '../maps/GmvMap.tsx';

const CHOICES: ChoiceFilter[] = [
  {
    name: 'country',
    label: m.buyerCountry,
    allLabel: m.allCountries,
    options: { measures: ['daily_gmv.orders'], dimensions: ['daily_gmv.buyer_country'] },
    valueMember: 'daily_gmv.buyer_country',
    describe: countryName,
  },
  {
    name: 'category',
    label: m.category,
    allLabel: m.allCategories,
    hint: m.executive.categoryHint,
    options: {
      measures: ['category_sales.lines'],
      dimensions: ['category_sales.category_l1', 'category_sales.category_l1_name'],
    },
    valueMember: 'category_sales.category_l1',
    labelMember: 'category_sales.category_l1_name',
  },
];

export default function ExecutiveDashboard() {
  return (
    <AnalyticsProvider>
      <DashboardFiltersProvider defaultPeriod={LAST_30_DAYS_CHOICE}>
        <DrillDownProvider kinds={EXECUTIVE_DRILLS}>
          <PageHeader title={m.executive.title} description={m.executive.description} />
          <FilterBar choices={CHOICES} />
          <div className="kpi-row">
            <OrderTiles />
            <RevenueTiles />
          </div>
          <div className="dashboard-grid">
            <GmvByMonth wide />
            <GmvByRegion />
            <CategoryBreakdown />
            <GmvMap />
            <SupplierLeaderboard />
            <CohortRetention />
          </div>
        </DrillDownProvider>
      </DashboardFiltersProvider>
    </AnalyticsProvider>
  );
}
