/** The shapes `/api/v1/company` and the KYB endpoints answer with (api/routes/company-routes.ts). */
export type KybStatus = 'not_submitted' | 'submitted' | 'changes_requested' | 'approved' | 'rejected';
export type AddressKind = 'registered' | 'operations' | 'warehouse';
export type DocumentKind = 'business_registration' | 'tax_id' | 'proof_of_address' | 'other';
export type TrustBadge = 'basic' | 'verified' | 'premium';

export interface CompanyAddress {
  id: string;
  kind: AddressKind;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  latitude: number | null;
  longitude: number | null;
}

export interface KybDocument {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  withdrawnAt: string | null;
  /** The authenticated download path, `/api/v1/kyb-documents/{id}`. */
  url: string;
}

/** One step of the case's history: the submission or a reviewer's decision. */
export interface KybHistoryEntry {
  action: string;
  reason: string | null;
  requestedDocuments: string[];
  at: string;
  by: string | null;
}

export interface TrustPart {
  points: number;
  max: number;
  enoughHistory: boolean;
}

export interface Trust {
  score: number | null;
  badge: TrustBadge;
  /** Per part (verification, fulfilment, onTime, disputes, reviews, tenure); null until first computed. */
  parts: Record<string, TrustPart> | null;
  computedAt: string | null;
}

export interface MissingItem {
  /** `legalName`, `registrationNumber`, `taxId`, `registeredAddress` or `documents.<kind>`. */
  field: string;
  message: string;
}

export interface CompanyCase {
  id: string;
  kind: string;
  name: string;
  status: string;
  country: string;
  city: string;
  website: string | null;
  description: string | null;
  foundedYear: number | null;
  createdAt: string;
  legalName: string | null;
  /** Null for members without `company:manage` (legal identifiers are for those who manage the company). */
  registrationNumber: string | null;
  taxId: string | null;
  addresses: CompanyAddress[];
  kyb: {
    status: KybStatus;
    submittedAt: string | null;
    decidedAt: string | null;
    verifiedAt: string | null;
    lastDecision: KybHistoryEntry | null;
    missing: MissingItem[];
    documents: KybDocument[];
    history: KybHistoryEntry[];
  };
  trust: Trust;
}
