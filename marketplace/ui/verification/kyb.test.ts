import { describe, expect, it } from 'vitest';
import {
  addressBody,
  checkAddress,
  checklist,
  checkProfile,
  documentContentType,
  firstOpenStep,
  profilePatch,
  profileValues,
  requestedDocuments,
  stepComplete,
  type AddressValues,
} from './kyb.ts';
import type { CompanyCase } from './types.ts';

const company = (over: Partial<CompanyCase> = {}, kyb: Partial<CompanyCase['kyb']> = {}): CompanyCase => ({
  id: 'c1',
  kind: 'manufacturer',
  name: 'Fresh Maker',
  status: 'active',
  country: 'US',
  city: 'Austin',
  website: null,
  description: null,
  foundedYear: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  legalName: null,
  registrationNumber: null,
  taxId: null,
  addresses: [],
  kyb: {
    status: 'not_submitted',
    submittedAt: null,
    decidedAt: null,
    verifiedAt: null,
    lastDecision: null,
    missing: [],
    documents: [],
    history: [],
    ...kyb,
  },
  trust: { score: null, badge: 'basic', parts: null, computedAt: null },
  ...over,
});

const missing = (...fields: string[]) => fields.map((field) => ({ field, message: `the ${field}` }));

describe('the verification wizard', () => {
  it('opens at the first step with something missing, and at the review once nothing is', () => {
    expect(firstOpenStep(missing('legalName', 'documents.tax_id'))).toBe('profile');
    expect(firstOpenStep(missing('registeredAddress', 'documents.tax_id'))).toBe('addresses');
    expect(firstOpenStep(missing('documents.tax_id'))).toBe('documents');
    expect(firstOpenStep([])).toBe('review');
    expect(stepComplete('documents', missing('taxId'))).toBe(true);
    expect(stepComplete('profile', missing('taxId'))).toBe(false);
  });

  it('lists every standing item, done unless the API still names it, plus what the reviewer asked for again', () => {
    const items = checklist(missing('taxId', 'documents.proof_of_address'));
    expect(items.map((i) => [i.field, i.done])).toEqual([
      ['legalName', true],
      ['registrationNumber', true],
      ['taxId', false],
      ['registeredAddress', true],
      ['documents.business_registration', true],
      ['documents.tax_id', true],
      ['documents.proof_of_address', false],
    ]);
    expect(items.find((i) => i.field === 'taxId')).toMatchObject({ message: 'the taxId', step: 'profile' });
    expect(items.at(-1)?.step).toBe('documents');
  });

  it('names the documents to upload again only while the change request is open', () => {
    const decision = {
      action: 'changes_requested',
      reason: 'illegible',
      requestedDocuments: ['tax_id'],
      at: '2026-02-01T00:00:00.000Z',
      by: 'admin@example.test',
    };
    expect(requestedDocuments(company({}, { status: 'changes_requested', lastDecision: decision }))).toEqual([
      'tax_id',
    ]);
    expect(requestedDocuments(company({}, { status: 'submitted', lastDecision: decision }))).toEqual([]);
  });

  it('refuses in the form what the API would refuse in the profile', () => {
    const values = { ...profileValues(company()), website: 'example.com', foundedYear: '2999' };
    expect(checkProfile(values, 2026, { legalLocked: false })).toEqual({
      legalName: { kind: 'required' },
      registrationNumber: { kind: 'required' },
      taxId: { kind: 'required' },
      website: { kind: 'website' },
      foundedYear: { kind: 'year', max: 2026 },
    });
    expect(
      checkProfile({ ...values, website: 'ftp://example.com' }, 2026, { legalLocked: true }).website,
    ).toEqual({
      kind: 'website',
    });
    const fine = {
      legalName: 'Fresh Maker LLC',
      registrationNumber: 'US-1',
      taxId: 'US99',
      website: 'https://fresh.example.com',
      description: '',
      foundedYear: '1998',
    };
    expect(checkProfile(fine, 2026, { legalLocked: false })).toEqual({});
    expect(checkProfile({ ...fine, taxId: 'x'.repeat(61) }, 2026, { legalLocked: false }).taxId).toEqual({
      kind: 'tooLong',
      max: 60,
    });
  });

  it('sends only what changed, empty text as null, and never the locked legal fields', () => {
    const current = company({ legalName: 'Old LLC', website: 'https://old.example.com', foundedYear: 1990 });
    const values = { ...profileValues(current), legalName: 'New LLC', website: '  ', foundedYear: '1990' };
    expect(profilePatch(current, values, { legalLocked: false })).toEqual({
      legalName: 'New LLC',
      website: null,
    });
    expect(profilePatch(current, values, { legalLocked: true })).toEqual({ website: null });
    expect(profilePatch(current, profileValues(current), { legalLocked: false })).toEqual({});
  });

  it('checks addresses like the API: required lines, a two-letter country, both coordinates or neither', () => {
    const blank: AddressValues = {
      kind: 'registered',
      line1: '',
      line2: '',
      city: '',
      region: '',
      postalCode: '',
      country: 'USA',
      latitude: '91',
      longitude: '',
    };
    expect(checkAddress(blank)).toEqual({
      line1: 'required',
      city: 'required',
      country: 'country',
      latitude: 'latitude',
    });
    expect(
      checkAddress({ ...blank, line1: '1 Main St', city: 'Austin', country: 'us', latitude: '30.2' }),
    ).toEqual({
      longitude: 'bothCoordinates',
    });
    const ok = { ...blank, line1: ' 1 Main St ', city: 'Austin', country: 'us', latitude: '', longitude: '' };
    expect(checkAddress(ok)).toEqual({});
    expect(addressBody(ok)).toEqual({
      kind: 'registered',
      line1: '1 Main St',
      line2: null,
      city: 'Austin',
      region: null,
      postalCode: null,
      country: 'US',
      latitude: null,
      longitude: null,
    });
  });

  it('sends a document with the browser’s type, else one guessed from its name', () => {
    expect(documentContentType({ name: 'a.pdf', type: 'application/pdf' })).toBe('application/pdf');
    expect(documentContentType({ name: 'Scan.JPG', type: '' })).toBe('image/jpeg');
    expect(documentContentType({ name: 'scan.png', type: '' })).toBe('image/png');
    // Unknown files go as they are, so the API's refusal names the problem.
    expect(documentContentType({ name: 'notes.txt', type: 'text/plain' })).toBe('text/plain');
    expect(documentContentType({ name: 'notes', type: '' })).toBe('application/octet-stream');
  });
});
