/**
 * A company's own profile: legal details (what KYB checks), public details (what buyers read), and addresses with
 * coordinates (what the maps plot). Members read it; members holding `company:manage` change it. Legal details
 * and the registered address are frozen while a KYB review is running and once the company is verified
 * (kyb-state.ts), so a reviewer approves exactly what stays on file. Every change is audited and emits
 * `company.profile_updated`.
 */
import type { Selectable, Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { DomainError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { can, type Principal } from '../../platform/principal.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import type { AddressKind, CompanyAddressesTable, Database } from '../db/schema.ts';
import { actorOf } from '../identity/deps.ts';
import { recordEvent } from '../outbox/record-event.ts';
import { cityCentre } from './city-coordinates.ts';
import { COMPANY_PROFILE_UPDATED, type CompanyProfileUpdatedV1 } from './events.ts';
import { assertEditable } from './kyb-state.ts';

type Tx = Transaction<Database>;

export interface ProfilePatch {
  name?: string;
  legalName?: string | null;
  registrationNumber?: string | null;
  taxId?: string | null;
  website?: string | null;
  description?: string | null;
  foundedYear?: number | null;
}

/** Fields KYB vouches for: frozen under review and after approval. */
const LEGAL_FIELDS = ['legalName', 'registrationNumber', 'taxId'] as const;

const COLUMN: Record<keyof ProfilePatch, string> = {
  name: 'name',
  legalName: 'legal_name',
  registrationNumber: 'registration_number',
  taxId: 'tax_id',
  website: 'website',
  description: 'description',
  foundedYear: 'founded_year',
};

export interface AddressInput {
  kind: AddressKind;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode?: string | null;
  country: string;
  /** Both or neither; without them the city's centre is used when the city is known. */
  latitude?: number | null;
  longitude?: number | null;
}

export const addressView = (a: Selectable<CompanyAddressesTable>) => ({
  id: a.id,
  kind: a.kind,
  line1: a.line1,
  line2: a.line2,
  city: a.city,
  region: a.region,
  postalCode: a.postal_code,
  country: a.country,
  latitude: a.latitude === null ? null : Number(a.latitude),
  longitude: a.longitude === null ? null : Number(a.longitude),
});

export function requireCompanyManager(principal: Principal): void {
  if (principal.companyKind === 'platform')
    throw forbidden('Platform staff have no company profile to edit here.');
  if (!can(principal, 'company:manage'))
    throw forbidden(`Your role (${principal.role}) does not allow this: it needs company:manage.`);
}

/** The company row, locked for the rest of the transaction so two edits (or an edit and a submission) queue. */
export async function lockCompany(tx: Tx, companyId: string) {
  const company = await tx
    .selectFrom('companies')
    .selectAll()
    .where('id', '=', companyId)
    .forUpdate()
    .executeTakeFirst();
  if (!company) throw notFound('company', companyId);
  return company;
}

function coordinatesFor(input: AddressInput): { latitude: number | null; longitude: number | null } {
  const hasLat = input.latitude !== undefined && input.latitude !== null;
  const hasLon = input.longitude !== undefined && input.longitude !== null;
  if (hasLat !== hasLon)
    throw new DomainError(
      'validation',
      'coordinates_incomplete',
      'Give both latitude and longitude, or neither.',
      [{ field: hasLat ? 'longitude' : 'latitude', message: 'is required with the other coordinate' }],
    );
  if (hasLat) return { latitude: input.latitude!, longitude: input.longitude! };
  const centre = cityCentre(input.country, input.city);
  return centre ?? { latitude: null, longitude: null };
}

export function createCompanyProfile(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function emitProfileUpdated(
    tx: Tx,
    principal: Principal,
    companyId: string,
    changed: string[],
    at: Date,
  ) {
    const registered = await tx
      .selectFrom('company_addresses')
      .selectAll()
      .where('company_id', '=', companyId)
      .where('kind', '=', 'registered')
      .executeTakeFirst();
    await recordEvent<CompanyProfileUpdatedV1>(tx, {
      type: COMPANY_PROFILE_UPDATED,
      version: 1,
      aggregateType: 'company',
      aggregateId: companyId,
      companyIds: [companyId],
      occurredAt: at,
      actor: actorOf(principal),
      payload: {
        companyId,
        changed,
        country: registered?.country ?? null,
        region: registered?.region ?? null,
        city: registered?.city ?? null,
        latitude: registered?.latitude === null || !registered ? null : Number(registered.latitude),
        longitude: registered?.longitude === null || !registered ? null : Number(registered.longitude),
      },
    });
  }

  async function updateProfile(principal: Principal, patch: ProfilePatch): Promise<void> {
    requireCompanyManager(principal);
    const at = clock.now();
    await db.transaction().execute(async (tx) => {
      const company = await lockCompany(tx, principal.companyId);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const set: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(patch) as Array<[keyof ProfilePatch, unknown]>) {
        if (value === undefined) continue;
        const column = COLUMN[field];
        const current = (company as Record<string, unknown>)[column];
        if (current === value) continue;
        if ((LEGAL_FIELDS as readonly string[]).includes(field))
          assertEditable(company.kyb_status, 'your legal name, registration number and tax id');
        before[field] = current;
        after[field] = value;
        set[column] = value;
      }
      if (Object.keys(set).length === 0) return;
      await tx.updateTable('companies').set(set).where('id', '=', company.id).execute();
      await recordAudit(tx, {
        actor: actorOf(principal),
        action: 'company.profile_updated',
        targetType: 'company',
        targetId: company.id,
        companyId: company.id,
        occurredAt: at,
        before,
        after,
      });
      await emitProfileUpdated(tx, principal, company.id, Object.keys(after).sort(), at);
    });
  }

  /** Registered addresses are one per company and frozen like the legal fields; the others change freely. */
  async function saveAddress(principal: Principal, input: AddressInput, addressId?: string) {
    requireCompanyManager(principal);
    const at = clock.now();
    const coordinates = coordinatesFor(input);
    return db.transaction().execute(async (tx) => {
      const company = await lockCompany(tx, principal.companyId);
      const existing = addressId
        ? await tx
            .selectFrom('company_addresses')
            .selectAll()
            .where('id', '=', addressId)
            .where('company_id', '=', company.id)
            .executeTakeFirst()
        : undefined;
      if (addressId && !existing) throw notFound('address', addressId);
      if (input.kind === 'registered' || existing?.kind === 'registered')
        assertEditable(company.kyb_status, 'your registered address');
      if (input.kind === 'registered' && existing?.kind !== 'registered') {
        const other = await tx
          .selectFrom('company_addresses')
          .select('id')
          .where('company_id', '=', company.id)
          .where('kind', '=', 'registered')
          .executeTakeFirst();
        if (other)
          throw new DomainError(
            'conflict',
            'registered_address_exists',
            'The company already has a registered address: change that one instead of adding another.',
            [{ field: 'kind', message: 'only one registered address per company' }],
          );
      }
      const row = {
        kind: input.kind,
        line1: input.line1,
        line2: input.line2 ?? null,
        city: input.city,
        region: input.region ?? null,
        postal_code: input.postalCode ?? null,
        country: input.country,
        ...coordinates,
        updated_at: at,
      };
      const id = existing?.id ?? newId();
      if (existing) await tx.updateTable('company_addresses').set(row).where('id', '=', id).execute();
      else
        await tx
          .insertInto('company_addresses')
          .values({ ...row, id, company_id: company.id, created_at: at })
          .execute();
      // The company's headline place (search, directory, warehouse geography) follows its registered address.
      if (input.kind === 'registered' && (company.country !== input.country || company.city !== input.city))
        await tx
          .updateTable('companies')
          .set({ country: input.country, city: input.city })
          .where('id', '=', company.id)
          .execute();
      await recordAudit(tx, {
        actor: actorOf(principal),
        action: existing ? 'company.address_changed' : 'company.address_added',
        targetType: 'company',
        targetId: company.id,
        companyId: company.id,
        occurredAt: at,
        before: existing ? addressView(existing) : undefined,
        after: { id, ...input, ...coordinates },
      });
      await emitProfileUpdated(tx, principal, company.id, ['addresses'], at);
      const saved = await tx
        .selectFrom('company_addresses')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return addressView(saved);
    });
  }

  async function deleteAddress(principal: Principal, addressId: string): Promise<void> {
    requireCompanyManager(principal);
    const at = clock.now();
    await db.transaction().execute(async (tx) => {
      const company = await lockCompany(tx, principal.companyId);
      const existing = await tx
        .selectFrom('company_addresses')
        .selectAll()
        .where('id', '=', addressId)
        .where('company_id', '=', company.id)
        .executeTakeFirst();
      if (!existing) throw notFound('address', addressId);
      if (existing.kind === 'registered') assertEditable(company.kyb_status, 'your registered address');
      await tx.deleteFrom('company_addresses').where('id', '=', addressId).execute();
      await recordAudit(tx, {
        actor: actorOf(principal),
        action: 'company.address_removed',
        targetType: 'company',
        targetId: company.id,
        companyId: company.id,
        occurredAt: at,
        before: addressView(existing),
      });
      await emitProfileUpdated(tx, principal, company.id, ['addresses'], at);
    });
  }

  return { updateProfile, saveAddress, deleteAddress };
}
