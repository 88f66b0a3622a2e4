/**
 * Demo KYB: each demo manufacturer goes through the same verification path a real one does (profile, registered
 * address, two documents, submission) and the demo admin decides, so the admin queue, the history and the
 * badges all hold real records. The documents are small generated PDFs.
 */
import PDFDocument from 'pdfkit';
import type { createCompaniesService } from '../../marketplace/companies/companies-service.ts';
import type { Principal } from '../../platform/principal.ts';

type Companies = ReturnType<typeof createCompaniesService>;

const LEGAL_SUFFIX: Record<string, string> = {
  AT: 'GmbH',
  DE: 'GmbH',
  GB: 'Ltd',
  CA: 'Inc.',
  US: 'LLC',
  NO: 'AS',
  JP: 'K.K.',
};

/** A one-page PDF certificate, so the reviewer has something to open. */
export function demoCertificate(title: string, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A fixed creation date keeps the demo's files identical from one seeding to the next.
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { CreationDate: new Date(Date.UTC(2026, 0, 1)) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(20).text(title).moveDown();
    doc.fontSize(12);
    for (const line of lines) doc.text(line);
    doc.end();
  });
}

export interface DemoSeller {
  name: string;
  slug: string;
  country: string;
  city: string;
}

/** Fills the profile, address and documents, and submits. Returns the registration PDF for reuse by a test. */
export async function prepareKyb(
  companies: Companies,
  seller: Principal,
  m: DemoSeller,
  index: number,
  options: { registrationPdf?: Buffer; submit?: boolean } = {},
): Promise<Buffer> {
  const legalName = `${m.name} ${LEGAL_SUFFIX[m.country] ?? 'Ltd'}`;
  const registrationNumber = `${m.country}-${String(100_000 + index * 7_919).padStart(6, '0')}`;
  const taxId = `${m.country}${String(900_000_000 + index * 104_729)}`;
  await companies.updateProfile(seller, {
    legalName,
    registrationNumber,
    taxId,
    website: `https://${m.slug}.example.com`,
    description: `${m.name} makes goods for independent retailers from its workshop in ${m.city}.`,
    foundedYear: 1990 + (index % 30),
  });
  await companies.saveAddress(seller, {
    kind: 'registered',
    line1: `${10 + index} Market Street`,
    city: m.city,
    country: m.country,
  });
  const registrationPdf =
    options.registrationPdf ??
    (await demoCertificate('Certificate of registration', [
      legalName,
      `Registration no. ${registrationNumber}`,
    ]));
  await companies.uploadDocument(seller, {
    kind: 'business_registration',
    fileName: 'certificate-of-registration.pdf',
    bytes: registrationPdf,
    contentType: 'application/pdf',
  });
  await companies.uploadDocument(seller, {
    kind: 'tax_id',
    fileName: 'tax-certificate.pdf',
    bytes: await demoCertificate('Tax registration', [legalName, `Tax id ${taxId}`]),
    contentType: 'application/pdf',
  });
  if (options.submit ?? true) await companies.submitKyb(seller);
  return registrationPdf;
}

export async function approveKyb(companies: Companies, admin: Principal, companyId: string) {
  await companies.decideKyb(admin, companyId, { action: 'approve', reason: 'documents match the registry' });
}

export async function requestNewTaxDocument(companies: Companies, admin: Principal, companyId: string) {
  await companies.decideKyb(admin, companyId, {
    action: 'request_changes',
    reason: 'the tax certificate is illegible: upload a clearer scan',
    documents: ['tax_id'],
  });
}
