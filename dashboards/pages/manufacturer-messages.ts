/** The manufacturer's sales dashboard's words (its shared words are in messages.ts). */
import { localized, type Catalog } from '../../marketplace/ui/i18n/index.ts';

type Granularity = 'day' | 'week' | 'month';
type FilterName = 'country' | 'category';

const en = {
  title: 'Sales dashboard',
  description: 'Your sales, customers and market position, in US dollars.',
  categoryHint: 'Narrows top products',
  thisPeriod: 'This period',
  sales: 'Sales',
  salesUsd: 'Sales (USD)',
  comparedUsd: (compareName: string) => `${compareName} (USD)`,
  trend: 'Sales trend',
  trendSubtitle: (granularity: Granularity, range: string, compareName: string) =>
    `Sales in USD by ${granularity}, ${range}; dashed: ${compareName.toLowerCase()}`,
  trendLabel: (granularity: Granularity, sales: string, range: string) =>
    `Sales by ${granularity}: ${sales} in ${range}`,
  customers: 'Customers',
  repeatRate: (rate: string, allCountries: boolean) =>
    `Repeat rate in 90 days: ${rate}${allCountries ? ' (all countries)' : ''}`,
  notFiltered: (missing: FilterName[]) =>
    `Not filtered by ${missing.join(' or ')}: this figure has no such detail.`,
  linesOf: (product: string) => `Order lines of ${product}`,
  topProducts: 'Top products',
  topProductsSubtitle: (period: string) => `By revenue, ${period}`,
  topProductsCaption: 'Top products by revenue',
  noProducts: 'No products sold in this period',
  newCustomers: 'New',
  returningCustomers: 'Returning',
  newVsReturning: 'New vs returning customers',
  newVsReturningSubtitle: 'Retailers ordering from you each month',
  newCustomersColumn: 'New customers',
  returningCustomersColumn: 'Returning customers',
  noCustomers: 'No customers in this period',
  customersLabel: (months: string) => `Customers by month: ${months}`,
  customersMonth: (month: string, fresh: string, returning: string) =>
    `${month} ${fresh} new, ${returning} returning`,
  benchmarks: 'Benchmark vs peers',
  benchmarksSubtitle: 'Your monthly sales next to anonymised peers in your group',
  yourSales: 'Your sales',
  yourSalesUsd: 'Your sales (USD)',
  p25: 'Peers p25',
  p25Usd: 'Peers p25 (USD)',
  median: 'Median',
  medianUsd: 'Median (USD)',
  p75: 'p75',
  p75Usd: 'p75 (USD)',
  p90: 'p90',
  p90Usd: 'p90 (USD)',
  youAre: 'You are',
  notEnoughPeers: 'Not enough peers',
  top10: 'Top 10%',
  top25: 'Top 25%',
  aboveMedian: 'Above median',
  belowMedian: 'Below median',
  bottom25: 'Bottom 25%',
  withheld: 'withheld, not enough peers',
  everyMonth: 'Every month: peer bands are monthly and not split by country or category.',
  withheldNote:
    'Not enough peers: bands are shown only when your peer group has at least 5 other manufacturers, so no single competitor can be identified.',
  benchmarksCaption: 'Monthly sales against peer bands',
  noBenchmark: 'No benchmark yet',
  noBenchmarkBody:
    'Benchmarks appear after your first month of sales, once the warehouse has compared it with your peers.',
};
const GRANULARITY_ES: Record<Granularity, string> = { day: 'día', week: 'semana', month: 'mes' };
const FILTER_ES: Record<FilterName, string> = { country: 'país', category: 'categoría' };

const es = {
  title: 'Panel de ventas',
  description: 'Sus ventas, clientes y posición en el mercado, en dólares estadounidenses.',
  categoryHint: 'Acota los productos más vendidos',
  thisPeriod: 'Este periodo',
  sales: 'Ventas',
  salesUsd: 'Ventas (USD)',
  comparedUsd: (compareName) => `${compareName} (USD)`,
  trend: 'Evolución de las ventas',
  trendSubtitle: (granularity, range, compareName) =>
    `Ventas en USD por ${GRANULARITY_ES[granularity]}, ${range}; discontinua: ${compareName.toLowerCase()}`,
  trendLabel: (granularity, sales, range) =>
    `Ventas por ${GRANULARITY_ES[granularity]}: ${sales} en ${range}`,
  customers: 'Clientes',
  repeatRate: (rate, allCountries) =>
    `Tasa de repetición en 90 días: ${rate}${allCountries ? ' (todos los países)' : ''}`,
  notFiltered: (missing) =>
    `Sin filtrar por ${missing.map((f) => FILTER_ES[f]).join(' ni ')}: esta cifra no tiene ese detalle.`,
  linesOf: (product) => `Líneas de pedido de ${product}`,
  topProducts: 'Productos más vendidos',
  topProductsSubtitle: (period) => `Por ingresos, ${period}`,
  topProductsCaption: 'Productos más vendidos por ingresos',
  noProducts: 'No se vendió ningún producto en este periodo',
  newCustomers: 'Nuevos',
  returningCustomers: 'Recurrentes',
  newVsReturning: 'Clientes nuevos y recurrentes',
  newVsReturningSubtitle: 'Minoristas que le hacen pedidos cada mes',
  newCustomersColumn: 'Clientes nuevos',
  returningCustomersColumn: 'Clientes recurrentes',
  noCustomers: 'No hay clientes en este periodo',
  customersLabel: (months) => `Clientes por mes: ${months}`,
  customersMonth: (month, fresh, returning) => `${month}: ${fresh} nuevos, ${returning} recurrentes`,
  benchmarks: 'Comparación con sus pares',
  benchmarksSubtitle: 'Sus ventas mensuales junto a las de pares anónimos de su grupo',
  yourSales: 'Sus ventas',
  yourSalesUsd: 'Sus ventas (USD)',
  p25: 'Pares p25',
  p25Usd: 'Pares p25 (USD)',
  median: 'Mediana',
  medianUsd: 'Mediana (USD)',
  p75: 'p75',
  p75Usd: 'p75 (USD)',
  p90: 'p90',
  p90Usd: 'p90 (USD)',
  youAre: 'Su posición',
  notEnoughPeers: 'No hay suficientes pares',
  top10: '10 % superior',
  top25: '25 % superior',
  aboveMedian: 'Por encima de la mediana',
  belowMedian: 'Por debajo de la mediana',
  bottom25: '25 % inferior',
  withheld: 'oculto, no hay suficientes pares',
  everyMonth: 'Todos los meses: las bandas de pares son mensuales y no se dividen por país ni categoría.',
  withheldNote:
    'No hay suficientes pares: las bandas solo se muestran cuando su grupo tiene al menos otros 5 fabricantes, para que no se pueda identificar a ningún competidor.',
  benchmarksCaption: 'Ventas mensuales frente a las bandas de pares',
  noBenchmark: 'Aún no hay comparación',
  noBenchmarkBody:
    'La comparación aparece tras su primer mes de ventas, cuando el almacén de datos la ha calculado con sus pares.',
} satisfies Catalog<typeof en>;
const GRANULARITY_FR: Record<Granularity, string> = { day: 'jour', week: 'semaine', month: 'mois' };
const FILTER_FR: Record<FilterName, string> = { country: 'pays', category: 'catégorie' };

const fr = {
  title: 'Tableau de bord des ventes',
  description: 'Vos ventes, vos clients et votre position sur le marché, en dollars américains.',
  categoryHint: 'Restreint les meilleurs produits',
  thisPeriod: 'Cette période',
  sales: 'Ventes',
  salesUsd: 'Ventes (USD)',
  comparedUsd: (compareName) => `${compareName} (USD)`,
  trend: 'Évolution des ventes',
  trendSubtitle: (granularity, range, compareName) =>
    `Ventes en USD par ${GRANULARITY_FR[granularity]}, ${range}\u00a0; en pointillés\u00a0: ${compareName.toLowerCase()}`,
  trendLabel: (granularity, sales, range) =>
    `Ventes par ${GRANULARITY_FR[granularity]}\u00a0: ${sales} sur ${range}`,
  customers: 'Clients',
  repeatRate: (rate, allCountries) =>
    `Taux de réachat à 90 jours\u00a0: ${rate}${allCountries ? ' (tous les pays)' : ''}`,
  notFiltered: (missing) =>
    `Non filtré par ${missing.map((f) => FILTER_FR[f]).join(' ni ')}\u00a0: ce chiffre n’a pas ce détail.`,
  linesOf: (product) => `Lignes de commande de ${product}`,
  topProducts: 'Meilleurs produits',
  topProductsSubtitle: (period) => `Par chiffre d’affaires, ${period}`,
  topProductsCaption: 'Meilleurs produits par chiffre d’affaires',
  noProducts: 'Aucun produit vendu sur cette période',
  newCustomers: 'Nouveaux',
  returningCustomers: 'Fidèles',
  newVsReturning: 'Nouveaux clients et clients fidèles',
  newVsReturningSubtitle: 'Les détaillants qui vous commandent chaque mois',
  newCustomersColumn: 'Nouveaux clients',
  returningCustomersColumn: 'Clients fidèles',
  noCustomers: 'Aucun client sur cette période',
  customersLabel: (months) => `Clients par mois\u00a0: ${months}`,
  customersMonth: (month, fresh, returning) => `${month}\u00a0: ${fresh} nouveaux, ${returning} fidèles`,
  benchmarks: 'Comparaison avec vos pairs',
  benchmarksSubtitle: 'Vos ventes mensuelles à côté de celles de pairs anonymisés de votre groupe',
  yourSales: 'Vos ventes',
  yourSalesUsd: 'Vos ventes (USD)',
  p25: 'Pairs p25',
  p25Usd: 'Pairs p25 (USD)',
  median: 'Médiane',
  medianUsd: 'Médiane (USD)',
  p75: 'p75',
  p75Usd: 'p75 (USD)',
  p90: 'p90',
  p90Usd: 'p90 (USD)',
  youAre: 'Votre position',
  notEnoughPeers: 'Pas assez de pairs',
  top10: '10 % supérieurs',
  top25: '25 % supérieurs',
  aboveMedian: 'Au-dessus de la médiane',
  belowMedian: 'En dessous de la médiane',
  bottom25: '25 % inférieurs',
  withheld: 'masqué, pas assez de pairs',
  everyMonth:
    'Tous les mois\u00a0: les bandes des pairs sont mensuelles et ne sont pas ventilées par pays ni par catégorie.',
  withheldNote:
    'Pas assez de pairs\u00a0: les bandes ne s’affichent que si votre groupe compte au moins 5 autres fabricants, pour qu’aucun concurrent ne puisse être identifié.',
  benchmarksCaption: 'Ventes mensuelles face aux bandes des pairs',
  noBenchmark: 'Pas encore de comparaison',
  noBenchmarkBody:
    'La comparaison apparaît après votre premier mois de ventes, une fois que l’entrepôt de données l’a calculée avec vos pairs.',
} satisfies Catalog<typeof en>;

export const manufacturerMessages = localized({ en, es, fr });
