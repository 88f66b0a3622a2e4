/**
 * The product form's state and its translation to and from the API. A person types text (prices in major units,
 * counts as digits); the API takes integer minor units and whole numbers. The checks here are the ones the API
 * makes (marketplace/catalog/product-schema.ts), so mistakes show next to their field before anything is sent;
 * errors are keyed by the API's own field paths (`variants.0.priceTiers.1.minQuantity`), so a refusal from the
 * API lands next to the same field.
 */
import { amountInputText, readAmount } from '../data/money-input.ts';
import { productFormMessages as m } from './messages.ts';
import type { SellerProduct, SellerVariant } from './types.ts';

export interface TierDraft {
  key: string;
  minQuantity: string;
  price: string;
}

export interface VariantDraft {
  key: string;
  /** Set for a variant that exists already. */
  id?: string;
  sku: string;
  /** One value per entry of the product's `optionNames`, in the same order. */
  optionValues: string[];
  price: string;
  tiers: TierDraft[];
  moq: string;
  casePack: string;
  unitCost: string;
  stock: string;
}

export interface ProductDraft {
  sku: string;
  name: string;
  description: string;
  /** A category slug, or '' for none. */
  category: string;
  currency: string;
  leadTimeDays: string;
  /** Comma-separated, as typed. */
  certifications: string;
  specifications: Array<{ key: string; name: string; value: string }>;
  /** Comma-separated option names such as "Colour, Size"; each variant has a value for each. */
  optionNames: string;
  variants: VariantDraft[];
}

export type FormErrors = Record<string, string>;

export interface NewProductBody {
  sku: string;
  name: string;
  description?: string;
  category?: string;
  currency: string;
  leadTimeDays?: number;
  certifications?: string[];
  specifications?: Array<{ name: string; value: string }>;
  status: 'draft' | 'published';
  variants: Array<{
    sku: string;
    options?: Record<string, string>;
    priceMinor: number;
    priceTiers?: Array<{ minQuantity: number; priceMinor: number }>;
    moq?: number;
    casePack?: number;
    unitCostMinor?: number | null;
    stock?: number;
  }>;
}

export interface ProductPatch {
  name?: string;
  description?: string;
  category?: string | null;
  specifications?: Array<{ name: string; value: string }>;
  certifications?: string[];
  leadTimeDays?: number;
}

/** One variant as `POST /api/v1/products` (in `variants`) and `POST .../products/{id}/variants` take it. */
export type VariantBody = NewProductBody['variants'][number];

/** What `PATCH /api/v1/catalog/products/{id}/variants/{variantId}` takes: only what changed. */
export type VariantChange = Partial<Omit<VariantBody, 'stock'>>;

const SKU = /^[A-Za-z0-9._-]{1,64}$/;
const MAX_MINOR = 1_000_000_000_00;

let counter = 0;
/** A stable React key for a row the person added (rows have no id until saved). */
export const newKey = () => `row-${++counter}`;

export const emptyTier = (): TierDraft => ({ key: newKey(), minQuantity: '', price: '' });

export const emptyVariant = (optionCount: number): VariantDraft => ({
  key: newKey(),
  sku: '',
  optionValues: Array.from({ length: optionCount }, () => ''),
  price: '',
  tiers: [],
  moq: '1',
  casePack: '1',
  unitCost: '',
  stock: '0',
});

export const emptyDraft = (): ProductDraft => ({
  sku: '',
  name: '',
  description: '',
  category: '',
  currency: 'USD',
  leadTimeDays: '0',
  certifications: '',
  specifications: [],
  optionNames: '',
  variants: [emptyVariant(0)],
});

/** "Colour, Size" -> ["Colour", "Size"] (blank entries dropped). */
export const optionNamesOf = (draft: Pick<ProductDraft, 'optionNames'>) =>
  draft.optionNames
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const listOf = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

// Written the page's way ("12,50" in Spanish and French), as readAmount reads it back.
const majorText = (minor: number, currency: string) => amountInputText(minor, currency);

/** Option names in the order the first variant lists them, then any only later variants have. */
export function optionNamesFrom(variants: Array<{ options: Record<string, string> }>): string[] {
  const names: string[] = [];
  for (const v of variants)
    for (const name of Object.keys(v.options)) if (!names.includes(name)) names.push(name);
  return names;
}

/** A saved variant as its form starts: amounts in major units of the product's currency. */
export function variantDraftFrom(v: SellerVariant, names: string[], currency: string): VariantDraft {
  return {
    key: v.id,
    id: v.id,
    sku: v.sku,
    optionValues: names.map((n) => v.options[n] ?? ''),
    price: majorText(v.priceMinor, currency),
    tiers: v.priceTiers.map((t) => ({
      key: newKey(),
      minQuantity: String(t.minQuantity),
      price: majorText(t.priceMinor, currency),
    })),
    moq: String(v.moq),
    casePack: String(v.casePack),
    unitCost: v.unitCostMinor === null ? '' : majorText(v.unitCostMinor, currency),
    stock: String(v.onHand),
  };
}

/** The form as it starts for a product that exists. */
export function draftFromProduct(p: SellerProduct): ProductDraft {
  const names = optionNamesFrom(p.variants);
  return {
    sku: p.sku,
    name: p.name,
    description: p.description,
    category: p.category?.slug ?? '',
    currency: p.currency,
    leadTimeDays: String(p.leadTimeDays),
    certifications: p.certifications.join(', '),
    specifications: p.specifications.map((s) => ({ key: newKey(), ...s })),
    optionNames: names.join(', '),
    variants: p.variants.map((v) => variantDraftFrom(v, names, p.currency)),
  };
}

/** A whole number typed by a person, within bounds; null when it is not one. */
export function parseWhole(text: string, min: number, max: number): number | null {
  if (!/^-?\d{1,10}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

interface Checked<T> {
  value: T | null;
  errors: FormErrors;
}

/** Product-level fields shared by a new product and an edit. */
function checkDetails(draft: ProductDraft, errors: FormErrors) {
  const name = draft.name.trim();
  if (!name) errors.name = m.required;
  else if (name.length > 200) errors.name = m.tooLong(200);
  if (draft.description.length > 5000) errors.description = m.tooLong(5000);
  const leadTimeDays = parseWhole(draft.leadTimeDays || '0', 0, 365);
  if (leadTimeDays === null) errors.leadTimeDays = m.leadTimeInvalid;
  const certifications = listOf(draft.certifications);
  if (certifications.length > 20) errors.certifications = m.tooMany(20);
  else if (certifications.some((c) => c.length > 60)) errors.certifications = m.eachAtMost(60);
  const specifications: Array<{ name: string; value: string }> = [];
  draft.specifications.forEach((s, i) => {
    const specName = s.name.trim();
    const value = s.value.trim();
    if (!specName && !value) return; // an empty row the person added and left
    if (!specName) errors[`specifications.${i}.name`] = m.required;
    if (!value) errors[`specifications.${i}.value`] = m.required;
    specifications.push({ name: specName, value });
  });
  return {
    name,
    description: draft.description,
    leadTimeDays: leadTimeDays ?? 0,
    certifications,
    specifications,
  };
}

function checkMoney(
  text: string,
  currency: string,
  field: string,
  errors: FormErrors,
  options: { allowZero?: boolean } = {},
): number | null {
  const reading = readAmount(text, currency);
  if (!reading.ok) {
    errors[field] = reading.problem === 'empty' ? m.required : reading.message;
    return null;
  }
  const minor = reading.minor;
  if (minor > MAX_MINOR) {
    errors[field] = m.amountTooLarge;
    return null;
  }
  if (minor === 0 && !options.allowZero) {
    errors[field] = m.amountPositive;
    return null;
  }
  return minor;
}

/**
 * Quantity prices: each from a quantity above the previous tier's, and above the MOQ (nobody can buy below the
 * MOQ, so such a tier would never apply). `moq` is null when the MOQ itself is not a valid number yet.
 */
function checkTiers(v: VariantDraft, currency: string, at: string, moq: number | null, errors: FormErrors) {
  const tiers: Array<{ minQuantity: number; priceMinor: number }> = [];
  v.tiers.forEach((t, j) => {
    if (!t.minQuantity.trim() && !t.price.trim()) return;
    const field = `${at}priceTiers.${j}.minQuantity`;
    const minQuantity = parseWhole(t.minQuantity, 2, 1_000_000);
    if (minQuantity === null) errors[field] = m.tierQuantityInvalid;
    const priceMinor = checkMoney(t.price, currency, `${at}priceTiers.${j}.priceMinor`, errors);
    if (minQuantity !== null && priceMinor !== null) {
      const previous = tiers.at(-1);
      if (previous && minQuantity <= previous.minQuantity)
        errors[field] = m.tierAscending(previous.minQuantity);
      else if (moq !== null && minQuantity <= moq) errors[field] = m.tierAboveMoq(moq);
      tiers.push({ minQuantity, priceMinor });
    }
  });
  if (tiers.length > 10) errors[`${at}priceTiers`] = m.tooMany(10);
  return tiers;
}

/**
 * One variant as typed, checked: its body for the API, with each problem in `errors` under `prefix` + the API's
 * own field name (`variants.1.` in a new product, nothing in a variant's own form).
 */
function checkVariant(
  v: VariantDraft,
  names: string[],
  currency: string,
  errors: FormErrors,
  prefix: string,
): VariantBody {
  const sku = v.sku.trim();
  if (!SKU.test(sku)) errors[`${prefix}sku`] = sku ? m.skuInvalid : m.required;
  const options: Record<string, string> = {};
  names.forEach((name, k) => {
    const value = (v.optionValues[k] ?? '').trim();
    if (!value) errors[`${prefix}options.${k}`] = m.required;
    else if (value.length > 80) errors[`${prefix}options.${k}`] = m.tooLong(80);
    options[name] = value;
  });
  const priceMinor = checkMoney(v.price, currency, `${prefix}priceMinor`, errors);
  const moq = parseWhole(v.moq || '1', 1, 1_000_000);
  if (moq === null) errors[`${prefix}moq`] = m.wholeAtLeast(1);
  const priceTiers = checkTiers(v, currency, prefix, moq, errors);
  const casePack = parseWhole(v.casePack || '1', 1, 10_000);
  if (casePack === null) errors[`${prefix}casePack`] = m.wholeAtLeast(1);
  const unitCostMinor = v.unitCost.trim()
    ? checkMoney(v.unitCost, currency, `${prefix}unitCostMinor`, errors, { allowZero: true })
    : null;
  const stock = parseWhole(v.stock || '0', 0, 1_000_000_000);
  if (stock === null) errors[`${prefix}stock`] = m.wholeAtLeast(0);
  return {
    sku,
    ...(names.length > 0 ? { options } : {}),
    priceMinor: priceMinor ?? 0,
    ...(priceTiers.length > 0 ? { priceTiers } : {}),
    moq: moq ?? 1,
    casePack: casePack ?? 1,
    unitCostMinor,
    stock: stock ?? 0,
  };
}

function checkOptionNames(names: string[], errors: FormErrors) {
  if (names.some((n) => n.length > 40)) errors.optionNames = m.eachAtMost(40);
  else if (new Set(names.map((n) => n.toLowerCase())).size !== names.length)
    errors.optionNames = m.optionRepeated;
}

/** The body of `POST /api/v1/products`, or the errors that stop it. */
export function newProductBody(draft: ProductDraft, status: 'draft' | 'published'): Checked<NewProductBody> {
  const errors: FormErrors = {};
  const sku = draft.sku.trim();
  if (!SKU.test(sku)) errors.sku = sku ? m.skuInvalid : m.required;
  const details = checkDetails(draft, errors);
  const names = optionNamesOf(draft);
  if (names.some((n) => n.length > 40)) errors.optionNames = m.eachAtMost(40);
  else if (new Set(names.map((n) => n.toLowerCase())).size !== names.length)
    errors.optionNames = m.optionRepeated;
  if (draft.variants.length === 0) errors.variants = m.oneVariant;
  if (draft.variants.length > 100) errors.variants = m.tooMany(100);
  const seen = new Set<string>();
  const variants = draft.variants.map((v, i) => {
    const at = `variants.${i}.`;
    const body = checkVariant(v, names, draft.currency, errors, at);
    if (!errors[`${at}sku`] && seen.has(body.sku)) errors[`${at}sku`] = m.skuRepeated;
    seen.add(body.sku);
    return body;
  });
  if (Object.keys(errors).length > 0) return { value: null, errors };
  return {
    value: {
      sku,
      name: details.name,
      ...(details.description ? { description: details.description } : {}),
      ...(draft.category ? { category: draft.category } : {}),
      currency: draft.currency,
      leadTimeDays: details.leadTimeDays,
      ...(details.certifications.length ? { certifications: details.certifications } : {}),
      ...(details.specifications.length ? { specifications: details.specifications } : {}),
      status,
      variants,
    },
    errors,
  };
}

/** The `PATCH /api/v1/catalog/products/{id}` body: only what changed (null when nothing did). */
export function productPatch(draft: ProductDraft, product: SellerProduct): Checked<ProductPatch> {
  const errors: FormErrors = {};
  const details = checkDetails(draft, errors);
  if (Object.keys(errors).length > 0) return { value: null, errors };
  const patch: ProductPatch = {};
  if (details.name !== product.name) patch.name = details.name;
  if (details.description !== product.description) patch.description = details.description;
  if (draft.category !== (product.category?.slug ?? '')) patch.category = draft.category || null;
  if (details.leadTimeDays !== product.leadTimeDays) patch.leadTimeDays = details.leadTimeDays;
  if (JSON.stringify(details.certifications) !== JSON.stringify(product.certifications))
    patch.certifications = details.certifications;
  if (JSON.stringify(details.specifications) !== JSON.stringify(product.specifications))
    patch.specifications = details.specifications;
  return { value: Object.keys(patch).length > 0 ? patch : null, errors };
}

/** A variant added to a saved product (`POST .../products/{id}/variants`), errors keyed by its own fields. */
export function newVariantBody(v: VariantDraft, optionNames: string, currency: string): Checked<VariantBody> {
  const errors: FormErrors = {};
  const names = optionNamesOf({ optionNames });
  checkOptionNames(names, errors);
  const body = checkVariant(v, names, currency, errors, '');
  return Object.keys(errors).length > 0 ? { value: null, errors } : { value: body, errors };
}

/**
 * The changes to a saved variant (`PATCH .../variants/{variantId}`): only the fields that differ from what is
 * stored, null when none does. Stock is not among them: it changes by inventory movements.
 */
export function variantChange(
  v: VariantDraft,
  optionNames: string,
  currency: string,
  before: SellerVariant,
): Checked<VariantChange> {
  const errors: FormErrors = {};
  const names = optionNamesOf({ optionNames });
  checkOptionNames(names, errors);
  const body = checkVariant({ ...v, stock: '0' }, names, currency, errors, '');
  if (Object.keys(errors).length > 0) return { value: null, errors };
  const change: VariantChange = {};
  if (body.sku !== before.sku) change.sku = body.sku;
  if (JSON.stringify(body.options ?? {}) !== JSON.stringify(before.options))
    change.options = body.options ?? {};
  if (body.priceMinor !== before.priceMinor) change.priceMinor = body.priceMinor;
  if (JSON.stringify(body.priceTiers ?? []) !== JSON.stringify(before.priceTiers))
    change.priceTiers = body.priceTiers ?? [];
  if (body.moq !== before.moq) change.moq = body.moq;
  if (body.casePack !== before.casePack) change.casePack = body.casePack;
  if (body.unitCostMinor !== before.unitCostMinor) change.unitCostMinor = body.unitCostMinor;
  return { value: Object.keys(change).length > 0 ? change : null, errors };
}

/**
 * The API's field paths next to our fields. Options are sent by name and shown by position, so
 * `variants.0.options.Colour` (or `options.Colour` in a variant's own form) becomes `...options.0`.
 */
export function errorsFromApi(
  fields: Array<{ field: string; message: string }>,
  optionNames: string,
): FormErrors {
  const errors: FormErrors = {};
  const names = optionNamesOf({ optionNames });
  for (const { field, message } of fields) {
    let key = field;
    const option = /^((?:variants\.\d+\.)?options)\.(.+)$/.exec(key);
    if (option && names.includes(option[2]!)) key = `${option[1]}.${names.indexOf(option[2]!)}`;
    // A problem with one certification is shown on the one field that holds them all.
    if (/^certifications\.\d+$/.test(key)) key = 'certifications';
    errors[key] = errors[key] ? `${errors[key]}; ${message}` : message;
  }
  return errors;
}

/** The fields the form shows errors next to; anything else the API names is listed above the form. */
const PLACED =
  /^(name|description|category|currency|leadTimeDays|certifications|optionNames|variants|specifications(\.\d+\.(name|value))?|(variants\.\d+\.)?(sku|options(\.\d+)?|priceMinor|priceTiers(\.\d+\.(minQuantity|priceMinor))?|moq|casePack|unitCostMinor|stock))$/;

export const unplacedErrors = (errors: FormErrors) =>
  Object.entries(errors)
    .filter(([key]) => !PLACED.test(key))
    .map(([field, message]) => ({ field, message }));
