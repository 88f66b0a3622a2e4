/**
 * The companies context: a company's profile and addresses, its KYB case (documents, submission, review),
 * trust scores and the admins' risk flags. api/ calls only this.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import type { KybStatus } from '../db/schema.ts';
import { requirePlatformAdmin } from '../identity/deps.ts';
import type { Notifier } from '../notifications/notifier.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';
import { createCompanyProfile } from './company-profile.ts';
import { adminCaseView, ownCompanyView } from './company-views.ts';
import { createKybDocuments } from './kyb-documents.ts';
import { createKybReview } from './kyb-review.ts';
import { riskFlags, SEVERITY_ORDER, type RiskSeverity } from './risk-flags.ts';
import { createTrustScoring } from './trust-scoring.ts';

export function createCompaniesService(deps: {
  db: Db;
  clock: Clock;
  storage: ObjectStorage;
  notifier: Notifier;
}) {
  const { db, clock } = deps;
  const profile = createCompanyProfile({ db, clock });
  const documents = createKybDocuments({ db, clock, storage: deps.storage });
  const review = createKybReview({ db, clock, notifier: deps.notifier });
  const trust = createTrustScoring({ db, clock });

  async function adminCase(principal: Principal, companyId: string) {
    requirePlatformAdmin(principal);
    const view = await adminCaseView(db, companyId);
    const flags = view.kind === 'manufacturer' ? await riskFlags(db, clock.now(), [companyId]) : new Map();
    return { ...view, riskFlags: flags.get(companyId) ?? [] };
  }

  /** Manufacturers with at least one flag at or above `minSeverity`, the most severe first. */
  async function flaggedCompanies(principal: Principal, filter: { minSeverity: RiskSeverity }) {
    requirePlatformAdmin(principal);
    const flags = await riskFlags(db, clock.now());
    const cutoff = SEVERITY_ORDER.indexOf(filter.minSeverity);
    const flagged = [...flags.entries()]
      .map(([companyId, list]) => ({
        companyId,
        flags: list.filter((f) => SEVERITY_ORDER.indexOf(f.severity) <= cutoff),
      }))
      .filter((c) => c.flags.length > 0);
    if (flagged.length === 0) return { items: [] };
    const names = await db
      .selectFrom('companies')
      .select(['id', 'name', 'status', 'kyb_status', 'trust_score'])
      .where(
        'id',
        'in',
        flagged.map((f) => f.companyId),
      )
      .execute();
    const byId = new Map(names.map((n) => [n.id, n]));
    const worst = (c: (typeof flagged)[number]) => SEVERITY_ORDER.indexOf(c.flags[0]!.severity);
    return {
      items: flagged
        .map((c) => {
          const company = byId.get(c.companyId)!;
          return {
            companyId: c.companyId,
            name: company.name,
            status: company.status,
            kybStatus: company.kyb_status as KybStatus,
            trustScore: company.trust_score,
            flags: c.flags,
          };
        })
        .sort(
          (a, b) => worst(a) - worst(b) || b.flags.length - a.flags.length || a.name.localeCompare(b.name),
        ),
    };
  }

  return {
    ownCompany: (principal: Principal) => ownCompanyView(db, principal),
    updateProfile: profile.updateProfile,
    saveAddress: profile.saveAddress,
    deleteAddress: profile.deleteAddress,
    mayUploadDocument: documents.mayUpload,
    uploadDocument: documents.upload,
    listDocuments: documents.list,
    readDocument: documents.read,
    withdrawDocument: documents.withdraw,
    submitKyb: review.submit,
    decideKyb: review.decide,
    kybQueue: review.queue,
    adminCase,
    flaggedCompanies,
    rescoreAll: (principal: Principal) => {
      requirePlatformAdmin(principal);
      return trust.rescoreAll();
    },
    /** For the daily job, which acts as the system. */
    rescoreAllAsSystem: () => trust.rescoreAll(),
  };
}

export type CompaniesService = ReturnType<typeof createCompaniesService>;
