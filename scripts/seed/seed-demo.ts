/**
 * Seeds the demo marketplace through the real domain services, so every row also becomes an outbox event
 * and reaches the warehouse by the normal pipeline. Orders are spread over the last 90 days with a simulated
 * clock; a seeded random generator keeps every run identical.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { Principal } from '../../platform/principal.ts';
import { demoCatalogFor } from './demo-catalog.ts';
import { createCatalogService } from '../../marketplace/catalog/catalog-service.ts';
import { createIdentityService } from '../../marketplace/identity/identity-service.ts';
import { createOrderService } from '../../marketplace/orders/order-service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Platform } from '../../platform/container.ts';
import { systemActor } from '../../platform/domain-event.ts';
import {
  DEMO_PASSWORD,
  MANUFACTURERS,
  PLATFORM_STAFF,
  RETAILERS,
  buyerEmail,
  sellerEmail,
} from './demo-data.ts';

const DAYS = 90;
const ORDERS_PER_DAY = 6;
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
  options: { progress?: boolean; now?: Date; catalogProducts?: number } = {},
): Promise<{ orders: number; catalogProducts: number }> {
  const rand = random(20261125);
  const end = options.now ?? new Date();
  const start = new Date(end.getTime() - DAYS * 86_400_000);
  // Companies a little before the catalog, the catalog a little before the hand-made products (so those come
  // first in "newest"), and orders from `start` on.
  let current = new Date(start.getTime() - 120_000);
  const clock: Clock = { now: () => current };
  const deps = { db: platform.db, clock };
  const identity = createIdentityService(deps);
  const catalog = createCatalogService(deps);
  const orders = createOrderService(deps);

  const catalogSize = options.catalogProducts ?? DEMO_CATALOG_PRODUCTS;
  const perSeller = Math.ceil(catalogSize / MANUFACTURERS.length);
  const batches = Math.ceil(perSeller / CATALOG_BATCH) * MANUFACTURERS.length;
  const totalSteps =
    PLATFORM_STAFF.length + MANUFACTURERS.length + RETAILERS.length + batches + DAYS * ORDERS_PER_DAY;
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

  const products: Array<{ id: string; sellerSlug: string }> = [];
  const sellers: Principal[] = [];
  for (const m of MANUFACTURERS) {
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
    sellers.push(seller);
    const registeredAt = current;
    current = start;
    for (const [i, [name, priceMinor]] of m.products.entries()) {
      const p = await catalog.listProduct(seller, {
        sku: `${m.slug.toUpperCase()}-${String(i + 1).padStart(3, '0')}`,
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

  // The browsable catalog: a few thousand generated products across the category tree, in batches.
  current = new Date(start.getTime() - 60_000);
  let catalogProducts = 0;
  for (const [k, m] of MANUFACTURERS.entries()) {
    const all = demoCatalogFor(m.slug, m.currency, Math.min(perSeller, catalogSize - catalogProducts), k);
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
    buyers.push(await identity.authenticate(buyerEmail(r.slug), DEMO_PASSWORD));
    tick(`retailer ${r.name}`);
  }

  let placed = 0;
  for (let day = 0; day < DAYS; day++) {
    for (let k = 0; k < ORDERS_PER_DAY; k++) {
      current = new Date(end.getTime() - (DAYS - day) * 86_400_000 + Math.floor(rand() * 86_000_000));
      const buyer = buyers[Math.floor(rand() * buyers.length)]!;
      const seller = MANUFACTURERS[Math.floor(rand() * MANUFACTURERS.length)]!;
      const shelf = products.filter((p) => p.sellerSlug === seller.slug);
      const lineCount = 1 + Math.floor(rand() * 3);
      const picked = [...shelf].sort(() => rand() - 0.5).slice(0, lineCount);
      await orders.placeOrder(buyer, {
        lines: picked.map((p) => ({ productId: p.id, quantity: 6 * (1 + Math.floor(rand() * 10)) })),
      });
      placed++;
      tick('orders');
    }
  }
  if (options.progress) bar.stop();
  return { orders: placed, catalogProducts };
}
