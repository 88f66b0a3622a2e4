/**
 * Seeds the demo marketplace through the real domain services, so every row also becomes an outbox event
 * and reaches the warehouse by the normal pipeline. Orders are spread over the last 90 days with a simulated
 * clock; a seeded random generator keeps every run identical. Paid plans are subscriptions bought through
 * billing and confirmed by the payment provider's webhook (seed-plans.ts), so the demo has MRR and ARR.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { Principal } from '../../platform/principal.ts';
import { demoCatalogFor } from './demo-catalog.ts';
import { createCatalogService } from '../../marketplace/catalog/catalog-service.ts';
import { createIdentityService } from '../../marketplace/identity/identity-service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Platform } from '../../platform/container.ts';
import { systemActor } from '../../platform/domain-event.ts';
import { createTrade } from './seed-trade.ts';
import { approveKyb, prepareKyb, requestNewTaxDocument } from './seed-kyb.ts';
import { createDemoBilling } from './seed-plans.ts';
import { createCompaniesService } from '../../marketplace/companies/companies-service.ts';
import { createNotifier } from '../../marketplace/notifications/notifier.ts';
import {
  DEMO_PASSWORD,
  DEMO_PLANS,
  DEMO_PRODUCT_CATEGORY,
  DEMO_REGIONS,
  DEMO_TERMS,
  MANUFACTURERS,
  PENDING_MANUFACTURERS,
  PLATFORM_STAFF,
  RETAILERS,
  buyerEmail,
  sellerEmail,
} from './demo-data.ts';

const DAYS = 90;
const ORDERS_PER_DAY = 6;
/**
 * The demo for test suites: the same cast, catalog and lifecycle mix over the same 90 days, with fewer orders a
 * day, since each order's whole life (checkout, payment, fulfilment, refunds, reviews, claims) is simulated.
 */
export const TEST_DEMO = { ordersPerDay: 2 };
/** Generated catalog products (spread over the manufacturers) on top of the hand-made ones orders use. */
export const DEMO_CATALOG_PRODUCTS = 3000;
const CATALOG_BATCH = 150;

/** mulberry32: a tiny deterministic PRNG, good enough for demo data. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function isEmpty(platform: Platform): Promise<boolean> {
  const row = await platform.db
    .selectFrom('companies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

export async function seedDemo(
  platform: Platform,
  options: { progress?: boolean; now?: Date; catalogProducts?: number; ordersPerDay?: number } = {},
): Promise<{ orders: number; catalogProducts: number }> {
  const rand = random(20261125);
  const ordersPerDay = options.ordersPerDay ?? ORDERS_PER_DAY;
  const end = options.now ?? new Date();
  const start = new Date(end.getTime() - DAYS * 86_400_000);
  // Companies a little before the catalog, the catalog a little before the hand-made products (so those come
  // first in "newest"), and orders from `start` on.
  let current = new Date(start.getTime() - 120_000);
  const clock: Clock = { now: () => current };
  const deps = { db: platform.db, clock };
  const identity = createIdentityService(deps);
  const catalog = createCatalogService(deps);
  // KYB on the seed's clock, so verification dates sit where the demo's history does.
  const notifier = createNotifier({ mailer: platform.mailer, clock, publicUrl: platform.config.publicUrl });
  const companies = createCompaniesService({ ...deps, storage: platform.storage, notifier });
  const billing = createDemoBilling(platform);

  const catalogSize = options.catalogProducts ?? DEMO_CATALOG_PRODUCTS;
  const perSeller = Math.ceil(catalogSize / MANUFACTURERS.length);
  const batches = Math.ceil(perSeller / CATALOG_BATCH) * MANUFACTURERS.length;
  const totalSteps =
    PLATFORM_STAFF.length +
    MANUFACTURERS.length +
    PENDING_MANUFACTURERS.length +
    RETAILERS.length +
    batches +
    DAYS * ordersPerDay +
    1;
  const bar = new SingleBar(
    { format: 'Seeding demo marketplace [{bar}] {percentage}% | {value}/{total} | {task}', hideCursor: true },
    Presets.shades_classic,
  );
  if (options.progress) bar.start(totalSteps, 0, { task: 'companies' });
  const tick = (task: string) => options.progress && bar.increment(1, { task });

  const platformCompany = await identity.registerCompany(
    {
      kind: 'platform',
      name: 'Wholesail',
      country: 'US',
      city: 'San Francisco',
      owner: { email: PLATFORM_STAFF[0]!.email, password: DEMO_PASSWORD, role: 'admin' },
    },
    systemActor,
  );
  tick('platform staff');
  for (const staff of PLATFORM_STAFF.slice(1)) {
    await identity.addMember(
      platformCompany.companyId,
      { email: staff.email, password: DEMO_PASSWORD, role: staff.role },
      systemActor,
    );
    tick('platform staff');
  }

  const admin = await identity.authenticate(PLATFORM_STAFF[0]!.email, DEMO_PASSWORD);
  const products: Array<{ id: string; sellerSlug: string }> = [];
  const sellers: Principal[] = [];
  for (const [index, m] of MANUFACTURERS.entries()) {
    await identity.registerCompany(
      {
        kind: 'manufacturer',
        name: m.name,
        country: m.country,
        city: m.city,
        owner: { email: sellerEmail(m.slug), password: DEMO_PASSWORD },
      },
      systemActor,
    );
    const seller = await identity.authenticate(sellerEmail(m.slug), DEMO_PASSWORD);
    // Every demo seller was verified the way a real one is: profile, documents, submission, an admin's approval.
    await prepareKyb(companies, seller, m, index);
    await approveKyb(companies, admin, seller.companyId);
    // A paid plan is bought through billing, so its subscription and MRR exist; Free needs no subscription.
    const plan = DEMO_PLANS[m.slug] ?? 'professional';
    if (plan !== 'free') await billing.subscribe(seller, plan, m.name);
    sellers.push(seller);
    const registeredAt = current;
    current = start;
    for (const [i, [name, priceMinor]] of m.products.entries()) {
      const p = await catalog.listProduct(seller, {
        sku: `${m.slug.toUpperCase()}-${String(i + 1).padStart(3, '0')}`,
        category: DEMO_PRODUCT_CATEGORY[name],
        name,
        priceMinor,
        currency: m.currency,
        stock: 1_000_000,
      });
      products.push({ id: p.id, sellerSlug: m.slug });
    }
    current = registeredAt;
    tick(`manufacturer ${m.name}`);
  }

  // Manufacturers still waiting for KYB, so the admin queue has work (see PENDING_MANUFACTURERS).
  let sharedPdf: Buffer | undefined;
  for (const [k, m] of PENDING_MANUFACTURERS.entries()) {
    await identity.registerCompany(
      {
        kind: 'manufacturer',
        name: m.name,
        country: m.country,
        city: m.city,
        owner: { email: sellerEmail(m.slug), password: DEMO_PASSWORD },
      },
      systemActor,
    );
    const seller = await identity.authenticate(sellerEmail(m.slug), DEMO_PASSWORD);
    current = new Date(end.getTime() - (PENDING_MANUFACTURERS.length - k) * 3 * 3_600_000);
    const pdf = await prepareKyb(companies, seller, m, MANUFACTURERS.length + k, {
      submit: m.stage !== 'not_submitted',
      // The second submitted case reuses the first one's registration file: a risk flag for the reviewer.
      ...(sharedPdf && m.stage === 'submitted' ? { registrationPdf: sharedPdf } : {}),
    });
    if (m.stage === 'submitted') sharedPdf ??= pdf;
    if (m.stage === 'changes_requested') await requestNewTaxDocument(companies, admin, seller.companyId);
    current = new Date(start.getTime() - 120_000);
    tick(`pending manufacturer ${m.name}`);
  }

  // The browsable catalog: a few thousand generated products across the category tree, in batches.
  current = new Date(start.getTime() - 60_000);
  let catalogProducts = 0;
  for (const [k, m] of MANUFACTURERS.entries()) {
    // The Free plan publishes at most 10 products (a Free seller's hand-made ones): its generated catalog is drafts.
    const onFree = (DEMO_PLANS[m.slug] ?? 'professional') === 'free';
    const all = demoCatalogFor(m.slug, m.currency, Math.min(perSeller, catalogSize - catalogProducts), k).map(
      (p) => (onFree ? { ...p, status: 'draft' as const } : p),
    );
    for (let i = 0; i < all.length; i += CATALOG_BATCH) {
      catalogProducts += (await catalog.createProducts(sellers[k]!, all.slice(i, i + CATALOG_BATCH))).length;
      tick(`catalog ${m.name}`);
    }
  }

  const buyers = [];
  for (const r of RETAILERS) {
    await identity.registerCompany(
      {
        kind: 'retailer',
        name: r.name,
        country: r.country,
        city: r.city,
        owner: { email: buyerEmail(r.slug), password: DEMO_PASSWORD },
      },
      systemActor,
    );
    const buyer = await identity.authenticate(buyerEmail(r.slug), DEMO_PASSWORD);
    if (DEMO_TERMS[r.slug])
      await platform.db
        .updateTable('companies')
        .set({ terms_approved_at: current, credit_limit_usd_minor: DEMO_TERMS[r.slug]! })
        .where('id', '=', buyer.companyId)
        .execute();
    buyers.push({
      principal: buyer,
      country: r.country,
      city: r.city,
      region: DEMO_REGIONS[r.slug] ?? '',
      name: r.name,
    });
    tick(`retailer ${r.name}`);
  }

  const variants = await platform.db
    .selectFrom('product_variants')
    .select(['id', 'product_id'])
    .where(
      'product_id',
      'in',
      products.map((p) => p.id),
    )
    .execute();
  const variantsBySeller = new Map<string, string[]>();
  for (const p of products) {
    const list = variantsBySeller.get(p.sellerSlug) ?? [];
    list.push(...variants.filter((v) => v.product_id === p.id).map((v) => v.id));
    variantsBySeller.set(p.sellerSlug, list);
  }
  const trade = createTrade(
    platform,
    {
      buyers,
      sellers: MANUFACTURERS.map((m, k) => ({ principal: sellers[k]!, slug: m.slug, currency: m.currency })),
      variantsBySeller,
    },
    rand,
  );
  let placed = 0;
  for (let day = 0; day < DAYS; day++) {
    for (let k = 0; k < ordersPerDay; k++) {
      const when = new Date(end.getTime() - (DAYS - day) * 86_400_000 + Math.floor(rand() * 86_000_000));
      placed += await trade.order(when, end);
      tick('orders');
    }
  }
  await trade.finish(end);
  current = end;
  await companies.rescoreAllAsSystem();
  tick('trust scores');
  if (options.progress) bar.stop();
  return { orders: placed, catalogProducts };
}
