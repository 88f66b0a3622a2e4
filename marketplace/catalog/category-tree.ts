/**
 * The category tree: reference data, inserted by migration 2026_11_25_0003 (parents before children).
 * A path is the slugs from the root joined by "/"; the slug is its last segment and is unique.
 * Add categories with a new migration; never rename a slug in place (links and CSV files use it).
 */
export interface CategorySeed {
  path: string;
  slug: string;
  name: string;
}

const tree: Array<[string, string]> = [
  ['home', 'Home & Living'],
  ['home/kitchen', 'Kitchen & Dining'],
  ['home/kitchen/tableware', 'Tableware'],
  ['home/kitchen/drinkware', 'Mugs & Drinkware'],
  ['home/kitchen/cookware', 'Cookware'],
  ['home/decor', 'Home Decor'],
  ['home/decor/vases', 'Vases & Planters'],
  ['home/decor/candles', 'Candles & Scents'],
  ['home/decor/wall-art', 'Wall Art'],
  ['home/textiles', 'Home Textiles'],
  ['home/textiles/bedding', 'Bedding'],
  ['home/textiles/throws', 'Throws & Blankets'],
  ['fashion', 'Fashion'],
  ['fashion/apparel', 'Apparel'],
  ['fashion/apparel/knitwear', 'Knitwear'],
  ['fashion/apparel/t-shirts', 'T-shirts & Tops'],
  ['fashion/accessories', 'Accessories'],
  ['fashion/accessories/scarves', 'Scarves'],
  ['fashion/accessories/bags', 'Bags & Totes'],
  ['fashion/accessories/jewellery', 'Jewellery'],
  ['food', 'Food & Drink'],
  ['food/pantry', 'Pantry'],
  ['food/pantry/preserves', 'Jams & Preserves'],
  ['food/pantry/oils', 'Oils & Vinegars'],
  ['food/pantry/grains', 'Grains & Pasta'],
  ['food/snacks', 'Snacks & Confectionery'],
  ['food/snacks/chocolate', 'Chocolate'],
  ['food/snacks/biscuits', 'Biscuits & Crackers'],
  ['food/beverages', 'Beverages'],
  ['food/beverages/coffee', 'Coffee'],
  ['food/beverages/tea', 'Tea'],
  ['beauty', 'Beauty & Wellness'],
  ['beauty/skincare', 'Skincare'],
  ['beauty/bath', 'Bath & Body'],
  ['beauty/bath/soap', 'Soap'],
  ['stationery', 'Stationery & Gifts'],
  ['stationery/paper', 'Notebooks & Paper'],
  ['stationery/cards', 'Greeting Cards'],
  ['stationery/gifts', 'Gift Sets'],
  ['outdoor', 'Garden & Outdoor'],
  ['outdoor/garden', 'Garden Tools'],
  ['outdoor/camping', 'Camping'],
];

export const CATEGORY_TREE: CategorySeed[] = tree.map(([path, name]) => ({
  path,
  slug: path.slice(path.lastIndexOf('/') + 1),
  name,
}));
