/**
 * Whether a company counts as verified. KYB (document review) is not built yet, so for now a company is
 * verified when an active owner has verified their email address. When KYB lands, this is the one function
 * to change: publishing, search's "verified only" filter and the directory's badge all ask it.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.ts';

/** SQL: the company whose id is `companyId` (a column reference) is verified. */
export const companyIsVerified = (companyId: Expression<string>): RawBuilder<SqlBool> =>
  sql<SqlBool>`EXISTS (SELECT 1 FROM users vu WHERE vu.company_id = ${companyId} AND vu.role = 'owner'
    AND vu.status = 'active' AND vu.email_verified_at IS NOT NULL)`;

export async function isVerified(db: Pick<Db, 'selectNoFrom'>, companyId: string): Promise<boolean> {
  const row = await db
    .selectNoFrom(companyIsVerified(sql.val(companyId)).as('verified'))
    .executeTakeFirstOrThrow();
  return Boolean(row.verified);
}
