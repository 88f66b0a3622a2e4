/**
 * A company's own profile, addresses and KYB case (`/api/v1/company`), the review queue and risk flags for
 * platform admins (`/api/v1/admin/kyb`, `/api/v1/admin/risk-flags`). Document files are in
 * kyb-document-routes.ts (raw bodies).
 */
import { z } from 'zod';
import type { CompaniesService } from '../../marketplace/companies/companies-service.ts';
import { DOCUMENT_KINDS } from '../../marketplace/companies/kyb-documents.ts';
import type { ApiDefinition } from '../openapi.ts';
import { countryCode } from './identity-routes.ts';

const uuidParam = (what: string) => z.uuid({ message: `must be a ${what} id (UUID)` });
const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

export const kybStatus = z.enum(['not_submitted', 'submitted', 'changes_requested', 'approved', 'rejected']);
const documentKind = z.enum(DOCUMENT_KINDS as [string, ...string[]], {
  message: `must be one of ${DOCUMENT_KINDS.join(', ')}`,
});

const address = z
  .object({
    id: z.string(),
    kind: z.enum(['registered', 'operations', 'warehouse']),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    postalCode: z.string().nullable(),
    country: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  })
  .openapi('CompanyAddress');

const addressBody = z
  .object({
    kind: z.enum(['registered', 'operations', 'warehouse']),
    line1: z.string().trim().min(1).max(200),
    line2: optionalText(200),
    city: z.string().trim().min(1).max(120),
    region: optionalText(120),
    postalCode: optionalText(20),
    country: countryCode,
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
  })
  .strict()
  .openapi('CompanyAddressInput');

const kybDocument = z
  .object({
    id: z.string(),
    kind: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.string(),
    withdrawnAt: z.string().nullable(),
    url: z.string(),
  })
  .openapi('KybDocument');

const trust = z.object({
  score: z.number().int().nullable(),
  badge: z.enum(['basic', 'verified', 'premium']),
  parts: z.unknown(),
  computedAt: z.string().nullable(),
});

const riskFlag = z.object({
  code: z.string(),
  severity: z.enum(['critical', 'high', 'medium']),
  message: z.string(),
});

const companyCase = z
  .object({
    id: z.string(),
    kind: z.string(),
    name: z.string(),
    status: z.string(),
    country: z.string(),
    city: z.string(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    foundedYear: z.number().int().nullable(),
    createdAt: z.string(),
    legalName: z.string().nullable(),
    registrationNumber: z.string().nullable(),
    taxId: z.string().nullable(),
    addresses: z.array(address),
    kyb: z.object({
      status: kybStatus,
      submittedAt: z.string().nullable(),
      decidedAt: z.string().nullable(),
      verifiedAt: z.string().nullable(),
      lastDecision: z
        .object({
          action: z.string(),
          reason: z.string().nullable(),
          requestedDocuments: z.array(z.string()),
          at: z.string(),
          by: z.string().nullable(),
        })
        .nullable(),
      missing: z.array(z.object({ field: z.string(), message: z.string() })),
      documents: z.array(kybDocument),
      history: z.array(z.unknown()),
    }),
    trust,
  })
  .openapi('CompanyProfile');

const profilePatch = z
  .object({
    name: z.string().trim().min(2).max(200).optional(),
    legalName: optionalText(200),
    registrationNumber: optionalText(60),
    taxId: optionalText(60),
    website: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL like https://example.com' })
      .max(300)
      .nullable()
      .optional(),
    description: z.string().trim().max(4000).nullable().optional(),
    foundedYear: z
      .number()
      .int()
      .min(1800)
      .max(new Date().getUTCFullYear(), { message: 'cannot be in the future' })
      .nullable()
      .optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'must change at least one field' })
  .openapi('CompanyProfilePatch');

const reason = z.string().trim().min(3, { message: 'must say why, in at least 3 characters' }).max(2000);

export function registerCompanyRoutes(api: ApiDefinition, deps: { companies: CompaniesService }) {
  const { companies } = deps;
  const tag = 'companies';

  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/company',
      summary:
        'Your company: profile, addresses, verification (KYB) case with what is still missing, and trust score',
      tag,
      auth: true,
      response: companyCase,
    },
    ({ principal }) => companies.ownCompany(principal),
  );
  api.defineRoute(
    {
      method: 'patch',
      path: '/api/v1/company',
      summary:
        'Change your company profile (company:manage); legal fields are locked under review and once verified',
      tag,
      auth: true,
      body: profilePatch,
      response: companyCase,
    },
    async ({ principal, body }) => {
      await companies.updateProfile(principal, body);
      return companies.ownCompany(principal);
    },
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/company/addresses',
      summary:
        'Add an address (one registered address per company); without coordinates the city centre is used when known',
      tag,
      auth: true,
      body: addressBody,
      status: 201,
      response: address,
    },
    ({ principal, body }) => companies.saveAddress(principal, body),
  );
  api.defineRoute(
    {
      method: 'patch',
      path: '/api/v1/company/addresses/:id',
      summary: 'Replace an address with the one given',
      tag,
      auth: true,
      params: z.object({ id: uuidParam('address') }).strict(),
      body: addressBody,
      response: address,
    },
    ({ principal, params, body }) => companies.saveAddress(principal, body, params.id),
  );
  api.defineRoute(
    {
      method: 'delete',
      path: '/api/v1/company/addresses/:id',
      summary: 'Remove an address',
      tag,
      auth: true,
      params: z.object({ id: uuidParam('address') }).strict(),
    },
    ({ principal, params }) => companies.deleteAddress(principal, params.id),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/company/kyb/documents',
      summary: 'Your verification documents, withdrawn ones included (company:manage)',
      tag,
      auth: true,
      response: z.object({ items: z.array(kybDocument) }),
    },
    async ({ principal }) => ({ items: await companies.listDocuments(principal) }),
  );
  api.defineRoute(
    {
      method: 'delete',
      path: '/api/v1/company/kyb/documents/:id',
      summary: 'Withdraw a verification document (not while under review)',
      tag,
      auth: true,
      params: z.object({ id: uuidParam('document') }).strict(),
    },
    ({ principal, params }) => companies.withdrawDocument(principal, params.id),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/company/kyb/submit',
      summary:
        'Submit your verification for review (manufacturers, company:manage); 422 lists what is still missing',
      tag,
      auth: true,
      response: z.object({ companyId: z.string(), status: kybStatus }),
    },
    ({ principal }) => companies.submitKyb(principal),
  );

  // Platform admins: the review queue, one case, the decisions, risk flags and trust recomputation.
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/admin/kyb',
      summary:
        'The KYB queue: manufacturers in one verification state, the longest-waiting first (platform admins)',
      tag: 'admin',
      auth: true,
      query: z
        .object({
          status: kybStatus.default('submitted'),
          limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(200).default(50),
          offset: z.coerce.number({ message: 'must be a number' }).int().min(0).max(1_000_000).default(0),
        })
        .strict(),
      response: z.object({
        items: z.array(
          z.object({
            companyId: z.string(),
            name: z.string(),
            country: z.string(),
            city: z.string(),
            kybStatus,
            submittedAt: z.string().nullable(),
            decidedAt: z.string().nullable(),
            waitingHours: z.number().int().nullable(),
            documents: z.number().int(),
            previousRejections: z.number().int(),
            trustScore: z.number().int().nullable(),
          }),
        ),
        hasMore: z.boolean(),
      }),
    },
    ({ principal, query }) => companies.kybQueue(principal, query),
  );
  const companyParams = z.object({ id: uuidParam('company') }).strict();
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/admin/kyb/:id',
      summary: 'One company’s verification case: profile, addresses, every document, history, risk flags',
      tag: 'admin',
      auth: true,
      params: companyParams,
      response: companyCase.extend({ riskFlags: z.array(riskFlag) }),
    },
    ({ principal, params }) => companies.adminCase(principal, params.id),
  );
  const decision = z.object({ companyId: z.string(), status: kybStatus });
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/admin/kyb/:id/approve',
      summary: 'Approve a submitted verification: the company may publish and shows the Verified badge',
      tag: 'admin',
      auth: true,
      params: companyParams,
      body: z.object({ note: reason.optional() }).strict(),
      response: decision,
    },
    ({ principal, params, body }) =>
      companies.decideKyb(principal, params.id, {
        action: 'approve',
        ...(body.note ? { reason: body.note } : {}),
      }),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/admin/kyb/:id/reject',
      summary: 'Reject a submitted verification with the reason the company will read',
      tag: 'admin',
      auth: true,
      params: companyParams,
      body: z.object({ reason }).strict(),
      response: decision,
    },
    ({ principal, params, body }) =>
      companies.decideKyb(principal, params.id, { action: 'reject', reason: body.reason }),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/admin/kyb/:id/request-changes',
      summary: 'Send a submitted verification back, naming the documents to upload again',
      tag: 'admin',
      auth: true,
      params: companyParams,
      body: z.object({ reason, documents: z.array(documentKind).max(4).default([]) }).strict(),
      response: decision,
    },
    ({ principal, params, body }) =>
      companies.decideKyb(principal, params.id, {
        action: 'request_changes',
        reason: body.reason,
        documents: body.documents as never,
      }),
  );
  api.defineRoute(
    {
      method: 'get',
      path: '/api/v1/admin/risk-flags',
      summary:
        'Manufacturers whose record shows risk (shared documents, disputes, cancellations, lateness, ratings)',
      tag: 'admin',
      auth: true,
      query: z.object({ minSeverity: z.enum(['critical', 'high', 'medium']).default('medium') }).strict(),
      response: z.object({
        items: z.array(
          z.object({
            companyId: z.string(),
            name: z.string(),
            status: z.string(),
            kybStatus,
            trustScore: z.number().int().nullable(),
            flags: z.array(riskFlag),
          }),
        ),
      }),
    },
    ({ principal, query }) => companies.flaggedCompanies(principal, query),
  );
  api.defineRoute(
    {
      method: 'post',
      path: '/api/v1/admin/trust-scores/recompute',
      summary: 'Recompute every manufacturer’s trust score now (the daily job does the same)',
      tag: 'admin',
      auth: true,
      response: z.object({ scored: z.number().int(), changed: z.number().int() }),
    },
    ({ principal }) => companies.rescoreAll(principal),
  );
}
