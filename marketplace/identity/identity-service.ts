/**
 * Companies and their people: registering a company with its owner, and checking a login.
 * Passwords are hashed with argon2id; a failed login never says whether the email exists.
 */
import { hash, verify } from '@node-rs/argon2';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/domain-event.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { CompanyKind, Principal } from '../../platform/principal.ts';
import type { Transaction } from 'kysely';
import {
  COMPANY_MEMBER_ADDED,
  COMPANY_REGISTERED,
  type CompanyMemberAddedV1,
  type CompanyRegisteredV1,
} from '../companies/events.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { permissionsFor } from './roles.ts';

export interface RegisterCompanyInput {
  kind: CompanyKind;
  name: string;
  country: string;
  city: string;
  owner: { email: string; password: string; role?: string };
}

// A valid hash to verify against when the email is unknown, so both paths cost the same time.
const DUMMY_HASH_INPUT = 'wholesail-timing-equaliser';

export function createIdentityService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  let dummyHash: Promise<string> | undefined;

  async function registerCompany(input: RegisterCompanyInput, actor: Actor) {
    const role = input.owner.role ?? (input.kind === 'platform' ? 'admin' : 'owner');
    permissionsFor(input.kind, role); // rejects an unknown role before anything is written
    const passwordHash = await hash(input.owner.password);
    const now = clock.now();
    const companyId = newId();
    const userId = newId();
    return db.transaction().execute(async (tx) => {
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
        })
        .execute();
      await recordEvent<CompanyRegisteredV1>(tx, {
        type: COMPANY_REGISTERED,
        version: 1,
        aggregateType: 'company',
        aggregateId: companyId,
        companyIds: [companyId],
        occurredAt: now,
        actor,
        payload: { companyId, kind: input.kind, name: input.name, country: input.country, city: input.city },
      });
      return { companyId, userId };
    });
  }

  /** Adds a person to an existing company. (Email invitations arrive with the identity issue.) */
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
    if (!company) throw new DomainError('not_found', 'company_not_found', `No company with id ${companyId}.`);
    permissionsFor(company.kind, member.role);
    const passwordHash = await hash(member.password);
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
        })
        .execute();
      await recordEvent<CompanyMemberAddedV1>(tx, {
        type: COMPANY_MEMBER_ADDED,
        version: 1,
        aggregateType: 'company',
        aggregateId: companyId,
        companyIds: [companyId],
        occurredAt: now,
        actor,
        payload: { companyId, userId, role: member.role },
      });
    });
    return { userId };
  }

  async function authenticate(email: string, password: string): Promise<Principal> {
    const user = await db
      .selectFrom('users')
      .innerJoin('companies', 'companies.id', 'users.company_id')
      .select(['users.id', 'users.company_id', 'users.password_hash', 'users.role', 'companies.kind'])
      .where((eb) => eb(eb.fn('lower', ['users.email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    dummyHash ??= hash(DUMMY_HASH_INPUT);
    const ok = await verify(user?.password_hash ?? (await dummyHash), password);
    if (!user || !ok) {
      throw new DomainError(
        'unauthenticated',
        'invalid_credentials',
        'The email or password is not correct.',
      );
    }
    return principalFor(user.id, user.company_id, user.kind, user.role);
  }

  async function principalOf(userId: string): Promise<Principal> {
    const user = await db
      .selectFrom('users')
      .innerJoin('companies', 'companies.id', 'users.company_id')
      .select(['users.id', 'users.company_id', 'users.role', 'companies.kind'])
      .where('users.id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new DomainError('unauthenticated', 'unknown_user', 'This account no longer exists.');
    return principalFor(user.id, user.company_id, user.kind, user.role);
  }

  return { registerCompany, addMember, authenticate, principalOf };
}

async function assertEmailFree(tx: Transaction<Database>, email: string, field: string) {
  const taken = await tx
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  if (taken) {
    throw new DomainError('conflict', 'email_taken', 'An account with this email already exists.', [
      { field, message: 'is already registered' },
    ]);
  }
}

function principalFor(userId: string, companyId: string, kind: CompanyKind, role: string): Principal {
  return { userId, companyId, companyKind: kind, role, permissions: permissionsFor(kind, role) };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
