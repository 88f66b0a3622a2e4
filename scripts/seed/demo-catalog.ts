/**
 * The demo catalog: a few thousand products spread over the category tree, generated deterministically from
 * word lists (the same names, prices and stock on every run), listed through the catalog service in batches
 * so each one also gets its events, variants and opening stock movements like any real listing.
 */
import type { NewProduct } from '../../marketplace/catalog/product-schema.ts';
import type { Currency } from '../../platform/money.ts';

interface Theme {
  category: string;
  nouns: string[];
  /** Base price range in minor units. */
  price: [number, number];
  options?: Record<string, string[]>;
  specs: Array<[string, string[]]>;
}

const THEMES: Theme[] = [
  {
    category: 'tableware',
    nouns: ['Dinner plate', 'Side plate', 'Pasta bowl', 'Serving platter', 'Salad bowl'],
    price: [600, 3500],
    options: { colour: ['Sand', 'Slate', 'Cream', 'Sage'] },
    specs: [
      ['Material', ['Stoneware', 'Porcelain', 'Earthenware']],
      ['Dishwasher safe', ['Yes']],
    ],
  },
  {
    category: 'drinkware',
    nouns: ['Mug', 'Tumbler', 'Espresso cup', 'Carafe', 'Travel cup'],
    price: [450, 2400],
    options: { size: ['250ml', '350ml', '500ml'] },
    specs: [['Material', ['Stoneware', 'Glass', 'Enamel']]],
  },
  {
    category: 'cookware',
    nouns: ['Skillet', 'Saucepan', 'Dutch oven', 'Baking dish', 'Griddle'],
    price: [1800, 9500],
    options: { size: ['20cm', '24cm', '28cm'] },
    specs: [
      ['Material', ['Cast iron', 'Carbon steel', 'Stainless steel']],
      ['Induction ready', ['Yes', 'No']],
    ],
  },
  {
    category: 'vases',
    nouns: ['Vase', 'Planter', 'Bud vase', 'Urn', 'Pot'],
    price: [900, 5200],
    options: { size: ['Small', 'Medium', 'Large'] },
    specs: [['Finish', ['Matte', 'Glazed', 'Raw']]],
  },
  {
    category: 'candles',
    nouns: ['Pillar candle', 'Tealight set', 'Scented candle', 'Diffuser', 'Taper pair'],
    price: [350, 2800],
    options: { scent: ['Cedar', 'Fig', 'Lavender', 'Amber'] },
    specs: [
      ['Burn time', ['20 h', '40 h', '60 h']],
      ['Wax', ['Soy', 'Beeswax', 'Rapeseed']],
    ],
  },
  {
    category: 'wall-art',
    nouns: ['Art print', 'Wall hanging', 'Mirror', 'Wall clock', 'Poster'],
    price: [1200, 8800],
    options: { size: ['A4', 'A3', 'A2'] },
    specs: [['Frame', ['Oak', 'Black', 'None']]],
  },
  {
    category: 'bedding',
    nouns: ['Duvet cover', 'Pillowcase pair', 'Fitted sheet', 'Quilt', 'Bedspread'],
    price: [1800, 9800],
    options: { size: ['Single', 'Double', 'King'] },
    specs: [
      ['Thread count', ['200', '300', '400']],
      ['Fabric', ['Linen', 'Cotton percale', 'Sateen']],
    ],
  },
  {
    category: 'throws',
    nouns: ['Throw', 'Blanket', 'Cushion cover', 'Picnic rug', 'Bolster'],
    price: [1500, 8900],
    options: { colour: ['Oat', 'Rust', 'Forest', 'Navy'] },
    specs: [['Fabric', ['Wool', 'Cotton', 'Mohair blend']]],
  },
  {
    category: 'knitwear',
    nouns: ['Crew jumper', 'Cardigan', 'Beanie', 'Roll-neck', 'Vest'],
    price: [1900, 9900],
    options: { size: ['S', 'M', 'L', 'XL'] },
    specs: [['Yarn', ['Merino', 'Lambswool', 'Cotton']]],
  },
  {
    category: 't-shirts',
    nouns: ['T-shirt', 'Long-sleeve top', 'Tank top', 'Henley', 'Polo'],
    price: [700, 3200],
    options: { size: ['S', 'M', 'L', 'XL'] },
    specs: [['Fabric', ['Organic cotton', 'Jersey', 'Slub cotton']]],
  },
  {
    category: 'scarves',
    nouns: ['Scarf', 'Wrap', 'Bandana', 'Snood', 'Shawl'],
    price: [800, 4500],
    options: { colour: ['Camel', 'Grey', 'Burgundy'] },
    specs: [['Fabric', ['Wool', 'Silk', 'Cotton']]],
  },
  {
    category: 'bags',
    nouns: ['Tote', 'Backpack', 'Crossbody bag', 'Market bag', 'Pouch'],
    price: [900, 7500],
    options: { colour: ['Natural', 'Black', 'Olive'] },
    specs: [['Material', ['Canvas', 'Leather', 'Jute']]],
  },
  {
    category: 'jewellery',
    nouns: ['Necklace', 'Earrings', 'Bracelet', 'Ring', 'Brooch'],
    price: [600, 6500],
    specs: [['Metal', ['Sterling silver', 'Brass', 'Gold plated']]],
  },
  {
    category: 'preserves',
    nouns: ['Jam', 'Marmalade', 'Chutney', 'Honey', 'Fruit curd'],
    price: [350, 1200],
    specs: [
      ['Weight', ['225 g', '340 g', '454 g']],
      ['Shelf life', ['12 months', '18 months']],
    ],
  },
  {
    category: 'oils',
    nouns: ['Olive oil', 'Rapeseed oil', 'Balsamic vinegar', 'Cider vinegar', 'Chilli oil'],
    price: [500, 2400],
    specs: [['Volume', ['250 ml', '500 ml', '750 ml']]],
  },
  {
    category: 'grains',
    nouns: ['Spaghetti', 'Risotto rice', 'Pearl barley', 'Couscous', 'Rigatoni'],
    price: [250, 900],
    specs: [['Weight', ['500 g', '1 kg']]],
  },
  {
    category: 'chocolate',
    nouns: ['Dark chocolate bar', 'Milk chocolate bar', 'Truffle box', 'Hot chocolate', 'Chocolate buttons'],
    price: [300, 2200],
    specs: [['Cocoa', ['35%', '55%', '70%', '85%']]],
  },
  {
    category: 'biscuits',
    nouns: ['Shortbread', 'Oat biscuits', 'Crackers', 'Biscotti', 'Ginger snaps'],
    price: [250, 900],
    specs: [['Weight', ['150 g', '200 g', '300 g']]],
  },
  {
    category: 'coffee',
    nouns: ['Espresso beans', 'Filter coffee', 'Cold brew bags', 'Decaf beans', 'Ground coffee'],
    price: [700, 2600],
    options: { grind: ['Whole bean', 'Filter', 'Espresso'] },
    specs: [
      ['Roast', ['Light', 'Medium', 'Dark']],
      ['Weight', ['250 g', '1 kg']],
    ],
  },
  {
    category: 'tea',
    nouns: ['Breakfast tea', 'Green tea', 'Chamomile', 'Earl grey', 'Rooibos'],
    price: [400, 1800],
    specs: [['Format', ['Loose leaf', '20 bags', '50 bags']]],
  },
  {
    category: 'skincare',
    nouns: ['Face cream', 'Serum', 'Cleanser', 'Lip balm', 'Hand cream'],
    price: [600, 4200],
    options: { size: ['30ml', '50ml', '100ml'] },
    specs: [['Skin type', ['All', 'Dry', 'Sensitive']]],
  },
  {
    category: 'soap',
    nouns: ['Soap bar', 'Liquid soap', 'Soap flakes', 'Shaving soap', 'Guest soaps'],
    price: [300, 1500],
    specs: [['Base', ['Olive oil', 'Goat milk', 'Shea butter']]],
  },
  {
    category: 'bath',
    nouns: ['Bath salts', 'Body oil', 'Bath bomb set', 'Body scrub', 'Bath soak'],
    price: [500, 2600],
    specs: [['Volume', ['200 g', '400 g']]],
  },
  {
    category: 'paper',
    nouns: ['Notebook', 'Sketchbook', 'Planner', 'Journal', 'Notepad'],
    price: [350, 2500],
    options: { size: ['A6', 'A5', 'A4'] },
    specs: [
      ['Paper', ['80 gsm', '100 gsm', '120 gsm']],
      ['Ruling', ['Dotted', 'Lined', 'Plain']],
    ],
  },
  {
    category: 'cards',
    nouns: ['Birthday card', 'Thank-you card', 'Wedding card', 'Card set', 'Postcard pack'],
    price: [150, 1200],
    specs: [['Envelope', ['Kraft', 'White']]],
  },
  {
    category: 'gifts',
    nouns: ['Gift box', 'Hamper', 'Gift set', 'Tasting kit', 'Advent calendar'],
    price: [1500, 9000],
    specs: [['Contents', ['3 items', '5 items', '8 items']]],
  },
  {
    category: 'garden',
    nouns: ['Trowel', 'Pruners', 'Watering can', 'Kneeler', 'Seed tray'],
    price: [600, 4800],
    specs: [['Material', ['Steel', 'Ash wood', 'Recycled plastic']]],
  },
  {
    category: 'camping',
    nouns: ['Enamel plate', 'Camp stool', 'Lantern', 'Flask', 'Fire starter kit'],
    price: [700, 6500],
    options: { colour: ['Green', 'Orange', 'Sand'] },
    specs: [['Weight', ['200 g', '500 g', '1.2 kg']]],
  },
];

const ADJECTIVES = [
  'Classic',
  'Rustic',
  'Nordic',
  'Coastal',
  'Heritage',
  'Modern',
  'Artisan',
  'Organic',
  'Studio',
  'Handmade',
  'Everyday',
  'Alpine',
  'Harvest',
  'Meadow',
  'Urban',
  'Vintage',
];
const LINES = [
  'Aster',
  'Birch',
  'Cove',
  'Dune',
  'Ember',
  'Fern',
  'Grove',
  'Haven',
  'Isla',
  'Juniper',
  'Kestrel',
  'Linden',
  'Moss',
  'Nova',
  'Orchard',
  'Pebble',
  'Quarry',
  'Ridge',
  'Sorrel',
  'Tide',
];
const CERTIFICATIONS = ['FSC', 'GOTS', 'Fairtrade', 'B Corp', 'Organic', 'OEKO-TEX', 'Vegan', 'ISO 9001'];

/** mulberry32, seeded: the catalog is the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` products for one manufacturer (its `slug` prefixes every SKU), themes rotating by `offset`. */
export function demoCatalogFor(
  slug: string,
  currency: Currency,
  count: number,
  offset: number,
): NewProduct[] {
  const rand = random(offset * 7919 + 17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const products: NewProduct[] = [];
  for (let i = 0; i < count; i++) {
    const theme = THEMES[(offset + i) % THEMES.length]!;
    const noun = theme.nouns[Math.floor(i / THEMES.length) % theme.nouns.length]!;
    const name = `${pick(ADJECTIVES)} ${pick(LINES)} ${noun.toLowerCase()}`.replace(/^./, (c) =>
      c.toUpperCase(),
    );
    const sku = `${slug.toUpperCase()}-C${String(i + 1).padStart(5, '0')}`;
    const base = theme.price[0] + Math.round((rand() * (theme.price[1] - theme.price[0])) / 10) * 10;
    const casePack = pick([1, 1, 2, 4, 6, 12]);
    const moq = casePack * pick([1, 2, 3]);
    const [optionName, values] =
      theme.options && rand() < 0.7 ? Object.entries(theme.options)[0]! : [null, []];
    const variantValues = optionName ? values.slice(0, 1 + Math.floor(rand() * values.length)) : [null];
    const certifications = CERTIFICATIONS.filter(() => rand() < 0.15);
    products.push({
      sku,
      name,
      description: `${name}: ${noun.toLowerCase()} from the ${pick(LINES)} collection, made to order in batches and packed in cases of ${casePack}. Wholesale only.`,
      category: theme.category,
      currency,
      status: rand() < 0.95 ? 'published' : 'draft',
      images: Array.from(
        { length: 1 + Math.floor(rand() * 4) },
        (_, k) => `demo/${sku.toLowerCase()}-${k + 1}.jpg`,
      ),
      specifications: theme.specs.map(([spec, choices]) => ({ name: spec, value: pick(choices) })),
      certifications,
      leadTimeDays: pick([2, 3, 5, 7, 10, 14, 21, 30]),
      variants: variantValues.map((value, v) => {
        const price = base + v * Math.round(base * 0.1);
        return {
          sku: value ? `${sku}-${String(v + 1).padStart(2, '0')}` : sku,
          ...(optionName && value ? { options: { [optionName]: value } } : {}),
          priceMinor: price,
          priceTiers: [
            { minQuantity: moq * 5, priceMinor: Math.round(price * 0.95) },
            { minQuantity: moq * 20, priceMinor: Math.round(price * 0.88) },
          ],
          moq,
          casePack,
          unitCostMinor: Math.round(price * (0.45 + rand() * 0.2)),
          stock: Math.floor(rand() * 50) * casePack * 10,
        };
      }),
    });
  }
  return products;
}
