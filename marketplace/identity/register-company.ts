/**
 * A company joins with its owner. `signUp` is the public path: the owner's email is unverified until they click
 * the link we send, and the answer never says whether the address already had an account (that person gets an
 * email instead). `registerCompany` is the operator's path (the demo seeder, tests, support staff) for an owner
 * whose address the operator vouches for.
 */
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/domain-event.ts';
import { systemActor } from '../../platform/domain-event.ts';
import { newId } from '../../platform/ids.ts';
import type { CompanyKind } from '../../platform/principal.ts';
import { COMPANY_REGISTERED, type CompanyRegisteredV1 } from '../companies/events.ts';
import { approveOnOperatorsWord } from '../companies/kyb-review.ts';
import type { Database } from '../db/schema.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { assertEmailFree, findUserByEmail, type IdentityDeps } from './deps.ts';
import { alreadyRegisteredEmail, verificationEmail } from './emails.ts';
import { USER_REGISTERED, type UserRegisteredV1 } from './events.ts';
import { issueOneTimeToken } from './one-time-tokens.ts';
import { assertStrongPassword, hashPassword } from './passwords.ts';
import { permissionsFor } from './roles.ts';

export interface RegisterCompanyInput {
  kind: CompanyKind;
  name: string;
  country: string;
  city: string;
  owner: { email: string; password: string; role?: string };
}

export interface SignUpInput {
  kind: 'manufacturer' | 'retailer';
  companyName: string;
  country: string;
  city: string;
  email: string;
  password: string;
}

export function registerCompanyUseCases(deps: IdentityDeps) {
  const { db, clock } = deps;

  async function insertCompanyWithOwner(
    tx: Transaction<Database>,
    input: RegisterCompanyInput,
    passwordHash: string,
    options: { emailVerified: boolean; via: UserRegisteredV1['via']; actor: Actor; now: Date },
  ) {
    const role = input.owner.role ?? (input.kind === 'platform' ? 'admin' : 'owner');
    const companyId = newId();
    const userId = newId();
    const { now, actor } = options;
    await assertEmailFree(tx, input.owner.email, 'owner.email');
    await tx
      .insertInto('companies')
      .values({
        id: companyId,
        kind: input.kind,
        name: input.name,
        country: input.country,
        city: input.city,
        created_at: now,
      })
      .execute();
    await tx
      .insertInto('users')
      .values({
        id: userId,
        company_id: companyId,
        email: input.owner.email,
        password_hash: passwordHash,
        role,
        created_at: now,
        email_verified_at: options.emailVerified ? now : null,
      })
      .execute();
    const event = { version: 1, companyIds: [companyId], occurredAt: now, actor };
    await recordEvent<CompanyRegisteredV1>(tx, {
      ...event,
      type: COMPANY_REGISTERED,
      aggregateType: 'company',
      aggregateId: companyId,
      payload: { companyId, kind: input.kind, name: input.name, country: input.country, city: input.city },
    });
    await recordEvent<UserRegisteredV1>(tx, {
      ...event,
      type: USER_REGISTERED,
      aggregateType: 'user',
      aggregateId: userId,
      payload: { userId, companyId, role, via: options.via },
    });
    return { companyId, userId };
  }

  /**
   * Operator path: the owner's email counts as verified unless `emailVerified: false`. `kybApproved` records a
   * manufacturer as verified on the operator's word (migrations of existing sellers, the demo, tests), with the
   * same history row, audit record and event an admin's approval writes; everyone else goes through KYB review.
   */
  async function registerCompany(
    input: RegisterCompanyInput,
    actor: Actor,
    options: { emailVerified?: boolean; kybApproved?: boolean } = {},
  ) {
    permissionsFor(input.kind, input.owner.role ?? (input.kind === 'platform' ? 'admin' : 'owner'));
    const passwordHash = await hashPassword(input.owner.password);
    const now = clock.now();
    return db.transaction().execute(async (tx) => {
      const ids = await insertCompanyWithOwner(tx, input, passwordHash, {
        emailVerified: options.emailVerified ?? true,
        via: 'operator',
        actor,
        now,
      });
      if (options.kybApproved && input.kind === 'manufacturer')
        await approveOnOperatorsWord(tx, ids.companyId, actor, now);
      return ids;
    });
  }

  /** Public sign-up. Resolves the same way whether or not the email was free. */
  async function signUp(input: SignUpInput, ip: string): Promise<void> {
    assertStrongPassword(input.password, input.email);
    await deps.throttle.signUpRequested(ip);
    const passwordHash = await hashPassword(input.password);
    const now = clock.now();
    let verifyToken: string | undefined;
    try {
      verifyToken = await db.transaction().execute(async (tx) => {
        const { userId } = await insertCompanyWithOwner(
          tx,
          {
            kind: input.kind,
            name: input.companyName,
            country: input.country,
            city: input.city,
            owner: { email: input.email, password: input.password },
          },
          passwordHash,
          { emailVerified: false, via: 'sign_up', actor: systemActor, now },
        );
        return issueOneTimeToken(tx, userId, 'verify_email', now);
      });
    } catch (error) {
      // Taken (or taken by a concurrent sign-up, which the unique index catches): tell the address, not the caller.
      if (!(await findUserByEmail(db, input.email))) throw error;
    }
    await deps.mailer.send(
      verifyToken
        ? verificationEmail(input.email, `${deps.publicUrl}/verify-email?token=${verifyToken}`)
        : alreadyRegisteredEmail(input.email, `${deps.publicUrl}/login`, `${deps.publicUrl}/reset-password`),
    );
  }

  return { registerCompany, signUp };
}
