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
