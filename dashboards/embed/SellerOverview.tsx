/** The seller dashboard's charts for the embed page: all of them, or the one the token names. */
import type { ComponentType } from 'react';
import {
  Benchmarks,
  BuyerMap,
  NewVsReturning,
  SalesTrend,
  TopProducts,
} from '../pages/ManufacturerDashboard.tsx';
import type { ChartIdOf } from './catalog.ts';

const CHARTS: Record<ChartIdOf<'seller-overview'>, ComponentType> = {
  'sales-trend': SalesTrend,
  'top-products': TopProducts,
  'new-vs-returning': NewVsReturning,
  'buyer-map': BuyerMap,
  benchmarks: Benchmarks,
};

export default function SellerOverview({ chart }: { chart?: string }) {
  const Single = chart ? CHARTS[chart as keyof typeof CHARTS] : undefined;
  if (Single)
    return (
      <div className="dashboard-grid embed__single">
        <Single />
      </div>
    );
  // The same order and grid as the app's /seller page.
  return (
    <div className="dashboard-grid">
      <SalesTrend />
      <TopProducts />
      <NewVsReturning />
      <BuyerMap />
      <Benchmarks />
    </div>
  );
}
