/**
 * Company verification (KYB) as a manufacturer and a Wholesail admin live it, on embedded and distributed modes:
 * the checklist, profile and addresses with coordinates, documents checked by their bytes, submission, the admin
 * queue, a change request, rejection and approval with emails, publishing unlocked by approval, locks while under
 * review and after approval, the trust badge, risk flags, the audit trail, and who may see what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEvent } from '../../ingest/events/catalog.ts';
import { demoCertificate } from '../../scripts/seed/seed-kyb.ts';
import { expectProblem } from './expect-problem.ts';
import { emailsTo } from './mail-outbox.ts';
import {
  eventually,
  PASSWORD,
  startTestPlatform,
  type HttpResult,
  type Mode,
  type TestPlatform,
} from './test-platform.ts';

type Company = Awaited<ReturnType<TestPlatform['company']>>;

const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from('0000000a49444154789c6300010000050001', 'hex'),
]);

export function kybScenario(mode: Mode) {
  describe(`company verification (KYB) on ${mode}`, () => {
    let tp: TestPlatform;
    let maker: Company;
    let other: Company;
    let retailer: Company;
    let admin: Company;
    let executive: Company;
    let registrationPdf: Buffer;
    let taxPdf: Buffer;

    const get = (who: Company, route: string) => tp.http('GET', route, { token: who.token });
    const post = (who: Company, route: string, body?: object) =>
      tp.http('POST', route, { token: who.token, body });
    const patch = (who: Company, route: string, body: object) =>
      tp.http('PATCH', route, { token: who.token, body });
    const ok = (res: HttpResult, status = 200) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      return res.body;
    };
    const upload = async (
      who: Company,
      kind: string,
      fileName: string,
      bytes: Buffer,
      contentType: string,
    ) => {
      const query = new URLSearchParams({ kind, fileName });
      const response = await fetch(`${tp.url}/api/v1/company/kyb/documents?${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${who.token}`, 'content-type': contentType },
        body: new Uint8Array(bytes),
      });
      const type = response.headers.get('content-type') ?? '';
      const text = await response.text();
      return {
        status: response.status,
        type,
        body: type.includes('json') ? JSON.parse(text) : text,
        headers: response.headers,
      };
    };
    const fillProfile = async (who: Company, suffix: string) => {
      ok(
        await patch(who, '/api/v1/company', {
          legalName: `Maker ${suffix} LLC`,
          registrationNumber: `REG-${suffix}`,
          taxId: `TAX-${suffix}`,
        }),
      );
      ok(
        await post(who, '/api/v1/company/addresses', {
          kind: 'registered',
          line1: '1 Congress Ave',
          city: 'Austin',
          region: 'TX',
          country: 'US',
        }),
        201,
      );
    };
    const listProduct = (who: Company, sku: string) =>
      post(who, '/api/v1/products', { sku, name: 'Glazed mug', priceMinor: 900, currency: 'USD', stock: 20 });

    beforeAll(async () => {
      tp = await startTestPlatform(mode);
      maker = await tp.company('manufacturer', 'Fresh Maker', undefined, { kyb: 'none' });
      other = await tp.company('manufacturer', 'Other Maker', undefined, { kyb: 'none' });
      retailer = await tp.company('retailer', 'Corner Shop');
      admin = await tp.company('platform', 'Wholesail', 'admin');
      executive = await tp.company('platform', 'Wholesail Board', 'executive');
      registrationPdf = await demoCertificate('Certificate of registration', [
        'Maker A LLC',
        'Registration no. REG-A',
      ]);
      taxPdf = await demoCertificate('Tax registration', ['Maker A LLC', 'Tax id TAX-A']);
    });
    afterAll(async () => tp?.close());

    it('shows a new manufacturer what is missing, and refuses to publish or submit until it is there', async () => {
      const company = ok(await get(maker, '/api/v1/company'));
      expect(company.kyb.status).toBe('not_submitted');
      expect(company.trust.badge).toBe('basic');
      expect(company.kyb.missing.map((m: { field: string }) => m.field)).toEqual([
        'legalName',
        'registrationNumber',
        'taxId',
        'registeredAddress',
        'documents.business_registration',
        'documents.tax_id',
      ]);
      const refused = await post(maker, '/api/v1/company/kyb/submit');
      expectProblem(refused, 422, 'kyb_incomplete', 'documents.tax_id');
      expect(refused.body.detail).toMatch(/legal name as registered/);
      expectProblem(await listProduct(maker, 'MUG-1'), 403, 'company_not_verified', 'status');
      expect(
        ok(
          await post(maker, '/api/v1/products', {
            sku: 'MUG-1',
            name: 'Glazed mug',
            priceMinor: 900,
            currency: 'USD',
            stock: 20,
            status: 'draft',
          }),
          201,
        ).status,
      ).toBe('draft');
    });

    it('keeps the profile and addresses, placing an address at its city centre when no coordinates are given', async () => {
      await fillProfile(maker, 'A');
      const company = ok(await get(maker, '/api/v1/company'));
      expect(company).toMatchObject({
        legalName: 'Maker A LLC',
        registrationNumber: 'REG-A',
        taxId: 'TAX-A',
      });
      expect(company.addresses[0]).toMatchObject({
        kind: 'registered',
        city: 'Austin',
        latitude: 30.2672,
        longitude: -97.7431,
      });

      const warehouse = ok(
        await post(maker, '/api/v1/company/addresses', {
          kind: 'warehouse',
          line1: 'Dock 4',
          city: 'Round Rock',
          country: 'US',
          latitude: 30.5083,
          longitude: -97.6789,
        }),
        201,
      );
      expect(warehouse).toMatchObject({ latitude: 30.5083, longitude: -97.6789 });
      const unknownCity = ok(
        await patch(maker, `/api/v1/company/addresses/${warehouse.id}`, {
          kind: 'warehouse',
          line1: 'Dock 4',
          city: 'Nowhereville',
          country: 'US',
        }),
      );
      expect(unknownCity).toMatchObject({ city: 'Nowhereville', latitude: null, longitude: null });

      expectProblem(
        await post(maker, '/api/v1/company/addresses', {
          kind: 'warehouse',
          line1: 'x',
          city: 'Austin',
          country: 'US',
          latitude: 10,
        }),
        422,
        'coordinates_incomplete',
        'longitude',
      );
      expectProblem(
        await post(maker, '/api/v1/company/addresses', {
          kind: 'registered',
          line1: 'x',
          city: 'Austin',
          country: 'US',
        }),
        409,
        'registered_address_exists',
        'kind',
      );
      expectProblem(
        await post(maker, '/api/v1/company/addresses', {
          kind: 'warehouse',
          line1: 'x',
          city: 'Austin',
          country: 'XX',
        }),
        400,
        'invalid_request',
        'country',
      );
      expectProblem(
        await patch(maker, '/api/v1/company', { website: 'javascript:alert(1)' }),
        400,
        'invalid_request',
        'website',
      );
      expectProblem(
        await patch(maker, '/api/v1/company', { foundedYear: 3000 }),
        400,
        'invalid_request',
        'foundedYear',
      );
    });

    it('takes PDF, JPEG and PNG documents by their bytes and refuses anything else, keeping nothing of a refusal', async () => {
      expect(
        ok(
          await upload(
            maker,
            'business_registration',
            'C:\\scans\\registration.pdf',
            registrationPdf,
            'application/pdf',
          ),
          201,
        ),
      ).toMatchObject({
        kind: 'business_registration',
        fileName: 'registration.pdf',
        contentType: 'application/pdf',
        sizeBytes: registrationPdf.length,
      });
      expectProblem(
        await upload(maker, 'tax_id', 'tax.txt', Buffer.from('hello'), 'text/plain'),
        415,
        'unsupported_document_type',
      );
      expectProblem(
        await upload(maker, 'tax_id', 'tax.pdf', Buffer.from('just text, not a pdf'), 'application/pdf'),
        422,
        'not_a_document',
      );
      expectProblem(
        await upload(maker, 'tax_id', 'tax.pdf', PNG, 'application/pdf'),
        422,
        'document_type_mismatch',
      );
      expectProblem(
        await upload(
          maker,
          'tax_id',
          'big.pdf',
          Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]),
          'application/pdf',
        ),
        413,
        'document_too_large',
      );
      expectProblem(
        await upload(maker, 'passport', 'x.pdf', taxPdf, 'application/pdf'),
        400,
        'invalid_request',
        'kind',
      );
      expect(ok(await get(maker, '/api/v1/company/kyb/documents')).items).toHaveLength(1);
      ok(await upload(maker, 'tax_id', 'tax.pdf', taxPdf, 'application/pdf'), 201);
    });

    it('lets only the company’s managers and platform admins read a document', async () => {
      const [doc] = ok(await get(maker, '/api/v1/company/kyb/documents')).items;
      const mine = await fetch(`${tp.url}${doc.url}`, {
        headers: { authorization: `Bearer ${maker.token}` },
      });
      expect(mine.status).toBe(200);
      expect(mine.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await mine.arrayBuffer()).equals(registrationPdf)).toBe(true);
      const asAdmin = await fetch(`${tp.url}${doc.url}`, {
        headers: { authorization: `Bearer ${admin.token}` },
      });
      expect(asAdmin.status).toBe(200);
      expectProblem(await get(other, doc.url), 404, 'document_not_found');
      expectProblem(await get(retailer, doc.url), 404, 'document_not_found');
      expectProblem(await get(executive, doc.url), 403, 'forbidden');

      const viewerEmail = `viewer-${Date.now()}@example.test`;
      await tp.platform.services.identity.addMember(
        maker.companyId,
        { email: viewerEmail, password: PASSWORD, role: 'viewer' },
        { kind: 'system', userId: null, companyId: null },
      );
      const viewer = { ...maker, token: await tp.login(viewerEmail) };
      expectProblem(await get(viewer, doc.url), 403, 'forbidden');
      expectProblem(await get(viewer, '/api/v1/company/kyb/documents'), 403, 'forbidden');
      const seenByViewer = ok(await get(viewer, '/api/v1/company'));
      expect(seenByViewer).toMatchObject({ legalName: 'Maker A LLC', taxId: null, registrationNumber: null });
      expect(seenByViewer.kyb.documents).toEqual([]);
      expectProblem(
        await patch(viewer, '/api/v1/company', { website: 'https://a.example' }),
        403,
        'forbidden',
      );
    });

    it('submits a complete case into the admin queue, and freezes what is under review', async () => {
      expect(ok(await post(maker, '/api/v1/company/kyb/submit'))).toEqual({
        companyId: maker.companyId,
        status: 'submitted',
      });
      expectProblem(await post(maker, '/api/v1/company/kyb/submit'), 409, 'kyb_invalid_transition');
      expectProblem(await patch(maker, '/api/v1/company', { taxId: 'TAX-CHANGED' }), 409, 'kyb_under_review');
      expectProblem(
        await upload(maker, 'other', 'more.pdf', taxPdf, 'application/pdf'),
        409,
        'kyb_under_review',
      );
      // What buyers read is not under review.
      ok(await patch(maker, '/api/v1/company', { description: 'Stoneware from Texas' }));

      const queue = ok(await get(admin, '/api/v1/admin/kyb'));
      const entry = queue.items.find((i: { companyId: string }) => i.companyId === maker.companyId);
      expect(entry).toMatchObject({
        kybStatus: 'submitted',
        documents: 2,
        previousRejections: 0,
        waitingHours: 0,
      });
      expect(queue.items.some((i: { companyId: string }) => i.companyId === other.companyId)).toBe(false);
      for (const outsider of [maker, retailer, executive])
        expectProblem(await get(outsider, '/api/v1/admin/kyb'), 403, 'forbidden');
      expectProblem(await post(maker, `/api/v1/admin/kyb/${maker.companyId}/approve`, {}), 403, 'forbidden');
      expectProblem(await get(admin, '/api/v1/admin/kyb?status=maybe'), 400, 'invalid_request', 'status');
    });

    it('sends a case back for a named document, and takes it again only with a new one', async () => {
      const sent = await post(admin, `/api/v1/admin/kyb/${maker.companyId}/request-changes`, {
        reason: 'the tax certificate is cut off',
        documents: ['tax_id'],
      });
      expect(ok(sent).status).toBe('changes_requested');
      const company = ok(await get(maker, '/api/v1/company'));
      expect(company.kyb.lastDecision).toMatchObject({
        action: 'changes_requested',
        reason: 'the tax certificate is cut off',
        requestedDocuments: ['tax_id'],
      });
      expect(company.kyb.missing).toEqual([
        { field: 'documents.tax_id', message: 'a new tax id document, as the reviewer asked' },
      ]);
      const mail = emailsTo(tp.platform.config.dataDir, maker.email).at(-1);
      expect(mail?.subject).toMatch(/needs more documents/i);
      expect(mail?.text).toContain('the tax certificate is cut off');
      const inbox = ok(await get(maker, '/api/v1/notifications'));
      expect(JSON.stringify(inbox)).toContain('Your verification needs more documents');

      expectProblem(
        await post(maker, '/api/v1/company/kyb/submit'),
        422,
        'kyb_incomplete',
        'documents.tax_id',
      );
      const clearer = await demoCertificate('Tax registration', [
        'Maker A LLC',
        'Tax id TAX-A',
        'clear scan',
      ]);
      ok(await upload(maker, 'tax_id', 'tax-clear.pdf', clearer, 'application/pdf'), 201);
      expect(ok(await post(maker, '/api/v1/company/kyb/submit')).status).toBe('submitted');
    });

    it('rejects with a reason the seller reads, takes a resubmission, and approves: the seller may publish', async () => {
      expectProblem(
        await post(admin, `/api/v1/admin/kyb/${maker.companyId}/reject`, {}),
        400,
        'invalid_request',
        'reason',
      );
      ok(
        await post(admin, `/api/v1/admin/kyb/${maker.companyId}/reject`, {
          reason: 'the registry lists another address',
        }),
      );
      expect(ok(await get(maker, '/api/v1/company')).kyb).toMatchObject({
        status: 'rejected',
        lastDecision: { action: 'rejected', reason: 'the registry lists another address' },
      });
      expectProblem(await listProduct(maker, 'MUG-2'), 403, 'company_not_verified');
      ok(
        await patch(
          maker,
          `/api/v1/company/addresses/${ok(await get(maker, '/api/v1/company')).addresses.find((a: { kind: string }) => a.kind === 'registered').id}`,
          { kind: 'registered', line1: '2 Congress Ave', city: 'Austin', country: 'US' },
        ),
      );
      ok(await post(maker, '/api/v1/company/kyb/submit'));

      const view = ok(await get(admin, `/api/v1/admin/kyb/${maker.companyId}`));
      expect(view.kyb.history.map((h: { action: string }) => h.action)).toEqual([
        'submitted',
        'changes_requested',
        'submitted',
        'rejected',
        'submitted',
      ]);
      expect(view.kyb.documents).toHaveLength(3);
      expect(view.riskFlags).toEqual([]);

      expect(ok(await post(admin, `/api/v1/admin/kyb/${maker.companyId}/approve`, {}))).toEqual({
        companyId: maker.companyId,
        status: 'approved',
      });
      expect(emailsTo(tp.platform.config.dataDir, maker.email).at(-1)?.subject).toMatch(/verified/i);
      const company = ok(await get(maker, '/api/v1/company'));
      expect(company.kyb.status).toBe('approved');
      expect(company.kyb.verifiedAt).not.toBeNull();
      // Verified newcomer: 25 + half of each history part (10 + 7.5 * 3) + no tenure = 57.5 -> 58.
      expect(company.trust).toMatchObject({ badge: 'verified', score: 58 });
      expect(ok(await listProduct(maker, 'MUG-2'), 201).status).toBe('published');
      const found = ok(
        await tp.http('GET', `/api/v1/manufacturers?verifiedOnly=true&limit=100`, { token: retailer.token }),
      );
      expect(JSON.stringify(found)).toContain(maker.companyId);
      expect(JSON.stringify(found)).not.toContain(other.companyId);
    });

    it('locks the legal identity once verified, but not what buyers read', async () => {
      expectProblem(
        await patch(maker, '/api/v1/company', { legalName: 'Someone Else LLC' }),
        409,
        'kyb_locked',
      );
      expect(ok(await patch(maker, '/api/v1/company', { website: 'https://maker-a.example' })).website).toBe(
        'https://maker-a.example',
      );
      expectProblem(
        await post(admin, `/api/v1/admin/kyb/${maker.companyId}/approve`, {}),
        409,
        'kyb_invalid_transition',
      );
    });

    it('records every decision in the audit log and streams each move as a valid event', async () => {
      const audit = ok(await get(admin, `/api/v1/admin/audit-log?companyId=${maker.companyId}&limit=100`));
      const actions = audit.items.map((e: { action: string }) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'company.kyb_approved',
          'company.kyb_rejected',
          'company.kyb_changes_requested',
          'company.kyb_submitted',
          'company.kyb_document_added',
          'company.profile_updated',
        ]),
      );
      const rejected = audit.items.find((e: { action: string }) => e.action === 'company.kyb_rejected');
      expect(rejected).toMatchObject({
        reason: 'the registry lists another address',
        actor: { userId: expect.any(String) },
        before: { kybStatus: 'submitted' },
        after: { kybStatus: 'rejected' },
      });

      const events = await tp.platform.db
        .selectFrom('outbox')
        .selectAll()
        .where('aggregate_id', '=', maker.companyId)
        .orderBy('occurred_at')
        .execute();
      const moves = events.filter((e) => e.type === 'company.kyb_status_changed');
      expect(moves.map((e) => (e.payload as { to: string }).to)).toEqual([
        'submitted',
        'changes_requested',
        'submitted',
        'rejected',
        'submitted',
        'approved',
      ]);
      for (const e of events)
        expect(() =>
          validateEvent({
            eventId: e.event_id,
            type: e.type,
            version: e.version,
            aggregateType: e.aggregate_type,
            aggregateId: e.aggregate_id,
            companyIds: e.company_ids as string[],
            occurredAt: new Date(e.occurred_at).toISOString(),
            actor: e.actor as never,
            payload: e.payload,
          }),
        ).not.toThrow();
      expect(events.some((e) => e.type === 'company.trust_scored')).toBe(true);
      // Nothing private travels in the stream: not the tax id, not the document bytes' hash.
      expect(JSON.stringify(events.map((e) => e.payload))).not.toContain('TAX-A');
    });

    it('flags two companies that uploaded the same document, for admins only', async () => {
      await fillProfile(other, 'B');
      ok(
        await upload(other, 'business_registration', 'registration.pdf', registrationPdf, 'application/pdf'),
        201,
      );
      const flagged = ok(await get(admin, '/api/v1/admin/risk-flags?minSeverity=critical')).items;
      const ids = flagged.map((f: { companyId: string }) => f.companyId);
      expect(ids).toEqual(expect.arrayContaining([maker.companyId, other.companyId]));
      expect(
        flagged.find((f: { companyId: string }) => f.companyId === other.companyId).flags[0],
      ).toMatchObject({ code: 'documents_shared', severity: 'critical' });
      expect(ok(await get(admin, `/api/v1/admin/kyb/${other.companyId}`)).riskFlags[0].code).toBe(
        'documents_shared',
      );
      for (const outsider of [other, executive])
        expectProblem(await get(outsider, '/api/v1/admin/risk-flags'), 403, 'forbidden');
      expectProblem(
        await get(admin, '/api/v1/admin/risk-flags?minSeverity=low'),
        400,
        'invalid_request',
        'minSeverity',
      );
    });

    it('keeps KYB to manufacturers, and one company’s case out of another’s reach', async () => {
      expectProblem(await post(retailer, '/api/v1/company/kyb/submit'), 422, 'kyb_manufacturers_only');
      // The other maker sees its own case, never the first one's.
      const own = ok(await get(other, '/api/v1/company'));
      expect(own.id).toBe(other.companyId);
      expect(JSON.stringify(own)).not.toContain('Maker A LLC');
      const makersAddress = ok(await get(maker, '/api/v1/company')).addresses[0].id;
      expectProblem(
        await patch(other, `/api/v1/company/addresses/${makersAddress}`, {
          kind: 'warehouse',
          line1: 'x',
          city: 'Austin',
          country: 'US',
        }),
        404,
        'address_not_found',
      );
      expectProblem(
        await tp.http('DELETE', `/api/v1/company/addresses/${makersAddress}`, { token: other.token }),
        404,
        'address_not_found',
      );
      const makersDoc = ok(await get(maker, '/api/v1/company/kyb/documents')).items[0].id;
      expectProblem(
        await tp.http('DELETE', `/api/v1/company/kyb/documents/${makersDoc}`, { token: other.token }),
        404,
        'document_not_found',
      );
      expectProblem(await post(other, `/api/v1/admin/kyb/${other.companyId}/approve`, {}), 403, 'forbidden');
    });

    it('streams the verification, badge and registered coordinates into the warehouse buyers query', async () => {
      const query = {
        dimensions: [
          'sellers.company_id',
          'sellers.verified',
          'sellers.trust_badge',
          'sellers.trust_score',
          'sellers.latitude',
        ],
        filters: [
          { member: 'sellers.company_id', operator: 'equals', values: [maker.companyId, other.companyId] },
        ],
        order: { 'sellers.company_id': 'asc' },
      };
      const rows = await eventually(
        async () => {
          const res = await tp.http('POST', '/cubejs-api/v1/load', {
            token: retailer.token,
            body: { query },
          });
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          return res.body.data as Array<Record<string, unknown>>;
        },
        (data) =>
          data.some((r) => r['sellers.company_id'] === maker.companyId && r['sellers.verified'] === '1'),
      );
      const seen = Object.fromEntries(rows.map((r) => [r['sellers.company_id'], r]));
      // Cube's REST answers carry values as strings (booleans as '1' and '0' on ClickHouse).
      expect(seen[maker.companyId]).toMatchObject({
        'sellers.trust_badge': 'verified',
        'sellers.trust_score': '58',
        'sellers.latitude': '30.2672',
      });
      expect(seen[other.companyId]).toMatchObject({
        'sellers.verified': '0',
        'sellers.trust_badge': 'basic',
      });
    });

    it('recomputes trust scores on an admin’s request only', async () => {
      const result = ok(await post(admin, '/api/v1/admin/trust-scores/recompute'));
      expect(result.scored).toBeGreaterThanOrEqual(2);
      expectProblem(await post(maker, '/api/v1/admin/trust-scores/recompute'), 403, 'forbidden');
      const other_ = ok(await get(other, '/api/v1/company'));
      expect(other_.trust).toMatchObject({ badge: 'basic', score: 33 });
    });
  });
}
