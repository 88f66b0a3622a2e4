/**
 * Bulk CSV import and export of a seller's products, one row per variant (rows sharing `product_sku` form one
 * product; its product-level columns are read from its first row). Lists inside a cell are separated by "|":
 * `certifications` "FSC|Organic", `images` URLs or storage keys, `specifications` "Material=Stoneware|Height=9 cm",
 * `options` "size=M|colour=Red", `price_tiers` "12:650|48:600" (minimum quantity : unit price in minor units).
 *
 * Policy: all or nothing. Every row is checked (shape, then against the database) and every problem is reported
 * with its line number and column (as problem fields `rows.<line>.<column>`); if there is any, nothing is
 * written. Otherwise the whole file is written in one transaction. `dryRun` checks without writing.
 *
 * Two modes: `create` (the default) lists every product in the file and refuses a SKU the seller already has;
 * `upsert` updates the products and variants whose SKUs exist and creates the rest (csv-upsert.ts). The export
 * writes the same columns for the variants on sale, so export -> edit -> upsert round-trips.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/principal.ts';
import type { Db } from '../db/database.ts';
import { requireCatalogWriter, requireSellerMember } from '../inventory/inventory-service.ts';
import { newProductSchema, type NewProduct } from './product-schema.ts';
import { planUpsert } from './csv-upsert.ts';
import { checkNewProducts, insertProducts } from './product-writer.ts';

export const CSV_COLUMNS = [
  'product_sku',
  'name',
  'category',
  'description',
  'currency',
  'status',
  'lead_time_days',
  'certifications',
  'images',
  'specifications',
  'variant_sku',
  'options',
  'price_minor',
  'price_tiers',
  'moq',
  'case_pack',
  'unit_cost_minor',
  'stock',
] as const;

const MAX_ROWS = 5000;

export interface RowProblem {
  /** Line number in the file (the header is line 1). */
  line: number;
  column: string;
  message: string;
}

export type ImportMode = 'create' | 'upsert';

export interface ImportReport {
  dryRun: boolean;
  mode: ImportMode;
  rows: number;
  products: number;
  /** Products written: created plus updated. */
  imported: number;
  created: number;
  updated: number;
  errors: RowProblem[];
}

const FIELD_TO_COLUMN: Record<string, string> = {
  sku: 'product_sku',
  name: 'name',
  category: 'category',
  description: 'description',
  currency: 'currency',
  status: 'status',
  leadTimeDays: 'lead_time_days',
  certifications: 'certifications',
  images: 'images',
  specifications: 'specifications',
  options: 'options',
  priceMinor: 'price_minor',
  priceTiers: 'price_tiers',
  moq: 'moq',
  casePack: 'case_pack',
  unitCostMinor: 'unit_cost_minor',
  stock: 'stock',
};

const list = (cell: string) =>
  cell
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
const pairs = (cell: string, sep: string) =>
  list(cell).map((part) => {
    const at = part.indexOf(sep);
    return at < 0 ? [part, ''] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  });
const integer = (cell: string): number | string | undefined => {
  const t = cell.trim();
  if (t === '') return undefined;
  return /^-?\d{1,15}$/.test(t) ? Number(t) : t;
};
const text = (cell: string | undefined) => (cell && cell.trim() !== '' ? cell.trim() : undefined);

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

function productFrom(rows: Row[]): unknown {
  const first = rows[0]!;
  const specs = pairs(first.specifications, '=');
  return {
    sku: first.product_sku.trim(),
    name: first.name,
    description: text(first.description),
    category: text(first.category),
    currency: first.currency.trim(),
    status: text(first.status),
    leadTimeDays: integer(first.lead_time_days),
    certifications: first.certifications.trim() ? list(first.certifications) : undefined,
    images: first.images.trim() ? list(first.images) : undefined,
    specifications: specs.length > 0 ? specs.map(([name, value]) => ({ name, value })) : undefined,
    variants: rows.map((r) => ({
      sku: text(r.variant_sku) ?? r.product_sku.trim(),
      options: r.options.trim() ? Object.fromEntries(pairs(r.options, '=')) : undefined,
      priceMinor: integer(r.price_minor),
      priceTiers: r.price_tiers.trim()
        ? pairs(r.price_tiers, ':').map(([q, p]) => ({ minQuantity: integer(q!), priceMinor: integer(p!) }))
        : undefined,
      moq: integer(r.moq),
      casePack: integer(r.case_pack),
      unitCostMinor: integer(r.unit_cost_minor),
      stock: integer(r.stock),
    })),
  };
}

/** The line and column a problem at `path` of a grouped product points to. */
function locate(path: PropertyKey[], lines: number[]): { line: number; column: string } {
  if (path[0] === 'variants' && typeof path[1] === 'number') {
    const field = String(path[2] ?? 'variant_sku');
    return {
      line: lines[path[1]] ?? lines[0]!,
      column: field === 'sku' ? 'variant_sku' : (FIELD_TO_COLUMN[field] ?? field),
    };
  }
  const field = String(path[0] ?? 'product_sku');
  return { line: lines[0]!, column: FIELD_TO_COLUMN[field] ?? field };
}

export function createCsvTransfer(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function importCsv(
    principal: Principal,
    csv: string,
    options: { dryRun?: boolean; mode?: ImportMode } = {},
  ): Promise<ImportReport> {
    const mode = options.mode ?? 'create';
    requireCatalogWriter(principal);
    let records: Row[];
    try {
      records = parse(csv, {
        columns: true,
        skip_empty_lines: true,
        bom: true,
        trim: false,
        relax_column_count: false,
      });
    } catch (error) {
      throw new DomainError(
        'invalid_input',
        'malformed_csv',
        `The CSV cannot be read: ${(error as Error).message}`,
        [{ field: 'csv', message: 'is not well-formed CSV' }],
      );
    }
    if (records.length === 0)
      throw new DomainError('invalid_input', 'empty_csv', 'The CSV has a header but no rows.', [
        { field: 'csv', message: 'has no rows' },
      ]);
    if (records.length > MAX_ROWS)
      throw new DomainError('invalid_input', 'too_many_rows', `Import at most ${MAX_ROWS} rows per file.`, [
        { field: 'csv', message: `has ${records.length} rows (at most ${MAX_ROWS})` },
      ]);
    const missing = CSV_COLUMNS.filter((c) => !(c in records[0]!));
    if (missing.length > 0)
      throw new DomainError(
        'invalid_input',
        'missing_columns',
        `The CSV lacks the column(s) ${missing.join(', ')}.`,
        [{ field: 'csv', message: `missing column(s): ${missing.join(', ')}` }],
      );

    const errors: RowProblem[] = [];
    const groups = new Map<string, { rows: Row[]; lines: number[] }>();
    records.forEach((row, i) => {
      const line = i + 2;
      const sku = row.product_sku.trim();
      if (!sku) {
        errors.push({ line, column: 'product_sku', message: 'is required' });
        return;
      }
      const group = groups.get(sku) ?? { rows: [], lines: [] };
      group.rows.push(row);
      group.lines.push(line);
      groups.set(sku, group);
    });
    const products: NewProduct[] = [];
    const productLines: number[][] = [];
    for (const group of groups.values()) {
      const parsed = newProductSchema.safeParse(productFrom(group.rows));
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          errors.push({ ...locate(issue.path, group.lines), message: issue.message });
        continue;
      }
      products.push(parsed.data);
      productLines.push(group.lines);
    }
    const report = (written: { created: number; updated: number }): ImportReport => ({
      dryRun: options.dryRun ?? false,
      mode,
      rows: records.length,
      products: groups.size,
      imported: written.created + written.updated,
      ...written,
      errors: errors.sort((a, b) => a.line - b.line || a.column.localeCompare(b.column)),
    });
    const none = { created: 0, updated: 0 };
    const actor = { userId: principal.userId, companyId: principal.companyId, kind: 'user' as const };
    const seller = { companyId: principal.companyId, actor, at: clock.now() };

    return db.transaction().execute(async (tx) => {
      const upsert = mode === 'upsert' ? await planUpsert(tx, seller, products) : undefined;
      const problems = upsert ? upsert.problems : await checkNewProducts(tx, principal.companyId, products);
      for (const p of problems) {
        const path = p.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        errors.push({ ...locate(path, productLines[p.index]!), message: p.message });
      }
      if (options.dryRun) return report(none);
      if (errors.length > 0) {
        const sorted = report(none).errors;
        throw new DomainError(
          'validation',
          'csv_rows_invalid',
          `${sorted.length} problem(s) in the file, first on line ${sorted[0]!.line} (${sorted[0]!.column}): ${sorted[0]!.message}. Nothing was imported.`,
          sorted.map((e) => ({ field: `rows.${e.line}.${e.column}`, message: e.message })),
        );
      }
      if (upsert) return report(await upsert.apply());
      const ids = await insertProducts(tx, seller, products);
      return report({ created: ids.length, updated: 0 });
    });
  }

  async function exportCsv(principal: Principal): Promise<string> {
    requireSellerMember(principal);
    const rows = await db
      .selectFrom('product_variants as v')
      .innerJoin('products as p', 'p.id', 'v.product_id')
      .leftJoin('categories as k', 'k.id', 'p.category_id')
      .select((eb) => [
        'p.sku as product_sku',
        'p.name',
        'k.slug as category',
        'p.description',
        'p.currency',
        'p.status',
        'p.lead_time_days',
        'p.certifications',
        'p.images',
        'p.specifications',
        'v.sku as variant_sku',
        'v.options',
        'v.price_minor',
        'v.price_tiers',
        'v.moq',
        'v.case_pack',
        'v.unit_cost_minor',
        eb
          .selectFrom('inventory_levels as l')
          .select((e) => e.fn.coalesce(e.fn.sum<number>('l.on_hand'), e.lit(0)).as('s'))
          .whereRef('l.variant_id', '=', 'v.id')
          .as('stock'),
      ])
      .where('v.seller_company_id', '=', principal.companyId)
      .where('v.retired_at', 'is', null)
      .orderBy('p.created_at')
      .orderBy('p.id')
      .orderBy('v.position')
      .execute();
    return stringify(
      rows.map((r) => ({
        ...r,
        category: r.category ?? '',
        certifications: r.certifications.join('|'),
        images: r.images.join('|'),
        specifications: r.specifications.map((s) => `${s.name}=${s.value}`).join('|'),
        options: Object.entries(r.options)
          .map(([k, v]) => `${k}=${v}`)
          .join('|'),
        price_tiers: r.price_tiers.map((t) => `${t.minQuantity}:${t.priceMinor}`).join('|'),
        unit_cost_minor: r.unit_cost_minor ?? '',
        stock: Number(r.stock ?? 0),
      })),
      { header: true, columns: [...CSV_COLUMNS] },
    );
  }

  return { importCsv, exportCsv };
}
