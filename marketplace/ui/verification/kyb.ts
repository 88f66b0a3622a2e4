/**
 * The wizard's rules, kept free of React so they can be tested: which step completes which item of the API's
 * checklist (`kyb.missing`), what the seller may still change in each state, and the client-side checks that
 * mirror the API's zod schemas (company-routes.ts) so most mistakes are named before anything is sent. The API
 * stays the judge: its refusals are shown in its own words.
 */
import type { BadgeTone } from '../components/index.ts';
import type { CompanyCase, DocumentKind, KybStatus, MissingItem } from './types.ts';

export const STEPS = ['profile', 'addresses', 'documents', 'review'] as const;
export type Step = (typeof STEPS)[number];

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'business_registration',
  'tax_id',
  'proof_of_address',
  'other',
];
/** marketplace/companies/kyb-state.ts REQUIRED_DOCUMENTS. */
export const REQUIRED_DOCUMENTS: readonly DocumentKind[] = ['business_registration', 'tax_id'];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** What the upload accepts; the API recognises the type by the file's bytes as well. */
export const DOCUMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The states in which the seller may change legal details, the registered address and documents. */
export const EDITABLE: readonly KybStatus[] = ['not_submitted', 'changes_requested', 'rejected'];
export const isEditable = (status: KybStatus) => EDITABLE.includes(status);

/** Every item of a complete submission, in the order the wizard asks for them. */
export const BASE_CHECKLIST = [
  'legalName',
  'registrationNumber',
  'taxId',
  'registeredAddress',
  'documents.business_registration',
  'documents.tax_id',
] as const;

export function stepFor(field: string): Step {
  if (field === 'registeredAddress') return 'addresses';
  if (field.startsWith('documents.')) return 'documents';
  return 'profile';
}

export const stepComplete = (step: Step, missing: MissingItem[]) =>
  step !== 'review' && !missing.some((m) => stepFor(m.field) === step);

/** Where the wizard opens: the first step with something missing, else the review. */
export const firstOpenStep = (missing: MissingItem[]): Step =>
  STEPS.find((s) => s !== 'review' && !stepComplete(s, missing)) ?? 'review';

export const parseStep = (value: string | null): Step | null =>
  (STEPS as readonly string[]).includes(value ?? '') ? (value as Step) : null;

export interface ChecklistItem {
  field: string;
  done: boolean;
  /** The API's words for what is missing. */
  message: string | null;
  step: Step;
}

/**
 * The full checklist: the standing items plus whatever else the API lists as missing (a document the reviewer
 * asked for again), each done unless the API still lists it.
 */
export function checklist(missing: MissingItem[]): ChecklistItem[] {
  const open = new Map(missing.map((m) => [m.field, m.message]));
  const fields = [
    ...BASE_CHECKLIST,
    ...missing.map((m) => m.field).filter((f) => !BASE_CHECKLIST.includes(f as never)),
  ];
  return fields.map((field) => ({
    field,
    done: !open.has(field),
    message: open.get(field) ?? null,
    step: stepFor(field),
  }));
}

/** Documents the last change request named, while the case is waiting for them. */
export const requestedDocuments = (company: CompanyCase): string[] =>
  company.kyb.status === 'changes_requested' && company.kyb.lastDecision?.action === 'changes_requested'
    ? company.kyb.lastDecision.requestedDocuments
    : [];

export function statusTone(status: KybStatus): BadgeTone {
  switch (status) {
    case 'approved':
      return 'positive';
    case 'submitted':
      return 'info';
    case 'changes_requested':
      return 'warning';
    case 'rejected':
      return 'negative';
    default:
      return 'neutral';
  }
}

/** The type to send: the browser's, else one from the extension; the API refuses anything it does not take. */
export function documentContentType(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (extension === 'pdf') return 'application/pdf';
  if (extension === 'jpg' || extension === 'jpeg') return 'image/jpeg';
  if (extension === 'png') return 'image/png';
  return 'application/octet-stream';
}

// ---- the profile form ----

export interface ProfileValues {
  legalName: string;
  registrationNumber: string;
  taxId: string;
  website: string;
  description: string;
  foundedYear: string;
}

export const profileValues = (c: CompanyCase): ProfileValues => ({
  legalName: c.legalName ?? '',
  registrationNumber: c.registrationNumber ?? '',
  taxId: c.taxId ?? '',
  website: c.website ?? '',
  description: c.description ?? '',
  foundedYear: c.foundedYear === null ? '' : String(c.foundedYear),
});

export const PROFILE_LIMITS = {
  legalName: 200,
  registrationNumber: 60,
  taxId: 60,
  website: 300,
  description: 4000,
} as const;

export type ProfileProblem =
  | { kind: 'required' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'website' }
  | { kind: 'year'; max: number };

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** What the API would refuse, field by field; the legal fields are required because KYB needs them. */
export function checkProfile(
  v: ProfileValues,
  thisYear: number,
  options: { legalLocked: boolean },
): Partial<Record<keyof ProfileValues, ProfileProblem>> {
  const problems: Partial<Record<keyof ProfileValues, ProfileProblem>> = {};
  for (const field of Object.keys(PROFILE_LIMITS) as Array<keyof typeof PROFILE_LIMITS>) {
    if (v[field].trim().length > PROFILE_LIMITS[field])
      problems[field] = { kind: 'tooLong', max: PROFILE_LIMITS[field] };
  }
  if (!options.legalLocked)
    for (const field of ['legalName', 'registrationNumber', 'taxId'] as const)
      if (!v[field].trim()) problems[field] = { kind: 'required' };
  const website = v.website.trim();
  if (website && !problems.website && !isHttpUrl(website)) problems.website = { kind: 'website' };
  const year = v.foundedYear.trim();
  if (year && (!/^\d{4}$/.test(year) || Number(year) < 1800 || Number(year) > thisYear))
    problems.foundedYear = { kind: 'year', max: thisYear };
  return problems;
}

/** Only the fields that changed, as the PATCH takes them (empty text becomes null). */
export function profilePatch(
  company: CompanyCase,
  v: ProfileValues,
  options: { legalLocked: boolean },
): Record<string, string | number | null> {
  const text = (s: string) => (s.trim() === '' ? null : s.trim());
  const next: Record<string, string | number | null> = {
    website: text(v.website),
    description: text(v.description),
    foundedYear: v.foundedYear.trim() === '' ? null : Number(v.foundedYear),
  };
  if (!options.legalLocked) {
    next.legalName = text(v.legalName);
    next.registrationNumber = text(v.registrationNumber);
    next.taxId = text(v.taxId);
  }
  const current: Record<string, unknown> = {
    website: company.website,
    description: company.description,
    foundedYear: company.foundedYear,
    legalName: company.legalName,
    registrationNumber: company.registrationNumber,
    taxId: company.taxId,
  };
  return Object.fromEntries(Object.entries(next).filter(([field, value]) => current[field] !== value));
}

// ---- the address form ----

export interface AddressValues {
  kind: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  latitude: string;
  longitude: string;
}

export type AddressProblem =
  'required' | 'country' | 'latitude' | 'longitude' | 'bothCoordinates' | { tooLong: number };

const ADDRESS_LIMITS = { line1: 200, line2: 200, city: 120, region: 120, postalCode: 20 } as const;

export function checkAddress(v: AddressValues): Partial<Record<keyof AddressValues, AddressProblem>> {
  const problems: Partial<Record<keyof AddressValues, AddressProblem>> = {};
  for (const field of Object.keys(ADDRESS_LIMITS) as Array<keyof typeof ADDRESS_LIMITS>)
    if (v[field].trim().length > ADDRESS_LIMITS[field]) problems[field] = { tooLong: ADDRESS_LIMITS[field] };
  if (!v.line1.trim()) problems.line1 = 'required';
  if (!v.city.trim()) problems.city = 'required';
  if (!v.country.trim()) problems.country = 'required';
  else if (!/^[A-Za-z]{2}$/.test(v.country.trim())) problems.country = 'country';
  const lat = v.latitude.trim();
  const lon = v.longitude.trim();
  const number = (s: string) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN);
  if (lat && !(Math.abs(number(lat)) <= 90)) problems.latitude = 'latitude';
  if (lon && !(Math.abs(number(lon)) <= 180)) problems.longitude = 'longitude';
  if (Boolean(lat) !== Boolean(lon) && !problems.latitude && !problems.longitude)
    problems[lat ? 'longitude' : 'latitude'] = 'bothCoordinates';
  return problems;
}

/** The body `POST/PATCH /api/v1/company/addresses` takes. */
export function addressBody(v: AddressValues) {
  const text = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    kind: v.kind,
    line1: v.line1.trim(),
    line2: text(v.line2),
    city: v.city.trim(),
    region: text(v.region),
    postalCode: text(v.postalCode),
    country: v.country.trim().toUpperCase(),
    latitude: v.latitude.trim() === '' ? null : Number(v.latitude),
    longitude: v.longitude.trim() === '' ? null : Number(v.longitude),
  };
}
