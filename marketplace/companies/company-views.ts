/**
 * How a company's profile, KYB case and trust score read, to its own members and to the admins reviewing it.
 * `missingForSubmission` is the one checklist both the seller's wizard and `submit` use, so the wizard can never
 * show "ready" for a case the service would refuse.
 */
import type { Selectable, Transaction } from 'kysely';
import { notFound } from '../../platform/errors.ts';
import { can, type Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { CompaniesTable, Database, KybDocumentKind } from '../db/schema.ts';
import { addressView } from './company-profile.ts';
import { documentView } from './kyb-documents.ts';
import { REQUIRED_DOCUMENTS } from './kyb-state.ts';

type Reader = Db | Transaction<Database>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export interface MissingItem {
  /** `legalName`, `registrationNumber`, `taxId`, `registeredAddress` or `documents.<kind>`. */
  field: string;
  message: string;
}

type Company = Selectable<CompaniesTable>;
type CompanyRow = Pick<Company, 'id' | 'legal_name' | 'registration_number' | 'tax_id' | 'kyb_status'>;

/** What still stands between this company and a submission (empty = ready to submit). */
export async function missingForSubmission(db: Reader, company: CompanyRow): Promise<MissingItem[]> {
  const missing: MissingItem[] = [];
  if (!company.legal_name) missing.push({ field: 'legalName', message: 'the legal name as registered' });
  if (!company.registration_number)
    missing.push({ field: 'registrationNumber', message: 'the business registration number' });
  if (!company.tax_id) missing.push({ field: 'taxId', message: 'the tax identification number' });
  const registered = await db
    .selectFrom('company_addresses')
    .select('id')
    .where('company_id', '=', company.id)
    .where('kind', '=', 'registered')
    .executeTakeFirst();
  if (!registered) missing.push({ field: 'registeredAddress', message: 'the registered address' });

  const documents = await db
    .selectFrom('kyb_documents')
    .select(['kind', 'created_at'])
    .where('company_id', '=', company.id)
    .where('withdrawn_at', 'is', null)
    .execute();
  // After a change request, the documents the reviewer named must be new ones, uploaded since the request.
  const requested = new Set<KybDocumentKind>();
  let since = new Date(0);
  if (company.kyb_status === 'changes_requested') {
    const request = await db
      .selectFrom('kyb_reviews')
      .select(['requested_documents', 'created_at'])
      .where('company_id', '=', company.id)
      .where('action', '=', 'changes_requested')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (request) {
      since = new Date(request.created_at);
      request.requested_documents.forEach((kind) => requested.add(kind));
    }
  }
  for (const kind of new Set([...REQUIRED_DOCUMENTS, ...requested])) {
    const mustBeNew = requested.has(kind);
    const onFile = documents.some(
      (d) => d.kind === kind && (!mustBeNew || new Date(d.created_at).getTime() > since.getTime()),
    );
    const label = kind.replace(/_/g, ' ');
    if (!onFile)
      missing.push({
        field: `documents.${kind}`,
        message: mustBeNew ? `a new ${label} document, as the reviewer asked` : `a ${label} document`,
      });
  }
  return missing;
}

async function history(db: Reader, companyId: string) {
  const rows = await db
    .selectFrom('kyb_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.actor_user_id')
    .select(['r.action', 'r.reason', 'r.requested_documents', 'r.created_at', 'u.email as actor_email'])
    .where('r.company_id', '=', companyId)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    action: r.action,
    reason: r.reason,
    requestedDocuments: r.requested_documents,
    at: iso(r.created_at)!,
    by: r.actor_email,
  }));
}

function trustView(company: Company) {
  const components = company.trust_components as { parts?: unknown } | null;
  return {
    score: company.trust_score,
    badge: company.trust_badge,
    parts: components?.parts ?? null,
    computedAt: iso(company.trust_computed_at),
  };
}

async function caseView(db: Reader, company: Company, options: { admin: boolean; legal: boolean }) {
  const [addresses, documents, reviews] = await Promise.all([
    db
      .selectFrom('company_addresses')
      .selectAll()
      .where('company_id', '=', company.id)
      .orderBy('created_at')
      .execute(),
    options.legal
      ? db
          .selectFrom('kyb_documents')
          .selectAll()
          .where('company_id', '=', company.id)
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
    history(db, company.id),
  ]);
  const last = [...reviews].reverse().find((r) => r.action !== 'submitted') ?? null;
  return {
    id: company.id,
    kind: company.kind,
    name: company.name,
    status: company.status,
    country: company.country,
    city: company.city,
    website: company.website,
    description: company.description,
    foundedYear: company.founded_year,
    createdAt: iso(company.created_at)!,
    // Legal identifiers are for those who manage the company (and reviewers), not every member.
    legalName: company.legal_name,
    registrationNumber: options.legal ? company.registration_number : null,
    taxId: options.legal ? company.tax_id : null,
    addresses: addresses.map(addressView),
    kyb: {
      status: company.kyb_status,
      submittedAt: iso(company.kyb_submitted_at),
      decidedAt: iso(company.kyb_decided_at),
      verifiedAt: iso(company.verified_at),
      lastDecision: last,
      missing:
        company.kind === 'manufacturer' && options.legal ? await missingForSubmission(db, company) : [],
      documents: documents.filter((d) => options.admin || !d.withdrawn_at).map(documentView),
      history: options.admin || options.legal ? reviews : [],
    },
    trust: trustView(company),
  };
}

export async function ownCompanyView(db: Reader, principal: Principal) {
  const company = await db
    .selectFrom('companies')
    .selectAll()
    .where('id', '=', principal.companyId)
    .executeTakeFirst();
  if (!company) throw notFound('company', principal.companyId);
  return caseView(db, company, { admin: false, legal: can(principal, 'company:manage') });
}

export async function adminCaseView(db: Reader, companyId: string) {
  const company = await db.selectFrom('companies').selectAll().where('id', '=', companyId).executeTakeFirst();
  if (!company) throw notFound('company', companyId);
  return caseView(db, company, { admin: true, legal: true });
}
