/**
 * Whether a company counts as verified: its KYB case was approved by a platform admin
 * (marketplace/companies/kyb-review.ts). Publishing, search's "verified only" filter and the directory's badge
 * all ask this one function, so the rule lives in one place.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.ts';

/** SQL: the company whose id is `companyId` (a column reference) is verified. */
export const companyIsVerified = (companyId: Expression<string>): RawBuilder<SqlBool> =>
  sql<SqlBool>`EXISTS (SELECT 1 FROM companies vc WHERE vc.id = ${companyId} AND vc.kyb_status = 'approved')`;

export async function isVerified(db: Pick<Db, 'selectNoFrom'>, companyId: string): Promise<boolean> {
  const row = await db
    .selectNoFrom(companyIsVerified(sql.val(companyId)).as('verified'))
    .executeTakeFirstOrThrow();
  return Boolean(row.verified);
}
