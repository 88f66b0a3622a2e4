/** The shapes the admin endpoints answer with (api/routes/admin-routes.ts, company-routes.ts, catalog-routes.ts). */
import type { CompanyCase, KybStatus } from '../verification/types.ts';

export type RiskSeverity = 'critical' | 'high' | 'medium';

export interface RiskFlag {
  code: string;
  severity: RiskSeverity;
  message: string;
}

export interface QueueItem {
  companyId: string;
  name: string;
  country: string;
  city: string;
  kybStatus: KybStatus;
  submittedAt: string | null;
  decidedAt: string | null;
  waitingHours: number | null;
  documents: number;
  previousRejections: number;
  trustScore: number | null;
}

export type AdminCase = CompanyCase & { riskFlags: RiskFlag[] };

export interface FlaggedCompany {
  companyId: string;
  name: string;
  status: string;
  kybStatus: KybStatus;
  trustScore: number | null;
  flags: RiskFlag[];
}

export interface AdminCompany {
  id: string;
  kind: 'manufacturer' | 'retailer' | 'platform';
  name: string;
  country: string;
  city: string;
  status: 'active' | 'suspended';
  suspendedAt: string | null;
  suspensionReason: string | null;
  createdAt: string;
}

export interface AdminUser {
  id: string;
  email: string;
  companyId: string;
  companyName: string;
  companyKind: string;
  role: string;
  status: 'active' | 'suspended' | 'removed';
  emailVerified: boolean;
  twoFactor: boolean;
  suspendedAt: string | null;
  suspensionReason: string | null;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  occurredAt: string;
  actor: { kind: string; userId: string | null; companyId: string | null };
  action: string;
  target: { type: string; id: string; companyId: string | null };
  reason: string | null;
  before: unknown;
  after: unknown;
}

export interface Paged<T> {
  items: T[];
  hasMore: boolean;
}

/** A listing as public search shows it (the fields moderation needs). */
export interface ListedProduct {
  id: string;
  sellerCompanyId: string;
  sellerName: string;
  sku: string;
  name: string;
  publishedAt: string | null;
  createdAt: string;
}
