/**
 * The few layout tools every Wholesail PDF needs, on pdfkit: a document whose bytes depend only on its content
 * (creation date from the document's own date, so the same invoice downloads byte for byte the same), label and
 * value pairs, and a table that continues on a new page.
 *
 * pdfkit over pdf-lib: pdfkit is maintained (pdf-lib's last release is from 2021), lays text out for us
 * (wrapping, measured heights, pages) and ships the standard PDF fonts, whose WinAnsi encoding covers $, EUR
 * and GBP signs, so no font file is embedded.
 */
import PDFDocument from 'pdfkit';

export type Pdf = PDFKit.PDFDocument;

export const MARGIN = 50;
const PAGE_BOTTOM = 841.89 - MARGIN; // A4 height in points
export const CONTENT_WIDTH = 595.28 - 2 * MARGIN;

export async function renderPdf(
  meta: { title: string; createdAt: Date },
  draw: (doc: Pdf) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: meta.title,
      Author: 'Wholesail',
      Creator: 'Wholesail',
      Producer: 'Wholesail',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica').fontSize(10);
  draw(doc);
  doc.end();
  return done;
}

export function heading(doc: Pdf, title: string, subtitle?: string) {
  doc.font('Helvetica-Bold').fontSize(20).text(title, MARGIN, MARGIN);
  if (subtitle) doc.font('Helvetica').fontSize(10).fillColor('#555555').text(subtitle).fillColor('black');
  doc.font('Helvetica').fontSize(10).moveDown();
}

/** Label: value rows, the labels in a narrow column. */
export function keyValues(doc: Pdf, rows: Array<[string, string]>, x = MARGIN, width = CONTENT_WIDTH) {
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('Helvetica-Bold').text(label, x, y, { width: 120 });
    doc.font('Helvetica').text(value, x + 125, y, { width: width - 125 });
    doc.x = x;
  }
}

/** Text blocks side by side (From, Bill to, Ship to), each a title and its lines. */
export function blocks(doc: Pdf, items: Array<{ title: string; lines: string[] }>) {
  const top = doc.y;
  const width = CONTENT_WIDTH / items.length;
  let bottom = top;
  items.forEach((item, i) => {
    const x = MARGIN + i * width;
    doc.font('Helvetica-Bold').text(item.title, x, top, { width: width - 10 });
    doc.font('Helvetica').text(item.lines.filter(Boolean).join('\n'), x, doc.y, { width: width - 10 });
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = MARGIN;
  doc.y = bottom;
  doc.moveDown();
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** A table with a bold header, repeated at the top of every page it runs onto. */
export function table(doc: Pdf, columns: Column[], rows: string[][]) {
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    const height = Math.max(
      ...cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - 6 })),
    );
    if (doc.y + height > PAGE_BOTTOM) {
      doc.addPage();
      if (!bold)
        drawRow(
          columns.map((c) => c.header),
          true,
        );
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      doc.text(cell, x, y, { width: column.width - 6, align: column.align ?? 'left' });
      x += column.width;
    });
    doc.x = MARGIN;
    doc.y = y + height + 4;
  };
  drawRow(
    columns.map((c) => c.header),
    true,
  );
  doc
    .moveTo(MARGIN, doc.y - 2)
    .lineTo(MARGIN + CONTENT_WIDTH, doc.y - 2)
    .stroke();
  for (const row of rows) drawRow(row, false);
  doc.font('Helvetica').moveDown();
}

/** Amount rows aligned right under a table (Subtotal, Tax, Total). */
export function totals(doc: Pdf, rows: Array<[string, string, boolean?]>) {
  for (const [label, value, bold] of rows) {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    doc.text(label, MARGIN + CONTENT_WIDTH - 300, y, { width: 180, align: 'right' });
    // 6 points short of the margin, like the table cells above it, so the amounts line up.
    doc.text(value, MARGIN + CONTENT_WIDTH - 115, y, { width: 109, align: 'right' });
    doc.x = MARGIN;
  }
  doc.font('Helvetica').moveDown();
}
