/** The demo marketplace's cast: who sells, who buys, what is on the shelves. Deterministic by design. */
import type { Currency } from '../../platform/money.ts';

export const DEMO_PASSWORD = 'wholesail-demo';

export const PLATFORM_STAFF = [
  { email: 'admin@wholesail.demo', role: 'admin' },
  { email: 'exec@wholesail.demo', role: 'executive' },
  { email: 'analyst@wholesail.demo', role: 'analyst' },
];

export const MANUFACTURERS: Array<{
  name: string;
  slug: string;
  country: string;
  city: string;
  currency: Currency;
  products: Array<[string, number]>;
}> = [
  {
    name: 'Alpine Ceramics',
    slug: 'alpine',
    country: 'AT',
    city: 'Innsbruck',
    currency: 'EUR',
    products: [
      ['Stoneware mug 350ml', 690],
      ['Serving bowl 24cm', 1850],
      ['Espresso cup set (4)', 2400],
      ['Dinner plate 27cm', 1290],
      ['Matte vase, tall', 3150],
    ],
  },
  {
    name: 'Northwind Textiles',
    slug: 'northwind',
    country: 'GB',
    city: 'Leeds',
    currency: 'GBP',
    products: [
      ['Merino throw', 4200],
      ['Linen tea towel', 650],
      ['Cotton apron', 1450],
      ['Wool cushion cover', 1900],
      ['Table runner', 1700],
    ],
  },
  {
    name: 'Pacific Pantry Co.',
    slug: 'pacific',
    country: 'US',
    city: 'Portland',
    currency: 'USD',
    products: [
      ['Cold brew concentrate (case of 12)', 5400],
      ['Smoked sea salt 200g', 520],
      ['Hot honey 250ml', 780],
      ['Granola 500g', 610],
      ['Dark chocolate bar (box of 24)', 4300],
    ],
  },
  {
    name: 'Lumen Home Goods',
    slug: 'lumen',
    country: 'US',
    city: 'Austin',
    currency: 'USD',
    products: [
      ['Soy candle, cedar', 1100],
      ['Reed diffuser', 1650],
      ['Brass candle holder', 2200],
      ['Linen-scented room spray', 900],
      ['Beeswax taper pair', 640],
    ],
  },
  // Six manufacturers in North America make a peer group large enough for benchmark bands (5+ peers).
  {
    name: 'Prairie Provisions',
    slug: 'prairie',
    country: 'US',
    city: 'Minneapolis',
    currency: 'USD',
    products: [
      ['Wild rice 1kg', 890],
      ['Maple syrup 500ml', 1450],
      ['Oat crackers (case of 12)', 3100],
      ['Sunflower butter 350g', 720],
      ['Dried cranberries 1kg', 1380],
    ],
  },
  {
    name: 'Harbor & Pine',
    slug: 'harbor',
    country: 'US',
    city: 'Seattle',
    currency: 'USD',
    products: [
      ['Cedar cutting board', 3400],
      ['Enamel camp mug', 950],
      ['Wool blanket', 8900],
      ['Canvas tote', 1250],
      ['Pine soap bar (box of 20)', 2600],
    ],
  },
  {
    name: 'Sunbelt Ceramics',
    slug: 'sunbelt',
    country: 'US',
    city: 'Phoenix',
    currency: 'USD',
    products: [
      ['Terracotta planter', 1600],
      ['Glazed bowl', 1300],
      ['Tile coaster set', 1100],
      ['Stoneware pitcher', 2900],
      ['Clay incense holder', 600],
    ],
  },
  {
    name: 'Maple Leaf Goods',
    slug: 'mapleleaf',
    country: 'CA',
    city: 'Toronto',
    currency: 'USD',
    products: [
      ['Birch serving tray', 2700],
      ['Flannel scarf', 2100],
      ['Ice wine jelly', 990],
      ['Hand cream 100ml', 1150],
      ['Enamel pin set', 700],
    ],
  },
];

export const RETAILERS = [
  { name: 'Corner Store Brooklyn', slug: 'cornerstore', country: 'US', city: 'New York' },
  { name: 'Maison Claire', slug: 'maisonclaire', country: 'FR', city: 'Lyon' },
  { name: 'The Green Grocer', slug: 'greengrocer', country: 'GB', city: 'Bristol' },
  { name: 'Casa Bonita', slug: 'casabonita', country: 'ES', city: 'Valencia' },
  { name: 'Lakeside Gifts', slug: 'lakeside', country: 'US', city: 'Chicago' },
  { name: 'Kiosk Berlin', slug: 'kioskberlin', country: 'DE', city: 'Berlin' },
];

/**
 * Manufacturers still in KYB review, so the admin queue has work: two submitted (one with a document another
 * company also uploaded, which raises a risk flag), one sent back for a new tax document, one not yet submitted.
 */
export const PENDING_MANUFACTURERS: Array<{
  name: string;
  slug: string;
  country: string;
  city: string;
  stage: 'submitted' | 'changes_requested' | 'not_submitted';
}> = [
  { name: 'Fjord Textiles', slug: 'fjord', country: 'NO', city: 'Oslo', stage: 'submitted' },
  { name: 'Sakura Paper Co', slug: 'sakura', country: 'JP', city: 'Osaka', stage: 'submitted' },
  { name: 'Andes Alpaca Works', slug: 'andes', country: 'US', city: 'Denver', stage: 'changes_requested' },
  { name: 'Delta Candle Studio', slug: 'delta', country: 'US', city: 'Atlanta', stage: 'not_submitted' },
];

export const sellerEmail = (slug: string) => `sales@${slug}.demo`;
export const buyerEmail = (slug: string) => `buyer@${slug}.demo`;

export function demoLogins(): Array<{ email: string; role: string }> {
  return [
    ...PLATFORM_STAFF.map((s) => ({ email: s.email, role: `platform ${s.role}` })),
    ...MANUFACTURERS.map((m) => ({ email: sellerEmail(m.slug), role: `manufacturer: ${m.name}` })),
    ...PENDING_MANUFACTURERS.map((m) => ({
      email: sellerEmail(m.slug),
      role: `manufacturer awaiting KYB (${m.stage.replace('_', ' ')}): ${m.name}`,
    })),
    ...RETAILERS.map((r) => ({ email: buyerEmail(r.slug), role: `retailer: ${r.name}` })),
  ];
}

/** Category of each hand-made product (slugs of the category tree), so commission category rules apply. */
export const DEMO_PRODUCT_CATEGORY: Record<string, string> = {
  'Stoneware mug 350ml': 'drinkware',
  'Serving bowl 24cm': 'tableware',
  'Espresso cup set (4)': 'drinkware',
  'Dinner plate 27cm': 'tableware',
  'Matte vase, tall': 'vases',
  'Merino throw': 'throws',
  'Linen tea towel': 'kitchen',
  'Cotton apron': 'kitchen',
  'Wool cushion cover': 'textiles',
  'Table runner': 'textiles',
  'Cold brew concentrate (case of 12)': 'coffee',
  'Smoked sea salt 200g': 'pantry',
  'Hot honey 250ml': 'preserves',
  'Granola 500g': 'grains',
  'Dark chocolate bar (box of 24)': 'chocolate',
  'Soy candle, cedar': 'candles',
  'Reed diffuser': 'candles',
  'Brass candle holder': 'decor',
  'Linen-scented room spray': 'candles',
  'Beeswax taper pair': 'candles',
  'Wild rice 1kg': 'grains',
  'Maple syrup 500ml': 'preserves',
  'Oat crackers (case of 12)': 'biscuits',
  'Sunflower butter 350g': 'preserves',
  'Dried cranberries 1kg': 'snacks',
  'Cedar cutting board': 'kitchen',
  'Enamel camp mug': 'camping',
  'Wool blanket': 'throws',
  'Canvas tote': 'bags',
  'Pine soap bar (box of 20)': 'soap',
  'Terracotta planter': 'vases',
  'Glazed bowl': 'tableware',
  'Tile coaster set': 'tableware',
  'Stoneware pitcher': 'tableware',
  'Clay incense holder': 'decor',
  'Birch serving tray': 'tableware',
  'Flannel scarf': 'scarves',
  'Ice wine jelly': 'preserves',
  'Hand cream 100ml': 'skincare',
  'Enamel pin set': 'jewellery',
};

/** Plans of the demo manufacturers (one on Free, to show its limits). */
export const DEMO_PLANS: Record<string, 'free' | 'professional' | 'enterprise'> = {
  alpine: 'enterprise',
  northwind: 'professional',
  pacific: 'enterprise',
  lumen: 'professional',
  prairie: 'professional',
  harbor: 'professional',
  sunbelt: 'free',
  mapleleaf: 'professional',
};

/** Retailers approved for net-30 terms, with their credit limits in USD cents. */
export const DEMO_TERMS: Record<string, number> = {
  cornerstore: 5_000_000,
  lakeside: 2_500_000,
  maisonclaire: 2_000_000,
};

/** Shipping regions of the demo retailers (tax by destination). */
export const DEMO_REGIONS: Record<string, string> = { cornerstore: 'NY', lakeside: 'IL' };
