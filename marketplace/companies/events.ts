/** Events the companies context emits. Payload schemas are registered in ingest/events/catalog.ts. */
export const COMPANY_REGISTERED = 'company.registered';

export interface CompanyRegisteredV1 {
  companyId: string;
  kind: 'manufacturer' | 'retailer' | 'platform';
  name: string;
  country: string;
  city: string;
}

export const COMPANY_MEMBER_ADDED = 'company.member_added';

export interface CompanyMemberAddedV1 {
  companyId: string;
  userId: string;
  role: string;
}

/** A manufacturer's KYB case moved (submitted, approved, rejected, sent back for changes). */
export const COMPANY_KYB_STATUS_CHANGED = 'company.kyb_status_changed';

export interface CompanyKybStatusChangedV1 {
  companyId: string;
  from: 'not_submitted' | 'submitted' | 'changes_requested' | 'approved' | 'rejected';
  to: 'not_submitted' | 'submitted' | 'changes_requested' | 'approved' | 'rejected';
  /** The reviewer's reason (rejections and change requests); null otherwise. */
  reason: string | null;
  requestedDocuments: string[];
}

/** A company's public profile changed (legal and descriptive fields, or an address). */
export const COMPANY_PROFILE_UPDATED = 'company.profile_updated';

export interface CompanyProfileUpdatedV1 {
  companyId: string;
  /** The fields that changed, e.g. `legalName`, `addresses`. */
  changed: string[];
  /** The registered address's place, when it is known: the warehouse's geography for this company. */
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** A manufacturer's trust score or badge changed (marketplace/companies/trust-score.ts). */
export const COMPANY_TRUST_SCORED = 'company.trust_scored';

export interface CompanyTrustScoredV1 {
  companyId: string;
  score: number;
  badge: 'basic' | 'verified' | 'premium';
  previousScore: number | null;
}
