export { Button } from './Button.tsx';
export { Card } from './Card.tsx';
export { DataTable, type Column } from './DataTable.tsx';
export { EmptyState } from './EmptyState.tsx';
export { KpiTile } from './KpiTile.tsx';
export { Skeleton } from './Skeleton.tsx';
