/**
 * The identity context in one object: each use case lives in its own file (register-company.ts, login.ts,
 * refresh-tokens.ts, two-factor.ts, invitations.ts, members.ts, suspension.ts, ...); this file wires them to
 * their dependencies. Callers that only register companies (the demo seeder, unit tests) may pass just a
 * database and a clock; they get an in-memory throttle and a mailer that refuses to send.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/domain-event.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { COMPANY_MEMBER_ADDED, type CompanyMemberAddedV1 } from '../companies/events.ts';
import type { Db } from '../db/database.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { createAccessGuard, type AccessGuard } from './access-guard.ts';
import { adminDirectoryUseCases } from './admin-directory.ts';
import { assertEmailFree, type IdentityDeps } from './deps.ts';
import { emailVerificationUseCases } from './email-verification.ts';
import { USER_REGISTERED, type UserRegisteredV1 } from './events.ts';
import { invitationUseCases } from './invitations.ts';
import { createLoginThrottle, type LoginThrottle } from './login-throttle.ts';
import { loginUseCases } from './login.ts';
import { memberUseCases } from './members.ts';
import { passwordResetUseCases } from './password-reset.ts';
import { hashPassword } from './passwords.ts';
import { refreshTokenUseCases } from './refresh-tokens.ts';
import { registerCompanyUseCases } from './register-company.ts';
import { permissionsFor } from './roles.ts';
import { suspensionUseCases } from './suspension.ts';
import { twoFactorUseCases } from './two-factor.ts';
import { ephemeralSecretBox, type SecretBox } from './secret-box.ts';

export type { RegisterCompanyInput } from './register-company.ts';

const noMailer: Mailer = {
  destination: 'nowhere',
  send: async () => {
    throw new Error('This identity service was built without a mailer.');
  },
};

export function createIdentityService(input: {
  db: Db;
  clock: Clock;
  mailer?: Mailer;
  publicUrl?: string;
  throttle?: LoginThrottle;
  guard?: AccessGuard;
  /** The platform passes one keyed by its auth secret; without it sealed secrets do not outlive the process. */
  secrets?: SecretBox;
}) {
  const deps: IdentityDeps = {
    db: input.db,
    clock: input.clock,
    mailer: input.mailer ?? noMailer,
    publicUrl: input.publicUrl ?? 'http://localhost:3000',
    throttle: input.throttle ?? createLoginThrottle({ kind: 'memory' }),
    guard: input.guard ?? createAccessGuard({ db: input.db }),
    secrets: input.secrets ?? ephemeralSecretBox(),
  };
  const { db, clock } = deps;

  /** Operator path: adds a person with a password to an existing company, email vouched for (the demo's staff). */
  async function addMember(
    companyId: string,
    member: { email: string; password: string; role: string },
    actor: Actor,
  ) {
    const company = await db
      .selectFrom('companies')
      .select(['id', 'kind'])
      .where('id', '=', companyId)
      .executeTakeFirst();
    if (!company) throw notFound('company', companyId);
    permissionsFor(company.kind, member.role);
    const passwordHash = await hashPassword(member.password);
    const userId = newId();
    const now = clock.now();
    await db.transaction().execute(async (tx) => {
      await assertEmailFree(tx, member.email, 'email');
      await tx
        .insertInto('users')
        .values({
          id: userId,
          company_id: companyId,
          email: member.email,
          password_hash: passwordHash,
          role: member.role,
          created_at: now,
          email_verified_at: now,
        })
        .execute();
      const event = { version: 1, companyIds: [companyId], occurredAt: now, actor };
      await recordEvent<UserRegisteredV1>(tx, {
        ...event,
        type: USER_REGISTERED,
        aggregateType: 'user',
        aggregateId: userId,
        payload: { userId, companyId, role: member.role, via: 'operator' },
      });
      await recordEvent<CompanyMemberAddedV1>(tx, {
        ...event,
        type: COMPANY_MEMBER_ADDED,
        aggregateType: 'company',
        aggregateId: companyId,
        payload: { companyId, userId, role: member.role },
      });
    });
    return { userId };
  }

  /** The caller's own account facts that are not part of the principal. */
  async function getOwnAccount(userId: string) {
    const row = await db
      .selectFrom('users')
      .select(['email', 'email_verified_at', 'totp_enabled_at'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!row) throw notFound('user', userId);
    return {
      email: row.email,
      emailVerified: row.email_verified_at !== null,
      twoFactor: row.totp_enabled_at !== null,
    };
  }

  const login = loginUseCases(deps);
  return {
    ...registerCompanyUseCases(deps),
    addMember,
    getOwnAccount,
    ...login,
    ...emailVerificationUseCases(deps),
    ...passwordResetUseCases(deps),
    ...refreshTokenUseCases(deps),
    ...memberUseCases(deps),
    ...invitationUseCases(deps),
    ...suspensionUseCases(deps),
    ...adminDirectoryUseCases(deps),
    /** The caller as they are now (suspension, removal, logout, role and verification applied); cached briefly. */
    currentPrincipal: deps.guard.current,
    twoFactor: twoFactorUseCases(deps),
    /** Alias kept for callers of the foundation API. */
    principalOf: (userId: string) => deps.guard.current(userId),
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
